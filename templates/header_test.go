package templates

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"gongkai/model"
)

// specGrids are the header grids of spec/forms.md §4, copied from the spec
// text in its own notation: (row, col, rowspan, colspan, text), 1-based,
// without the column-number row. numbers is the count of the column-number
// row (0: none).
var specGrids = []struct {
	id      model.TableID
	scheme  string
	numbers int
	cells   string
}{
	{model.T01, "", 0, `(1,1,1,2,"收 入") (1,3,1,4,"支 出") (2,1,1,1,"项目") (2,2,1,1,"预算数") (2,3,1,1,"项目（按支出功能分类）") (2,4,1,1,"预算数") (2,5,1,1,"项目") (2,6,1,1,"预算数")`},
	{model.T02, "", 10, `(1,1,2,1,"单位编码") (1,2,2,1,"单位名称") (1,3,2,1,"总计") (1,4,1,6,"本年收入") (2,4,1,1,"小计") (2,5,1,1,"一般公共预算") (2,6,1,1,"政府性基金预算") (2,7,1,1,"国有资本经营预算") (2,8,1,1,"财政专户管理资金") (2,9,1,1,"单位资金") (1,10,2,1,"上年结余结转")`},
	{model.T03, model.SchemeCategory, 9, `(1,1,2,1,"单位编码") (1,2,2,1,"单位名称") (1,3,2,1,"功能科目编码") (1,4,2,1,"科目名称") (1,5,2,1,"总计") (1,6,2,1,"人员类项目支出") (1,7,1,2,"运转类项目支出") (1,9,2,1,"特定目标类项目支出") (2,7,1,1,"公用经费项目支出") (2,8,1,1,"其他运转类项目支出")`},
	{model.T04, "", 0, `(1,1,1,2,"收 入") (1,3,1,10,"支 出") (2,1,1,1,"项目") (2,2,1,1,"预算数") (2,3,1,1,"项目（按支出功能分类）") (2,4,1,1,"合计") (2,5,1,1,"一般公共预算") (2,6,1,1,"政府性基金预算") (2,7,1,1,"国有资本经营") (2,8,1,1,"项目") (2,9,1,1,"合计") (2,10,1,1,"一般公共预算") (2,11,1,1,"政府性基金预算") (2,12,1,1,"国有资本经营")`},
	{model.T05, model.SchemeCategory, 9, `(1,1,2,1,"功能科目编码") (1,2,2,1,"功能科目名称") (1,3,2,1,"单位编码") (1,4,2,1,"单位名称") (1,5,2,1,"总计") (1,6,2,1,"人员类项目支出") (1,7,1,2,"运转类项目支出") (1,9,2,1,"特定目标类项目支出") (2,7,1,1,"公用经费项目支出") (2,8,1,1,"其他运转类项目支出")`},
	{model.T06, "", 0, `(1,1,1,2,"部门预算支出经济分类科目") (1,3,1,3,"本年一般公共预算基本支出") (2,1,1,1,"科目编码") (2,2,1,1,"科目名称") (2,3,1,1,"合计") (2,4,1,1,"人员经费") (2,5,1,1,"公用经费")`},
	// 表七: the spec's §4.7 grid, with the vehicle wording of the published
	// 三公 tables (spec §1 source 7) that issue 14 applies: 公务用车购置及运行维护费
	// over 小计 | 公务用车购置费 | 公务用车运行维护费.
	{model.T07, "", 8, `(1,1,2,1,"单位编码") (1,2,2,1,"单位名称") (1,3,2,1,"合计") (1,4,2,1,"因公出国（境）费") (1,5,1,3,"公务用车购置及运行维护费") (1,8,2,1,"公务接待费") (2,5,1,1,"小计") (2,6,1,1,"公务用车购置费") (2,7,1,1,"公务用车运行维护费")`},
	// 表八 and 表十: "identical to 表五".
	{model.T08, model.SchemeCategory, 9, `(1,1,2,1,"功能科目编码") (1,2,2,1,"功能科目名称") (1,3,2,1,"单位编码") (1,4,2,1,"单位名称") (1,5,2,1,"总计") (1,6,2,1,"人员类项目支出") (1,7,1,2,"运转类项目支出") (1,9,2,1,"特定目标类项目支出") (2,7,1,1,"公用经费项目支出") (2,8,1,1,"其他运转类项目支出")`},
	// 表九: leaf columns rowspan 2, 采购预算金额 colspan 6 over the fund columns.
	{model.T09, "", 12, `(1,1,2,1,"单位编码") (1,2,2,1,"单位名称") (1,3,2,1,"项目名称") (1,4,2,1,"采购品目") (1,5,2,1,"计量单位") (1,6,2,1,"采购数量") (1,7,1,6,"采购预算金额") (2,7,1,1,"合计") (2,8,1,1,"一般公共预算") (2,9,1,1,"政府性基金预算") (2,10,1,1,"国有资本经营预算") (2,11,1,1,"财政专户管理资金") (2,12,1,1,"单位资金")`},
	{model.T10, model.SchemeCategory, 9, `(1,1,2,1,"功能科目编码") (1,2,2,1,"功能科目名称") (1,3,2,1,"单位编码") (1,4,2,1,"单位名称") (1,5,2,1,"总计") (1,6,2,1,"人员类项目支出") (1,7,1,2,"运转类项目支出") (1,9,2,1,"特定目标类项目支出") (2,7,1,1,"公用经费项目支出") (2,8,1,1,"其他运转类项目支出")`},
}

