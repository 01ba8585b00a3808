package check

import (
	"testing"

	"gongkai/model"
)

// narr is a narrative that agrees with t1…t7 above.
func narr() *model.Narrative {
	return &model.Narrative{
		Department: "测试单位",
		Unit:       model.UnitWanYuan,
		Income: model.IncomeFigures{Total: a("10"), PriorTotal: a("8"), Change: a("2"), ChangePercent: a("25.00"),
			Sources: map[string]model.Amount{"一般公共预算财政拨款": a("10"), "上年结余结转": a("0")}},
		Expenditure: model.ExpenditureFigures{Total: a("10"), Change: a("2"), ChangePercent: a("25.00"),
			ByCategory: map[string]model.Amount{model.CatPersonnel: a("6"), model.CatPublic: a("4"), model.CatOtherOperating: a("0"), model.CatSpecific: a("0")},
			ByFunction: []model.FunctionShare{{Name: "一般公共服务支出", Amount: a("10"), Percent: a("100.00")}}},
		OperatingCosts: model.OperatingCosts{Total: a("4"), PriorTotal: a("4"), Change: a("0"),
			Items: []model.NamedAmount{{Name: "办公费", Amount: a("3")}, {Name: "公务接待费", Amount: a("1")}}},
		ThreePublic: model.ThreePublic{Total: a("1"), Abroad: a("0"), VehicleOperation: a("0"), Reception: a("1")},
		Procurement: model.Procurement{Total: a("0")},
		Assets:      model.Assets{Total: a("5"), Fixed: a("2"), Intangible: a("3")},
		Staffing:    model.Staffing{Authorized: a("7"), Kinds: map[string]model.Amount{"行政编制": a("3"), "事业编制": a("4")}},
		Words: map[string]string{"income.change": "增加", "income.change_percent": "增长",
			"expenditure.change": "增加", "expenditure.change_percent": "增长", "operating_costs.change": "无变化"},
	}
}

func all() model.Tables {
	return model.Tables{T01: t1(), T02: t2(), T03: t5(), T04: t4(), T05: t5(), T06: t6(), T07: t7(),
		T08: &model.ExpenditureTable{}, T09: &model.ProcurementTable{}, T10: &model.ExpenditureTable{}}
}

