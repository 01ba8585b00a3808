// Package fonts reads TrueType fonts and TrueType Collection faces, answers
// which characters a face can show, and cuts standalone subsets of it.
//
// Its place in the flow: exporter/pdf asks a *Font which runes of a
// layout.Document it cannot show (Missing) before drawing anything, and hands
// the PDF library a Subset of the face holding only the characters the
// document uses. A font is parsed once (cmap, loca offsets, metrics); Subset
// then costs a fraction of a millisecond, where the PDF library would
// otherwise re-parse the whole 4–5 MB CJK font for every document.
//
// Measured on 2 busy cores (go test ./fonts -bench . -benchmem): Parse of
// the 4.6 MB default face 0.8–1.2 ms, 0.34 MB; Subset of 300 CJK runes
// 0.4–0.9 ms, 79 KB out; a one-page fpdf document with 300 runes costs
// 43–66 ms of CPU and 35 MB allocated when fpdf gets the full face, 10–15 ms
// and 7.5 MB when it gets the subset (Subset included).
//
// The package holds no font data itself: the embedded default face lives in
// fonts/wqymicrohei, so a program that brings its own font does not pay for it.
//
// Only TrueType outlines (glyf) are supported, because that is all the PDF
// library can embed: CFF-outline OpenType ("OTTO", e.g. Noto CJK) is refused
// with ErrCFF. Characters above U+FFFF are never reported as shown, because
// the PDF library panics on them.
//
// A *Font is immutable once parsed and safe for concurrent use.
package fonts
