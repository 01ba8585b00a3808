package ledger_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/importer/ledger"
	"gongkai/model"
)

func buildExample(t *testing.T) (*model.Disclosure, *ledger.Report) {
	t.Helper()
	d, rep, err := ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, rep
}

// flat lists every amount of tables 三, 四, 五 and 六 by a readable place.
func flat(d *model.Disclosure) map[string]string {
	m := map[string]string{}
	put := func(k string, a model.Amount) { m[k] = a.String() }
	for _, x := range []struct {
		n string
		t *model.ExpenditureTable
	}{{"表三", d.Tables.T03}, {"表五", d.Tables.T05}} {
		for _, r := range x.t.Rows {
			k := x.n + " " + string(r.Level) + " " + r.UnitCode + r.FuncCode
			put(k+" 总计", r.Total)
			put(k+" 人员类", r.Personnel)
			put(k+" 公用经费", r.Public)
			put(k+" 其他运转类", r.OtherOperating)
			put(k+" 特定目标类", r.Specific)
		}
	}
	t4 := d.Tables.T04
	fa := func(k string, f model.FundAmounts) {
		put(k+" 合计", f.Total)
		put(k+" 一般公共预算", f.General)
		put(k+" 政府性基金", f.GovFund)
		put(k+" 国有资本经营", f.StateCapital)
	}
	for _, l := range t4.Functions {
		fa("表四 "+l.Code, l.FundAmounts)
	}
	for _, l := range t4.Categories {
		fa("表四 "+l.Name, l.FundAmounts)
	}
	for _, l := range t4.Economic {
		fa("表四 "+l.Code, l.FundAmounts)
	}
	fa("表四 本年支出合计", t4.ExpenditureTotal)
	fa("表四 支出总计", t4.ExpenditureGrandTotal)
	put("表四 本年收入合计", t4.IncomeTotal)
	put("表四 收入总计", t4.IncomeGrandTotal)
	for _, l := range t4.Income {
		put("表四 "+l.Label, l.Amount)
	}
	for _, r := range d.Tables.T06.Rows {
		k := "表六 " + r.Code
		put(k+" 合计", r.Total)
		put(k+" 人员经费", r.Personnel)
		put(k+" 公用经费", r.Public)
	}
	return m
}