func TestNarrativeRules(t *testing.T) {
	E, W, I := model.SeverityError, model.SeverityWarning, model.SeverityInfo
	tests := []struct {
		name   string
		tables func() model.Tables
		edit   func(*model.Narrative)
		want   []want
	}{
		{"consistent", all, func(*model.Narrative) {}, nil},
		{"narrative alone", func() model.Tables { return model.Tables{} }, func(*model.Narrative) {}, nil},
		{"N1 收入总额 ≠ 表一", all, func(n *model.Narrative) {
			n.Income.Total, n.Income.Sources["一般公共预算财政拨款"], n.Income.Change, n.Income.ChangePercent = a("11"), a("11"), a("3"), a("37.50")
		}, []want{{"N1", E, "", ""}, {"N2", E, "", ""}}},
		{"N1 without 表一 uses 表二", func() model.Tables { return model.Tables{T02: t2()} }, func(n *model.Narrative) {
			n.Income.Total, n.Income.Sources["一般公共预算财政拨款"], n.Income.Change, n.Income.ChangePercent = a("11"), a("11"), a("3"), a("37.50")
		}, []want{{"N1", E, "", ""}, {"N2", E, "", ""}}},
		{"N2 sources do not add up", all, func(n *model.Narrative) { n.Income.Sources["上年结余结转"] = a("1") }, []want{{"N2", E, "", ""}, {"N2", E, "", ""}}},
		{"N3 支出总额 ≠ 表三", all, func(n *model.Narrative) {
			n.Expenditure.Total = a("10.5")
			n.Expenditure.Change = a("2.5")
			n.Expenditure.ChangePercent = a("31.25")
		}, []want{{"N3", E, "", ""}, {"N4", E, "", ""}, {"N5", E, "", ""}, {"N5", E, "", ""}}},
		{"N3 结转下年 as 表一", all, func(n *model.Narrative) { n.Expenditure.CarryForward = a("0.00") }, nil},
		{"N3 结转下年 ≠ 表一", all, func(n *model.Narrative) { n.Expenditure.CarryForward = a("0.50") }, []want{{"N3", E, "", ""}}},
		{"N4 人员类 ≠ 表三", all, func(n *model.Narrative) {
			n.Expenditure.ByCategory[model.CatPersonnel] = a("5")
			n.Expenditure.ByCategory[model.CatSpecific] = a("1")
		}, []want{{"N4", E, "", ""}, {"N4", E, "", ""}}},
		{"N5 class left out (V3)", all, func(n *model.Narrative) {
			n.Expenditure.ByFunction = nil
			n.Expenditure.ByFunction = []model.FunctionShare{{Name: "社会保障和就业支出", Amount: a("0"), Percent: a("0.00")}}
		}, []want{{"N5", E, "", "" /* 201 missing */}}},
		{"N5 wrong percentage", all, func(n *model.Narrative) { n.Expenditure.ByFunction[0].Percent = a("99.00") }, []want{{"N5", E, "", ""}}},
		{"N5 outdated name (V4)", func() model.Tables {
			ts := all()
			for _, st := range []*model.SummaryTable{ts.T01, ts.T04} {
				st.Functions[0].Code, st.Functions[0].Name = "210", "卫生健康支出"
			}
			for _, et := range []*model.ExpenditureTable{ts.T03, ts.T05} {
				et.Rows[1].FuncCode, et.Rows[1].FuncName = "2101102", "事业单位医疗"
			}
			return ts
		}, func(n *model.Narrative) { n.Expenditure.ByFunction[0].Name = "医疗卫生支出" }, []want{{"N5", W, "", ""}}},
		{"N6 total ≠ 表六 302", all, func(n *model.Narrative) {
			n.OperatingCosts.Total, n.OperatingCosts.PriorTotal = a("5"), a("5")
			n.OperatingCosts.Items[0].Amount = a("4")
		}, []want{{"N6", E, "", ""}, {"N6", E, "", ""}}},
		{"N6 item missing and items do not add up", all, func(n *model.Narrative) {
			n.OperatingCosts.Items = n.OperatingCosts.Items[:1]
		}, []want{{"N6", E, "", ""}, {"N6", E, "", ""}}},
		{"N6 mapped names (维护费, 其他商品和服务)", func() model.Tables {
			ts := all()
			ts.T06.Rows[4].Code, ts.T06.Rows[4].Name = "30213", "维修(护)费"
			ts.T06.Rows[5].Code, ts.T06.Rows[5].Name = "30299", "其他商品和服务支出"
			return ts
		}, func(n *model.Narrative) {
			n.OperatingCosts.Items = []model.NamedAmount{{Name: "维护费", Amount: a("3")}, {Name: "其他商品和服务", Amount: a("1")}}
			n.ThreePublic = model.ThreePublic{}
		}, nil},
		{"N6 items out of code order", all, func(n *model.Narrative) {
			n.OperatingCosts.Items[0], n.OperatingCosts.Items[1] = n.OperatingCosts.Items[1], n.OperatingCosts.Items[0]
		}, []want{{"N6", I, "", ""}}},
		{"N7 component > total (V1)", all, func(n *model.Narrative) { n.ThreePublic.Reception = a("1.2") }, []want{{"N7", E, "", ""}, {"N7", E, "", ""}}},
		{"N7 ≠ 表七", all, func(n *model.Narrative) {
			n.ThreePublic.Total, n.ThreePublic.Abroad = a("1.5"), a("0.5")
		}, []want{{"N7", E, "", ""}, {"N7", E, "", ""}}},
		{"N7 without 表七 against 表六 30217", func() model.Tables { ts := all(); ts.T07 = nil; return ts },
			func(n *model.Narrative) { n.ThreePublic.Total, n.ThreePublic.Reception = a("2"), a("2") }, []want{{"N7", W, "", ""}}},
		{"N8 政府采购 ≠ 表九", all, func(n *model.Narrative) { n.Procurement.Total = a("3") }, []want{{"N8", E, "", ""}}},
		{"N9 change ≠ this − prior", all, func(n *model.Narrative) { n.Income.Change = a("3") }, []want{{"N9", E, "", ""}, {"N9", E, "", ""}}},
		{"N9 percentage recomputed", all, func(n *model.Narrative) { n.Income.ChangePercent = a("20.00") }, []want{{"N9", E, "", ""}}},
		{"N9 percentage from a derived prior year (V: 0.01356 / 0.13356)", all, func(n *model.Narrative) {
			n.ThreePublic.Change, n.ThreePublic.ChangePercent = a("-0.01356"), a("-1.34")
			n.Words["three_public.change"] = "减少"
		}, []want{{"PREC", I, "", ""}}},
		{"N9 word contradicts the sign", all, func(n *model.Narrative) { n.Words["income.change"] = "减少" }, []want{{"N9", E, "", ""}}},
		{"N9 both words (V2)", all, func(n *model.Narrative) { n.Words["expenditure.change"] = "增加减少" }, []want{{"N9", E, "", ""}}},
		{"N9 zero change worded 增加 (V11)", all, func(n *model.Narrative) {
			n.Procurement.Change = a("0")
			n.Words["procurement.change"] = "增加"
		}, []want{{"N9", I, "", ""}}},
		{"N10 assets parts exceed the total", all, func(n *model.Narrative) { n.Assets.Fixed = a("3") }, []want{{"N10", E, "", ""}}},
		{"N10 total above its parts", all, func(n *model.Narrative) { n.Assets.Fixed = a("1") }, []want{{"N10", E, "", ""}}},
		{"N11 编制 kinds (V8)", all, func(n *model.Narrative) { n.Staffing.Kinds = map[string]model.Amount{"事业编制": a("6")} }, []want{{"N11", W, "", ""}}},
		{"PREC more than two places (V10)", all, func(n *model.Narrative) {
			n.Assets.Total, n.Assets.Fixed, n.Assets.Intangible = a("194.0179"), a("23.6529"), a("170.365")
		}, []want{{"PREC", I, "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := narr()
			tc.edit(n)
			fs := dropMissing(Disclosure(disc(tc.tables(), n), Options{}))
			assertFindings(t, fs, tc.want)
		})
	}
}
