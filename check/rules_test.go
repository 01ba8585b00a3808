package check

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/model"
)

func a(s string) model.Amount { return model.MustAmount(s) }

// amt returns a blank amount for "" and the parsed amount otherwise.
func amt(s string) model.Amount {
	if s == "" {
		return model.Amount{}
	}
	return a(s)
}

// exp builds an expenditure row: level, unit code, function code and name,
// then 总计, 人员类, 公用经费, 其他运转类, 特定目标类.
func exp(level model.Level, unit, code, name string, v ...string) model.ExpenditureRow {
	for len(v) < 5 {
		v = append(v, "")
	}
	r := model.ExpenditureRow{Level: level, UnitCode: unit, FuncCode: code, FuncName: name,
		Total: amt(v[0]), Personnel: amt(v[1]), Public: amt(v[2]), OtherOperating: amt(v[3]), Specific: amt(v[4])}
	if level == model.LevelTotal {
		r.UnitName = "合计"
	}
	return r
}

// t5 is a one-detail 表五 (or 表三): 合计 10.00 = 人员类 6.00 + 公用经费 4.00.
func t5() *model.ExpenditureTable {
	return &model.ExpenditureTable{Rows: []model.ExpenditureRow{
		exp(model.LevelTotal, "", "", "", "10.00", "6.00", "4.00"),
		exp(model.LevelDetail, "526003", "2010350", "事业运行", "10.00", "6.00", "4.00"),
	}}
}

func fund(total, general string) model.FundAmounts {
	return model.FundAmounts{Total: amt(total), General: amt(general), GovFund: amt(""), StateCapital: amt("")}
}

// t4 is a 表四 matching t5: 一般公共预算 10.00, all of it 201.
func t4() *model.SummaryTable {
	return &model.SummaryTable{
		Income:           []model.IncomeLine{{Key: model.IncomeGeneral, Label: "一、一般公共预算财政拨款收入", Amount: a("10.00")}, {Key: model.IncomeGovFund, Label: "二、政府性基金预算财政拨款收入"}},
		IncomeTotal:      a("10.00"),
		IncomeGrandTotal: a("10.00"),
		Functions: []model.FundLine{
			{Code: "201", Name: "一般公共服务支出", FundAmounts: fund("10.00", "10.00")},
			{Code: "208", Name: "社会保障和就业支出", FundAmounts: fund("0.00", "")},
		},
		CategoryTotal: fund("10.00", "10.00"),
		Categories: []model.FundLine{
			{Name: "一、人员类项目支出", Level: 1, FundAmounts: fund("6.00", "6.00")},
			{Name: "工资福利支出", Level: 2, FundAmounts: fund("6.00", "6.00")},
			{Name: "二、运转类项目支出", Level: 1, FundAmounts: fund("4.00", "4.00")},
			{Name: "公用经费项目支出", Level: 2, FundAmounts: fund("4.00", "4.00")},
			{Name: "其他运转类项目支出", Level: 2, FundAmounts: fund("0.00", "")},
			{Name: "三、特定目标类项目支出", Level: 1, FundAmounts: fund("0.00", "")},
		},
		EconomicTotal: fund("10.00", "10.00"),
		Economic: []model.FundLine{
			{Code: "501", Name: "工资福利支出", FundAmounts: fund("6.00", "6.00")},
			{Code: "502", Name: "商品和服务支出", FundAmounts: fund("4.00", "4.00")},
		},
		ExpenditureTotal:      fund("10.00", "10.00"),
		CarryForward:          fund("0.00", "0.00"),
		ExpenditureGrandTotal: fund("10.00", "10.00"),
	}
}

// t6 matches t5: 人员经费 6.00 (30101), 公用经费 4.00 (30201 3.00, 30217 1.00).
func t6() *model.BasicTable {
	row := func(l model.Level, code, name, total, p, g string) model.BasicRow {
		return model.BasicRow{Level: l, Code: code, Name: name, Total: a(total), Personnel: a(p), Public: a(g)}
	}
	return &model.BasicTable{Rows: []model.BasicRow{
		row(model.LevelTotal, "", "合计", "10.00", "6.00", "4.00"),
		row(model.LevelClass, "301", "工资福利支出", "6.00", "6.00", "0.00"),
		row(model.LevelItem, "30101", "基本工资", "6.00", "6.00", "0.00"),
		row(model.LevelClass, "302", "商品和服务支出", "4.00", "0.00", "4.00"),
		row(model.LevelItem, "30201", "办公费", "3.00", "0.00", "3.00"),
		row(model.LevelItem, "30217", "公务接待费", "1.00", "0.00", "1.00"),
	}}
}

