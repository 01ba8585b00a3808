package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

// The sheets of a converted text disclosure: 文中数据 keeps each value's
// stated places, the unread sentences merge across four columns; 核对结果
// lists the findings.
func TestFiguresAndFindingsSheets(t *testing.T) {
	figs := []model.Figure{
		{Key: "income.total", Label: "预算收入总额", Value: model.MustAmount("231.79"), Unit: "万元", Line: 64},
		{Key: "three_public.change", Label: "较上年预算减少", Value: model.MustAmount("0.01356"), Unit: "万元", Line: 74},
		{Key: "staffing.authorized", Label: "编制人数", Value: model.MustAmount("7"), Unit: "人", Line: 58},
	}
	unread := []model.Unread{{Line: 90, Text: "项目总预算154.2万元，项目当年预算154.2万元，项目前两年预算71.86万元。"}}
	fs := []model.Finding{{Severity: model.SeverityError, Rule: "N7", Table: model.T07, Row: "合计", Column: "公务接待费", Line: 74, Message: "文中公务接待费1.2万元 ≠ 表七 公务接待费 0.12万元"}}
	doc := layout.Document{Title: "t", Date: time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC),
		Sheets: []layout.Sheet{templates.FiguresSheet(figs, unread), templates.FindingsSheet(fs)}}
	f := open(t, write(t, doc))
	defer f.Close()
	var dump strings.Builder
	for _, name := range f.GetSheetList() {
		dump.WriteString(dumpSheet(t, f, name))
	}
	golden.Assert(t, "figures_findings", []byte(dump.String()))
	if v, _ := f.GetCellValue("文中数据", "C4"); v != "0.01356" {
		t.Errorf("0.01356 shows as %q", v)
	}
	if v, _ := f.GetCellValue("文中数据", "C5"); v != "7" {
		t.Errorf("7 shows as %q", v)
	}
}

func TestWriteErrors(t *testing.T) {
	if err := Write(&bytes.Buffer{}, layout.Document{}, Options{}); !errors.Is(err, ErrNoSheets) {
		t.Errorf("empty document: %v", err)
	}
}

func TestSheetNames(t *testing.T) {
	sheets := []layout.Sheet{{Name: "a/b:c"}, {Name: "a/b:c"}, {Name: strings.Repeat("表", 40)}, {Name: ""}}
	got := strings.Join(sheetNames(sheets), "|")
	want := "a／b：c|a／b：c(2)|" + strings.Repeat("表", 31) + "|Sheet4"
	if got != want {
		t.Errorf("names %s, want %s", got, want)
	}
}

// Every cell of a merged grid range carries the border, including the cells
// the merge covers (or borders break in Excel).
func TestMergedBorders(t *testing.T) {
	f := open(t, write(t, example2023(t)))
	defer f.Close()
	for _, name := range f.GetSheetList() {
		merges, _ := f.GetMergeCells(name)
		for _, m := range merges {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			id, _ := f.GetCellStyle(name, m.GetStartAxis())
			if st, _ := f.GetStyle(id); st == nil || len(st.Border) == 0 {
				continue // title, units line and notes are outside the grid
			}
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					id, _ := f.GetCellStyle(name, ref)
					st, _ := f.GetStyle(id)
					if st == nil || len(st.Border) != 4 {
						t.Errorf("%s!%s in merge %s:%s has no full border", name, ref, m.GetStartAxis(), m.GetEndAxis())
					}
				}
			}
		}
	}
}

// A text longer than the tallest row (409 points) can show still exports:
// the row is capped, the text is kept whole and wraps.
func TestLongTextCapsRowHeight(t *testing.T) {
	long := strings.Repeat("这是一段很长的说明文字，", 600)
	doc := layout.Document{Sheets: []layout.Sheet{{
		Name: "长文本", Title: "长文本",
		Columns:    []layout.Column{{Key: "name", Kind: layout.KindText, Width: 10}, {Key: "v", Kind: layout.KindAmount, Width: 6}},
		Header:     []layout.HeaderCell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "项目"}, {Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "金额"}},
		HeaderRows: 1, Decimals: 2,
		Rows:  []layout.Row{{Cells: []layout.Cell{layout.TextCell(long), layout.TextCell("1.00")}}},
		Notes: []string{long},
	}}}
	var buf bytes.Buffer
	if err := Write(&buf, doc, Options{}); err != nil {
		t.Fatalf("a long text fails the export: %v", err)
	}
	f := open(t, buf.Bytes())
	for _, ref := range []string{"A3", "A4"} {
		row := int(ref[1] - '0')
		if h, _ := f.GetRowHeight("长文本", row); h != 409 {
			t.Errorf("row %d height %g, want 409", row, h)
		}
		if v, _ := f.GetCellValue("长文本", ref); v != long {
			t.Errorf("%s: the text is cut (%d of %d runes)", ref, len([]rune(v)), len([]rune(long)))
		}
		id, _ := f.GetCellStyle("长文本", ref)
		if st, _ := f.GetStyle(id); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s does not wrap", ref)
		}
	}
}

// A sheet whose XML is larger than what is kept raw (spillSize) is
// compressed while it waits and rewritten in pieces: every text cell still
// comes back whole, as a shared string, in its place.
func TestLargeSheetReadsBack(t *testing.T) {
	s := layout.Sheet{
		ID: "big", Name: "大表", Title: "大表",
		Columns:    []layout.Column{{Key: "n", Kind: layout.KindText, Width: 6}, {Key: "t", Kind: layout.KindText, Width: 20}, {Key: "v", Kind: layout.KindAmount, Width: 6}},
		Header:     []layout.HeaderCell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "序号"}, {Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "说明"}, {Row: 0, Col: 2, RowSpan: 1, ColSpan: 1, Text: "金额"}},
		HeaderRows: 1, Decimals: 2,
	}
	const n = 40000
	text := func(i int) string { return "第" + strconv.Itoa(i) + "行 <说明> & “引号” " + strings.Repeat("长", i%50) }
	rows := func(yield func(layout.Row) bool) {
		for i := range n {
			if !yield(layout.Row{Cells: []layout.Cell{layout.TextCell(strconv.Itoa(i)), layout.TextCell(text(i)), layout.TextCell("")}}) {
				return
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, layout.Document{Sheets: []layout.Sheet{s}}, Options{Rows: map[string]func(func(layout.Row) bool){"big": rows}}); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	got, err := f.GetRows("大表")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n+2 {
		t.Fatalf("%d rows, want %d", len(got), n+2)
	}
	for _, i := range []int{0, 1, 777, n / 2, n - 1} {
		row := got[i+2]
		if len(row) < 2 || row[0] != strconv.Itoa(i) || row[1] != text(i) {
			t.Errorf("row %d: %q", i, row)
		}
	}
	if typ, _ := f.GetCellType("大表", "B30000"); typ != excelize.CellTypeSharedString {
		t.Errorf("B30000 has type %v, want a shared string", typ)
	}
}
