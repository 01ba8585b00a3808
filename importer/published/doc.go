// Package published turns a published budget disclosure that is not plain
// text — a PDF file, a web page saved from a browser, a Word (.docx) file —
// into the text that importer/text reads: narrative lines in reading order,
// and every table row as one line of tab-separated cells, with a blank cell
// kept as an empty field so that columns stay in place.
//
// It sits before importer/text in gongkai's one-way flow:
//
//	.pdf / .html / .docx → importer/published → text lines → importer/text → model.Disclosure
//
// PDF text is extracted with PDFium compiled to WebAssembly
// (github.com/klippa-app/go-pdfium/webassembly, run by wazero): no cgo and no
// system library, and the same text as the PDF viewers people use. Pure-Go
// readers were measured and rejected: github.com/ledongthuc/pdf returned
// garbage for gongkai's own PDFs (subset TrueType fonts with a ToUnicode map)
// and gave no usable positions for table cells. Compiling the WebAssembly
// module takes a few seconds, so one engine is started per process and the
// compiled code is cached on disk (PDFOptions.CacheDir); after that a
// 10-page PDF takes tens of milliseconds.
//
// Lines are rebuilt from character positions: characters whose boxes share a
// baseline form a line; a gap wider than about one character starts a new
// cell. Consecutive lines with two or more cells form a table block, whose
// columns are found from the cell positions of all its rows, so a blank cell
// becomes an empty field in its column. Page numbers alone on the first or
// last line of a page are dropped.
//
// A whole published document is more than its tables. A running header or
// footer (a line in the top or bottom two lines of at least half the pages,
// three at least, its digits aside: 第 3 页 is 第 4 页) is dropped with the
// rule drawn under (over) it; a unit line (单位：万元) and a line between
// a table's rules are never taken for one. The lines of a table of contents
// (目录: a title, dot leaders and a page number, or a title and a page
// number under a 目录 heading) are structure: they go to
// Document.Contents, not into the text. A table continued on the next page
// (its title again, with （续） or as it is, then its unit line and its
// header rows repeated) is joined to the page before: the repeated title,
// unit and header rows are dropped, so the table is read once.
//
// Errors are *Error values naming the file and, where it applies, the page;
// Err is one of the sentinels of errors.go (ErrNoTextLayer for a scanned PDF,
// ErrEncrypted, ErrBroken …).
package published
