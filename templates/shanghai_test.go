package templates

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// shanghaiGrids are the header grids of spec/shanghai-forms.md §3, copied
// in the spec's own notation: Excel ranges of the blank workbook, whose
// header starts in row top (6 for tables 1–8, 4 for table 9).
var shanghaiGrids = []struct {
	id    string
	top   int
	cells string
}{
	{"t01", 6, `A6:B6 本年收入|C6:D6 本年支出|A7 项目|B7 预算数|C7 项目|D7 预算数`},
	{"t02", 6, `A6:D6 项目|E6:I6 收入预算|A7:C7 功能分类科目编码|D7:D8 功能分类科目名称|E7:E8 合计|F7:F8 财政拨款收入|G7:G8 事业收入|H7:H8 事业单位经营收入|I7:I8 其他收入|A8 类|B8 款|C8 项`},
	{"t03", 6, `A6:D6 项目|E6:G6 支出预算|A7:C7 功能分类科目编码|D7:D8 功能分类科目名称|E7:E8 合计|F7:F8 基本支出|G7:G8 项目支出|A8 类|B8 款|C8 项`},
	{"t04", 6, `A6:B6 财政拨款收入|C6:G6 财政拨款支出|A7 项目|B7 预算数|C7 项目|D7 合计|E7 一般公共预算|F7 政府性基金预算|G7 国有资本经营预算`},
	{"t05", 6, `A6:D6 项目|E6:G6 一般公共预算支出|A7:C7 功能分类科目编码|D7:D8 功能分类科目名称|E7:E8 合计|F7:F8 基本支出|G7:G8 项目支出|A8 类|B8 款|C8 项`},
	{"t08", 6, `A6:D6 项目|E6:G6 政府性基金预算支出|A7:C7 功能分类科目编码|D7:D8 功能分类科目名称|E7:E8 合计|F7:F8 基本支出|G7:G8 项目支出|A8 类|B8 款|C8 项`},
	{"t10", 6, `A6:D6 项目|E6:G6 国有资本经营预算支出|A7:C7 功能分类科目编码|D7:D8 功能分类科目名称|E7:E8 合计|F7:F8 基本支出|G7:G8 项目支出|A8 类|B8 款|C8 项`},
	{"t06", 6, `A6:C6 项目|D6:F6 一般公共预算基本支出|A7:B7 部门预算经济分类科目编码|C7:C8 经济分类科目名称|D7:D8 合计|E7:E8 人员经费|F7:F8 公用经费|A8 类|B8 款`},
	{"t07", 4, `A4:F4 “三公”经费预算数|G4:G6 机关运行经费预算数|A5:A6 合计|B5:B6 因公出国(境)费|C5:C6 公务接待费|D5:F5 公务用车购置及运行费|D6 小计|E6 购置费|F6 运行费`},
}

// excelCell reads "C7" as 0-based column and 1-based row.
func excelCell(t *testing.T, s string) (col, row int) {
	t.Helper()
	i := strings.IndexAny(s, "0123456789")
	if i <= 0 {
		t.Fatalf("bad cell %q", s)
	}
	for _, r := range s[:i] {
		col = col*26 + int(r-'A'+1)
	}
	if _, err := fmt.Sscan(s[i:], &row); err != nil {
		t.Fatalf("bad cell %q", s)
	}
	return col - 1, row
}

// TestShanghaiHeaderGrids compares every header of the shanghai profile,
// cell for cell and span for span, with the spec's grids, and checks the
// table order of spec §1 (表1 … 表9) and that no table has a column-number row.
func TestShanghaiHeaderGrids(t *testing.T) {
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, pt := range p.Tables {
		order = append(order, pt.ID)
	}
	var want []string
	for _, g := range shanghaiGrids {
		want = append(want, g.id)
	}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("table order %v, want %v", order, want)
	}
	compareGrids(t, p, shanghaiGrids)
}

