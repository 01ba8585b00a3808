package text

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/model"
)

// The Shanghai tables 表1–8 given as text, in our own figures: each read
// into the fields the shanghai profile prints, 类|款|项 cells combined into
// the function code.

func parseText(t *testing.T, src string) *Result {
	t.Helper()
	r, err := Parse(strings.NewReader(src), Options{Name: "sh.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func expRows(t *model.ExpenditureTable) string {
	if t == nil {
		return "absent"
	}
	var b strings.Builder
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "%s %s %s %s %s %s;", r.Level, r.FuncCode, r.FuncName, r.Total, r.Basic, r.Project)
	}
	return b.String()
}

func noUnread(t *testing.T, r *Result) {
	t.Helper()
	for _, u := range r.Unread {
		t.Errorf("unread line %d: %s", u.Line, u.Text)
	}
	for _, f := range r.Findings {
		if f.Rule == "P7" {
			t.Errorf("P7: %s", f.Message)
		}
	}
}

const shHead = "某区文旅局2026年部门预算\n"

func TestShanghaiSummaryTables(t *testing.T) {
	src := shHead + "2026年部门财务收支预算总表\n编制部门：某区文旅局\t单位：元\n" +
		"本年收入\t\t本年支出\t\n项目\t预算数\t项目\t预算数\n" +
		"一、财政拨款收入\t7,340,210\t一、文化旅游体育与传媒支出\t6,000,000\n" +
		"1. 一般公共预算资金\t7,000,210\t二、社会保障和就业支出\t1,340,210\n" +
		"2. 政府性基金\t340,000\t\t\n" +
		"3. 国有资本经营预算\t\t\t\n" +
		"二、事业收入\t0\t\t\n" +
		"三、事业单位经营收入\t\t\t\n四、其他收入\t\t\t\n\t\t\t\n" +
		"收入总计\t7,340,210\t支出总计\t7,340,210\n" +
		"2026年部门财政拨款收支预算总表\n编制部门：某区文旅局\t单位：元\n" +
		"财政拨款收入\t\t财政拨款支出\t\t\t\t\n" +
		"项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n" +
		"一、一般公共预算资金\t7,000,210\t一、文化旅游体育与传媒支出\t6,000,000\t5,660,000\t340,000\t\n" +
		"二、政府性基金\t340,000\t二、社会保障和就业支出\t1,340,210\t1,340,210\t\t\n" +
		"三、国有资本经营预算\t\t\t\t\t\t\n" +
		"收入总计\t7,340,210\t支出总计\t7,340,210\t7,000,210\t340,000\t\n" +
		"2026年部门支出预算总表\n项目\t\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\n" +
		"207\t\t\t文化旅游体育与传媒支出\t6,000,000\t1,000,000\t5,000,000\n" +
		"207\t01\t\t文化和旅游\t6,000,000\t1,000,000\t5,000,000\n" +
		"207\t01\t09\t群众文化\t6,000,000\t1,000,000\t5,000,000\n" +
		"合计\t\t\t\t6,000,000\t1,000,000\t5,000,000\n"
	r := parseText(t, src)
	noUnread(t, r)
	t1 := r.Disclosure.Tables.T01
	if t1 == nil {
		t.Fatal("表1 not read")
	}
	var in []string
	for _, l := range t1.Income {
		in = append(in, l.Key+"="+l.Amount.String())
	}
	if g, w := strings.Join(in, " "), "fiscal=7340210 general=7000210 gov_fund=340000 state_capital= business=0 operating= other="; g != w {
		t.Errorf("表1 income: got %s, want %s", g, w)
	}
	if len(t1.Functions) != 2 || t1.Functions[0].Name != "文化旅游体育与传媒支出" || t1.Functions[0].Code != "207" || t1.Functions[1].Total.String() != "1340210" {
		t.Errorf("表1 functions: %+v (the code 207 comes from the 类 row of 表3)", t1.Functions)
	}
	if t1.IncomeGrandTotal.String() != "7340210" || t1.ExpenditureGrandTotal.Total.String() != "7340210" {
		t.Errorf("表1 totals: %s %s", t1.IncomeGrandTotal, t1.ExpenditureGrandTotal.Total)
	}
	t4 := r.Disclosure.Tables.T04
	if t4 == nil || len(t4.Functions) != 2 {
		t.Fatalf("表4 not read: %+v", t4)
	}
	f := t4.Functions[0]
	if f.Total.String() != "6000000" || f.General.String() != "5660000" || f.GovFund.String() != "340000" || !f.StateCapital.IsBlank() {
		t.Errorf("表4 first line: %+v", f)
	}
	if g := t4.ExpenditureGrandTotal; g.General.String() != "7000210" || g.GovFund.String() != "340000" {
		t.Errorf("表4 支出总计: %+v", g)
	}
	if got := expRows(r.Disclosure.Tables.T03); got != "total   6000000 1000000 5000000;class 207 文化旅游体育与传媒支出 6000000 1000000 5000000;item 20701 文化和旅游 6000000 1000000 5000000;detail 2070109 群众文化 6000000 1000000 5000000;" {
		t.Errorf("表3: %s", got)
	}
	if r.Disclosure.Unit != "元" {
		t.Errorf("unit %q", r.Disclosure.Unit)
	}
}

