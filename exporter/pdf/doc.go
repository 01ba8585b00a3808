// Package pdf draws a layout.Document as a PDF: A4 in each sheet's
// orientation, one table per page (continued on further pages with the
// header rows repeated when it cannot fit), CJK text in an embedded
// TrueType font.
//
// Place in the flow:
//
//	model ─► templates ─► layout.Document ─► exporter/pdf ─► .pdf
//
// The package never sees the model: it draws what the layout says. Drawing
// goes through a small interface of our own (surface). Write uses our own
// PDF writer (cid.go): pages of text and lines in one embedded CID font,
// outlines and metadata, about a third of the time of the PDF library
// (codeberg.org/go-pdf/fpdf), which per document parsed the subset again,
// JSON-encoded a 65,536-entry width table and compressed a 128 KB glyph map.
// The library is kept behind the same interface for comparison: a test
// checks that both put every word at the same place.
//
// The font is the caller's: Options.Font is required, and Write and Plan
// return ErrNoFont without it. Pass wqymicrohei.Font() (package
// gongkai/fonts/wqymicrohei, the embedded WenQuanYi Micro Hei) or a face
// from fonts.Load. This package does not import the default font, so a
// program that brings its own does not link its 4.6 MB.
//
// What Write guarantees:
//   - every string is checked against the font before anything is drawn; a
//     character the font cannot show, or a rune above U+FFFF, is a
//     *GlyphError naming the table, row, text and character — never a box;
//   - the metadata (Document.Title, Author, Subject) is checked too: a rune
//     above U+FFFF or invalid UTF-8 there is a *GlyphError at
//     文档属性（标题/作者/主题）;
//   - text wraps inside its cell without losing a character (our own
//     wrapper; the library's MultiCell drops one hanzi per wrapped line);
//   - a row never splits across pages; header rows repeat on continuation
//     pages;
//   - the font is embedded as a subset cut by package fonts to the runes the
//     document uses (glyph ids written directly, CIDToGIDMap /Identity, a
//     ToUnicode map so that copied text is the characters);
//   - the same Document gives byte-identical output (creation and
//     modification dates come from Document.Date).
//
// Column widths: the layout's relative widths (layout.Column.Width) are
// scaled to the printable width, then every code and name column that
// would wrap is widened to what its longest cell needs on one line, the
// width taken from the amount and number columns in proportion to their
// slack. An amount column never gets narrower than its widest value plus
// padding, nor than its header on two balanced lines (unless it started
// narrower). Needs are met whole, smallest first; width left over goes to
// a column that still wraps only where it saves lines.
//
// One page per table when it reasonably fits: a sheet is drawn at full
// size (title 16 pt, header and body 9 pt, rows at least 6.5 mm). When it
// needs more than one page at that size, it is scaled down in steps of
// 0.25 pt of body text, to at most body 7.5 pt in rows of at least 4.8 mm,
// header 8 pt, title 14 pt, and drawn at the largest step at which the
// whole sheet (title, header, rows, notes) fits on one page. When even the
// smallest step does not fit, the sheet is drawn at full size over as many
// pages as it needs, title marked （续） and header rows repeated. The page
// plan gives the body size of each page (PlannedPage.BodySize).
//
// Plan returns the page plan (which rows land on which page) without
// writing a PDF.
package pdf
