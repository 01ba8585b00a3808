package templates

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// example loads a bundled example from the repository's examples/ folder.
func example(t testing.TB, name string) *model.Disclosure {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatalf("the bundled example is missing: %v", err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &d
}

func example2023(t testing.TB) *model.Disclosure { return example(t, "tianmen-12345-2023.json") }

// TestGoldenSheets keeps the layout of every table of the 2023 example as
// JSON in testdata/<id>.golden (go test ./templates -update rewrites them).
func TestGoldenSheets(t *testing.T) {
	d := example2023(t)
	doc, err := Document(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sheets) != 10 {
		t.Fatalf("%d sheets, want 10", len(doc.Sheets))
	}
	for i, s := range doc.Sheets {
		if s.ID != string(model.AllTables[i]) {
			t.Errorf("sheet %d is %s, want %s (official order)", i, s.ID, model.AllTables[i])
		}
		b, err := json.MarshalIndent(s, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, s.ID, append(b, '\n'))
	}
}

func TestDocumentMeta(t *testing.T) {
	d := example2023(t)
	doc, err := Document(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "天门市12345公共服务热线中心2023年部门预算公开表" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Author != d.Department {
		t.Errorf("author %q", doc.Author)
	}
	if got := doc.Date.Format("2006-01-02"); got != "2023-01-01" {
		t.Errorf("date without Disclosure.Date = %s, want 1 January of the year", got)
	}
	d.Date = "2023-03-15"
	doc, _ = Document(d, Options{})
	if got := doc.Date.Format("2006-01-02"); got != "2023-03-15" {
		t.Errorf("date = %s, want Disclosure.Date", got)
	}
	for _, s := range doc.Sheets {
		if n := len([]rune(s.Name)); n > 31 {
			t.Errorf("sheet name %q has %d characters; Excel allows 31", s.Name, n)
		}
		if s.UnitLine != "单位：万元" {
			t.Errorf("%s: units line %q", s.Name, s.UnitLine)
		}
	}
	if doc.Sheets[0].Name != "表一 部门收支总表" || doc.Sheets[9].Name != "表十 国有资本经营预算支出表" {
		t.Errorf("sheet names %q … %q", doc.Sheets[0].Name, doc.Sheets[9].Name)
	}
	d.Unit = "元"
	s, _ := Sheet(d, model.T05, Options{})
	if s.UnitLine != "单位：元" {
		t.Errorf("units line for 元: %q", s.UnitLine)
	}
}

func TestErrors(t *testing.T) {
	d := example2023(t)
	cases := []struct {
		name string
		run  func() error
		want error
	}{
		{"nil disclosure", func() error { _, err := Document(nil, Options{}); return err }, ErrNoDisclosure},
		{"unknown table", func() error { _, err := Sheet(d, "t11", Options{}); return err }, ErrUnknownTable},
		{"bad date", func() error {
			c := *d
			c.Date = "2023/03/01"
			_, err := Document(&c, Options{})
			return err
		}, ErrBadDate},
		{"bad unit", func() error {
			c := *d
			c.Unit = "千元"
			_, err := Sheet(&c, model.T05, Options{})
			return err
		}, ErrBadUnit},
		{"absent with OnlyPresent", func() error {
			c := *d
			c.Tables.T09 = nil
			_, err := Sheet(&c, model.T09, Options{OnlyPresent: true})
			return err
		}, ErrTableAbsent},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestOnlyPresent(t *testing.T) {
	d := example2023(t)
	d.Tables.T01, d.Tables.T09 = nil, nil
	doc, err := Document(d, Options{OnlyPresent: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range doc.Sheets {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "t02 t03 t04 t05 t06 t07 t08 t10" {
		t.Errorf("sheets %s", got)
	}
	doc, _ = Document(d, Options{})
	if len(doc.Sheets) != 10 {
		t.Fatalf("without OnlyPresent: %d sheets, want 10", len(doc.Sheets))
	}
	// An absent table prints like an empty one: header, 合计 row, note.
	s := doc.Sheets[8]
	if len(s.Rows) != 1 || s.Rows[0].Cells[1].Text != "合计" || len(s.Notes) != 1 {
		t.Errorf("absent 表九: rows %v notes %v", s.Rows, s.Notes)
	}
	if want := "注：本部门2023年无政府采购预算，此表为空表。"; s.Notes[0] != want {
		t.Errorf("note %q, want %q", s.Notes[0], want)
	}
	// 表一 absent: only the footer rows, empty amounts, and its note.
	s = doc.Sheets[0]
	if len(s.Rows) != 3 || len(s.Notes) != 1 {
		t.Fatalf("absent 表一: %d rows, notes %q", len(s.Rows), s.Notes)
	}
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			if c.Numeric {
				t.Errorf("absent 表一 shows an amount %q", c.Text)
			}
		}
	}
}

func TestEmptyTables(t *testing.T) {
	d := example2023(t)
	cases := []struct {
		id   model.TableID
		note string
	}{
		{model.T08, "注：本部门2023年无政府性基金预算财政拨款安排的支出，此表为空表。"},
		{model.T09, "注：本部门2023年无政府采购预算，此表为空表。"},
		{model.T10, "注：本部门2023年无国有资本经营预算财政拨款安排的支出，此表为空表。"},
	}
	for _, tc := range cases {
		t.Run(string(tc.id), func(t *testing.T) {
			s, err := Sheet(d, tc.id, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Header) == 0 || !s.NumberRow {
				t.Errorf("empty table lost its header or number row")
			}
			if len(s.Rows) != 1 || s.Rows[0].Emphasis != layout.Bold {
				t.Fatalf("rows %v, want one bold 合计 row", s.Rows)
			}
			var texts []string
			for _, c := range s.Rows[0].Cells {
				if !c.Empty {
					texts = append(texts, c.Text)
				}
			}
			if strings.Join(texts, "|") != "合计" {
				t.Errorf("合计 row shows %q", texts)
			}
			if len(s.Notes) != 1 || s.Notes[0] != tc.note {
				t.Errorf("notes %q, want %q", s.Notes, tc.note)
			}
		})
	}
	// A note the data states replaces the default.
	d.Tables.T08.Note = "注：本单位无政府性基金预算支出。"
	s, _ := Sheet(d, model.T08, Options{})
	if len(s.Notes) != 1 || s.Notes[0] != d.Tables.T08.Note {
		t.Errorf("stated note not used: %q", s.Notes)
	}
	// A profile changes the wording without code.
	src, err := profiles.Source("hubei")
	if err != nil {
		t.Fatal(err)
	}
	src = []byte(strings.Replace(strings.Replace(string(src), "subject: 部门", "subject: 单位", 1),
		"注：本{subject}{year}年无国有资本经营预算财政拨款安排的支出，此表为空表。", "注:本{subject}{year}年无国有资本经营预算财政拨款安排的预算，故本表为空表。", 1))
	p, err := profiles.Parse("changed.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	s, _ = Sheet(d, model.T10, Options{Profile: p})
	if want := "注:本单位2023年无国有资本经营预算财政拨款安排的预算，故本表为空表。"; s.Notes[0] != want {
		t.Errorf("profile note %q, want %q", s.Notes[0], want)
	}
	// A table with rows and no stated note has no note.
	s, _ = Sheet(d, model.T05, Options{})
	if len(s.Notes) != 0 {
		t.Errorf("表五 with rows has notes %q", s.Notes)
	}
}

// cellTexts returns the display texts of a row ("" for an empty cell).
func cellTexts(r layout.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		if !c.Empty {
			out[i] = c.Text
		}
	}
	return out
}

func TestZeroDisplay(t *testing.T) {
	d := example2023(t)
	cases := []struct {
		id   model.TableID
		row  int
		want string // cells joined by |
	}{
		// 表三/表五: zero is an empty cell, in 合计 and detail rows alike.
		{model.T03, 0, "|合计|||231.79|44.54|7.25||180.00"},
		{model.T03, 4, "526003|天门市12345公共服务热线中心|2013150|事业运行|0.90||0.90||"},
		{model.T05, 2, "||526|天门市政务服务和大数据管理局|231.79|44.54|7.25||180.00"},
		{model.T05, 3, "2010350|事业运行|526003|天门市12345公共服务热线中心|218.93|32.57|6.35||180.00"},
		// 表六: 0.00 everywhere, the all-zero 30226 row included.
		{model.T06, 1, "301|工资福利支出|44.54|44.54|0.00"},
		{model.T06, 21, "30226|劳务费|0.00|0.00|0.00"},
		// 表四: function rows 0.00 in 合计, fund columns blank; block totals 0.00 everywhere.
		{model.T04, 0, "一、一般公共预算财政拨款收入|231.79|201一般公共服务支出|219.83|219.83|||支出类别分类|231.79|231.79|0.00|0.00"},
		{model.T04, 1, "二、政府性基金预算财政拨款收入||204公共安全支出|0.00||||一、人员类项目支出|44.54|44.54||"},
		{model.T04, 10, "||214交通运输支出|0.00||||||||"},
		{model.T04, 13, "||217金融支出|0.00||||部门预算支出经济分类|231.79|231.79|0.00|0.00"},
		{model.T04, 27, "本年收入合计|231.79|本年支出合计|231.79|231.79|0.00|0.00|本年支出合计|231.79|231.79|0.00|0.00"},
		{model.T04, 28, "二、上年结余结转||结转下年|0.00|0.00|0.00|0.00|结转下年|0.00|0.00|0.00|0.00"},
		{model.T04, 29, "(一)一般公共预算|||||||||||"},
		{model.T04, 32, "收入总计|231.79|支出总计|231.79|231.79|0.00|0.00|支出总计|231.79|231.79|0.00|0.00"},
		// 表七: zeros print, 三公 0.12 all 公务接待费.
		{model.T07, 0, "|合计|0.12|0.00|0.00|0.00|0.00|0.12"},
	}
	for _, tc := range cases {
		s, err := Sheet(d, tc.id, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(cellTexts(s.Rows[tc.row]), "|"); got != tc.want {
			t.Errorf("%s row %d:\n got %s\nwant %s", tc.id, tc.row, got, tc.want)
		}
	}
}

// The seed's 表四 has 33 body rows: 27 function rows, the category block from
// the first row, the economic block after 3 empty rows, then 6 footer rows.
func TestSummaryRowPlan(t *testing.T) {
	d := example2023(t)
	s, _ := Sheet(d, model.T04, Options{})
	if len(s.Rows) != 33 {
		t.Fatalf("表四 has %d body rows, want 33 as in the seed", len(s.Rows))
	}
	classCol := 7
	for i, want := range map[int]string{0: "支出类别分类", 9: "转移性支出项目", 10: "", 12: "", 13: "部门预算支出经济分类", 23: "599其他支出", 24: "", 26: ""} {
		if got := s.Rows[i].Cells[classCol].Text; got != want {
			t.Errorf("表四 body row %d column H = %q, want %q", i+1, got, want)
		}
	}
	// Another department: few function rows, long category block. The body
	// is as long as its longest block and the footer follows it.
	d.Tables.T04.Functions = d.Tables.T04.Functions[:2]
	s, _ = Sheet(d, model.T04, Options{})
	if want := 10 + 3 + 11 + 6; len(s.Rows) != want {
		t.Errorf("short function list: %d rows, want %d", len(s.Rows), want)
	}
	if s.Rows[24].Cells[0].Text != "本年收入合计" {
		t.Errorf("footer does not follow the economic block: %q", cellTexts(s.Rows[24]))
	}
	// 表一: the same plan with one amount column per block.
	s, _ = Sheet(d, model.T01, Options{})
	if len(s.Rows) != 33 || len(s.Columns) != 6 {
		t.Errorf("表一: %d rows × %d columns, want 33 × 6", len(s.Rows), len(s.Columns))
	}
}

func TestEmphasisAndOrder(t *testing.T) {
	d := example2023(t)
	s, _ := Sheet(d, model.T06, Options{})
	var bold []string
	for _, r := range s.Rows {
		if r.Emphasis == layout.Bold {
			bold = append(bold, r.Cells[0].Text+r.Cells[1].Text)
		}
	}
	if got := strings.Join(bold, " "); got != "合计 301工资福利支出 302商品和服务支出" {
		t.Errorf("bold rows of 表六: %s", got)
	}
	s, _ = Sheet(d, model.T03, Options{})
	var levels []int
	for _, r := range s.Rows {
		levels = append(levels, r.Level)
	}
	if got := fmtInts(levels); got != "0,1,2,4,4,4,4,4" {
		t.Errorf("levels of 表三 rows: %s", got)
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(rune('0' + x)))
	}
	return b.String()
}

// Rounding happens once, here, half away from zero.
func TestRounding(t *testing.T) {
	d := example2023(t)
	d.Tables.T05.Rows[3].Total = model.MustAmount("218.925")
	d.Tables.T05.Rows[3].Personnel = model.MustAmount("32.5649")
	d.Tables.T05.Rows[3].Public = model.MustAmount("-0.004")
	s, _ := Sheet(d, model.T05, Options{})
	c := s.Rows[3].Cells
	if c[4].Text != "218.93" || c[5].Text != "32.56" || !c[6].Empty {
		t.Errorf("rounded cells %q %q %+v", c[4].Text, c[5].Text, c[6])
	}
	if !c[4].Value.Equal(model.MustAmount("218.93").Decimal()) {
		t.Errorf("value %s, want the rounded 218.93", c[4].Value)
	}
}

func TestFiguresAndFindings(t *testing.T) {
	figs := []model.Figure{
		{Key: "income.total", Label: "预算收入总额", Value: model.MustAmount("231.79"), Unit: "万元", Line: 64},
		{Key: "three_public.change", Label: "较上年预算减少", Value: model.MustAmount("0.01356"), Unit: "万元", Line: 74},
	}
	unread := []model.Unread{{Line: 90, Text: "项目总预算154.2万元"}}
	s := FiguresSheet(figs, unread)
	if s.Name != "文中数据" || len(s.Rows) != 4 {
		t.Fatalf("文中数据: %q with %d rows", s.Name, len(s.Rows))
	}
	if got := strings.Join(cellTexts(s.Rows[1]), "|"); got != "2|较上年预算减少|0.01356|万元|three_public.change|74" {
		t.Errorf("figure row %s (values keep their stated places)", got)
	}
	if r := s.Rows[3]; r.Cells[1].Text != "项目总预算154.2万元" || r.Cells[1].ColSpan != 4 || r.Cells[5].Text != "90" {
		t.Errorf("unread row %+v", r.Cells)
	}
	fs := []model.Finding{
		{Severity: model.SeverityError, Rule: "X6", Table: model.T06, Row: "合计", Column: "合计", Message: "表六 合计 51.79 ≠ 51.78"},
		{Severity: model.SeverityWarning, Rule: "N5", Field: "expenditure.by_function", Line: 64, Message: "本年支出构成缺少住房保障支出"},
	}
	s = FindingsSheet(fs)
	if s.Name != "核对结果" || len(s.Rows) != 2 {
		t.Fatalf("核对结果: %q with %d rows", s.Name, len(s.Rows))
	}
	if got := strings.Join(cellTexts(s.Rows[0]), "|"); got != "错误|X6|表六|合计|合计|表六 合计 51.79 ≠ 51.78" || s.Rows[0].Emphasis != layout.Bold {
		t.Errorf("error row %s", got)
	}
	if got := strings.Join(cellTexts(s.Rows[1]), "|"); got != "警告|N5||第64行|expenditure.by_function|本年支出构成缺少住房保障支出" {
		t.Errorf("warning row %s", got)
	}
	if s := FindingsSheet(nil); len(s.Rows) != 1 || s.Rows[0].Cells[0].Text != "未发现问题" {
		t.Errorf("no findings: %+v", s.Rows)
	}
}