// 表2 over two pages (a 续 title repeats the header); blank cells stay
// blank, 0 stays 0; the 合计 row printed last is the model's first row.
func TestShanghaiIncomeTableContinued(t *testing.T) {
	hdr := "项目\t\t\t\t收入预算\t\t\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入\n类\t款\t项\n"
	src := shHead + "2026年部门收入预算总表\n单位：元\n" + hdr +
		"208\t\t\t社会保障和就业支出\t912,000\t900,000\t12,000\t0\t\n" +
		"208\t05\t\t行政事业单位养老支出\t912,000\t900,000\t12,000\t0\t\n" +
		"2026年部门收入预算总表（续）\n单位：元\n" + hdr +
		"208\t05\t05\t机关事业单位基本养老保险缴费支出\t912,000\t900,000\t12,000\t0\t\n" +
		"合计\t\t\t\t912,000\t900,000\t12,000\t0\t\n"
	r := parseText(t, src)
	noUnread(t, r)
	t2 := r.Disclosure.Tables.T02
	if t2 == nil {
		t.Fatal("表2 not read")
	}
	var b strings.Builder
	for _, x := range t2.Rows {
		fmt.Fprintf(&b, "%s %s %s %s %s %s %s;", x.Level, x.FuncCode, x.Total, x.Fiscal, x.Business, x.Operating, x.Other)
	}
	want := "total  912000 900000 12000 0 ;class 208 912000 900000 12000 0 ;item 20805 912000 900000 12000 0 ;detail 2080505 912000 900000 12000 0 ;"
	if b.String() != want {
		t.Errorf("表2:\ngot  %s\nwant %s", b.String(), want)
	}
	if !t2.Rows[0].Other.IsBlank() {
		t.Error("a blank 其他收入 cell read as a number")
	}
}

