package pdf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai/layout"
)

// TestExample2023OnePagePerTable: the ten tables of the 2023 example each
// fit on one page; the long ones (表一, 表四, 表六) are scaled down to fit,
// no further than the smallest size, the short ones are not scaled at all.
func TestExample2023OnePagePerTable(t *testing.T) {
	doc := example2023(t)
	p, err := Plan(doc, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Pages) != 10 || len(doc.Sheets) != 10 {
		t.Fatalf("%d pages for %d sheets, want 10 for 10:\n%s", len(p.Pages), len(doc.Sheets), p)
	}
	for i, pg := range p.Pages {
		sh := doc.Sheets[i]
		if pg.SheetID != sh.ID || pg.Continued || pg.FirstRow != 1 || pg.LastRow != len(sh.Rows) {
			t.Errorf("page %d: %s rows %d-%d continued %v, want all %d rows of %s", pg.Number, pg.SheetID, pg.FirstRow, pg.LastRow, pg.Continued, len(sh.Rows), sh.ID)
		}
		if pg.BodySize < smallest.bodySize || pg.BodySize > fullSize.bodySize {
			t.Errorf("page %d (%s): body %g pt, want %g–%g", pg.Number, pg.SheetID, pg.BodySize, smallest.bodySize, fullSize.bodySize)
		}
		if len(sh.Rows) < 15 && pg.BodySize != fullSize.bodySize {
			t.Errorf("page %d (%s, %d rows): scaled to %g pt though it fits at full size", pg.Number, pg.SheetID, len(sh.Rows), pg.BodySize)
		}
	}
}