// parseGrid reads the spec notation into sorted "r,c,rs,cs,text" strings.
func parseGrid(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	for _, part := range strings.Split(s, ") (") {
		part = strings.Trim(part, "() ")
		var r, c, rs, cs int
		i := strings.Index(part, `"`)
		if i < 0 {
			t.Fatalf("bad cell %q", part)
		}
		if _, err := fmt.Sscanf(strings.ReplaceAll(part[:i], ",", " "), "%d %d %d %d", &r, &c, &rs, &cs); err != nil {
			t.Fatalf("bad cell %q: %v", part, err)
		}
		out = append(out, fmt.Sprintf("%d,%d,%d,%d,%s", r, c, rs, cs, strings.Trim(part[i:], `"`)))
	}
	sort.Strings(out)
	return out
}

// TestHeaderGrids compares every template's header cells and spans with the
// grids written above from spec/forms.md §4, the column-number row with
// 1 … n, and checks that the grid covers every header cell exactly once.
func TestHeaderGrids(t *testing.T) {
	d := &model.Disclosure{Department: "测试单位", Year: 2024, Unit: "万元"}
	for _, g := range specGrids {
		t.Run(string(g.id), func(t *testing.T) {
			d.Tables = model.Tables{}
			switch g.id {
			case model.T03:
				d.Tables.T03 = &model.ExpenditureTable{Scheme: g.scheme}
			case model.T05:
				d.Tables.T05 = &model.ExpenditureTable{Scheme: g.scheme}
			case model.T08:
				d.Tables.T08 = &model.ExpenditureTable{Scheme: g.scheme}
			case model.T10:
				d.Tables.T10 = &model.ExpenditureTable{Scheme: g.scheme}
			}
			s, err := Sheet(d, g.id, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := parseGrid(t, g.cells)
			var got []string
			numbers := map[int]string{}
			gridRows := s.HeaderRows
			if s.NumberRow {
				gridRows--
			}
			for _, h := range s.Header {
				if s.NumberRow && h.Row == s.HeaderRows-1 {
					numbers[h.Col] = h.Text
					continue
				}
				got = append(got, fmt.Sprintf("%d,%d,%d,%d,%s", h.Row+1, h.Col+1, h.RowSpan, h.ColSpan, h.Text))
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("header grid differs from the spec\n got %q\nwant %q", got, want)
			}
			if s.NumberRow != (g.numbers > 0) {
				t.Errorf("column-number row %v, spec says %d", s.NumberRow, g.numbers)
			}
			if g.numbers > 0 {
				if len(numbers) != g.numbers || len(s.Columns) != g.numbers {
					t.Errorf("column-number row has %d cells and the table %d columns, want %d", len(numbers), len(s.Columns), g.numbers)
				}
				for c := 0; c < g.numbers; c++ {
					if numbers[c] != fmt.Sprint(c+1) {
						t.Errorf("column %d numbered %q", c+1, numbers[c])
					}
				}
			}
			// Every cell of the grid is covered by exactly one header cell.
			cover := make([][]int, gridRows)
			for r := range cover {
				cover[r] = make([]int, len(s.Columns))
			}
			for _, h := range s.Header {
				if s.NumberRow && h.Row == s.HeaderRows-1 {
					continue
				}
				for r := h.Row; r < h.Row+h.RowSpan; r++ {
					for c := h.Col; c < h.Col+h.ColSpan; c++ {
						if r >= gridRows || c >= len(s.Columns) {
							t.Errorf("%q spans outside the grid", h.Text)
							continue
						}
						cover[r][c]++
					}
				}
			}
			for r := range cover {
				for c, n := range cover[r] {
					if n != 1 {
						t.Errorf("grid cell (%d,%d) covered %d times", r+1, c+1, n)
					}
				}
			}
		})
	}
}