func t2() *model.IncomeTable {
	return &model.IncomeTable{Rows: []model.IncomeRow{
		{Level: model.LevelTotal, UnitName: "合计", Total: a("10.00"), Subtotal: a("10.00"), General: a("10.00")},
		{Level: model.LevelUnit, UnitCode: "526003", UnitName: "本单位", Total: a("10.00"), Subtotal: a("10.00"), General: a("10.00")},
	}}
}

func t7() *model.ThreePublicTable {
	return &model.ThreePublicTable{Rows: []model.ThreePublicRow{
		{Level: model.LevelTotal, UnitName: "合计", Total: a("1.00"), Abroad: a("0.00"), VehicleSubtotal: a("0.00"), VehiclePurchase: a("0.00"), VehicleOperation: a("0.00"), Reception: a("1.00")},
	}}
}

// t1 is 表一 of the same department (totals only).
func t1() *model.SummaryTable {
	only := func(s string) model.FundAmounts { return model.FundAmounts{Total: a(s)} }
	return &model.SummaryTable{
		Income:                []model.IncomeLine{{Key: model.IncomeGeneral, Label: "一、一般公共预算财政拨款收入", Amount: a("10.00")}},
		IncomeTotal:           a("10.00"),
		IncomeGrandTotal:      a("10.00"),
		Functions:             []model.FundLine{{Code: "201", Name: "一般公共服务支出", FundAmounts: only("10.00")}},
		ExpenditureTotal:      only("10.00"),
		CarryForward:          only("0.00"),
		ExpenditureGrandTotal: only("10.00"),
	}
}

func disc(ts model.Tables, n *model.Narrative) *model.Disclosure {
	return &model.Disclosure{Department: "测试单位", Year: 2023, Unit: model.UnitWanYuan, Tables: ts, Narrative: n}
}

// want is an expected finding: rule, severity, table and row ("" = any).
type want struct {
	rule  string
	sev   model.Severity
	table model.TableID
	row   string
}

func (w want) String() string { return fmt.Sprintf("%s %s %s %q", w.sev, w.rule, w.table, w.row) }

func matches(f model.Finding, w want) bool {
	return f.Rule == w.rule && f.Severity == w.sev && f.Table == w.table && (w.row == "" || f.Row == w.row)
}

// dropMissing removes the T-MISS finding, which any input with a few of the
// ten tables gets.
func dropMissing(fs []model.Finding) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Rule != "T-MISS" {
			out = append(out, f)
		}
	}
	return out
}

func assertFindings(t *testing.T, fs []model.Finding, ws []want) {
	t.Helper()
	ok := len(fs) == len(ws)
	for i := 0; ok && i < len(ws); i++ {
		ok = matches(fs[i], ws[i])
	}
	if !ok {
		var b strings.Builder
		for _, f := range fs {
			fmt.Fprintf(&b, "\n  %s %s %q %q: %s", f.Severity, f.Table, f.Row, f.Column, f.String())
		}
		t.Errorf("got %d findings:%s\nwant %v", len(fs), b.String(), ws)
	}
}

