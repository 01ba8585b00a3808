package narrative

import (
	"bytes"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
	"gongkai/importer/published"
	"gongkai/importer/text"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// docPDF writes the whole document of d (cover, 目录, text, tables, with a
// running header on every page) as gongkai's document PDF.
func docPDF(t *testing.T, d *model.Disclosure, o Options) []byte {
	t.Helper()
	doc, _, err := Document(d, o)
	if err != nil {
		t.Fatal(err)
	}
	font, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, pdf.Options{Font: font}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The whole-document PDF read back: no unread line, no C-* error, each
// table as the model prints it, read once, and the 目录 as structure.
func TestDocumentPDFRoundTrip(t *testing.T) {
	shanghai, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		prof *profiles.Profile
	}{
		{"tianmen-12345-2023.json", nil},
		{"tianmen-12345-2026.json", nil},
		{"shanghai-wanli-2025.json", shanghai},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := loadExample(t, tc.name)
			data := docPDF(t, d, Options{Tables: templates.Options{Profile: tc.prof}})
			pd, err := published.PDF(data, published.PDFOptions{Name: "doc.pdf"})
			if err != nil {
				t.Fatal(err)
			}
			if len(pd.Contents) < 5 {
				t.Errorf("目录 read as %d entries: %v", len(pd.Contents), pd.Contents)
			}
			for _, e := range pd.Contents {
				if e.Page < 1 || e.Page > len(pd.Pages) || strings.ContainsAny(e.Title, ".…") {
					t.Errorf("目录 entry %+v", e)
				}
			}
			r, err := text.Parse(strings.NewReader(pd.Text), text.Options{Name: "doc.pdf"})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range r.Unread {
				t.Errorf("unread line %d (page %d): %s", u.Line, pd.Page(u.Line), u.Text)
			}
			for _, f := range check.Disclosure(r.Disclosure, check.Options{}) {
				if strings.HasPrefix(f.Rule, "C-") && f.Severity == model.SeverityError {
					t.Errorf("%s %s", f.Rule, f.Message)
				}
			}
			if tc.prof != nil {
				sameShanghaiTables(t, "document PDF", pd.Text, d, tc.prof)
				return
			}
			for _, id := range model.AllTables {
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
				if g, w := sheetBody(got), sheetBody(want); g != w {
					t.Errorf("%s differs:\nwant\n%s\ngot\n%s", id.Number(), w, g)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", pd.Text)
			}
		})
	}
}