// 表5 as markdown pipes, 表6 empty with its note, 表8 by economic 类|款.
func TestShanghaiPipeEmptyAndEconomic(t *testing.T) {
	src := shHead + "2026年部门一般公共预算支出功能分类预算表\n单位：元\n" +
		"| 项目 | | | | 一般公共预算支出 | | |\n| 功能分类科目编码 | | | 功能分类科目名称 | 合计 | 基本支出 | 项目支出 |\n| 类 | 款 | 项 | | | | |\n|---|---|---|---|---|---|---|\n" +
		"| 213 | | | 农林水支出 | 45,600 | 0 | 45,600 |\n| 213 | 01 | | 农业农村 | 45,600 | 0 | 45,600 |\n| 213 | 01 | 26 | 农村道路建设 | 45,600 | 0 | 45,600 |\n| 合计 | | | | 45,600 | 0 | 45,600 |\n" +
		"2026年部门政府性基金预算支出功能分类预算表\n单位：元\n项目\t\t\t\t政府性基金预算支出\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\n\t\t合计\t\t\t\n注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。\n" +
		"2026年部门一般公共预算基本支出部门预算经济分类预算表\n单位：元\n项目\t\t\t一般公共预算基本支出\t\t\n部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费\n类\t款\n" +
		"301\t\t工资福利支出\t88,000\t88,000\t0\n301\t01\t基本工资\t88,000\t88,000\t0\n302\t\t商品和服务支出\t7,500\t0\t7,500\n302\t01\t办公费\t7,500\t0\t7,500\n\t\t合计\t95,500\t88,000\t7,500\n"
	r := parseText(t, src)
	noUnread(t, r)
	ts := r.Disclosure.Tables
	if got := expRows(ts.T05); got != "total   45600 0 45600;class 213 农林水支出 45600 0 45600;item 21301 农业农村 45600 0 45600;detail 2130126 农村道路建设 45600 0 45600;" {
		t.Errorf("表5: %s", got)
	}
	if ts.T08 == nil || len(ts.T08.Rows) != 0 || !strings.Contains(ts.T08.Note, "空表") {
		t.Errorf("表6 (empty): %+v", ts.T08)
	}
	if ts.T06 == nil || len(ts.T06.Rows) != 5 {
		t.Fatalf("表8: %+v", ts.T06)
	}
	var b strings.Builder
	for _, x := range ts.T06.Rows {
		fmt.Fprintf(&b, "%s %s %s %s %s %s;", x.Level, x.Code, x.Name, x.Total, x.Personnel, x.Public)
	}
	if want := "total  合计 95500 88000 7500;class 301 工资福利支出 88000 88000 0;item 30101 基本工资 88000 88000 0;class 302 商品和服务支出 7500 0 7500;item 30201 办公费 7500 0 7500;"; b.String() != want {
		t.Errorf("表8:\ngot  %s\nwant %s", b.String(), want)
	}
}

// The space-aligned form (pdftotext -layout) and one cell per line: read
// when every row has all its cells.
func TestShanghaiSpacedAndCellForms(t *testing.T) {
	want := "total   51000 21000 30000;class 201 一般公共服务支出 51000 21000 30000;item 20103 政府办公厅(室)及相关机构事务 51000 21000 30000;detail 2010301 行政运行 51000 21000 30000;"
	spaced := shHead + "2026年部门支出预算总表\n单位：元\n" +
		"           项目                                    支出预算\n" +
		"  功能分类科目编码      功能分类科目名称       合计       基本支出      项目支出\n" +
		"  类    款    项\n" +
		"  201              一般公共服务支出           51,000      21,000       30,000\n" +
		"  201   03         政府办公厅(室)及相关机构事务   51,000      21,000       30,000\n" +
		"  201   03   01    行政运行                   51,000      21,000       30,000\n" +
		"  合计                                        51,000      21,000       30,000\n"
	cells := shHead + "2026年部门支出预算总表\n单位：元\n项目\n功能分类科目编码\n类\n款\n项\n功能分类科目名称\n支出预算\n合计\n基本支出\n项目支出\n" +
		"201\n一般公共服务支出\n51,000\n21,000\n30,000\n201\n03\n政府办公厅(室)及相关机构事务\n51,000\n21,000\n30,000\n201\n03\n01\n行政运行\n51,000\n21,000\n30,000\n合计\n51,000\n21,000\n30,000\n"
	for name, src := range map[string]string{"space-aligned": spaced, "one cell per line": cells} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, src)
			noUnread(t, r)
			if got := expRows(r.Disclosure.Tables.T03); got != want {
				t.Errorf("表3:\ngot  %s\nwant %s", got, want)
			}
		})
	}
}