func TestRules(t *testing.T) {
	E, W, I := model.SeverityError, model.SeverityWarning, model.SeverityInfo
	tests := []struct {
		name string
		d    func() *model.Disclosure
		want []want
	}{
		{"consistent tables", func() *model.Disclosure {
			return disc(model.Tables{T01: t1(), T02: t2(), T03: t5(), T04: t4(), T05: t5(), T06: t6(), T07: t7()}, nil)
		}, nil},
		{"R-ROW detail total ≠ its columns", func() *model.Disclosure {
			x := t5()
			x.Rows = x.Rows[1:]
			x.Rows[0].Total = a("10.10")
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"R-ROW", E, model.T05, "2010350 事业运行"}}},
		{"R-ROW within rounding (V6: 218.93 vs 218.92)", func() *model.Disclosure {
			x := &model.ExpenditureTable{Rows: []model.ExpenditureRow{exp(model.LevelDetail, "526003", "2010350", "事业运行", "218.93", "32.57", "6.35", "", "180.00")}}
			return disc(model.Tables{T05: x}, nil)
		}, nil},
		{"R-ROW just beyond rounding", func() *model.Disclosure {
			// 4 parts + total: tolerance 5 × 0.005 = 0.025; 0.03 is too much.
			x := &model.ExpenditureTable{Rows: []model.ExpenditureRow{exp(model.LevelDetail, "526003", "2010350", "事业运行", "218.95", "32.57", "6.35", "", "180.00")}}
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"R-ROW", E, model.T05, "2010350 事业运行"}}},
		{"R-ROW basic/project scheme", func() *model.Disclosure {
			x := &model.ExpenditureTable{Scheme: model.SchemeBasicProject, Rows: []model.ExpenditureRow{
				{Level: model.LevelDetail, UnitCode: "526003", FuncCode: "2010350", FuncName: "事业运行", Total: a("5.00"), Basic: a("3.00"), Project: a("1.00")}}}
			return disc(model.Tables{T03: x}, nil)
		}, []want{{"R-ROW", E, model.T03, "2010350 事业运行"}}},
		{"R-SUB 合计 ≠ its rows", func() *model.Disclosure {
			x := t5()
			x.Rows = append(x.Rows, exp(model.LevelDetail, "526003", "2013150", "事业运行", "1.00", "", "1.00"))
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"R-SUB", E, model.T05, "合计"}, {"R-SUB", E, model.T05, "合计"}}},
		{"R-SUB 表六 类 ≠ its 款", func() *model.Disclosure {
			x := t6()
			x.Rows[4].Total, x.Rows[4].Public = a("3.50"), a("3.50") // 30201
			x.Rows[0].Total, x.Rows[0].Public = a("10.00"), a("4.00")
			return disc(model.Tables{T06: x}, nil)
		}, []want{{"R-SUB", E, model.T06, "302 商品和服务支出"}, {"R-SUB", E, model.T06, "302 商品和服务支出"}}},
		{"R-ROW 表二 总计 ≠ 小计 + 上年结余结转", func() *model.Disclosure {
			x := t2()
			x.Rows = x.Rows[1:]
			x.Rows[0].Carryover = a("1.00")
			return disc(model.Tables{T02: x}, nil)
		}, []want{{"R-ROW", E, model.T02, "526003 本单位"}}},
		{"R-ROW 表七 合计 ≠ 出国 + 车 + 接待", func() *model.Disclosure {
			x := t7()
			x.Rows[0].Total = a("1.50")
			return disc(model.Tables{T07: x}, nil)
		}, []want{{"R-ROW", E, model.T07, "合计"}}},
		{"R-ROW 表七 车小计 ≠ 购置 + 运行", func() *model.Disclosure {
			x := t7()
			x.Rows[0].VehicleOperation = a("0.50")
			return disc(model.Tables{T07: x}, nil)
		}, []want{{"R-ROW", E, model.T07, "合计"}}},
		{"R-ROW 表九 合计 ≠ 各资金", func() *model.Disclosure {
			x := &model.ProcurementTable{Rows: []model.ProcurementRow{{Level: model.LevelTotal, UnitName: "合计", Total: a("5.00"), General: a("4.00")}}}
			return disc(model.Tables{T09: x}, nil)
		}, []want{{"R-ROW", E, model.T09, "合计"}}},
		{"R-FIX 本年收入合计 ≠ income rows", func() *model.Disclosure {
			x := t4()
			x.Income[0].Amount = a("9.00")
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"R-FIX", E, model.T04, "本年收入合计"}, {"R-BAL", E, model.T04, "支出总计"}}},
		{"R-FIX 本年支出合计 ≠ function rows", func() *model.Disclosure {
			x := t1()
			x.Functions = append(x.Functions, model.FundLine{Code: "208", Name: "社会保障和就业支出", FundAmounts: model.FundAmounts{Total: a("1.00")}})
			return disc(model.Tables{T01: x}, nil)
		}, []want{{"R-FIX", E, model.T01, "本年支出合计"}}},
		{"R-FIX rounding over 27 rows passes (V5: 231.80 vs 231.79)", func() *model.Disclosure {
			x := t4()
			x.Functions = []model.FundLine{
				{Code: "201", Name: "一般公共服务支出", FundAmounts: fund("219.83", "219.83")},
				{Code: "208", Name: "社会保障和就业支出", FundAmounts: fund("4.80", "4.80")},
				{Code: "210", Name: "卫生健康支出", FundAmounts: fund("3.30", "3.30")},
				{Code: "221", Name: "住房保障支出", FundAmounts: fund("3.87", "3.87")},
			}
			for _, f := range []*model.FundAmounts{&x.ExpenditureTotal, &x.ExpenditureGrandTotal, &x.CategoryTotal, &x.EconomicTotal} {
				*f = fund("231.79", "231.79")
			}
			x.Income[0].Amount, x.IncomeTotal, x.IncomeGrandTotal = a("231.79"), a("231.79"), a("231.79")
			x.Categories = []model.FundLine{{Name: "一、人员类项目支出", Level: 1, FundAmounts: fund("231.79", "231.79")}}
			x.Economic = []model.FundLine{{Code: "501", Name: "工资福利支出", FundAmounts: fund("231.79", "231.79")}}
			return disc(model.Tables{T04: x}, nil)
		}, nil},
		{"R-ROW 表四 合计 ≠ 一般公共 + 基金 + 国资", func() *model.Disclosure {
			x := t4()
			x.Functions[1].Total = a("0.50")
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"R-ROW", E, model.T04, "208社会保障和就业支出"}, {"R-FIX", E, model.T04, "本年支出合计"}}},
		{"R-SUB 表四 人员类 ≠ 工资福利 + 对个人和家庭", func() *model.Disclosure {
			x := t4()
			x.Categories[1].FundAmounts = fund("5.00", "5.00")
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"R-SUB", E, model.T04, "一、人员类项目支出"}, {"R-SUB", E, model.T04, "一、人员类项目支出"}}},
		{"R-BAL 收入总计 ≠ 支出总计", func() *model.Disclosure {
			x := t1()
			x.Income[0].Amount, x.IncomeTotal, x.IncomeGrandTotal = a("12.00"), a("12.00"), a("12.00")
			return disc(model.Tables{T01: x}, nil)
		}, []want{{"R-BAL", E, model.T01, "收入总计"}}},
		{"X1 表三 ≠ 表一 本年支出合计", func() *model.Disclosure {
			x := t1()
			for _, f := range []*model.FundAmounts{&x.ExpenditureTotal, &x.ExpenditureGrandTotal, &x.Functions[0].FundAmounts} {
				f.Total = a("11.00")
			}
			x.Income[0].Amount, x.IncomeTotal, x.IncomeGrandTotal = a("11.00"), a("11.00"), a("11.00")
			return disc(model.Tables{T01: x, T03: t5()}, nil)
		}, []want{{"X1", E, model.T03, "合计"}, {"X2", E, model.T03, "201"}}},
		{"X2 表三 类 ≠ 表一 function row", func() *model.Disclosure {
			x := t1()
			x.Functions[0].Total = a("8.00")
			x.Functions = append(x.Functions, model.FundLine{Code: "208", Name: "社会保障和就业支出", FundAmounts: model.FundAmounts{Total: a("2.00")}})
			return disc(model.Tables{T01: x, T03: t5()}, nil)
		}, []want{{"X2", E, model.T03, "201"}, {"X2", E, model.T03, "208"}}},
		{"X3 表三 人员类 ≠ 表四 人员类", func() *model.Disclosure {
			x := t5()
			for i := range x.Rows {
				x.Rows[i].Personnel, x.Rows[i].Public = a("5.00"), a("5.00")
			}
			return disc(model.Tables{T03: x, T04: t4()}, nil)
		}, []want{{"X3", E, model.T03, "合计"}, {"X3", E, model.T03, "合计"}}},
		{"X4 表五 ≠ 表四 一般公共预算 本年支出合计 (X5 follows: one class)", func() *model.Disclosure {
			x := t5()
			for i := range x.Rows {
				x.Rows[i].Total, x.Rows[i].Personnel = a("11.00"), a("7.00")
			}
			return disc(model.Tables{T04: t4(), T05: x}, nil)
		}, []want{{"X4", E, model.T05, "合计"}, {"X5", E, model.T05, "201"}}},
		{"X5 表五 类 ≠ 表四 一般公共预算 function row", func() *model.Disclosure {
			x := t4()
			x.Functions[0].FundAmounts = fund("9.00", "9.00")
			x.Functions[1].FundAmounts = fund("1.00", "1.00")
			return disc(model.Tables{T04: x, T05: t5()}, nil)
		}, []want{{"X5", E, model.T05, "201"}, {"X5", E, model.T05, "208"}}},
		{"X6 表六 合计 ≠ 表五 人员类 + 公用经费", func() *model.Disclosure {
			x := t5()
			x.Rows[0].Total, x.Rows[0].Specific = a("11.00"), a("1.00")
			x.Rows[1].Total, x.Rows[1].Specific = a("11.00"), a("1.00")
			y := t6()
			y.Rows[0].Total = a("10.03")
			y.Rows[0].Public = a("4.03")
			return disc(model.Tables{T05: x, T06: y}, nil)
		}, []want{{"R-SUB", E, model.T06, "合计"}, {"R-SUB", E, model.T06, "合计"}, {"X6", E, model.T06, "合计"}, {"X7", E, model.T06, "合计"}}},
		{"X7 表六 人员经费 ≠ 表五 人员类", func() *model.Disclosure {
			y := t6()
			y.Rows[0].Personnel, y.Rows[0].Public = a("5.00"), a("5.00")
			y.Rows[1].Personnel, y.Rows[1].Public = a("5.00"), a("1.00")
			y.Rows[2].Personnel, y.Rows[2].Public = a("5.00"), a("1.00")
			y.Rows[3].Personnel, y.Rows[3].Public = a("0.00"), a("4.00")
			return disc(model.Tables{T05: t5(), T06: y}, nil)
		}, []want{{"X7", E, model.T06, "合计"}, {"X7", E, model.T06, "合计"}}},
		{"X8 表六 302 > 表四 502", func() *model.Disclosure {
			x := t4()
			x.Economic[0].FundAmounts, x.Economic[1].FundAmounts = fund("7.00", "7.00"), fund("3.00", "3.00")
			return disc(model.Tables{T04: x, T06: t6()}, nil)
		}, []want{{"X8", E, model.T06, "302 商品和服务支出"}}},
		{"X9 表四 支出类别分类 ≠ 本年支出合计", func() *model.Disclosure {
			x := t4()
			x.CategoryTotal = fund("10.50", "10.50")
			x.Categories[4].FundAmounts = fund("0.50", "0.50")
			x.Categories[2].FundAmounts = fund("4.50", "4.50")
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"X9", E, model.T04, "支出类别分类"}, {"X9", E, model.T04, "支出类别分类"}}},
		{"X10 表八 has money, 表四 政府性基金 none", func() *model.Disclosure {
			x := t5()
			for i := range x.Rows {
				x.Rows[i].FuncCode = strings.Replace(x.Rows[i].FuncCode, "2010350", "2120102", 1)
				x.Rows[i].FuncName = strings.Replace(x.Rows[i].FuncName, "事业运行", "一般行政管理事务", 1)
			}
			return disc(model.Tables{T04: t4(), T08: x}, nil)
		}, []want{{"X10", E, model.T08, "合计"}}},
		{"X10 empty 表十 against 表四 国有资本经营 0", func() *model.Disclosure {
			return disc(model.Tables{T04: t4(), T10: &model.ExpenditureTable{}}, nil)
		}, nil},
		{"X11 表二 ≠ 表一 收入总计", func() *model.Disclosure {
			x := t2()
			for i := range x.Rows {
				x.Rows[i].Total, x.Rows[i].Subtotal, x.Rows[i].General = a("9.00"), a("9.00"), a("9.00")
			}
			return disc(model.Tables{T01: t1(), T02: x}, nil)
		}, []want{{"X11", E, model.T02, "合计"}}},
		{"X12 表二 一般公共预算 ≠ 表四 一般公共预算财政拨款收入", func() *model.Disclosure {
			x := t2()
			for i := range x.Rows {
				x.Rows[i].General, x.Rows[i].UnitFunds = a("9.00"), a("1.00")
			}
			return disc(model.Tables{T02: x, T04: t4()}, nil)
		}, []want{{"X12", E, model.T02, "合计"}}},
		{"C-FUNC bad structure", func() *model.Disclosure {
			x := t5()
			x.Rows[1].FuncCode = "201035"
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"C-FUNC", E, model.T05, "201035 事业运行"}}},
		{"C-FUNC 类 the catalog lacks (V15: 228)", func() *model.Disclosure {
			x := t4()
			x.Functions[1].Code, x.Functions[1].Name = "228", "国有资本经营支出"
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"C-FUNC", W, model.T04, "228 国有资本经营支出"}}},
		{"C-NAME 类 code of another name (V15: 209教育支出)", func() *model.Disclosure {
			x := t4()
			x.Functions[1].Code, x.Functions[1].Name = "", "209教育支出"
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"C-NAME", W, model.T04, "209 教育支出"}}},
		{"C-NAME outdated 类 name", func() *model.Disclosure {
			x := t4()
			x.Functions[1].Code, x.Functions[1].Name = "210", "医疗卫生与计划生育支出"
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"C-NAME", W, model.T04, "210 医疗卫生与计划生育支出"}}},
		{"C-NAME 款 name differs from the catalog", func() *model.Disclosure {
			y := t6()
			y.Rows[4].Name = "办公用品费"
			return disc(model.Tables{T06: y}, nil)
		}, []want{{"C-NAME", W, model.T06, "30201 办公用品费"}}},
		{"C-NAME full-width parentheses are the same name", func() *model.Disclosure {
			y := t6()
			y.Rows[4].Code, y.Rows[4].Name = "30213", "维修(护)费"
			return disc(model.Tables{T06: y}, nil)
		}, nil},
		{"C-FUNC 款 the catalog lacks (a made-up 20197) is a 提示", func() *model.Disclosure {
			x := t5()
			x.Rows[1].FuncCode = "2019750"
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"C-FUNC", I, model.T05, "2019750 事业运行"}}},
		{"C-FUNC class of another fund in 表十", func() *model.Disclosure {
			return disc(model.Tables{T10: t5()}, nil)
		}, []want{{"C-FUNC", W, model.T10, "2010350 事业运行"}}},
		{"C-ECON 款 not under its 类", func() *model.Disclosure {
			y := t6()
			y.Rows[2].Code = "30201"
			y.Rows[2].Name = "办公费"
			return disc(model.Tables{T06: y}, nil)
		}, []want{{"C-ECON", E, model.T06, "30201 办公费"}}},
		{"C-MIX 3xx and 5xx in 表六", func() *model.Disclosure {
			y := t6()
			y.Rows[3].Code, y.Rows[3].Name = "502", "机关商品和服务支出"
			y.Rows[4].Code, y.Rows[5].Code = "50201", "50206"
			return disc(model.Tables{T06: y}, nil)
		}, []want{{"C-MIX", E, model.T06, "502 机关商品和服务支出"}, {"C-MIX", E, model.T06, "50201 办公费"}, {"C-MIX", E, model.T06, "50206 公务接待费"}}},
		{"C-MIX 3xx and 5xx in 表四's economic block", func() *model.Disclosure {
			x := t4()
			x.Economic[1].Code = "302"
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"C-MIX", E, model.T04, "302商品和服务支出"}}},
		{"C-UNIT truncated unit code (V17: 52600)", func() *model.Disclosure {
			x := t5()
			x.Rows[1].UnitCode = "52600"
			return disc(model.Tables{T03: x}, nil)
		}, []want{{"C-UNIT", W, model.T03, "2010350 事业运行"}}},
		{"C-LABEL income numbering (V16)", func() *model.Disclosure {
			x := t4()
			x.Income[0].Label = "二、一般公共预算财政拨款收入"
			x.Income[1].Label = "三、政府性基金预算财政拨款收入"
			return disc(model.Tables{T04: x}, nil)
		}, []want{{"C-LABEL", W, model.T04, "二、一般公共预算财政拨款收入"}, {"C-LABEL", W, model.T04, "三、政府性基金预算财政拨款收入"}}},
		{"E-NOTE note of another fund (套模)", func() *model.Disclosure {
			return disc(model.Tables{T10: &model.ExpenditureTable{Note: "注：本部门2023年无政府性基金预算财政拨款安排的支出，此表为空表。"}}, nil)
		}, []want{{"E-NOTE", E, model.T10, "注"}}},
		{"E-NOTE note under a table with money", func() *model.Disclosure {
			x := t5()
			x.Note = "注：本部门2023年无一般公共预算财政拨款安排的支出，此表为空表。"
			return disc(model.Tables{T05: x}, nil)
		}, []want{{"E-NOTE", E, model.T05, "注"}}},
		{"E-NOTE the right note", func() *model.Disclosure {
			return disc(model.Tables{T08: &model.ExpenditureTable{Note: "注：本部门2023年无政府性基金预算财政拨款安排的支出，此表为空表。"}}, nil)
		}, nil},
		{"T-MISS tables left out (V20)", func() *model.Disclosure {
			return disc(model.Tables{T05: t5()}, nil)
		}, []want{{"T-MISS", W, "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := Disclosure(tc.d(), Options{})
			if !strings.HasPrefix(tc.name, "T-MISS") {
				fs = dropMissing(fs)
			}
			assertFindings(t, fs, tc.want)
		})
	}
}

