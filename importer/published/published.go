package published

// Document is the text of a published disclosure, ready for importer/text.
type Document struct {
	// Kind is "pdf", "html" or "docx".
	Kind string
	// Text holds one line per text line; a table row is one line of
	// tab-separated cells (a blank cell is an empty field).
	Text string
	// Pages gives, for a PDF, the 1-based line of Text where each page
	// starts; nil for other kinds.
	Pages []int
	// Scanned lists, for a PDF, the 1-based pages without a text layer
	// (scanned images): their content is not in Text and needs OCR.
	Scanned []int
	// Contents lists, for a PDF, the entries of its table of contents
	// (目录: a title, dot leaders and a page number), in order. They are
	// structure, not figures, and are not in Text.
	Contents []ContentsEntry
}

// A ContentsEntry is one line of a table of contents (目录).
type ContentsEntry struct {
	Title string
	Page  int
}

// Page returns the 1-based page of a 1-based line of Text, or 0 when the
// document has no pages.
func (d *Document) Page(line int) int {
	p := 0
	for i, start := range d.Pages {
		if start <= line {
			p = i + 1
		}
	}
	return p
}
