package pdf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWrappedCellsCopyWhole: a header cell wrapped over two lines (表四's
// 一般公共预算 in a narrow column) is one ActualText span, so text extraction
// (what copy and paste gives) yields the whole words on one line, in the
// plain (non -raw) order where the pieces used to come out apart.
func TestWrappedCellsCopyWhole(t *testing.T) {
	tool(t, "pdftotext")
	doc := example2023(t)
	p, err := Plan(doc, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	page := ""
	for _, pg := range p.Pages {
		if pg.SheetID == "t04" && !pg.Continued {
			page = itoa(pg.Number)
		}
	}
	if page == "" {
		t.Fatal("no page for t04")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, writePDF(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(run(t, "pdftotext", "-f", page, "-l", page, path, "-"), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, whole := range []string{"一般公共预算", "政府性基金预算", "国有资本经营"} {
		if !lines[whole] {
			t.Errorf("t04 header %q is not one line of the extracted text: copy gives it in pieces", whole)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