// TestMessageFormat: the line of the issue, word for word. With these
// numbers the difference (0.01) is within rounding (§3.6: three terms,
// 0.015), so it is reported only under Options.Exact.
func TestMessageFormat(t *testing.T) {
	d := disc(model.Tables{
		T05: &model.ExpenditureTable{Rows: []model.ExpenditureRow{{Level: model.LevelTotal, UnitName: "合计", Total: a("51.78"), Personnel: a("44.54"), Public: a("7.24")}}},
		T06: &model.BasicTable{Rows: []model.BasicRow{{Level: model.LevelTotal, Name: "合计", Total: a("51.79"), Personnel: a("44.54"), Public: a("7.25")}}},
	}, nil)
	for _, f := range dropMissing(Disclosure(d, Options{})) {
		if f.Rule == "X6" {
			t.Errorf("within rounding, got %s", f)
		}
	}
	const want = "错误 X6 表六 合计 51.79 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.01)"
	var got []string
	for _, f := range dropMissing(Disclosure(d, Options{Exact: true})) {
		got = append(got, f.String())
		if f.String() == want {
			if f.Table != model.T06 || f.Row != "合计" || f.Column != "合计" {
				t.Errorf("position %s %q %q", f.Table, f.Row, f.Column)
			}
			return
		}
	}
	t.Errorf("with Exact, want %q among %q", want, got)
}