// The example ledger builds the 2023 example's tables 三, 四, 五 and 六 (the
// seed's printed numbers), except the two cells where the seed's own
// rounding breaks a total: there the built tables add up.
func TestExampleReproducesSeedTables(t *testing.T) {
	d, _ := buildExample(t)
	seed, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	// The seed prints 2010350 as 32.57 + 6.35 + 180.00 = 218.92 with 总计
	// 218.93, and 201 as 219.83 so that its 表四 function rows sum to 231.80
	// against 本年支出合计 231.79.
	differ := map[string][2]string{
		"表三 detail 5260032010350 总计": {"218.93", "218.92"},
		"表五 detail 5260032010350 总计": {"218.93", "218.92"},
		"表四 201 合计":                  {"219.83", "219.82"},
		"表四 201 一般公共预算":              {"219.83", "219.82"},
	}
	got, want := flat(d), flat(seed)
	for k, w := range want {
		g := got[k]
		if dv, ok := differ[k]; ok {
			if w != dv[0] || g != dv[1] {
				t.Errorf("%s: seed %s, built %s; want seed %s and built %s", k, w, g, dv[0], dv[1])
			}
			continue
		}
		if g != w {
			t.Errorf("%s: built %q, seed prints %q", k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: built, not in the seed", k)
		}
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); len(fs) != 0 {
		t.Errorf("check --exact: %v", fs)
	}
}

// The narrative figures follow from the tables.
func TestExampleNarrative(t *testing.T) {
	d, _ := buildExample(t)
	n := d.Narrative
	got := fmt.Sprint(n.Income.Total, " ", n.Expenditure.ByCategory[model.CatPersonnel], " ", n.Expenditure.ByCategory[model.CatSpecific],
		" ", n.OperatingCosts.Total, " ", len(n.OperatingCosts.Items), " ", n.ThreePublic.Total, " ", n.ThreePublic.Reception, " ", n.Procurement.Total)
	if want := "231.79 44.54 180 7.25 14 0.12 0.12 0"; got != want {
		t.Errorf("narrative figures %q, want %q", got, want)
	}
	var names []string
	for _, f := range n.Expenditure.ByFunction {
		names = append(names, f.Name+" "+f.Amount.String()+" "+f.Percent.String())
	}
	if want := "[一般公共服务支出 219.82 94.84 社会保障和就业支出 4.8 2.07 卫生健康支出 3.3 1.42 住房保障支出 3.87 1.67]"; fmt.Sprint(names) != want {
		t.Errorf("本年支出构成 %v, want %s", names, want)
	}
}

// Last year's disclosure gives the changes: the 2023 example as the prior
// year of a 2024 build of the same ledger.
func TestPrior(t *testing.T) {
	prior, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	prior.Narrative.Income.Total = model.MustAmount("200")
	prior.Narrative.OperatingCosts.Total = model.MustAmount("7.81")
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{Info: ledger.Info{Year: 2024}}, ledger.Options{Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	n := d.Narrative
	got := fmt.Sprint(n.Income.PriorTotal, " ", n.Income.Change, " ", n.Income.ChangePercent, " ", n.Words["income.change"], " ",
		n.OperatingCosts.Change, " ", n.OperatingCosts.ChangePercent, " ", n.Words["operating_costs.change_percent"], " ",
		n.ThreePublic.Change, " ", n.Words["three_public.change"])
	if want := "200 31.79 15.90 增加 -0.56 -7.17 下降 0 无变化"; got != want {
		t.Errorf("changes %q, want %q", got, want)
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("check --exact: %v", fs)
	}
	b, _ := json.Marshal(n)
	if !bytes.Contains(b, []byte(`"prior_total":"7.81"`)) {
		t.Errorf("operating costs prior not stated: %s", b)
	}
}

// A 收入 file moves part of a unit's spending to 上年结余结转: 表二, 表一 and
// 表四 show it, and everything still agrees.
func TestCarryover(t *testing.T) {
	income := "单位编码,资金性质,上年结转\n526003,一般公共预算,200000.50\n"
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(),
		ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t2 := d.Tables.T02.Rows[0]
	if got := fmt.Sprint(t2.Total, " ", t2.Subtotal, " ", t2.General, " ", t2.Carryover); got != "231.79 211.79 211.79 20.00" &&
		got != "231.79 211.78 211.78 20.01" {
		t.Errorf("表二 合计 %s", got)
	}
	if got := d.Tables.T04.Carryover.String(); got != t2.Carryover.String() {
		t.Errorf("表四 上年结余结转 %s, 表二 %s", got, t2.Carryover)
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("check --exact: %v", fs)
	}
	_, _, err = ledger.Load(examples.LedgerName, examples.SampleLedger(),
		ledger.ReadOptions{Income: []byte("单位编码,资金性质,上年结转\n526003,政府性基金预算,1\n"), IncomeName: "收入.csv"}, ledger.Options{})
	if err == nil || !strings.Contains(err.Error(), "收入.csv:2: 单位 526003 天门市12345公共服务热线中心没有政府性基金预算支出，不能有政府性基金预算上年结转（1.00 元）") {
		t.Errorf("carry-over above spending: %v", err)
	}
}

// A fund wholly carried over: this year's income of that fund is exactly
// zero and prints as zero (never 0.01 or −0.01), the carry-over prints as
// the spending does, and a carry-over moved by more than half a unit is
// listed like a cell.
func TestCarryoverWholeFund(t *testing.T) {
	info := ledger.Info{Department: "测试局", DepartmentCode: "901", Year: 2027, Unit: model.UnitWanYuan}
	line := func(row int, fn, econ string, amt int64) ledger.Line {
		return ledger.Line{Pos: ledger.Pos{File: "明细.csv", Row: row}, UnitCode: "901001", UnitName: "测试单位", UnitType: ledger.UnitAdmin,
			FuncCode: fn, EconCode: econ, Category: ledger.CatPersonnel, Fund: ledger.FundGeneral, Amount: amt}
	}
	// amounts in 分: 0.0460 + 0.0460 万元 of general spending in two
	// functions, 0.0009 in a third (0.0929 in all); all of it carried over.
	l := &ledger.Ledger{Info: info, Lines: []ledger.Line{
		line(2, "2010101", "30101", 46_000), line(3, "2010102", "30101", 46_000), line(4, "2010103", "30102", 900),
		{Pos: ledger.Pos{File: "明细.csv", Row: 5}, UnitCode: "901001", UnitName: "测试单位", UnitType: ledger.UnitAdmin,
			FuncCode: "2010101", EconCode: "30101", Category: ledger.CatPersonnel, Fund: ledger.FundUnitFunds, Amount: 123_456},
	}, Carryovers: []ledger.Carryover{{Pos: ledger.Pos{File: "收入.csv", Row: 2}, UnitCode: "901001", Fund: ledger.FundGeneral, Amount: 92_900}}}
	d, rep, err := ledger.Build(l, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Off) > 0 {
		t.Errorf("totals off: %v", rep.Off)
	}
	for _, r := range d.Tables.T02.Rows {
		if !r.General.Decimal().IsZero() {
			t.Errorf("表二 %s %s: 一般公共预算本年收入 %s, want 0 (all carried over)", r.UnitCode, r.UnitName, r.General)
		}
		spent := r.Total.Decimal().Sub(r.UnitFunds.Decimal())
		if !r.Carryover.Decimal().Equal(spent) {
			t.Errorf("表二 %s: 上年结转 %s, want the printed general spending %s", r.UnitCode, r.Carryover, spent)
		}
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("check --exact: %v", fs)
	}
	// 0.0929 万元 carried over, printed 0.09 or 0.10: listed when it moved
	// away from its nearest value (0.09).
	if c := d.Tables.T02.Rows[0].Carryover.String(); c == "0.10" {
		found := false
		for _, m := range rep.Moved {
			found = found || m.Pos.File == "收入.csv" && strings.Contains(m.Where, "上年结转")
		}
		if !found {
			t.Errorf("carry-over printed 0.10 (exact 0.0929) not in the moved list: %+v", rep.Moved)
		}
	}
}

// A 收入 file may state 本年收入 by unit and fund: what income and
// carry-over give beyond the spending is 结转下年 (表一, 表四), and 收入总计
// equals 支出总计; income that falls short of the spending is an error at
// its row.
func TestStatedIncome(t *testing.T) {
	income := "单位编码,资金性质,上年结转,本年收入（万元）\n526003,一般公共预算,100000,250\n526003,单位资金,,30.000005\n"
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(),
		ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t1, t4 := d.Tables.T01, d.Tables.T04
	got := fmt.Sprint(t1.IncomeTotal, " ", t1.Carryover, " ", t1.IncomeGrandTotal, " | ", t1.ExpenditureTotal.Total, " ", t1.CarryForward.Total, " ", t1.ExpenditureGrandTotal.Total)
	if want := "280.00 10.00 290.00 | 231.79 58.21 290.00"; got != want {
		t.Errorf("表一 本年收入 上年结转 收入总计 | 本年支出 结转下年 支出总计 = %s, want %s", got, want)
	}
	if got := fmt.Sprint(t4.CarryForward.General, " ", t4.ExpenditureGrandTotal.General, " ", t4.IncomeGrandTotal); got != "28.21 260.00 260.00" {
		t.Errorf("表四 结转下年 一般公共预算, 支出总计 一般公共预算, 收入总计 = %s", got)
	}
	if r := d.Tables.T02.Rows[0]; fmt.Sprint(r.Total, " ", r.Subtotal, " ", r.General, " ", r.UnitFunds, " ", r.Carryover) != "290.00 280.00 250.00 30.00 10.00" {
		t.Errorf("表二 合计 %s %s %s %s %s", r.Total, r.Subtotal, r.General, r.UnitFunds, r.Carryover)
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("check --exact: %v", fs)
	}
	short := "单位编码,资金性质,上年结转,本年收入\n526003,一般公共预算,100000,2000000\n"
	_, _, err = ledger.Load(examples.LedgerName, examples.SampleLedger(),
		ledger.ReadOptions{Income: []byte(short), IncomeName: "收入.csv"}, ledger.Options{})
	if err == nil || !strings.Contains(err.Error(), "收入.csv:2: 单位 526003 一般公共预算本年收入 2000000.00 元与上年结转 100000.00 元合计少于其一般公共预算支出 2317910.00 元") {
		t.Errorf("income short of spending: %v", err)
	}
}
