package inputs

import (
	"bytes"
	"fmt"

	"gongkai/importer/published"
	"gongkai/importer/text"
)

// Published is a published disclosure ready for importer/text.
type Published struct {
	Kind Kind
	// Text is the text importer/text reads: the file itself for a text
	// file (decoded there), the extracted lines for PDF, HTML and DOCX.
	Text []byte
	// Pages gives, for a PDF, the 1-based line of Text where each page
	// starts; nil for other kinds.
	Pages []int
	// Scanned lists the PDF pages without a text layer (not read).
	Scanned []int
}

// Page returns the PDF page of a line of Text, or 0.
func (p *Published) Page(line int) int {
	d := published.Document{Pages: p.Pages}
	return d.Page(line)
}

// ReadPublished recognises a published disclosure by its content (text,
// PDF, saved web page, Word .docx) and returns its text. Other inputs (a
// JSON disclosure, a ledger, a workbook) are refused with an
// *UnsupportedError-like message that names the command to use.
func ReadPublished(name string, data []byte) (*Published, error) {
	k := Sniff(name, data)
	if len(data) == 0 {
		k = Text // an empty file is an empty text: the parser says nothing was found
	}
	var doc *published.Document
	var err error
	switch k {
	case Text:
		return &Published{Kind: k, Text: data}, nil
	case PDF:
		doc, err = published.PDF(data, published.PDFOptions{Name: name})
	case HTML:
		doc, err = published.HTML(data, published.HTMLOptions{Name: name})
	case DOCX:
		doc, err = published.DOCX(data, published.DOCXOptions{Name: name})
	case JSON, Ledger, Workbook:
		return nil, fmt.Errorf("%s: 这是%s，不是已公开的文件；请用 gongkai validate 或 gongkai export 读取 / this is %s input, not a published disclosure: use gongkai validate or export", name, k.Chinese(), k)
	case XLS:
		return nil, fmt.Errorf("%s: 这是旧版 Excel 97-2003 工作簿（.xls），请另存为 .xlsx", name)
	default:
		return nil, fmt.Errorf("%s: %w", name, &UnsupportedError{Kind: k, Why: whyUnknown(k, data)})
	}
	if err != nil {
		return nil, err
	}
	return &Published{Kind: k, Text: []byte(doc.Text), Pages: doc.Pages, Scanned: doc.Scanned}, nil
}

// ParsePublished reads a published disclosure of any kind ReadPublished
// knows and parses its text with importer/text.
func ParsePublished(name string, data []byte) (*text.Result, *Published, error) {
	p, err := ReadPublished(name, data)
	if err != nil {
		return nil, nil, err
	}
	res, err := text.Parse(bytes.NewReader(p.Text), text.Options{Name: name})
	if err != nil {
		return nil, nil, err
	}
	return res, p, nil
}