// TestEmptyInputs: empty inputs never panic, and what is missing is said
// (D-META), not passed over: an empty disclosure is not a clean one.
func TestEmptyInputs(t *testing.T) {
	empty := model.Tables{T01: &model.SummaryTable{}, T02: &model.IncomeTable{}, T03: &model.ExpenditureTable{}, T04: &model.SummaryTable{},
		T05: &model.ExpenditureTable{}, T06: &model.BasicTable{}, T07: &model.ThreePublicTable{}, T08: &model.ExpenditureTable{},
		T09: &model.ProcurementTable{}, T10: &model.ExpenditureTable{}}
	if fs := Disclosure(nil, Options{}); fs != nil {
		t.Errorf("nil: %v", fs)
	}
	zero := model.MustAmount("0.00")
	for name, tc := range map[string]struct {
		d    *model.Disclosure
		want int // D-META findings
	}{
		"zero":             {&model.Disclosure{}, 4},
		"empty tables":     {&model.Disclosure{Tables: empty}, 3},
		"empty narrative":  {&model.Disclosure{Narrative: &model.Narrative{}}, 3},
		"empty everything": {&model.Disclosure{Tables: empty, Narrative: &model.Narrative{}}, 3},
		"only the header":  {&model.Disclosure{Department: "测试单位", Year: 2024, Unit: model.UnitYuan}, 1},
		"complete, empty":  {&model.Disclosure{Department: "测试单位", Year: 2024, Unit: model.UnitYuan, Tables: empty}, 0},
		"complete, all 0": {&model.Disclosure{Department: "测试单位", Year: 2024, Unit: model.UnitYuan,
			Tables: model.Tables{T01: &model.SummaryTable{IncomeTotal: zero, IncomeGrandTotal: zero}}}, 1}, // a blank template read back
	} {
		fs := Disclosure(tc.d, Options{})
		n := 0
		for _, f := range fs {
			if f.Rule == "D-META" {
				n++
			} else if f.Severity == model.SeverityError {
				t.Errorf("%s: unexpected %s", name, f)
			}
		}
		if n != tc.want {
			t.Errorf("%s: %d D-META findings, want %d: %v", name, n, tc.want, fs)
		}
	}
}