// Rows that cannot be placed leave the table unread with P7, every row
// listed: a blank cell lost in one-cell-per-line text, columns in another
// order than the profile's, a 续 page that cannot be read (the pages read
// before are dropped too: a table without some of its rows would state
// wrong totals).
func TestShanghaiUnplaceable(t *testing.T) {
	hdr := "项目\t\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\n"
	for name, src := range map[string]string{
		"lost blank cell": shHead + "2026年部门支出预算总表\n单位：元\n项目\n类\n款\n项\n功能分类科目名称\n支出预算\n合计\n基本支出\n项目支出\n" +
			"201\n一般公共服务支出\n51,000\n51,000\n204\n公共安全支出\n7,000\n7,000\n0\n合计\n58,000\n58,000\n0\n",
		"columns swapped": shHead + "2026年部门支出预算总表\n单位：元\n项目\t\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t项目支出\t基本支出\n类\t款\t项\n201\t\t\t一般公共服务支出\t51,000\t30,000\t21,000\n",
		"bad continuation": shHead + "2026年部门支出预算总表\n单位：元\n" + hdr + "201\t\t\t一般公共服务支出\t51,000\t21,000\t30,000\n" +
			"2026年部门支出预算总表（续）\n单位：元\n" + hdr + "201\t03\t一般公共服务\t51,000\t21,000\n",
		"number in the name column": shHead + "2026年部门支出预算总表\n单位：元\n" + hdr + "201\t\t\t51,000\t51,000\t21,000\t30,000\n",
	} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, src)
			if r.Disclosure.Tables.T03 != nil {
				t.Errorf("表3 read: %s", expRows(r.Disclosure.Tables.T03))
			}
			if !hasRule(r.Findings, "P7") {
				t.Error("no P7 finding")
			}
			numeric := 0
			for _, l := range strings.Split(src, "\n") {
				if strings.Contains(l, "0,000") || strings.Contains(l, ",000") {
					numeric++
				}
			}
			if len(r.Unread) == 0 {
				t.Errorf("rows not listed as unread")
			}
		})
	}
}

// 表9 in 万元 after tables in 元 (as the shanghai profile prints it), its
// header glued by PDF extraction (公务用车购置及运行费购置费): each amount in
// its own column, converted exactly to the document's 元.
func TestShanghaiNineInWan(t *testing.T) {
	src := shHead + "2026年部门支出预算总表\n单位：元\n项目\t\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\n" +
		"201\t\t\t一般公共服务支出\t51,000\t21,000\t30,000\n合计\t\t\t\t51,000\t21,000\t30,000\n" +
		"2026年部门“三公”经费和机关运行经费预算表\n编制部门：某区文旅局\t单位:万元\n\t\t“三公”经费预算数\t\t\t\t\n" +
		"合计\t因公出国(境)费\t公务接待费\t小计\t公务用车购置及运行费购置费\t运行费\t机关运行经费预算数\n" +
		"12.4\t0\t2.05\t10.35\t6\t4.35\t88.12\n"
	r := parseText(t, src)
	noUnread(t, r)
	t7 := r.Disclosure.Tables.T07
	if t7 == nil || len(t7.Rows) != 1 {
		t.Fatalf("表9: %+v", t7)
	}
	x := t7.Rows[0]
	got := fmt.Sprint(x.Total, " ", x.Abroad, " ", x.Reception, " ", x.VehicleSubtotal, " ", x.VehiclePurchase, " ", x.VehicleOperation)
	if want := "124000 0 20500 103500 60000 43500"; got != want {
		t.Errorf("表9 in 元: got %s, want %s", got, want)
	}
	if r.Disclosure.Unit != "元" || hasRule(r.Findings, "P3") {
		t.Errorf("unit %q, findings %v", r.Disclosure.Unit, r.Findings)
	}
	if n := r.Disclosure.Narrative; n == nil || n.OperatingCosts.Total.String() != "88.12" || n.Unit != "万元" {
		t.Errorf("narrative.operating_costs.total (the profile's field of the 机关运行经费 column) not 88.12 万元: %+v", n)
	}
	for _, f := range r.Figures {
		if f.Key == "表七.机关运行经费" && f.Value.String() != "881200" {
			t.Errorf("机关运行经费 %s %s, want 881200 元", f.Value, f.Unit)
		}
	}
}

