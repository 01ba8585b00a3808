package published

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
	"gongkai/importer/text"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

func example(t testing.TB) *model.Disclosure {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "tianmen-12345-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// bodyText prints the body of a table as laid out: what a reader compares.
func bodyText(s layout.Sheet) string {
	var b strings.Builder
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(c.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// sameTables parses extracted text and requires the tables of d, cell for
// cell as they print, and no unread line.
func sameTables(t *testing.T, doc *Document, d *model.Disclosure, ids []model.TableID) {
	t.Helper()
	r, err := text.Parse(strings.NewReader(doc.Text), text.Options{Name: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range r.Unread {
		t.Errorf("unread line %d (page %d): %s", u.Line, doc.Page(u.Line), u.Text)
	}
	for _, id := range ids {
		if !r.Disclosure.Tables.Present(id) {
			t.Errorf("%s %s not read", id.Number(), id.Name())
			continue
		}
		want, err := templates.Sheet(d, id, templates.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := templates.Sheet(r.Disclosure, id, templates.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := bodyText(got), bodyText(want); g != w {
			t.Errorf("%s differs:\nwant\n%s\ngot\n%s", id.Number(), w, g)
		}
	}
	if t.Failed() {
		t.Logf("extracted text:\n%s", doc.Text)
	}
}

// gongkai's own PDF of the ten tables, read back: every table as printed.
func TestPDFOwnTables(t *testing.T) {
	d := example(t)
	doc, err := templates.Document(d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, pdf.Options{Font: f}); err != nil {
		t.Fatal(err)
	}
	got, err := PDF(buf.Bytes(), PDFOptions{Name: "own.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != len(doc.Sheets) {
		t.Errorf("pages: got %d, want %d", len(got.Pages), len(doc.Sheets))
	}
	sameTables(t, got, d, model.AllTables[:])
}

func TestPDFErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a pdf", []byte("%PDF-1.4\nthis is not a PDF at all\n"), ErrBroken},
		{"truncated", ownPDF(t)[:2000], ErrBroken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PDF(tc.data, PDFOptions{Name: "x.pdf"})
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "x.pdf" {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}

func ownPDF(t testing.TB) []byte {
	d := example(t)
	doc, err := templates.Document(d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, pdf.Options{Font: f}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
