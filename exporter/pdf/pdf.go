package pdf

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"gongkai/fonts"
	"gongkai/layout"
)

// Options configure Write and Plan. Font is required: pass
// wqymicrohei.Font() (package gongkai/fonts/wqymicrohei, the embedded
// WenQuanYi Micro Hei) or a face from fonts.Load. This package does not
// import the default font, so a program that brings its own does not link
// its 4.6 MB; with a nil Font, Write and Plan return ErrNoFont.
type Options struct {
	Font *fonts.Font // required; nil gives ErrNoFont

	fullFont bool // hand the whole face to the library (benchmarks: the oldest way)
	library  bool // draw with the PDF library and a subset (benchmarks, comparison tests)
}

// drawSurface is a surface that writes a PDF: cidSurface (ours), or
// fpdfSurface (the PDF library, kept for comparison).
type drawSurface interface {
	surface
	output(w io.Writer) error
	err() error
}

// Write draws doc as a PDF on w: one table per page (scaled down a little
// when that makes it fit, else continued with its header rows repeated; see
// the package doc), A4 in each sheet's orientation, page numbers in the
// footer, a bookmark per sheet, metadata from the document. o.Font is
// required (ErrNoFont when nil). Before drawing, every string is checked
// against the font, and Title, Author and Subject for runes the metadata
// cannot hold; problems are returned as *GlyphError values (joined) and
// nothing is written.
func Write(w io.Writer, doc layout.Document, o Options) error {
	if empty(doc) {
		return ErrNoSheets
	}
	s, _, err := prepare(doc, o)
	if err != nil {
		return err
	}
	var plan *PagePlan
	if len(doc.Parts) > 0 {
		_, starts := paginateDocument(doc, measureOnly{s}, nil)
		plan, _ = paginateDocument(doc, s, starts)
	} else {
		plan = paginate(doc, s)
	}
	if err := errors.Join(plan.errs...); err != nil {
		return err
	}
	if err := s.err(); err != nil {
		return err
	}
	return s.output(w)
}

// prepare checks the glyphs, cuts the font subset and sets up the library.
func prepare(doc layout.Document, o Options) (drawSurface, []rune, error) {
	f := o.Font
	if f == nil {
		return nil, nil, ErrNoFont
	}
	runes, err := checkGlyphs(doc, f)
	if err != nil {
		return nil, nil, err
	}
	meta := surfaceMeta{
		title: doc.Title, author: doc.Author, subject: doc.Subject, date: doc.Date,
		baseFont:  subsetName(f.Name(), runes),
		coverPage: doc.Cover != nil && len(doc.Parts) > 0,
	}
	if o.fullFont || o.library {
		ttf := f.TTF()
		if !o.fullFont {
			if ttf, err = f.Subset(runes); err != nil {
				return nil, nil, fmt.Errorf("exporter/pdf: 字体子集化失败: %w", err)
			}
		}
		s, err := newFpdfSurface(ttf, meta)
		if err != nil {
			return nil, nil, err
		}
		return s, runes, nil
	}
	ttf, err := f.Subset(runes)
	if err != nil {
		return nil, nil, fmt.Errorf("exporter/pdf: 字体子集化失败: %w", err)
	}
	s := newCIDSurface(f, runes, ttf, meta)
	return s, runes, nil
}

// subsetName is the PDF name of the embedded subset: a tag of six capital
// letters that depends on the runes, "+", and the font's name without
// spaces (ISO 32000-1 §9.6.4).
func subsetName(name string, runes []rune) string {
	h := fnv.New32a()
	for _, r := range runes {
		h.Write([]byte(string(r)))
	}
	sum := h.Sum32()
	var tag [6]byte
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	var b strings.Builder
	for _, r := range name {
		if r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			b.WriteRune(r)
		}
	}
	ps := b.String()
	if ps == "" {
		ps = "CJKFont"
	}
	if len(ps) > 48 {
		ps = ps[:48]
	}
	return string(tag[:]) + "+" + ps
}

// empty reports a document with nothing to print.
func empty(doc layout.Document) bool {
	return len(doc.Sheets) == 0 && len(doc.Parts) == 0 && doc.Cover == nil
}