// measurer returns a pager that measures with the default font.
func measurer(t *testing.T, doc layout.Document) *pager {
	t.Helper()
	s, _, err := prepare(doc, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	return &pager{s: measureOnly{s}, plan: &PagePlan{}}
}

// TestNamesOnOneLine: in the 2023 example no code or name wraps (e.g.
// 224灾害防治及应急管理支出, 509资本性支出(基本建设)), and every amount
// column still holds its widest value.
func TestNamesOnOneLine(t *testing.T) {
	doc := example2023(t)
	p := measurer(t, doc)
	for _, sh := range doc.Sheets {
		g := p.fitGrid(sh)
		body := p.width(g.m.bodySize)
		for _, row := range sh.Rows {
			_, cells := p.measureRow(g, row)
			for i, c := range cells {
				if len(c.lines) > 1 {
					t.Errorf("%s %s: %q wraps to %d lines in a column %.1f mm wide", sh.ID, row.Ref, row.Cells[i].Text, len(c.lines), c.w)
				}
			}
			for c, cell := range row.Cells {
				k := sh.Columns[c].Kind
				if k != layout.KindAmount && k != layout.KindNumber || cell.Empty {
					continue
				}
				_, w := g.cellBox(c, 1)
				if need := lineWidth(cell.Text, body) + 2*padH; w < need {
					t.Errorf("%s %s column %s: %.1f mm, %q needs %.1f mm", sh.ID, row.Ref, sh.Columns[c].Key, w, cell.Text, need)
				}
			}
		}
		if got := g.width(); got < 266.9 || got > 267.1 {
			t.Errorf("%s: grid %.2f mm wide, want the printable width 267 mm", sh.ID, got)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	name := func(s string) layout.Cell { return layout.TextCell(s) }
	tests := []struct {
		name      string
		nameWidth float64 // relative width of the name column; amounts are 6 each
		amounts   int
		text      string
		value     string
		oneLine   bool // the name should end on one line
	}{
		{"amounts give width", 5, 6, "224灾害防治及应急管理支出", "231.79", true},
		{"not enough to give", 5, 6, "机关事业单位职业年金缴费及其他社会保障缴费（含补充医疗保险和住房公积金）", "231.79", false},
		{"already wide enough", 20, 2, "事业运行", "1.00", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh := layout.Sheet{ID: "tx", Page: layout.Page{Landscape: false},
				Columns: []layout.Column{{Key: "name", Kind: layout.KindText, Width: tc.nameWidth}}}
			r := layout.Row{Cells: []layout.Cell{name(tc.text)}}
			for i := range tc.amounts {
				sh.Columns = append(sh.Columns, layout.Column{Key: "a" + strconv.Itoa(i), Kind: layout.KindAmount, Width: 6})
				sh.Header = append(sh.Header, layout.HeaderCell{Row: 0, Col: i + 1, RowSpan: 1, ColSpan: 1, Text: "政府性基金预算"})
				r.Cells = append(r.Cells, amt(tc.value))
			}
			sh.Rows = []layout.Row{r}
			p := measurer(t, layout.Document{Sheets: []layout.Sheet{sh}})
			printW := a4Short - marginLeft - marginRight
			w := columnWidths(sh, printW, fullSize, p)
			sum := 0.0
			for _, x := range w {
				sum += x
			}
			if sum < printW-0.01 || sum > printW+0.01 {
				t.Errorf("widths add up to %.2f mm, want %.2f", sum, printW)
			}
			body, head := p.width(fullSize.bodySize), p.width(fullSize.headSize)
			lines := len(wrap(tc.text, w[0]-2*padH, body))
			if (lines == 1) != tc.oneLine {
				t.Errorf("name on %d lines in %.1f mm", lines, w[0])
			}
			for c := 1; c < len(w); c++ {
				if need := lineWidth(tc.value, body) + 2*padH; w[c] < need {
					t.Errorf("amount column %d: %.1f mm < %.1f mm its value needs", c, w[c], need)
				}
				if h := wrapBalanced("政府性基金预算", w[c]-2*padH, head); len(h) > 2 {
					t.Errorf("amount column %d: header on %d lines %q", c, len(h), h)
				}
			}
		})
	}
}

// longDoc is one sheet of n rows, landscape: too long for one page even at
// the smallest size when n is large.
func longDoc(n int) layout.Document {
	doc := handDoc()
	sh := longSheet(n)
	sh.Page.Landscape = true
	doc.Sheets = []layout.Sheet{sh}
	return doc
}

// TestLongTablePaginates: 120 rows do not fit on a page at any size, so the
// sheet continues over pages at full size, every page with its title
// marked （续） and the header rows repeated.
func TestLongTablePaginates(t *testing.T) {
	doc := longDoc(120)
	p, err := Plan(doc, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Pages) < 4 {
		t.Fatalf("120 rows on %d pages, want at least 4:\n%s", len(p.Pages), p)
	}
	next := 1
	for i, pg := range p.Pages {
		if pg.Continued != (i > 0) || pg.HeaderRows != 2 || pg.BodySize != fullSize.bodySize {
			t.Errorf("page %d: continued %v, %d header rows, body %g pt", pg.Number, pg.Continued, pg.HeaderRows, pg.BodySize)
		}
		if pg.FirstRow > 0 {
			if pg.FirstRow != next {
				t.Errorf("page %d starts at row %d, want %d", pg.Number, pg.FirstRow, next)
			}
			next = pg.LastRow + 1
		}
	}
	if next != 121 {
		t.Errorf("rows up to %d placed, want 120", next-1)
	}

	tool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, writePDF(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, pg := range p.Pages {
		n := strconv.Itoa(pg.Number)
		text := squeeze(run(t, "pdftotext", "-raw", "-f", n, "-l", n, path, "-"))
		want := []string{"一般公共预算基本支出表", "部门预算支出经济分类科目", "本年一般公共预算基本支出", "科目编码", "科目名称", "人员经费"}
		if pg.Continued {
			want = append(want, "一般公共预算基本支出表（续）")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d: %q not in the extracted text", pg.Number, w)
			}
		}
	}
}

// TestFitsJustOverOnePage: a sheet a little too long for one page at full
// size is scaled onto one page, and a sheet that fits is drawn at full
// size.
func TestFitsJustOverOnePage(t *testing.T) {
	for _, tc := range []struct {
		rows   int
		pages  int
		scaled bool
	}{{20, 1, false}, {28, 1, true}, {31, 1, true}, {40, 2, false}, {60, 3, false}} {
		p, err := Plan(longDoc(tc.rows), testOpts())
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Pages) != tc.pages || (p.Pages[0].BodySize < fullSize.bodySize) != tc.scaled {
			t.Errorf("%d rows: %d pages, body %g pt; want %d pages, scaled %v\n%s", tc.rows, len(p.Pages), p.Pages[0].BodySize, tc.pages, tc.scaled, p)
		}
	}
}
