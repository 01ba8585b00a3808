// Package gendisclosure generates random disclosures that are consistent by
// construction, for property tests (package check) and round trips
// (importer/xlsxin).
//
// The property test: a department's budget is generated as exact amounts in
// 元 (a fact table of unit × function item × category, basic-expenditure
// items, "三公" and procurement lines), every table and narrative figure is
// computed from those exact values and only then rounded to 2 places in
// 万元, as upstream systems do. Such a disclosure must never produce an
// error. Changing any one stated amount by 0.10 万元 or more must always
// produce one.
//
// Why 0.10 suffices: every amount the generator states sits in at least one
// identity of at most 9 terms (a 合计 against at most 8 function rows is the
// largest), whose tolerance is at most 9 × 0.005 = 0.045; the rounding error
// already present is at most that tolerance, so a change above twice it
// (0.09) always shows.
package gendisclosure

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

type fact struct {
	unit                               int
	code                               string
	personnel, public, other, specific int64 // 元
}

var genItems = []string{"2010101", "2010350", "2013150", "2040601", "2080505", "2101102", "2120102", "2210201"}

// wan turns 元 into 万元 rounded to 2 places (四舍五入).
func wan(yuan int64) model.Amount { return model.A(decimal.New(yuan, -4).Round(2)) }

// stated is a narrative figure: 万元 to 2 places with trailing zeros stripped,
// as narratives print them ("4.8", "180").
func stated(yuan int64) model.Amount {
	return model.MustAmount(decimal.New(yuan, -4).Round(2).String())
}

// cell is a table cell where zero may print blank.
func cell(r *rand.Rand, yuan int64) model.Amount {
	if yuan == 0 && r.IntN(2) == 0 {
		return model.Amount{}
	}
	return wan(yuan)
}

func pct(part, whole int64) model.Amount {
	return model.A(decimal.NewFromInt(part).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(whole), 8).Round(2))
}

func money(r *rand.Rand, max int64) int64 {
	if r.IntN(4) == 0 {
		return 0
	}
	return r.Int64N(max)
}