// 表1 extracted without its blank cells (each stated cell followed by a
// tab, as some extractions give it): placed by kind — an income label of the
// profile (also a shorter wording, 1. 一般公共预算) with the amount after
// it, a function class with its amount. 表4 the same way is read only when
// every function amount is stated; two amounts for its four columns cannot
// be placed.
func TestShanghaiSummaryLostBlanks(t *testing.T) {
	t1 := shHead + "2026年部门财务收支预算总表 \t\n单位：元 \t\n本年收入 \t本年支出 \t\n项目 \t预算数 \t项目 \t预算数 \t\n" +
		"一、财政拨款收入 \t830,500 \t一、教育支出 \t800,000 \t\n" +
		"1. 一般公共预算 \t830,500 \t二、卫生健康支出 \t30,500 \t\n" +
		"2. 政府性基金 \t\n3. 国有资本经营预算 \t\n二、事业收入 \t\n三、事业单位经营收入 \t\n四、其他收入 \t\n" +
		"收入总计 \t830,500 \t支出总计 \t830,500 \t\n"
	r := parseText(t, t1)
	noUnread(t, r)
	st := r.Disclosure.Tables.T01
	if st == nil || len(st.Income) != 7 || len(st.Functions) != 2 {
		t.Fatalf("表1: %+v", st)
	}
	if st.Income[1].Key != "general" || st.Income[1].Amount.String() != "830500" || !st.Income[2].Amount.IsBlank() || st.Functions[1].Name != "卫生健康支出" || st.Functions[1].Total.String() != "30500" {
		t.Errorf("表1 placed wrongly: %+v", st)
	}

	t4 := shHead + "2026年部门财政拨款收支预算总表\n单位：元\n财政拨款收入 \t财政拨款支出 \t\n项目 \t预算数 \t项目 \t合计 \t一般公共预算 \t政府性基金预算 \t国有资本经营预算 \t\n" +
		"一、一般公共预算资金 \t830,500 \t一、教育支出 \t800,000 \t800,000 \t\n" +
		"二、政府性基金 \t二、卫生健康支出 \t30,500 \t30,500 \t\n" +
		"收入总计 \t830,500 \t支出总计 \t830,500 \t830,500 \t\n"
	r = parseText(t, t4)
	if r.Disclosure.Tables.T04 != nil || !hasRule(r.Findings, "P7") || len(r.Unread) == 0 {
		t.Errorf("表4 with two of four amounts placed: %+v", r.Disclosure.Tables.T04)
	}
}

// A table over two pages: a page marker and the header printed again
// (without a title) in tab text that drops blank cells, and in one cell
// per line; the rows of both pages form one table.
func TestShanghaiPageBreakRepeatedHeader(t *testing.T) {
	want := "total   64000 24000 40000;class 201 一般公共服务支出 60000 20000 40000;detail 2010301 行政运行 60000 20000 40000;class 221 住房保障支出 4000 4000 0;detail 2210201 住房公积金 4000 4000 0;"
	hdr := "项目 \t支出预算 \t\n功能分类科目编码 \t功能分类科目名称 \t合计 \t基本支出 \t项目支出 \t\n类 \t款 \t项 \t\n"
	tab := shHead + "2026年部门支出预算总表\n单位：元\n" + hdr +
		"201 \t一般公共服务支出 \t60,000 \t20,000 \t40,000 \t\n201 \t03 \t01 \t行政运行 \t60,000 \t20,000 \t40,000 \t\n-- PAGE_BREAK --\n" + hdr +
		"221 \t住房保障支出 \t4,000 \t4,000 \t0 \t\n221 \t02 \t01 \t住房公积金 \t4,000 \t4,000 \t0 \t\n合计 \t64,000 \t24,000 \t40,000 \t\n"
	cellHdr := "项目\n功能分类科目编码\n类\n款\n项\n功能分类科目名称\n支出预算\n合计\n基本支出\n项目支出\n"
	cells := shHead + "2026年部门支出预算总表\n单位：元\n" + cellHdr +
		"201\n一般公共服务支出\n60,000\n20,000\n40,000\n201\n03\n01\n行政运行\n60,000\n20,000\n40,000\n" + cellHdr +
		"221\n住房保障支出\n4,000\n4,000\n0\n221\n02\n01\n住房公积金\n4,000\n4,000\n0\n合计\n64,000\n24,000\n40,000\n"
	for name, src := range map[string]string{"tab without blanks": tab, "one cell per line": cells} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, src)
			noUnread(t, r)
			if got := expRows(r.Disclosure.Tables.T03); got != want {
				t.Errorf("表3:\ngot  %s\nwant %s", got, want)
			}
		})
	}
}

