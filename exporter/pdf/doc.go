// Package pdf draws a layout.Document as a PDF: A4 landscape, one table per
// page (continued on further pages with the header rows repeated), CJK text
// in an embedded TrueType font.
//
// Place in the flow:
//
//	model ─► templates ─► layout.Document ─► exporter/pdf ─► .pdf
//
// The package never sees the model: it draws what the layout says. The PDF
// library (codeberg.org/go-pdf/fpdf) is kept behind a small interface of our
// own (surface), so it can be swapped.
//
// What Write guarantees:
//   - every string is checked against the font before anything is drawn; a
//     character the font cannot show, or a rune above U+FFFF, is a
//     *GlyphError naming the table, row, text and character — never a box;
//   - text wraps inside its cell without losing a character (our own
//     wrapper; the library's MultiCell drops one hanzi per wrapped line);
//   - a row never splits across pages; header rows repeat on continuation
//     pages;
//   - the font is embedded as a subset cut by package fonts to the runes the
//     document uses, so the library never parses the full CJK face;
//   - the same Document gives byte-identical output (creation and
//     modification dates come from Document.Date).
//
// Plan returns the page plan (which rows land on which page) without
// writing a PDF.
package pdf
