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
// Errors are *Error values naming the file and, where it applies, the page;
// Err is one of the sentinels of errors.go (ErrNoTextLayer for a scanned PDF,
// ErrEncrypted, ErrBroken …).
package published