// shanghaiUnitGrids are the grids the 单位 set prints differently (spec
// §3.1 单位 grid, §3.6 unit template words); the others are the 部门 set's.
var shanghaiUnitGrids = []struct {
	id    string
	top   int
	cells string
}{
	{"t01", 6, `A6:B6 本年收入|C6:G6 本年支出|A7:A9 项目|B7:B9 预算数|C7:C9 项目|D7:G7 预算数|D8:D9 合计|E8:F8 基本支出|G8:G9 项目支出|E9 人员经费|F9 公用经费`},
	{"t06", 6, `A6:C6 项目|D6:F6 一般公共预算基本支出|A7:B7 经济分类科目编码|C7:C8 部门经济分类科目名称|D7:D8 合计|E7:E8 人员经费|F7:F8 公用经费|A8 类|B8 款`},
}

func TestShanghaiUnitHeaderGrids(t *testing.T) {
	p, err := profiles.Embedded("shanghai-unit")
	if err != nil {
		t.Fatal(err)
	}
	grids := append([]struct {
		id    string
		top   int
		cells string
	}(nil), shanghaiUnitGrids...)
	for _, g := range shanghaiGrids {
		if g.id != "t01" && g.id != "t06" {
			grids = append(grids, g)
		}
	}
	compareGrids(t, p, grids)
}

func compareGrids(t *testing.T, p *profiles.Profile, grids []struct {
	id    string
	top   int
	cells string
}) {
	d := &model.Disclosure{Department: "测试部门", Year: 2025, Unit: model.UnitYuan}
	for _, g := range grids {
		t.Run(g.id, func(t *testing.T) {
			s, err := Sheet(d, model.TableID(g.id), Options{Profile: p})
			if err != nil {
				t.Fatal(err)
			}
			if s.NumberRow {
				t.Error("Shanghai tables have no column-number row")
			}
			var wantCells []string
			for _, c := range strings.Split(g.cells, "|") {
				ref, text, _ := strings.Cut(c, " ")
				from, to, found := strings.Cut(ref, ":")
				if !found {
					to = from
				}
				c1, r1 := excelCell(t, from)
				c2, r2 := excelCell(t, to)
				wantCells = append(wantCells, fmt.Sprintf("%d,%d,%d,%d,%s", r1-g.top, c1, r2-r1+1, c2-c1+1, text))
			}
			var got []string
			for _, h := range s.Header {
				got = append(got, fmt.Sprintf("%d,%d,%d,%d,%s", h.Row, h.Col, h.RowSpan, h.ColSpan, h.Text))
			}
			sort.Strings(got)
			sort.Strings(wantCells)
			if strings.Join(got, "\n") != strings.Join(wantCells, "\n") {
				t.Errorf("header differs from the spec\n got %q\nwant %q", got, wantCells)
			}
		})
	}
}

