package ledger

import (
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// narrative states the figures that follow from the numbers: income and
// expenditure with their parts, 本年支出构成, 机关运行经费, "三公" 经费 and
// 政府采购, and the changes against Options.Prior. Amounts are the printed
// values with trailing zeros stripped, as the narrative prints them.
//
// 机关运行经费 is the 公用经费 (302 商品和服务支出) of 行政 and 参公 units in the
// 一般公共预算 basic expenditure (表六); when some 事业单位 have such
// spending too, the figure is smaller than 表六 302 and OperatingCosts.Partial
// says so.
func (b *builder) narrative(d *model.Disclosure, tp model.ThreePublicRow, proc model.ProcurementRow) *model.Narrative {
	ts := &d.Tables
	year := d.Year
	n := &model.Narrative{Department: d.Department, Year: &year, Unit: d.Unit, Words: map[string]string{}}
	t1 := ts.T01
	n.Income.Total = strip(t1.IncomeGrandTotal)
	n.Income.Sources = map[string]model.Amount{}
	srcLabels := []string{"一般公共预算财政拨款", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "财政专户管理资金收入", "单位资金收入"}
	for i, l := range t1.Income {
		n.Income.Sources[srcLabels[i]] = strip(orZero(l.Amount))
	}
	n.Income.Sources["上年结余结转"] = strip(orZero(t1.Carryover))

	t3 := ts.T03.Rows
	var total model.Amount
	if len(t3) > 0 {
		total = t3[0].Total
	} else {
		total = b.amt(0)
	}
	n.Expenditure.Total = strip(total)
	n.Expenditure.ByCategory = map[string]model.Amount{}
	if b.scheme == model.SchemeBasicProject {
		var basic, project model.Amount
		if len(t3) > 0 {
			basic, project = t3[0].Basic, t3[0].Project
		}
		n.Expenditure.ByCategory[model.CatBasic] = strip(orZero(basic))
		n.Expenditure.ByCategory[model.CatProject] = strip(orZero(project))
	} else {
		var r model.ExpenditureRow
		if len(t3) > 0 {
			r = t3[0]
		}
		n.Expenditure.ByCategory[model.CatPersonnel] = strip(orZero(r.Personnel))
		n.Expenditure.ByCategory[model.CatPublic] = strip(orZero(r.Public))
		n.Expenditure.ByCategory[model.CatOtherOperating] = strip(orZero(r.OtherOperating))
		n.Expenditure.ByCategory[model.CatSpecific] = strip(orZero(r.Specific))
	}
	// 本年支出构成: the classes of 表一 with their shares as the document
	// prints them (model.Shares: largest remainder, adding up to 100.00).
	classes := model.FunctionClasses(t1.Functions)
	vals := make([]decimal.Decimal, len(classes))
	for i, l := range classes {
		vals[i] = l.Total.Decimal()
	}
	for i, p := range model.Shares(vals) {
		n.Expenditure.ByFunction = append(n.Expenditure.ByFunction,
			model.FunctionShare{Name: classes[i].Name, Amount: strip(classes[i].Total), Percent: model.A(p)})
	}

	// 机关运行经费.
	oc := b.get(aggKey{kOperTotal, 0, 0, 0})
	n.OperatingCosts.Total = strip(b.amt(oc))
	for ei, e := range b.econs {
		v := b.get(aggKey{kOperItem, int32(ei), 0, 0})
		if v == 0 {
			continue
		}
		n.OperatingCosts.Items = append(n.OperatingCosts.Items, model.NamedAmount{Name: opItemName(b.econName(e)), Amount: strip(b.amt(v))})
	}
	if oc != b.get(aggKey{kBasicClass, classIndex("302"), 2, 0}) || oc != b.get(aggKey{kBasicClass, classIndex("302"), 0, 0}) {
		n.OperatingCosts.Partial = true
	}

	n.ThreePublic.Total = strip(tp.Total)
	n.ThreePublic.Abroad = strip(tp.Abroad)
	n.ThreePublic.Vehicle = strip(tp.VehicleSubtotal)
	n.ThreePublic.VehiclePurchase = strip(tp.VehiclePurchase)
	n.ThreePublic.VehicleOperation = strip(tp.VehicleOperation)
	n.ThreePublic.Reception = strip(tp.Reception)
	n.Procurement.Total = strip(proc.Total)
	b.procurementKinds(n, ts.T09)

	if p := b.o.Prior; p != nil {
		pf := priorFigures(p, d.Unit)
		change(n, "income", &n.Income.Total, pf.income, &n.Income.PriorTotal, &n.Income.Change, &n.Income.ChangePercent)
		change(n, "expenditure", &n.Expenditure.Total, pf.expenditure, &n.Expenditure.PriorTotal, &n.Expenditure.Change, &n.Expenditure.ChangePercent)
		change(n, "operating_costs", &n.OperatingCosts.Total, pf.operating, &n.OperatingCosts.PriorTotal, &n.OperatingCosts.Change, &n.OperatingCosts.ChangePercent)
		change(n, "three_public", &n.ThreePublic.Total, pf.threePublic, &n.ThreePublic.PriorTotal, &n.ThreePublic.Change, &n.ThreePublic.ChangePercent)
		// The items of the “三公”经费, each against last year's item (the
		// model states only the change of an item, and the percentage of
		// 公务接待费).
		t := &n.ThreePublic
		itemChange(n, "three_public.abroad_change", "", t.Abroad, pf.abroad, &t.AbroadChange, nil)
		itemChange(n, "three_public.vehicle_change", "", t.Vehicle, pf.vehicle, &t.VehicleChange, nil)
		itemChange(n, "three_public.vehicle_purchase_change", "", t.VehiclePurchase, pf.vehiclePurchase, &t.VehiclePurchaseChange, nil)
		itemChange(n, "three_public.vehicle_operation_change", "", t.VehicleOperation, pf.vehicleOperation, &t.VehicleOperationChange, nil)
		itemChange(n, "three_public.reception_change", "three_public.reception_change_percent", t.Reception, pf.reception, &t.ReceptionChange, &t.ReceptionPercent)
		if !pf.procurement.IsBlank() {
			n.Procurement.Change = strip(n.Procurement.Total.Sub(pf.procurement))
			n.Words["procurement.change"] = word(n.Procurement.Change, "增加", "减少")
		}
	}
	return n
}

// opItemName is the narrative's wording of a 302 item (spec §5 N6):
// 维修(护)费 → 维护费, 其他商品和服务支出 → 其他商品和服务.
func opItemName(s string) string {
	switch strings.NewReplacer("（", "(", "）", ")").Replace(s) {
	case "维修(护)费":
		return "维护费"
	}
	return strings.TrimSuffix(s, "支出")
}

type prior struct {
	income, expenditure, operating, threePublic, procurement model.Amount
	// the items of the “三公”经费
	abroad, vehicle, vehiclePurchase, vehicleOperation, reception model.Amount
}

// priorFigures takes last year's figures from its narrative where stated,
// else from its tables, in unit (万元 or 元; last year may have been
// published in the other one).
func priorFigures(p *model.Disclosure, unit string) prior {
	var f prior
	ts := &p.Tables
	n := p.Narrative
	if n == nil {
		n = &model.Narrative{}
	}
	tc := toUnit(p.Unit, unit)
	nc := tc
	if n.Unit != "" {
		nc = toUnit(n.Unit, unit)
	}
	pick := func(stated, table model.Amount) model.Amount {
		if !stated.IsBlank() {
			return nc(stated)
		}
		return tc(table)
	}
	var t1Income model.Amount
	if ts.T01 != nil {
		t1Income = ts.T01.IncomeGrandTotal
	}
	f.income = pick(n.Income.Total, t1Income)
	var t3 model.Amount
	if ts.T03 != nil && len(ts.T03.Rows) > 0 {
		t3 = ts.T03.Rows[0].Total
	}
	f.expenditure = pick(n.Expenditure.Total, t3)
	f.operating = nc(n.OperatingCosts.Total)
	var t7 model.ThreePublicRow
	if ts.T07 != nil && len(ts.T07.Rows) > 0 {
		t7 = ts.T07.Rows[0]
	}
	tp := n.ThreePublic
	f.threePublic = pick(tp.Total, t7.Total)
	f.abroad = pick(tp.Abroad, t7.Abroad)
	f.vehiclePurchase = pick(tp.VehiclePurchase, t7.VehiclePurchase)
	f.vehicleOperation = pick(tp.VehicleOperation, t7.VehicleOperation)
	f.vehicle = pick(tp.Vehicle, t7.VehicleSubtotal)
	if f.vehicle.IsBlank() && !f.vehiclePurchase.IsBlank() && !f.vehicleOperation.IsBlank() {
		f.vehicle = strip(f.vehiclePurchase.Add(f.vehicleOperation))
	}
	f.reception = pick(tp.Reception, t7.Reception)
	var t9 model.Amount
	if ts.T09 != nil && len(ts.T09.Rows) > 0 {
		t9 = ts.T09.Rows[0].Total
	}
	f.procurement = pick(n.Procurement.Total, t9)
	return f
}

// toUnit converts amounts of unit from (万元 or 元; "" for 万元) into unit to.
func toUnit(from, to string) func(model.Amount) model.Amount {
	if from == "" {
		from = model.UnitWanYuan
	}
	if to == "" {
		to = model.UnitWanYuan
	}
	var k decimal.Decimal
	switch {
	case from == model.UnitYuan && to == model.UnitWanYuan:
		k = decimal.New(1, -4)
	case from == model.UnitWanYuan && to == model.UnitYuan:
		k = decimal.New(1, 4)
	default:
		return func(a model.Amount) model.Amount { return a }
	}
	return func(a model.Amount) model.Amount {
		if a.IsBlank() {
			return a
		}
		return strip(model.A(a.Decimal().Mul(k)))
	}
}

// itemChange states an item's signed change against last year (and, with
// pct, its signed percentage) with the change words, when both years give
// the item.
func itemChange(n *model.Narrative, key, pctKey string, this, p model.Amount, ch, pct *model.Amount) {
	if p.IsBlank() || this.IsBlank() {
		return
	}
	d := this.Decimal().Sub(p.Decimal())
	*ch = strip(model.A(d))
	n.Words[key] = word(*ch, "增加", "减少")
	if pct != nil && !p.IsZero() {
		*pct = model.A(d.Mul(decimal.NewFromInt(100)).DivRound(p.Decimal().Abs(), 2))
		n.Words[pctKey] = word(*ch, "增长", "下降")
	}
}

// change states prior, change and percentage (signed, 2 places, from the
// printed amounts) with the change words.
func change(n *model.Narrative, key string, this *model.Amount, p model.Amount, prior, ch, pct *model.Amount) {
	if p.IsBlank() || this.IsBlank() {
		return
	}
	*prior = strip(p)
	d := this.Decimal().Sub(p.Decimal())
	*ch = strip(model.A(d))
	n.Words[key+".change"] = word(*ch, "增加", "减少")
	if !p.IsZero() {
		*pct = model.A(d.Mul(decimal.NewFromInt(100)).DivRound(p.Decimal().Abs(), 2))
		n.Words[key+".change_percent"] = word(*ch, "增长", "下降")
	}
}

func word(a model.Amount, up, down string) string {
	switch a.Decimal().Sign() {
	case 1:
		return up
	case -1:
		return down
	}
	return "无变化"
}

func orZero(a model.Amount) model.Amount {
	if a.IsBlank() {
		return model.A(decimal.Zero)
	}
	return a
}

// strip drops trailing zeros (231.80 → 231.8, 180.00 → 180), as the
// narrative prints amounts; blank stays blank.
func strip(a model.Amount) model.Amount {
	if a.IsBlank() {
		return a
	}
	d := a.Decimal()
	for p := int32(0); p <= a.Places(); p++ {
		if r := d.Truncate(p); r.Equal(d) {
			return model.A(r)
		}
	}
	return a
}