// Header words wrapped over lines (事业收入 事业单位 / 经营收入 其他收入),
// one header cell per line repeated after a page marker, and an empty table
// whose 合计 row has no cells left: read from the profile's words in order.
func TestShanghaiWrappedHeader(t *testing.T) {
	src := shHead + "2026年部门收入预算总表\n编制部门：某区文旅局 \t单位：元\n项目 \t收入预算\n功能分类科目编码\n功能分类科目名称 \t合计 \t财政拨款收入 \t事业收入 事业单位\n经营收入 其他收入\n类 \t款 \t项\n" +
		"213 \t农林水支出 \t45,600 \t45,000 \t600 \t0 \t0\n-- PAGE_BREAK --\n项目 \t收入预算\n功能分类科目编码\n功能分类科目名称 \t合计 \t财政拨款收入 \t事业收入 事业单位\n经营收入 其他收入\n类 \t款 \t项\n" +
		"213 \t01 \t农业农村 \t45,600 \t45,000 \t600 \t0 \t0\n合计 \t45,600 \t45,000 \t600 \t0 \t0\n" +
		"2026年部门国有资本经营预算支出功能分类预算表\n编制部门：某区文旅局 \t单位：元\n项目 \t国有资本经营预算支出\n功能分类科目编码\n功能分类科目名称 \t合计 \t基本支出 \t项目支出\n类 \t款 \t项\n合计\n注:本部门2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。\n"
	r := parseText(t, src)
	noUnread(t, r)
	t2 := r.Disclosure.Tables.T02
	if t2 == nil || len(t2.Rows) != 3 {
		t.Fatalf("表2: %+v", t2)
	}
	if x := t2.Rows[2]; x.FuncCode != "21301" || x.Fiscal.String() != "45000" || x.Business.String() != "600" || x.Other.String() != "0" {
		t.Errorf("表2 row: %+v", x)
	}
	if t10 := r.Disclosure.Tables.T10; t10 == nil || len(t10.Rows) != 0 || t10.Note == "" {
		t.Errorf("表7 (empty): %+v", t10)
	}
}

// A 表9 whose header is wrapped so that its words no longer stand above
// their numbers (the car group's children on a line of their own, the
// 机关运行经费 heading broken in two): not read, P7, the row listed as
// unread — never 合计 in the 小计 column.
func TestShanghaiNineWrappedHeaderNotRead(t *testing.T) {
	src := shHead + "2026年部门“三公”经费和机关运行经费预算表\n编制部门：某区文旅局 \t单位:万元\n“三公”经费预算数\n机关运行经费预算\n数\n" +
		"合计 \t因公出国(境)费 \t公务接待费\n公务用车购置及运行费\n小计 \t购置费 \t运行费\n" +
		"12.4 \t0 \t2.05 \t10.35 \t6 \t4.35 \t88.12\n"
	r := parseText(t, src)
	if t7 := r.Disclosure.Tables.T07; t7 != nil {
		t.Errorf("表9 read: %+v", t7.Rows)
	}
	if !hasRule(r.Findings, "P7") || len(r.Unread) != 1 {
		t.Errorf("findings %v, unread %v", r.Findings, r.Unread)
	}
	for _, f := range r.Figures {
		if strings.HasPrefix(f.Key, "表七.") {
			t.Errorf("figure of the unread table kept: %+v", f)
		}
	}
}

// A 表9 header whose cells each name two columns (公务接待费小计, as a PDF
// glues them) and a row that shows only its stated cells: not read.
func TestShanghaiNineGluedHeaderNotRead(t *testing.T) {
	src := shHead + "2026年部门“三公”经费和机关运行经费预算表\n编制部门：某区文旅局\t单位:万元\n\t\t“三公”经费预算数\t\t\n" +
		"合计\t因公出国(境)费\t公务接待费小计\t公务用车购置及运行费购置费\t机关运行经费预算数运行费\n" +
		"3.1\t\t3.1\t\t205.6\n"
	r := parseText(t, src)
	if t7 := r.Disclosure.Tables.T07; t7 != nil {
		t.Errorf("表9 read: %+v", t7.Rows)
	}
	if !hasRule(r.Findings, "P7") || len(r.Unread) == 0 {
		t.Errorf("findings %v, unread %v", r.Findings, r.Unread)
	}
}
