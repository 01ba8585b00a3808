package text

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

// sheetText writes a layout sheet the way a converter writes a table as
// text: title, units line, header grid, rows and notes, cells separated by
// sep ("\t" or " | " for markdown).
func sheetText(s layout.Sheet, sep string) string {
	var b strings.Builder
	b.WriteString(s.Title + "\n" + s.UnitLine + "\n")
	w := len(s.Columns)
	grid := make([][]string, s.HeaderRows)
	for i := range grid {
		grid[i] = make([]string, w)
	}
	for _, h := range s.Header {
		if h.Row < len(grid) && h.Col < w {
			grid[h.Row][h.Col] = h.Text
		}
	}
	line := func(cells []string) {
		if sep == "\t" {
			b.WriteString(strings.Join(cells, "\t") + "\n")
			return
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	for i, r := range grid {
		line(r)
		if i == 0 && sep != "\t" {
			line(strings.Split(strings.Repeat("---,", w-1)+"---", ","))
		}
	}
	for _, r := range s.Rows {
		cells := make([]string, w)
		for i, c := range r.Cells {
			if i < w {
				cells[i] = c.Text
			}
		}
		line(cells)
	}
	for _, n := range s.Notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

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
	for _, n := range s.Notes {
		b.WriteString("note: " + n + "\n")
	}
	return b.String()
}

// The ten tables of the bundled 2023 example, printed by the templates in
// official format and written out as text (tab-separated and markdown),
// read back into tables that print the same, cell for cell.
func TestTenTablesRoundTrip(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "tianmen-12345-2023.json"))
	if err != nil {
		t.Skipf("example not available: %v", err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(&d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sep := range []string{"\t", " | "} {
		var src strings.Builder
		src.WriteString(d.Department + "\n" + "2023年部门预算公开\n第三部分 2023年部门预算公开表\n")
		for _, s := range doc.Sheets {
			src.WriteString(sheetText(s, sep) + "\n")
		}
		r, err := Parse(strings.NewReader(src.String()), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Unread) != 0 {
			t.Errorf("sep %q: unread %v", sep, r.Unread)
		}
		for _, f := range r.Findings {
			if f.Severity != model.SeverityInfo {
				t.Errorf("sep %q: finding %v", sep, f)
			}
		}
		for _, id := range model.AllTables {
			if !r.Disclosure.Tables.Present(id) {
				t.Errorf("sep %q: %s %s not read", sep, id.Number(), id.Name())
				continue
			}
			want, err := templates.Sheet(&d, id, templates.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := templates.Sheet(r.Disclosure, id, templates.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if bodyText(got) != bodyText(want) {
				t.Errorf("sep %q: %s differs:\n%s", sep, id.Number(), lineDiff(bodyText(want), bodyText(got)))
			}
		}
	}
}
