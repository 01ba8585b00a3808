package xlsx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
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
	text := func(i int) string {
		return "第" + strconv.Itoa(i) + "行 <说明> & “引号” " + strings.Repeat("长", i%50)
	}
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

// Rows given by Options.Rows are made while the zip is written, a piece at
// a time, instead of through excelize's stream writer (which keeps up to
// 16 MB of each sheet in memory until the end): the workbook is the same,
// byte for byte, as when the rows are in the sheets — notes, merges, sums
// and more rows than one piece included.
func TestRowsGivenOneAtATimeSameWorkbook(t *testing.T) {
	doc := example2023(t)
	long := &doc.Sheets[len(doc.Sheets)-1]
	for i := 0; len(long.Rows) < 2*spliceChunk+17; i++ {
		long.Rows = append(long.Rows, long.Rows[i])
	}
	long.Notes = append(long.Notes, "注：本表的行多于一次写出的行数。")
	alone := doc
	alone.Sheets = []layout.Sheet{*long}
	for name, doc := range map[string]layout.Document{"all sheets": doc, "the long sheet alone": alone} {
		want := write(t, doc)
		o := Options{Rows: map[string]func(func(layout.Row) bool){}}
		cut := doc
		cut.Sheets = slices.Clone(doc.Sheets)
		for i := range cut.Sheets {
			o.Rows[cut.Sheets[i].ID] = slices.Values(cut.Sheets[i].Rows)
			cut.Sheets[i].Rows = nil
		}
		var got bytes.Buffer
		if err := Write(&got, cut, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: the workbook differs when its rows come one at a time (%d bytes, want %d)", name, got.Len(), len(want))
		}
	}
}

// Rows that are not the same the second time are an error, not a workbook
// with rows missing or in a style that was never written.
func TestRowsChangedBetweenPasses(t *testing.T) {
	s := layout.Sheet{
		ID: "s", Name: "表", Title: "表", HeaderRows: 1, Decimals: 2,
		Columns: []layout.Column{{Key: "t", Kind: layout.KindText, Width: 6}},
		Header:  []layout.HeaderCell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "说明"}},
	}
	for name, second := range map[string][]layout.Row{
		"fewer rows": {{Cells: []layout.Cell{layout.TextCell("一")}}},
		"more rows":  {{Cells: []layout.Cell{layout.TextCell("一")}}, {Cells: []layout.Cell{layout.TextCell("二")}}, {Cells: []layout.Cell{layout.TextCell("三")}}},
		"new style":  {{Cells: []layout.Cell{layout.TextCell("一")}, Emphasis: layout.Bold}, {Cells: []layout.Cell{layout.TextCell("二")}}},
	} {
		t.Run(name, func(t *testing.T) {
			pass := 0
			rows := func(yield func(layout.Row) bool) {
				pass++
				rs := []layout.Row{{Cells: []layout.Cell{layout.TextCell("一")}}, {Cells: []layout.Cell{layout.TextCell("二")}}}
				if pass > 1 {
					rs = second
				}
				for _, r := range rs {
					if !yield(r) {
						return
					}
				}
			}
			err := Write(io.Discard, layout.Document{Sheets: []layout.Sheet{s}}, Options{Rows: map[string]func(func(layout.Row) bool){"s": rows}})
			if !errors.Is(err, errChangedRows) {
				t.Errorf("got %v, want %v", err, errChangedRows)
			}
		})
	}
}

// Compressed sheets and the shared strings larger than spillMem wait in a
// temporary file, not in memory: the workbook is the same, and no file is
// left behind.
func TestSpilledPartsSameWorkbook(t *testing.T) {
	doc := example2023(t)
	want := write(t, doc)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(m int) { spillMem = m }(spillMem)
	spillMem = 256
	if got := write(t, doc); !bytes.Equal(got, want) {
		t.Errorf("the workbook differs when its parts wait in files (%d bytes, want %d)", len(got), len(want))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