// Generate returns one random consistent disclosure; funcName gives the
// catalog name of a function code (class or item).
func Generate(r *rand.Rand, funcName func(code string) string) *model.Disclosure {
	nUnits := 1 + r.IntN(3)
	var facts []fact
	for u := 1; u <= nUnits; u++ {
		items := append([]string(nil), genItems...)
		r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		for _, code := range items[:1+r.IntN(3)] {
			facts = append(facts, fact{u, code, money(r, 3_000_000), money(r, 800_000), money(r, 300_000), money(r, 5_000_000)})
		}
	}
	unitCode := func(u int) string { return fmt.Sprintf("526%03d", u) }

	// Sums in 元.
	type sums struct{ personnel, public, other, specific int64 }
	total := func(s sums) int64 { return s.personnel + s.public + s.other + s.specific }
	add := func(s *sums, f fact) {
		s.personnel += f.personnel
		s.public += f.public
		s.other += f.other
		s.specific += f.specific
	}
	var all sums
	byUnit := map[int]*sums{}
	byClass := map[string]*sums{}
	for _, f := range facts {
		add(&all, f)
		if byUnit[f.unit] == nil {
			byUnit[f.unit] = &sums{}
		}
		add(byUnit[f.unit], f)
		k := f.code[:3]
		if byClass[k] == nil {
			byClass[k] = &sums{}
		}
		add(byClass[k], f)
	}
	grand := total(all)

	expRow := func(level model.Level, unit, code, name string, s sums) model.ExpenditureRow {
		return model.ExpenditureRow{Level: level, UnitCode: unit, UnitName: name, FuncCode: code, FuncName: funcName(code),
			Total: cell(r, total(s)), Personnel: cell(r, s.personnel), Public: cell(r, s.public), OtherOperating: cell(r, s.other), Specific: cell(r, s.specific)}
	}
	head := func() []model.ExpenditureRow {
		t := expRow(model.LevelTotal, "", "", "合计", all)
		t.FuncName = ""
		s := expRow(model.LevelSection, "04", "", "行政政法科", all)
		s.FuncName = ""
		d := expRow(model.LevelDepartment, "526", "", "天门市政务服务和大数据管理局", all)
		d.FuncName = ""
		return []model.ExpenditureRow{t, s, d}
	}
	t3 := &model.ExpenditureTable{Scheme: model.SchemeCategory, Rows: head()}
	for _, f := range facts { // by unit, then code
		t3.Rows = append(t3.Rows, expRow(model.LevelDetail, unitCode(f.unit), f.code, "单位", sums{f.personnel, f.public, f.other, f.specific}))
	}
	t5 := &model.ExpenditureTable{Scheme: model.SchemeCategory, Rows: head()}
	sorted := append([]fact(nil), facts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].code < sorted[j].code })
	for _, f := range sorted {
		t5.Rows = append(t5.Rows, expRow(model.LevelDetail, unitCode(f.unit), f.code, "单位", sums{f.personnel, f.public, f.other, f.specific}))
	}

	// 表四 and 表一: all money is 一般公共预算; function classes in code order
	// plus two zero rows.
	classes := []string{}
	for k := range byClass {
		classes = append(classes, k)
	}
	for _, k := range []string{"203", "229"} {
		if byClass[k] == nil {
			classes = append(classes, k)
		}
	}
	sort.Strings(classes)
	withFunds := func(yuan int64, funds bool) model.FundAmounts {
		f := model.FundAmounts{Total: wan(yuan)}
		if funds {
			f.General = cell(r, yuan)
			f.GovFund, f.StateCapital = cell(r, 0), cell(r, 0)
		}
		return f
	}
	summary := func(funds bool) *model.SummaryTable {
		st := &model.SummaryTable{
			Income:           []model.IncomeLine{{Key: model.IncomeGeneral, Label: "一、一般公共预算财政拨款收入", Amount: wan(grand)}, {Key: model.IncomeGovFund, Label: "二、政府性基金预算财政拨款收入"}, {Key: model.IncomeStateCapital, Label: "三、国有资本经营预算财政拨款收入"}},
			IncomeTotal:      wan(grand),
			Carryover:        wan(0),
			CarryoverLines:   []model.IncomeLine{{Key: model.IncomeGeneral, Label: "(一)一般公共预算"}},
			IncomeGrandTotal: wan(grand),
		}
		for _, k := range classes {
			var v int64
			if s := byClass[k]; s != nil {
				v = total(*s)
			}
			st.Functions = append(st.Functions, model.FundLine{Code: k, Name: funcName(k), FundAmounts: withFunds(v, funds)})
		}
		st.CategoryTotal = withFunds(grand, funds)
		st.Categories = []model.FundLine{
			{Name: "一、人员类项目支出", Level: 1, FundAmounts: withFunds(all.personnel, funds)},
			{Name: "工资福利支出", Level: 2, FundAmounts: withFunds(all.personnel, funds)},
			{Name: "对个人和家庭的补助", Level: 2, FundAmounts: withFunds(0, funds)},
			{Name: "二、运转类项目支出", Level: 1, FundAmounts: withFunds(all.public+all.other, funds)},
			{Name: "公用经费项目支出", Level: 2, FundAmounts: withFunds(all.public, funds)},
			{Name: "其他运转类项目支出", Level: 2, FundAmounts: withFunds(all.other, funds)},
			{Name: "三、特定目标类项目支出", Level: 1, FundAmounts: withFunds(all.specific, funds)},
			{Name: "本级支出项目", Level: 2, FundAmounts: withFunds(all.specific, funds)},
		}
		st.EconomicTotal = withFunds(grand, funds)
		st.Economic = []model.FundLine{
			{Code: "501", Name: "工资福利支出", FundAmounts: withFunds(all.personnel, funds)},
			{Code: "502", Name: "商品和服务支出", FundAmounts: withFunds(all.public+all.other+all.specific, funds)},
			{Code: "503", Name: "对个人和家庭的补助", FundAmounts: withFunds(0, funds)},
		}
		st.ExpenditureTotal = withFunds(grand, funds)
		st.CarryForward = withFunds(0, funds)
		st.ExpenditureGrandTotal = withFunds(grand, funds)
		return st
	}
	t1, t4 := summary(false), summary(true)
	t1.Income = append(t1.Income, model.IncomeLine{Key: model.IncomeSpecialAccount, Label: "四、财政专户管理资金收入", Amount: wan(0)},
		model.IncomeLine{Key: model.IncomeUnitFunds, Label: "五、单位资金收入", Amount: wan(0)})

	// 表二.
	incRow := func(level model.Level, code, name string, yuan int64) model.IncomeRow {
		return model.IncomeRow{Level: level, UnitCode: code, UnitName: name, Total: wan(yuan), Subtotal: wan(yuan), General: wan(yuan),
			GovFund: cell(r, 0), StateCapital: cell(r, 0), SpecialAccount: cell(r, 0), UnitFunds: cell(r, 0), Carryover: cell(r, 0)}
	}
	t2 := &model.IncomeTable{Rows: []model.IncomeRow{incRow(model.LevelTotal, "", "合计", grand), incRow(model.LevelSection, "04", "行政政法科", grand),
		incRow(model.LevelDepartment, "526", "天门市政务服务和大数据管理局", grand)}}
	for u := 1; u <= nUnits; u++ {
		t2.Rows = append(t2.Rows, incRow(model.LevelUnit, unitCode(u), "单位", total(*byUnit[u])))
	}

	// 表六: 人员经费 = 人员类, split over two 款; 公用经费 = 公用经费 split over
	// 30201 办公费, 30213 维修(护)费 and 30217 公务接待费.
	split := func(v int64, n int) []int64 {
		out := make([]int64, n)
		rest := v
		for i := 0; i < n-1; i++ {
			if rest > 0 {
				out[i] = r.Int64N(rest + 1)
			}
			rest -= out[i]
		}
		out[n-1] = rest
		return out
	}
	pers, pub := split(all.personnel, 2), split(all.public, 3)
	brow := func(level model.Level, code, name string, p, g int64) model.BasicRow {
		return model.BasicRow{Level: level, Code: code, Name: name, Total: wan(p + g), Personnel: wan(p), Public: wan(g)}
	}
	t6 := &model.BasicTable{Rows: []model.BasicRow{
		brow(model.LevelTotal, "", "合计", all.personnel, all.public),
		brow(model.LevelClass, "301", "工资福利支出", all.personnel, 0),
		brow(model.LevelItem, "30101", "基本工资", pers[0], 0),
		brow(model.LevelItem, "30102", "津贴补贴", pers[1], 0),
		brow(model.LevelClass, "302", "商品和服务支出", 0, all.public),
		brow(model.LevelItem, "30201", "办公费", 0, pub[0]),
		brow(model.LevelItem, "30213", "维修(护)费", 0, pub[1]),
		brow(model.LevelItem, "30217", "公务接待费", 0, pub[2]),
	}}

	// 表七 and 表九 by unit.
	type tp struct{ abroad, buy, run, recep int64 }
	var tpAll tp
	tpUnits := make([]tp, nUnits+1)
	var procAll int64
	proc := make([]int64, nUnits+1)
	for u := 1; u <= nUnits; u++ {
		x := tp{money(r, 50_000), money(r, 300_000), money(r, 60_000), money(r, 30_000)}
		tpUnits[u] = x
		tpAll.abroad += x.abroad
		tpAll.buy += x.buy
		tpAll.run += x.run
		tpAll.recep += x.recep
		proc[u] = money(r, 2_000_000)
		procAll += proc[u]
	}
	// 表七's 公务接待费 includes 表六's 30217 (X13): top it up when short.
	if short := pub[2] - tpAll.recep; short > 0 {
		tpUnits[1].recep += short
		tpAll.recep += short
	}
	tpRow := func(level model.Level, code, name string, x tp) model.ThreePublicRow {
		return model.ThreePublicRow{Level: level, UnitCode: code, UnitName: name, Total: wan(x.abroad + x.buy + x.run + x.recep),
			Abroad: wan(x.abroad), VehicleSubtotal: wan(x.buy + x.run), VehiclePurchase: wan(x.buy), VehicleOperation: wan(x.run), Reception: wan(x.recep)}
	}
	t7 := &model.ThreePublicTable{Rows: []model.ThreePublicRow{tpRow(model.LevelTotal, "", "合计", tpAll), tpRow(model.LevelSection, "04", "行政政法科", tpAll),
		tpRow(model.LevelDepartment, "526", "天门市政务服务和大数据管理局", tpAll)}}
	pRow := func(level model.Level, code, name string, v int64) model.ProcurementRow {
		return model.ProcurementRow{Level: level, UnitCode: code, UnitName: name, Total: wan(v), General: wan(v)}
	}
	t9 := &model.ProcurementTable{Rows: []model.ProcurementRow{pRow(model.LevelTotal, "", "合计", procAll), pRow(model.LevelSection, "04", "行政政法科", procAll),
		pRow(model.LevelDepartment, "526", "天门市政务服务和大数据管理局", procAll)}}
	for u := 1; u <= nUnits; u++ {
		t7.Rows = append(t7.Rows, tpRow(model.LevelUnit, unitCode(u), "单位", tpUnits[u]))
		t9.Rows = append(t9.Rows, pRow(model.LevelUnit, unitCode(u), "单位", proc[u]))
	}

	// The narrative, from the same exact values; prior years random.
	prior := 1_000_000 + r.Int64N(20_000_000)
	opPrior := 10_000 + r.Int64N(1_000_000)
	tpPrior := 1_000 + r.Int64N(400_000)
	word := func(d int64) (string, string) {
		switch {
		case d > 0:
			return "增加", "增长"
		case d < 0:
			return "减少", "下降"
		}
		return "无变化", "无变化"
	}
	signedPct := func(d, p int64) model.Amount {
		a := pct(d, p)
		return a
	}
	n := &model.Narrative{Department: "天门市12345公共服务热线中心", Unit: model.UnitWanYuan, Words: map[string]string{}}
	n.Income = model.IncomeFigures{Total: stated(grand), PriorTotal: stated(prior), Change: stated(grand - prior), ChangePercent: signedPct(grand-prior, prior),
		Sources: map[string]model.Amount{"一般公共预算财政拨款": stated(grand), "政府性基金预算财政拨款收入": stated(0), "上年结余结转": stated(0)}}
	n.Words["income.change"], n.Words["income.change_percent"] = word(grand - prior)
	n.Expenditure = model.ExpenditureFigures{Total: stated(grand), PriorTotal: stated(prior), Change: stated(grand - prior), ChangePercent: signedPct(grand-prior, prior),
		ByCategory: map[string]model.Amount{model.CatPersonnel: stated(all.personnel), model.CatPublic: stated(all.public), model.CatOtherOperating: stated(all.other), model.CatSpecific: stated(all.specific)}}
	n.Words["expenditure.change"], n.Words["expenditure.change_percent"] = word(grand - prior)
	if grand > 0 {
		for _, k := range classes {
			if s := byClass[k]; s != nil && total(*s) != 0 {
				n.Expenditure.ByFunction = append(n.Expenditure.ByFunction, model.FunctionShare{Name: funcName(k), Amount: stated(total(*s)), Percent: pct(total(*s), grand)})
			}
		}
	}
	n.OperatingCosts = model.OperatingCosts{Total: stated(all.public), PriorTotal: stated(opPrior), Change: stated(all.public - opPrior), ChangePercent: signedPct(all.public-opPrior, opPrior)}
	for i, name := range []string{"办公费", "维护费", "公务接待费"} {
		if pub[i] != 0 {
			n.OperatingCosts.Items = append(n.OperatingCosts.Items, model.NamedAmount{Name: name, Amount: stated(pub[i])})
		}
	}
	n.Words["operating_costs.change"], _ = word(all.public - opPrior)
	tpTotal := tpAll.abroad + tpAll.buy + tpAll.run + tpAll.recep
	recepPrior := tpAll.recep + r.Int64N(20_000) + 1
	n.ThreePublic = model.ThreePublic{Total: stated(tpTotal), PriorTotal: stated(tpPrior), Change: stated(tpTotal - tpPrior), ChangePercent: signedPct(tpTotal-tpPrior, tpPrior),
		Abroad: stated(tpAll.abroad), VehiclePurchase: stated(tpAll.buy), VehicleOperation: stated(tpAll.run), Reception: stated(tpAll.recep),
		ReceptionChange: stated(tpAll.recep - recepPrior), ReceptionPercent: signedPct(tpAll.recep-recepPrior, recepPrior)}
	n.Procurement = model.Procurement{Total: stated(procAll)}
	fixed, intangible := r.Int64N(5_000_000), r.Int64N(5_000_000)
	n.Assets = model.Assets{Total: stated(fixed + intangible), Fixed: stated(fixed), Intangible: stated(intangible)}

	return &model.Disclosure{Department: "天门市12345公共服务热线中心", Year: 2023, Unit: model.UnitWanYuan,
		Tables: model.Tables{T01: t1, T02: t2, T03: t3, T04: t4, T05: t5, T06: t6, T07: t7,
			T08: &model.ExpenditureTable{Scheme: model.SchemeCategory}, T09: t9, T10: &model.ExpenditureTable{Scheme: model.SchemeCategory}},
		Narrative: n}
}