// TestShanghaiUnitTable1 lays out a 单位's 表1 with each function class
// split into 人员经费, 公用经费 and 项目支出, the 单位 titles and 编制单位.
func TestShanghaiUnitTable1(t *testing.T) {
	p, _ := profiles.Embedded("shanghai-unit")
	a := model.MustAmount
	d := &model.Disclosure{Department: "上海市普陀区某福利院", Year: 2024, Unit: model.UnitYuan,
		Tables: model.Tables{T01: &model.SummaryTable{
			Income: []model.IncomeLine{{Key: model.IncomeFiscal, Amount: a("9501200")}, {Key: model.IncomeGeneral, Amount: a("9501200")}},
			Functions: []model.FundLine{{Code: "208", Name: "社会保障和就业支出", FundAmounts: model.FundAmounts{Total: a("9501200"),
				ByCategory: &model.CategoryAmounts{Personnel: a("5000000"), Public: a("1881200"), Project: a("2620000")}}}},
			IncomeGrandTotal:      a("9501200"),
			ExpenditureGrandTotal: model.FundAmounts{Total: a("9501200"), ByCategory: &model.CategoryAmounts{Personnel: a("5000000"), Public: a("1881200"), Project: a("2620000")}},
		}}}
	s, err := Sheet(d, model.T01, Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "2024年预算单位财务收支预算总表" || s.Preparer != "编制单位：上海市普陀区某福利院" {
		t.Errorf("title %q, preparer %q", s.Title, s.Preparer)
	}
	if got := rowText(s.Rows[0]); got != "一、财政拨款收入 9,501,200 一、社会保障和就业支出 9,501,200 5,000,000 1,881,200 2,620,000" {
		t.Errorf("first row %q", got)
	}
	if got := rowText(s.Rows[len(s.Rows)-1]); got != "收入总计 9,501,200 支出总计 9,501,200 5,000,000 1,881,200 2,620,000" {
		t.Errorf("footer %q", got)
	}
	if got := rowText(s.Rows[1]); got != "1、一般公共预算资金 9,501,200" {
		t.Errorf("second row %q", got)
	}
}

func exampleShanghai(t testing.TB) *model.Disclosure { return example(t, "shanghai-wanli-2025.json") }

// TestGoldenShanghai keeps every sheet of the Shanghai example laid out by
// the shanghai profile as JSON in testdata/shanghai-<id>.golden.
func TestGoldenShanghai(t *testing.T) {
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Document(exampleShanghai(t), Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sheets) != 9 {
		t.Fatalf("%d sheets, want 9", len(doc.Sheets))
	}
	for _, s := range doc.Sheets {
		b, err := json.MarshalIndent(s, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, "shanghai-"+s.ID, append(b, '\n'))
	}
}

// rowText is the display texts of a row joined by spaces, empty cells left out.
func rowText(r layout.Row) string {
	var out []string
	for _, c := range r.Cells {
		if !c.Empty {
			out = append(out, c.Text)
		}
	}
	return strings.Join(out, " ")
}

// TestShanghaiFigures checks what a reader of the published 2025 tables of
// 万里街道 would compare: titles, the 编制部门 and units lines, 元 with
// thousands separators, 万元 as General in 表9, 合计 last, the empty-table note.
func TestShanghaiFigures(t *testing.T) {
	p, _ := profiles.Embedded("shanghai")
	d := exampleShanghai(t)
	sheet := func(id string) layout.Sheet {
		s, err := Sheet(d, model.TableID(id), Options{Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s1 := sheet("t01")
	if s1.Title != "2025年部门财务收支预算总表" || s1.UnitLine != "单位：元" || s1.Preparer != "编制部门：上海市普陀区人民政府万里街道办事处" {
		t.Errorf("表1 title %q, units %q, preparer %q", s1.Title, s1.UnitLine, s1.Preparer)
	}
	if len(s1.Rows) != 14 { // 13 body rows (template rows 8–20) and 收入总计
		t.Errorf("表1 has %d rows, want 13 body rows and the footer", len(s1.Rows))
	}
	if got := rowText(s1.Rows[0]); got != "一、财政拨款收入 189,767,551 一、一般公共服务支出 3,296,600" {
		t.Errorf("表1 first row %q", got)
	}
	if got := rowText(s1.Rows[13]); got != "收入总计 189,767,551 支出总计 189,767,551" {
		t.Errorf("表1 footer %q", got)
	}
	s3 := sheet("t03")
	last := s3.Rows[len(s3.Rows)-1]
	if got := rowText(last); got != "合计 189,767,551 101,341,746 88,425,805" || last.Cells[0].ColSpan != 4 {
		t.Errorf("表3 合计 row %q (span %d), want it last over A:D", got, last.Cells[0].ColSpan)
	}
	if got := rowText(s3.Rows[2]); got != "201 05 07 专项普查活动 438,300 0 438,300" {
		t.Errorf("表3 项 row %q", got)
	}
	s8 := sheet("t06")
	if got := rowText(s8.Rows[len(s8.Rows)-1]); got != "合计 101,341,746 90,514,044 10,827,702" {
		t.Errorf("表8 合计 %q", got)
	}
	s9 := sheet("t07")
	if s9.UnitLine != "单位:万元" || len(s9.Rows) != 1 {
		t.Fatalf("表9 units %q, %d rows", s9.UnitLine, len(s9.Rows))
	}
	if got := rowText(s9.Rows[0]); got != "37.91 0 1.35 36.56 15 21.56 464.64" {
		t.Errorf("表9 row %q, want the published 37.91 0 1.35 36.56 15 21.56 464.64", got)
	}
	s6 := sheet("t08")
	if len(s6.Rows) != 13 || rowText(s6.Rows[12]) != "合计" {
		t.Errorf("empty 表6: %d rows, last %q; want 12 empty rows and 合计", len(s6.Rows), rowText(s6.Rows[len(s6.Rows)-1]))
	}
	if len(s6.Notes) != 1 || s6.Notes[0] != "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。" {
		t.Errorf("empty 表6 note %q", s6.Notes)
	}
}

// TestShanghaiTable9OneLine: Hubei data states its 三公 table as 合计 and
// one row per 科室/单位 with the same figures; Shanghai's 表9 is one line for
// the department, so the shanghai layout prints the 合计 row only, not the
// same numbers four times without a label.
func TestShanghaiTable9OneLine(t *testing.T) {
	d := example(t, "tianmen-12345-2023.json")
	if n := len(d.Tables.T07.Rows); n < 2 {
		t.Fatalf("the Hubei example's 表七 has %d rows; the test needs its unit rows", n)
	}
	for _, name := range []string{"shanghai", "shanghai-unit"} {
		p, _ := profiles.Embedded(name)
		s, err := Sheet(d, model.T07, Options{Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Rows) != 1 || rowText(s.Rows[0]) != "0.12 0 0.12 0 0 0 7.25" {
			var rows []string
			for _, r := range s.Rows {
				rows = append(rows, rowText(r))
			}
			t.Errorf("%s 表9 of the Hubei example: %q, want one line 0.12 0 0.12 0 0 0 7.25", name, rows)
		}
	}
}

// BenchmarkDocumentShanghai lays out the nine Shanghai tables of the
// 万里街道 example (287 body rows).
func BenchmarkDocumentShanghai(b *testing.B) {
	p, _ := profiles.Embedded("shanghai")
	d := exampleShanghai(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Document(d, Options{Profile: p}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentHubei lays out the ten Hubei tables of the 2023 example.
func BenchmarkDocumentHubei(b *testing.B) {
	d := example2023(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Document(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The place of 上年结余结转 in 表二 is the place of its column in the
// profile: moving the line in the file moves the column and its header.
func TestCarryoverColumnPlaceIsData(t *testing.T) {
	src, err := profiles.Source("hubei")
	if err != nil {
		t.Fatal(err)
	}
	line := "      - {text: 上年结余结转, field: carryover, width: 6}\n"
	text := string(src)
	if !strings.Contains(text, line) {
		t.Fatal("hubei.yaml has no 上年结余结转 column line")
	}
	text = strings.Replace(text, line, "", 1)
	text = strings.Replace(text, "      - {text: 总计, field: total, width: 6}\n      - text: 本年收入\n",
		"      - {text: 总计, field: total, width: 6}\n"+line+"      - text: 本年收入\n", 1)
	p, err := profiles.Parse("moved.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Sheet(example2023(t), model.T02, Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range s.Columns {
		keys = append(keys, c.Key)
	}
	if got := strings.Join(keys, " "); got != "unit_code unit_name total carryover subtotal general gov_fund state_capital special_account unit_funds" {
		t.Errorf("columns %s", got)
	}
	for _, h := range s.Header {
		if h.Text == "上年结余结转" && (h.Col != 3 || h.RowSpan != 2) {
			t.Errorf("上年结余结转 header at column %d span %d, want column 4 over both rows", h.Col+1, h.RowSpan)
		}
	}
}
