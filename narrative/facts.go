package narrative

import (
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// Figure is an amount or count as the text shows it. A Figure that is not
// Known is one the model does not hold: templates leave it out.
type Figure struct {
	Known bool
	Value decimal.Decimal // rounded to Places
	// Places is the number of decimals shown: 2 for amounts and
	// percentages, 0 for counts.
	Places int32

	exact model.Amount // the value before rounding
}

func amountFig(a model.Amount) Figure {
	if a.IsBlank() {
		return Figure{}
	}
	return Figure{Known: true, Value: a.Decimal().Round(2), Places: 2, exact: a}
}

func countFig(a model.Amount) Figure {
	if a.IsBlank() {
		return Figure{}
	}
	return Figure{Known: true, Value: a.Decimal(), Places: a.Places()}
}

// String is the figure as printed: 231.79, 0.00, 7; "" when not Known.
func (f Figure) String() string {
	if !f.Known {
		return ""
	}
	v := f.Value
	if v.IsZero() {
		v = decimal.Zero
	}
	return v.StringFixed(f.Places)
}

// Zero reports whether the figure is known and zero.
func (f Figure) Zero() bool { return f.Known && f.Value.IsZero() }

// Positive reports whether the figure is known and above zero.
func (f Figure) Positive() bool { return f.Known && f.Value.IsPositive() }

// Change compares a figure with the prior year.
type Change struct {
	Known   bool   // the prior year is known: Prior, Amount and Word are set
	Prior   Figure // 上年
	Amount  Figure // |this − prior|, as printed (rounded)
	Percent Figure // |change| ÷ prior × 100, two decimals; not Known when prior is 0
	Word    string // 增加, 减少 or 持平 (from the printed change)
	PctWord string // 增长, 下降 or ""
	Up      bool
	Down    bool
	Same    bool
}

// ThreeItem is one item of the “三公”经费 with its change.
type ThreeItem struct {
	Key    string // abroad, vehicle, vehicle_purchase, vehicle_operation, reception
	Name   string // 因公出国（境）经费 …
	Amount Figure
	Change Change
	Reason string
}

// Item is a labelled figure; Parts are the lines printed under it (the
// three funds of a 财政拨款收入 line).
type Item struct {
	Name   string
	Amount Figure
	Parts  []Item
}

// Share is a function class of 本年支出构成.
type Share struct {
	Code    string
	Name    string
	Amount  Figure
	Percent Figure // of the listed total; the listed percents add up to 100.00
}

// Facts are the figures and texts a style writes, computed from the model.
type Facts struct {
	Department string
	Region     string
	Year       int
	Unit       string // 万元 or 元
	Date       string // 2023年2月1日, when the model gives a date

	Duties       []string
	Organization string
	Units        string   // 部门预算单位构成, as given
	UnitNames    []string // the units of the tables, when Units is not given

	Staff struct {
		Authorized Figure
		Kinds      []Item
		Actual     Figure
		Retired    Figure
		Offices    Figure
	}

	Income struct {
		Total   Figure
		Change  Change
		Sources []Item
		Reason  string
	}
	Expenditure struct {
		Total  Figure
		Change Change
		// CarryForward is 结转下年 of 表一: what the year's income leaves
		// for the next year, so that 收入总额 = 支出总额 + 结转下年. Not
		// Known when 表一 gives none or it is zero.
		CarryForward Figure
		Categories   []Item
		Functions    []Share
		Reason       string
	}
	Operating struct {
		Total  Figure // 表六 302 商品和服务支出, else (or when Partial) the narrative's figure
		Stated Figure // the narrative's 机关运行经费, as given (Shanghai prints it in 表9)
		Change Change
		Items  []Item
		Reason string
	}
	ThreePublic struct {
		Total            Figure
		Change           Change
		Abroad           Figure
		Vehicle          Figure // 公务用车购置及运行（维护）费
		VehiclePurchase  Figure
		VehicleOperation Figure
		Reception        Figure
		ReceptionChange  Change
		Reason           string
		ReceptionReason  string
		// Items are the known items in the order 因公出国（境）, 公务用车
		// (购置及运行, or 购置 and 运行), 公务接待, each with its change.
		Items []ThreeItem
	}
	Procurement struct {
		Given    bool // the model says something about procurement
		None     bool // 表九 is given and empty: no procurement this year
		Total    Figure
		Change   Change
		Goods    Figure
		Works    Figure
		Services Figure
		Reason   string
	}
	Assets struct {
		Total           Figure
		Fixed           Figure
		Intangible      Figure
		FixedCount      Figure
		IntangibleCount Figure
		Vehicles        Figure
	}
	Performance []string
	// Other is 其他需要说明的情况, one paragraph per entry.
	Other []string
}

var labelNumber = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])\s*`)

// cleanLabel drops the numbering of a printed label: 一、一般公共预算财政拨款收入 → 一般公共预算财政拨款收入.
func cleanLabel(s string) string { return strings.TrimSpace(labelNumber.ReplaceAllString(s, "")) }

// change compares this (exact) with the prior year: the stated prior, else
// the stated (narrative) this-year figure less its stated change. The change
// and its percentage are computed from the exact values and then rounded; a
// change that rounds to 0.00 is 持平.
func change(this model.Amount, prior, statedThis, statedChange model.Amount) Change {
	if this.IsBlank() {
		return Change{}
	}
	p := prior
	if p.IsBlank() && !statedChange.IsBlank() {
		if statedThis.IsBlank() {
			statedThis = this // a change stated without this year's figure
		}
		p = statedThis.Sub(statedChange)
	}
	if p.IsBlank() {
		return Change{}
	}
	c := Change{Known: true, Prior: amountFig(p)}
	d := this.Decimal().Sub(p.Decimal())
	c.Amount = Figure{Known: true, Value: d.Abs().Round(2), Places: 2, exact: model.A(d.Abs())}
	switch {
	case c.Amount.Value.IsZero():
		c.Word, c.Same = "持平", true
	case d.Sign() > 0:
		c.Word, c.PctWord, c.Up = "增加", "增长", true
	default:
		c.Word, c.PctWord, c.Down = "减少", "下降", true
	}
	if !p.Decimal().IsZero() && !c.Same {
		pct := d.Abs().Mul(decimal.NewFromInt(100)).DivRound(p.Decimal().Abs(), 8).Round(2)
		c.Percent = Figure{Known: true, Value: pct, Places: 2}
	}
	return c
}

// scale returns the factor that turns amounts in unit from into unit to
// (万元 and 元); 1 when either is unknown or they are equal.
func scale(from, to string) decimal.Decimal {
	switch {
	case from == model.UnitYuan && to == model.UnitWanYuan:
		return decimal.New(1, -4)
	case from == model.UnitWanYuan && to == model.UnitYuan:
		return decimal.New(1, 4)
	}
	return decimal.New(1, 0)
}

// facts computes what a style writes from d, with amounts in unit (""
// for the unit of d). Table amounts are converted from d.Unit, the
// narrative's from its own unit (else d.Unit), before anything is rounded.
func facts(d *model.Disclosure, unit string) Facts {
	var f Facts
	f.Department, f.Region, f.Year, f.Unit = d.Department, d.Region, d.Year, d.Unit
	if f.Unit == "" {
		f.Unit = model.UnitWanYuan
	}
	if unit != "" {
		f.Unit = unit
	}
	dataUnit := d.Unit
	if dataUnit == "" {
		dataUnit = model.UnitWanYuan
	}
	narrUnit := dataUnit
	if d.Narrative != nil && d.Narrative.Unit != "" {
		narrUnit = d.Narrative.Unit
	}
	tk, nk := scale(dataUnit, f.Unit), scale(narrUnit, f.Unit)
	conv := func(k decimal.Decimal) func(model.Amount) model.Amount {
		return func(a model.Amount) model.Amount {
			if a.IsBlank() || k.Equal(decimal.New(1, 0)) {
				return a
			}
			return model.A(a.Decimal().Mul(k))
		}
	}
	tc, nc := conv(tk), conv(nk)
	tAmt := func(a model.Amount) Figure { return amountFig(tc(a)) }
	nAmt := func(a model.Amount) Figure { return amountFig(nc(a)) }
	if len(d.Date) == 10 {
		f.Date = strings.TrimLeft(d.Date[:4], "0") + "年" + strings.TrimLeft(d.Date[5:7], "0") + "月" + strings.TrimLeft(d.Date[8:10], "0") + "日"
	}
	n := d.Narrative
	if n == nil {
		n = &model.Narrative{}
	}
	x := d.Texts
	if x == nil {
		x = &model.Texts{}
	}
	f.Duties, f.Organization, f.Units, f.Performance, f.Other = escapeAll(x.Duties), escapeText(x.Organization), escapeText(x.Units), escapeAll(x.Performance), escapeAll(x.Other)
	f.UnitNames = unitNames(d)

	// 人员构成
	s := n.Staffing
	f.Staff.Authorized, f.Staff.Actual, f.Staff.Retired, f.Staff.Offices = countFig(s.Authorized), countFig(s.Actual), countFig(s.Retired), countFig(s.Offices)
	for _, k := range staffOrder(s.Kinds) {
		f.Staff.Kinds = append(f.Staff.Kinds, Item{Name: k, Amount: countFig(s.Kinds[k])})
	}

	ts := &d.Tables
	// 预算收入
	in := &f.Income
	switch {
	case ts.T01 != nil && !ts.T01.IncomeGrandTotal.IsBlank():
		in.Total = tAmt(ts.T01.IncomeGrandTotal)
		fiscal := -1 // a 财政拨款收入 line whose funds follow it
		for _, l := range ts.T01.Income {
			if l.Amount.IsBlank() {
				continue
			}
			it := Item{Name: incomeName(l), Amount: tAmt(l.Amount)}
			switch {
			case l.Key == model.IncomeFiscal:
				fiscal = len(in.Sources)
			case fiscal >= 0 && (l.Key == model.IncomeGeneral || l.Key == model.IncomeGovFund || l.Key == model.IncomeStateCapital):
				in.Sources[fiscal].Parts = append(in.Sources[fiscal].Parts, it)
				continue
			default:
				fiscal = -1
			}
			in.Sources = append(in.Sources, it)
		}
		if !ts.T01.Carryover.IsBlank() {
			in.Sources = append(in.Sources, Item{Name: "上年结余结转", Amount: tAmt(ts.T01.Carryover)})
		}
	default:
		in.Total = nAmt(n.Income.Total)
		for _, k := range sortedKeys(n.Income.Sources) {
			if a := n.Income.Sources[k]; !a.IsBlank() {
				in.Sources = append(in.Sources, Item{Name: k, Amount: nAmt(a)})
			}
		}
	}
	in.Change = change(in.Total.exact, nc(n.Income.PriorTotal), nc(n.Income.Total), nc(n.Income.Change))
	in.Reason = escapeText(x.Reasons.Income)

	// 预算支出
	ex := &f.Expenditure
	t3 := totalRow(ts.T03)
	switch {
	case t3 != nil && !t3.Total.IsBlank():
		ex.Total = tAmt(t3.Total)
	case ts.T01 != nil && !ts.T01.ExpenditureTotal.Total.IsBlank():
		ex.Total = tAmt(ts.T01.ExpenditureTotal.Total)
	default:
		ex.Total = nAmt(n.Expenditure.Total)
	}
	if t3 != nil {
		cats := []struct {
			name string
			a    model.Amount
		}{{model.CatPersonnel, t3.Personnel}, {model.CatPublic, t3.Public}, {model.CatOtherOperating, t3.OtherOperating}, {model.CatSpecific, t3.Specific}}
		if ts.T03.Scheme == model.SchemeBasicProject {
			cats = cats[:0]
			cats = append(cats, struct {
				name string
				a    model.Amount
			}{model.CatBasic, t3.Basic}, struct {
				name string
				a    model.Amount
			}{model.CatProject, t3.Project})
		}
		for _, c := range cats {
			if !c.a.IsBlank() {
				ex.Categories = append(ex.Categories, Item{Name: c.name, Amount: tAmt(c.a)})
			}
		}
	} else {
		for _, k := range []string{model.CatPersonnel, model.CatPublic, model.CatOtherOperating, model.CatSpecific, model.CatBasic, model.CatProject} {
			if a, ok := n.Expenditure.ByCategory[k]; ok && !a.IsBlank() {
				ex.Categories = append(ex.Categories, Item{Name: k, Amount: nAmt(a)})
			}
		}
	}
	if ts.T01 != nil {
		if cf := tAmt(ts.T01.CarryForward.Total); cf.Known && !cf.Zero() {
			ex.CarryForward = cf
		}
	}
	ex.Functions = functionShares(d, n, tAmt, nAmt)
	ex.Change = change(ex.Total.exact, nc(n.Expenditure.PriorTotal), nc(n.Expenditure.Total), nc(n.Expenditure.Change))
	ex.Reason = escapeText(x.Reasons.Expenditure)

	// 机关运行经费: 表六 302 and its items, unless the narrative says its
	// figure covers only the 行政 and 参公 units (Partial): then 表六 302,
	// which holds the 事业单位's 公用经费 too, is not the figure.
	op := &f.Operating
	cls, items := operating(ts.T06)
	oc := n.OperatingCosts
	if cls != nil && !(oc.Partial && !oc.Total.IsBlank()) {
		op.Total = tAmt(cls.Total)
		for _, r := range items {
			if !r.Total.IsBlank() && !r.Total.IsZero() {
				op.Items = append(op.Items, Item{Name: operatingItemName(r.Name), Amount: tAmt(r.Total)})
			}
		}
	} else {
		op.Total = nAmt(oc.Total)
		for _, it := range oc.Items {
			if !it.Amount.IsBlank() {
				op.Items = append(op.Items, Item{Name: operatingItemName(it.Name), Amount: nAmt(it.Amount)})
			}
		}
	}
	op.Stated = nAmt(n.OperatingCosts.Total)
	op.Change = change(op.Total.exact, nc(n.OperatingCosts.PriorTotal), nc(n.OperatingCosts.Total), nc(n.OperatingCosts.Change))
	op.Reason = escapeText(x.Reasons.OperatingCosts)

	// “三公”经费: 表七 合计.
	tp := &f.ThreePublic
	if r := threePublicTotal(ts.T07); r != nil {
		tp.Total, tp.Abroad, tp.VehiclePurchase, tp.VehicleOperation, tp.Reception = tAmt(r.Total), tAmt(r.Abroad), tAmt(r.VehiclePurchase), tAmt(r.VehicleOperation), tAmt(r.Reception)
		if tp.VehiclePurchase.Known == false && tp.VehicleOperation.Known == false {
			tp.Vehicle = tAmt(r.VehicleSubtotal)
		}
	} else if ts.T07 != nil && len(ts.T07.Rows) == 0 {
		// an empty 表七: no “三公”经费
	} else {
		t := n.ThreePublic
		tp.Total, tp.Abroad, tp.Vehicle, tp.VehiclePurchase, tp.VehicleOperation, tp.Reception = nAmt(t.Total), nAmt(t.Abroad), nAmt(t.Vehicle), nAmt(t.VehiclePurchase), nAmt(t.VehicleOperation), nAmt(t.Reception)
	}
	tp.Change = change(tp.Total.exact, nc(n.ThreePublic.PriorTotal), nc(n.ThreePublic.Total), nc(n.ThreePublic.Change))
	tp.ReceptionChange = change(tp.Reception.exact, model.Amount{}, nc(n.ThreePublic.Reception), nc(n.ThreePublic.ReceptionChange))
	tp.Reason, tp.ReceptionReason = escapeText(x.Reasons.ThreePublic), escapeText(x.Reasons.Reception)
	tpn := n.ThreePublic
	for _, it := range []struct {
		key, name     string
		f             Figure
		stated, delta model.Amount
	}{
		{"abroad", "因公出国（境）经费", tp.Abroad, tpn.Abroad, tpn.AbroadChange},
		{"vehicle", "公务用车购置及运行（维护）费", tp.Vehicle, tpn.Vehicle, tpn.VehicleChange},
		{"vehicle_purchase", "公务用车购置费", tp.VehiclePurchase, tpn.VehiclePurchase, tpn.VehiclePurchaseChange},
		{"vehicle_operation", "公务用车运行维护费", tp.VehicleOperation, tpn.VehicleOperation, tpn.VehicleOperationChange},
	} {
		if it.f.Known {
			tp.Items = append(tp.Items, ThreeItem{Key: it.key, Name: it.name, Amount: it.f, Change: change(it.f.exact, model.Amount{}, nc(it.stated), nc(it.delta))})
		}
	}
	if tp.Reception.Known {
		tp.Items = append(tp.Items, ThreeItem{Key: "reception", Name: "公务接待费", Amount: tp.Reception, Change: tp.ReceptionChange, Reason: tp.ReceptionReason})
	}

	// 政府采购: 表九 合计.
	pr := &f.Procurement
	p := n.Procurement
	switch {
	case ts.T09 != nil && len(ts.T09.Rows) == 0:
		pr.Given, pr.None = true, true
	case ts.T09 != nil:
		if r := procurementTotal(ts.T09); r != nil {
			pr.Total = tAmt(r.Total)
		}
	default:
		pr.Total = nAmt(p.Total)
	}
	if !pr.None {
		pr.Goods, pr.Works, pr.Services = nAmt(p.Goods), nAmt(p.Works), nAmt(p.Services)
		pr.Change = change(pr.Total.exact, model.Amount{}, nc(p.Total), nc(p.Change))
		pr.Given = pr.Total.Known
	}
	pr.Reason = escapeText(x.Reasons.Procurement)

	a := n.Assets
	f.Assets.Total, f.Assets.Fixed, f.Assets.Intangible = nAmt(a.Total), nAmt(a.Fixed), nAmt(a.Intangible)
	f.Assets.FixedCount, f.Assets.IntangibleCount, f.Assets.Vehicles = countFig(a.FixedCount), countFig(a.IntangibleCount), countFig(a.Vehicles)
	return f
}

// incomeName is the narrative name of an income line of 表一.
func incomeName(l model.IncomeLine) string {
	switch l.Key {
	case model.IncomeGeneral:
		return "一般公共预算财政拨款收入"
	case model.IncomeGovFund:
		return "政府性基金预算财政拨款收入"
	case model.IncomeStateCapital:
		return "国有资本经营预算财政拨款收入"
	case model.IncomeSpecialAccount:
		return "财政专户管理资金收入"
	case model.IncomeUnitFunds:
		return "单位资金收入"
	case model.IncomeCarryover:
		return "上年结余结转"
	case model.IncomeFiscal:
		return "财政拨款收入"
	case model.IncomeBusiness:
		return "事业收入"
	case model.IncomeOperating:
		return "事业单位经营收入"
	}
	return cleanLabel(l.Label)
}

func totalRow(t *model.ExpenditureTable) *model.ExpenditureRow {
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Level == model.LevelTotal {
			return &t.Rows[i]
		}
	}
	return nil
}

func threePublicTotal(t *model.ThreePublicTable) *model.ThreePublicRow {
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Level == model.LevelTotal {
			return &t.Rows[i]
		}
	}
	return nil
}

func procurementTotal(t *model.ProcurementTable) *model.ProcurementRow {
	for i := range t.Rows {
		if t.Rows[i].Level == model.LevelTotal {
			return &t.Rows[i]
		}
	}
	return nil
}

// operating finds 302 商品和服务支出 of 表六 and its items.
func operating(t *model.BasicTable) (*model.BasicRow, []model.BasicRow) {
	if t == nil {
		return nil, nil
	}
	var cls *model.BasicRow
	var items []model.BasicRow
	for i := range t.Rows {
		r := &t.Rows[i]
		switch {
		case len(r.Code) == 3 && r.Code == "302":
			cls = r
		case len(r.Code) == 3:
			if cls != nil {
				return cls, items
			}
		case cls != nil && strings.HasPrefix(r.Code, "302"):
			items = append(items, *r)
		}
	}
	return cls, items
}

// operatingItemName is the wording the text gives a 302 item of 机关运行经费,
// as the published documents write it: 维修（护）费 → 维护费, and “支出”
// dropped (其他商品和服务支出 → 其他商品和服务).
func operatingItemName(s string) string {
	s = strings.TrimSpace(s)
	switch strings.NewReplacer("（", "(", "）", ")").Replace(s) {
	case "维修(护)费", "维修费":
		return "维护费"
	}
	return strings.TrimSuffix(s, "支出")
}

// unitNames lists the units of 表三 (or 表二), in order, without repeats.
func unitNames(d *model.Disclosure) []string {
	var out []string
	seen := map[string]bool{}
	add := func(l model.Level, name string) {
		if l == model.LevelUnit && name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	if t := d.Tables.T02; t != nil {
		for _, r := range t.Rows {
			add(r.Level, r.UnitName)
		}
	}
	return out
}

// staffOrder lists the kinds of post in the order disclosures print them
// (行政, 参公, 事业, 工勤), then any other kind by name.
func staffOrder(m map[string]model.Amount) []string {
	rank := func(k string) int {
		for i, w := range []string{"行政", "参公", "参照", "事业", "工勤"} {
			if strings.Contains(k, w) {
				return i
			}
		}
		return 9
	}
	out := sortedKeys(m)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
