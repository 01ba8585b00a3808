package published

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// DOCXOptions configure DOCX. The zero value is useful.
type DOCXOptions struct {
	// Name is the file name used in errors.
	Name string
}

// maxDocumentXML bounds the unpacked size of word/document.xml: a
// department's disclosure is well below a megabyte of XML.
const maxDocumentXML = 64 << 20

// DOCX reads a Word file (.docx, as saved by Word, WPS or LibreOffice):
// every paragraph as a line, and every table as tab-separated rows, with a
// merged cell (gridSpan, vMerge) kept as empty fields so columns stay in
// place. Text in a table nested inside a cell is joined into that cell.
func DOCX(data []byte, o DOCXOptions) (*Document, error) {
	fail := func(err error) error { return &Error{File: o.Name, Err: ErrBroken, Detail: err.Error()} }
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(err)
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			f = zf
		}
	}
	if f == nil {
		return nil, fail(errors.New("no word/document.xml"))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(err)
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(body) > maxDocumentXML {
		return nil, &Error{File: o.Name, Err: ErrTooLarge, Detail: "word/document.xml"}
	}
	w := &textWriter{}
	if err := readDocx(w, xml.NewDecoder(bytes.NewReader(body))); err != nil {
		return nil, fail(err)
	}
	w.flush()
	return &Document{Kind: "docx", Text: w.String()}, nil
}

// docxCell is a table cell being read.
type docxCell struct {
	text   strings.Builder
	span   int
	vMerge string // "restart", "continue" or ""
}

func readDocx(w *textWriter, d *xml.Decoder) error {
	const ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	var (
		depth int // table nesting
		g     *grid
		cell  *docxCell
		inT   bool
	)
	out := func(s string) {
		if cell != nil {
			cell.text.WriteString(s)
		} else {
			w.text(s)
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ns {
				continue
			}
			switch t.Name.Local {
			case "tbl":
				depth++
				if depth == 1 {
					w.flush()
					g = &grid{}
				}
			case "tr":
				if depth == 1 {
					g.startRow()
				}
			case "tc":
				if depth == 1 {
					cell = &docxCell{span: 1}
				}
			case "gridSpan":
				if depth == 1 && cell != nil {
					if v, err := strconv.Atoi(attr(t, "val")); err == nil && v > 1 {
						cell.span = min(v, maxSpan)
					}
				}
			case "vMerge":
				if depth == 1 && cell != nil {
					cell.vMerge = attr(t, "val")
					if cell.vMerge == "" {
						cell.vMerge = "continue"
					}
				}
			case "t":
				inT = true
			case "tab":
				out(" ")
			case "br", "cr":
				if cell != nil {
					out(" ")
				} else {
					w.flush()
				}
			}
		case xml.EndElement:
			if t.Name.Space != ns {
				continue
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "p":
				if cell != nil {
					out(" ")
				} else {
					w.flush()
				}
			case "tc":
				if depth == 1 && cell != nil {
					txt := collapse(cell.text.String())
					if cell.vMerge == "continue" {
						txt = ""
					}
					g.cell(txt, cell.span, 1)
					cell = nil
				}
			case "tbl":
				if depth == 1 && g != nil {
					for _, r := range g.rows {
						w.row(r)
					}
					g = nil
				}
				depth--
			}
		case xml.CharData:
			if inT {
				out(string(t))
			}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