// A row without a level used to be taken for a detail row, so a wrong 合计
// went unreported: it is now an error naming the rows.
func TestRowWithoutLevel(t *testing.T) {
	t5 := t5()
	t5.Rows[0].Level = ""
	t5.Rows[0].Total = a("99.00") // a wrong 合计
	fs := find(Disclosure(disc(model.Tables{T05: t5}, nil), Options{}), "R-LEVEL")
	if len(fs) != 1 || fs[0].Table != model.T05 || !strings.Contains(fs[0].Message, "1 行没有层级") || !strings.Contains(fs[0].Message, "合计") {
		t.Errorf("got %v", fs)
	}
}

// TestMissingTablesOfTheLayout: Shanghai prints nine tables, without
// 政府采购预算表; with the layout's tables in Options, T-MISS does not ask
// for it (it used to warn on every Shanghai disclosure).
func TestMissingTablesOfTheLayout(t *testing.T) {
	d := loadJSON(t, "../examples/shanghai-wanli-2025.json")
	if d.Tables.Present(model.T09) {
		t.Fatal("the Shanghai example has a 表九; the test needs it absent")
	}
	tmiss := func(o Options) int {
		n := 0
		for _, f := range Disclosure(d, o) {
			if f.Rule == "T-MISS" {
				n++
			}
		}
		return n
	}
	if n := tmiss(Options{}); n != 1 {
		t.Errorf("all ten tables expected: %d T-MISS, want 1", n)
	}
	nine := []model.TableID{model.T01, model.T02, model.T03, model.T04, model.T05, model.T08, model.T10, model.T06, model.T07}
	if n := tmiss(Options{Tables: nine}); n != 0 {
		t.Errorf("the nine Shanghai tables expected: %d T-MISS, want 0", n)
	}
}

