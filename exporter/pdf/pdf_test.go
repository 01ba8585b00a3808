package pdf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gongkai/examples"
	"gongkai/fonts/wqymicrohei"
	"gongkai/importer/jsonin"
	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/templates"
)

// testOpts is Options with the embedded default font, as the CLI passes it.
func testOpts() Options {
	f, err := wqymicrohei.Font()
	if err != nil {
		panic(err)
	}
	return Options{Font: f}
}

// example2023 is the bundled 2023 example laid out by the templates.
func example2023(t testing.TB) layout.Document {
	t.Helper()
	b, err := examples.Get("tianmen-12345-2023.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := jsonin.Read(bytes.NewReader(b), "tianmen-12345-2023.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func writePDF(t testing.TB, doc layout.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, testOpts()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameDocumentSameBytes(t *testing.T) {
	for name, doc := range map[string]layout.Document{"hand": handDoc(), "2023": example2023(t)} {
		a, b := writePDF(t, doc), writePDF(t, doc)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two PDFs of the same document differ", name)
		}
		if !bytes.Contains(a, []byte("(D:"+doc.Date.Format("20060102150405")+")")) {
			t.Errorf("%s: creation date is not the document's date %v", name, doc.Date)
		}
	}
}

func TestPlanGolden(t *testing.T) {
	p, err := Plan(handDoc(), testOpts())
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "plan-hand", []byte(p.String()))
}

// TestPlanCoversEveryRow checks what a reader of the printed tables sees:
// each sheet starts on a new page, its rows follow in order with none
// missing or repeated, and every page of a sheet carries its header.
func TestPlanCoversEveryRow(t *testing.T) {
	for name, doc := range map[string]layout.Document{"hand": handDoc(), "2023": example2023(t)} {
		p, err := Plan(doc, testOpts())
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for _, sh := range doc.Sheets {
			next := 1
			first := true
			for ; i < len(p.Pages) && p.Pages[i].SheetID == sh.ID; i++ {
				pg := p.Pages[i]
				if pg.Continued == first {
					t.Errorf("%s page %d: Continued = %v", name, pg.Number, pg.Continued)
				}
				first = false
				if pg.HeaderRows != sh.HeaderRows {
					t.Errorf("%s page %d: %d header rows, want %d", name, pg.Number, pg.HeaderRows, sh.HeaderRows)
				}
				if pg.FirstRow == 0 {
					continue
				}
				if pg.FirstRow != next || pg.LastRow < pg.FirstRow {
					t.Errorf("%s page %d: rows %d-%d, want to start at %d", name, pg.Number, pg.FirstRow, pg.LastRow, next)
				}
				next = pg.LastRow + 1
			}
			if next != len(sh.Rows)+1 {
				t.Errorf("%s %s: rows up to %d placed, the sheet has %d", name, sh.ID, next-1, len(sh.Rows))
			}
		}
		if i != len(p.Pages) {
			t.Errorf("%s: %d pages left over", name, len(p.Pages)-i)
		}
	}
	if p, _ := Plan(handDoc(), testOpts()); len(p.Pages) < 3 || !p.Pages[2].Continued {
		t.Errorf("the 60-row sheet should continue over pages: %s", p)
	}
}

func TestGlyphErrors(t *testing.T) {
	f, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	const missing = '\uA66E' // CYRILLIC LETTER MULTIOCULAR O
	if f.Has(missing) {
		t.Fatalf("test needs a character the default font lacks; it has %U", missing)
	}
	tests := []struct {
		name   string
		edit   func(*layout.Document)
		sheet  string
		row    string
		r      rune
		inText string
	}{
		{"rune above U+FFFF in a name", func(d *layout.Document) {
			d.Sheets[0].Rows[3].Cells[3] = layout.TextCell("天门市𠀀中心")
		}, "表五 一般公共预算支出表", "第4行（t05.rows[3]）", 0x20000, "U+20000"},
		{"missing character in the title", func(d *layout.Document) {
			d.Sheets[1].Title = "基本支出表" + string(missing)
		}, "表六 一般公共预算基本支出表", "标题", missing, "U+A66E"},
		{"emoji in a note", func(d *layout.Document) {
			d.Sheets[2].Notes = []string{"注：空表😀"}
		}, "表八 政府性基金预算支出表", "注", 0x1F600, "U+1F600"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := handDoc()
			doc.Sheets = append([]layout.Sheet(nil), doc.Sheets...)
			for i := range doc.Sheets {
				doc.Sheets[i].Rows = append([]layout.Row(nil), doc.Sheets[i].Rows...)
				for j := range doc.Sheets[i].Rows {
					doc.Sheets[i].Rows[j].Cells = append([]layout.Cell(nil), doc.Sheets[i].Rows[j].Cells...)
				}
			}
			tc.edit(&doc)
			var buf bytes.Buffer
			err := Write(&buf, doc, testOpts())
			var ge *GlyphError
			if !errors.As(err, &ge) {
				t.Fatalf("Write error = %v, want a *GlyphError", err)
			}
			if ge.Sheet != tc.sheet || ge.Row != tc.row || ge.Rune != tc.r {
				t.Errorf("GlyphError{%q, %q, %q, %U}, want sheet %q row %q rune %U", ge.Sheet, ge.Row, ge.Text, ge.Rune, tc.sheet, tc.row, tc.r)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.inText) || !strings.Contains(msg, tc.sheet) {
				t.Errorf("message %q should name %s and %s", msg, tc.sheet, tc.inText)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
			if _, err := Plan(doc, testOpts()); !errors.As(err, &ge) {
				t.Errorf("Plan error = %v, want a *GlyphError", err)
			}
		})
	}
}

// TestNothingOnStdout: the library prints font problems to stdout; a CLI
// writing the PDF to stdout must not get them mixed in.
func TestNothingOnStdout(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	func() {
		defer func() { os.Stdout = old }()
		_ = Write(io.Discard, handDoc(), testOpts())
		doc := handDoc()
		doc.Sheets[0].Title += "😀"
		_ = Write(io.Discard, doc, testOpts())
	}()
	w.Close()
	if out := <-done; len(out) > 0 {
		t.Errorf("Write printed to stdout: %q", out)
	}
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian: poppler-utils / qpdf; `make deps` installs them): skipping", name)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestTextComesBack extracts the text of every page with pdftotext and
// finds on it the sheet's title, units line, header texts, and every cell of
// the rows the plan put there: names (the long one wrapped over lines
// included), codes and amounts.
func TestTextComesBack(t *testing.T) {
	tool(t, "pdftotext")
	dir := t.TempDir()
	for name, doc := range map[string]layout.Document{"hand": handDoc(), "2023": example2023(t)} {
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, writePDF(t, doc), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := Plan(doc, testOpts())
		if err != nil {
			t.Fatal(err)
		}
		sheets := map[string]layout.Sheet{}
		for _, sh := range doc.Sheets {
			sheets[sh.ID] = sh
		}
		for _, pg := range p.Pages {
			n := strconv.Itoa(pg.Number)
			text := squeeze(run(t, "pdftotext", "-raw", "-f", n, "-l", n, path, "-"))
			sh := sheets[pg.SheetID]
			want := []string{sh.Title, sh.UnitLine, "第" + n + "页/共" + strconv.Itoa(len(p.Pages)) + "页"}
			for _, h := range sh.Header {
				want = append(want, h.Text)
			}
			for i := pg.FirstRow; i > 0 && i <= pg.LastRow; i++ {
				for _, c := range sh.Rows[i-1].Cells {
					if !c.Empty {
						want = append(want, c.Text)
					}
				}
			}
			if pg.NoteLines > 0 {
				want = append(want, sh.Notes...)
			}
			for _, w := range want {
				if !strings.Contains(text, squeeze(w)) {
					t.Errorf("%s page %d (%s): %q not in the extracted text", name, pg.Number, pg.SheetID, w)
				}
			}
		}
	}
}

func TestFontEmbeddedAsSubset(t *testing.T) {
	tool(t, "pdffonts")
	path := filepath.Join(t.TempDir(), "2023.pdf")
	if err := os.WriteFile(path, writePDF(t, example2023(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want exactly one font:\n%s", out)
	}
	f := strings.Fields(lines[2])
	if !regexp.MustCompile(`^[A-Z]{6}\+WenQuanYiMicroHei$`).MatchString(f[0]) {
		t.Errorf("font name %q: want a subset tag ABCDEF+ and the font's name", f[0])
	}
	// name type... encoding emb sub uni object ID
	if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
		t.Errorf("want emb yes, sub yes, uni yes:\n%s", out)
	}
}

func TestQPDFCheckAndMetadata(t *testing.T) {
	doc := example2023(t)
	b := writePDF(t, doc)
	if len(b) > 200<<10 {
		t.Errorf("the 2023 example PDF is %d bytes, want well under 200 KB", len(b))
	}
	t.Logf("2023 example: %d bytes", len(b))
	if n := bytes.Count(b, []byte("/Dest [")); n != len(doc.Sheets) {
		t.Errorf("%d bookmarks, want one per sheet (%d)", n, len(doc.Sheets))
	}
	path := filepath.Join(t.TempDir(), "2023.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info := run(t, "pdfinfo", path)
	p, _ := Plan(doc, testOpts())
	for _, w := range []string{"Title:", doc.Title, "Author:", doc.Author, "Subject:", doc.Subject, "Creator:", "gongkai",
		"pts (A4)", "Pages:" + strings.Repeat(" ", 11) + strconv.Itoa(len(p.Pages))} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
}