// TestNotStatedIsNotZero: a 表二 whose layout does not print 一般公共预算
// (Shanghai 表2 prints 财政拨款收入 instead) leaves it blank, and X12 does not
// compare a blank with 表四 as if it were 0; a stated 0 is still compared.
func TestNotStatedIsNotZero(t *testing.T) {
	x12 := func(general model.Amount) int {
		x := t2()
		for i := range x.Rows {
			x.Rows[i].General = general
		}
		n := 0
		for _, f := range Disclosure(disc(model.Tables{T02: x, T04: t4()}, nil), Options{}) {
			if f.Rule == "X12" {
				n++
			}
		}
		return n
	}
	if n := x12(model.Amount{}); n != 0 {
		t.Errorf("表二 一般公共预算 not stated: %d X12 findings, want none", n)
	}
	if n := x12(a("0.00")); n != 1 {
		t.Errorf("表二 一般公共预算 stated 0.00 against 表四 10.00: %d X12 findings, want 1", n)
	}
	if n := x12(a("10.00")); n != 0 {
		t.Errorf("表二 一般公共预算 10.00 = 表四: %d X12 findings, want none", n)
	}
}

// TestCatalogOption: a region's catalog (Options.Catalog) makes the codes
// it holds known, so that a valid 项 the embedded sample lacks is neither a
// 警告 nor a 提示; a code neither catalog holds stays a 提示.
func TestCatalogOption(t *testing.T) {
	W, I := model.SeverityWarning, model.SeverityInfo
	row := func(code, name string) *model.Disclosure {
		x := t5()
		x.Rows[1].FuncCode, x.Rows[1].FuncName = code, name
		return disc(model.Tables{T05: x}, nil)
	}
	region := map[string]string{"2012601": "行政运行", "2012604": "档案馆", "2070101": "行政运行", "2010301": "行政运行", "2010308": "信访事务"}
	tests := []struct {
		name    string
		d       *model.Disclosure
		catalog map[string]string
		want    []want
	}{
		{"款 absent from the embedded catalog (made up): 提示", row("2019704", "某某事务"), nil,
			[]want{{"C-FUNC", I, model.T05, "2019704 某某事务"}}},
		{"a 项 of a 款 the embedded catalog has: nothing", row("2012604", "档案馆"), nil, nil},
		{"the same 项 in the region's catalog: nothing", row("2012604", "档案馆"), region, nil},
		{"a 项 of a 款 only the catalog's 项 show, not in it: 提示", row("2012699", "其他档案事务支出"), region,
			[]want{{"C-FUNC", I, model.T05, "2012699 其他档案事务支出"}}},
		{"a 项 the catalog lacks while it lists that 款's 项: 提示", row("2010309", "参事事务"), region,
			[]want{{"C-FUNC", I, model.T05, "2010309 参事事务"}}},
		{"a 项 of a known 款 without a catalog: nothing", row("2010309", "参事事务"), nil, nil},
		{"a 项 of a 款 neither catalog has: 提示", row("2019750", "事业运行"), region,
			[]want{{"C-FUNC", I, model.T05, "2019750 事业运行"}}},
		{"a 项 of a known 款 whose 项 the catalog does not list: nothing", row("2010104", "人大会议"), region, nil},
		{"the name is compared with the catalog's", row("2070101", "文化行政运行"), region,
			[]want{{"C-NAME", W, model.T05, "2070101 文化行政运行"}}},
		{"a 类 the embedded catalog lacks: 警告", row("2990101", "某支出"), nil,
			[]want{{"C-FUNC", W, model.T05, "2990101 某支出"}}},
		{"a 类 only the catalog has is not a 警告", row("2990101", "某支出"), map[string]string{"299": "其他支出（地方）", "29901": "某款"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := dropMissing(Disclosure(tc.d, Options{Catalog: tc.catalog}))
			var codes []model.Finding
			for _, f := range fs {
				if strings.HasPrefix(f.Rule, "C-") {
					codes = append(codes, f)
				}
			}
			assertFindings(t, codes, tc.want)
			for _, f := range codes {
				if f.Rule == "C-FUNC" && len(tc.catalog) > 0 && !strings.Contains(f.Message, "所给目录") {
					t.Errorf("with a catalog the note should say it was looked up there too: %s", f.Message)
				}
			}
		})
	}
}
