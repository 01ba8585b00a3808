package text

import (
	"fmt"
	"strconv"
	"strings"

	"gongkai/model"
)

// place records a narrative figure: a model.Figure always, and the value in
// the Narrative when the key has a field there, the unit is the narrative's
// and the key was not stated before with another value.
func (p *parser) place(key string, v model.Amount, unit, lab string, line int, raw string) {
	if lab == "" {
		lab = strings.TrimSpace(raw)
	}
	p.res.Figures = append(p.res.Figures, model.Figure{Key: key, Label: lab, Value: v, Unit: unit, Line: line})
	if isAmountUnit(unit) && p.narrUnit != "" && unit != p.narrUnit {
		p.finding(model.SeverityWarning, "P3", key, line, fmt.Sprintf("“%s%s%s”的单位与全文（%s）不同，未计入文字说明数据，也未换算", lab, v.String(), unit, p.narrUnit))
		return
	}
	if first, ok := p.set[key]; ok {
		if !first.value.Equal(v) {
			p.finding(model.SeverityWarning, "P2", key, line, fmt.Sprintf("%s在第%d行为%s，在第%d行为%s；保留第一次的数值", keyName(key, lab), first.line, first.value.String(), line, v.String()))
		}
		return
	}
	if !p.store(key, v) {
		return
	}
	p.set[key] = firstSeen{line, v}
	p.n.Lines[key] = line
}

// keyName names a key for messages.
func keyName(key, lab string) string {
	if lab != "" {
		return "“" + lab + "”"
	}
	return key
}

// store writes v into the Narrative field named by key; false when the
// narrative has no such field (the figure is still listed).
func (p *parser) store(key string, v model.Amount) bool {
	n := p.n
	if i := strings.IndexByte(key, '['); i >= 0 && (strings.HasSuffix(key, "]") || strings.HasSuffix(key, "].percent")) {
		j := strings.IndexByte(key, ']')
		prefix, name, rest := key[:i], key[i+1:j], key[j+1:]
		switch prefix {
		case "income.sources":
			if n.Income.Sources == nil {
				n.Income.Sources = map[string]model.Amount{}
			}
			n.Income.Sources[name] = v
			return true
		case "expenditure.by_category":
			if n.Expenditure.ByCategory == nil {
				n.Expenditure.ByCategory = map[string]model.Amount{}
			}
			n.Expenditure.ByCategory[name] = v
			return true
		case "staffing.kinds":
			if n.Staffing.Kinds == nil {
				n.Staffing.Kinds = map[string]model.Amount{}
			}
			n.Staffing.Kinds[name] = v
			return true
		case "expenditure.by_function":
			k, err := strconv.Atoi(name)
			if err != nil || k < 0 || k >= len(n.Expenditure.ByFunction) {
				return false
			}
			switch rest {
			case "":
				n.Expenditure.ByFunction[k].Amount = v
			case ".percent":
				n.Expenditure.ByFunction[k].Percent = v
			default:
				return false
			}
			return true
		case "operating_costs.items":
			k, err := strconv.Atoi(name)
			if err != nil || k < 0 || k >= len(n.OperatingCosts.Items) || rest != "" {
				return false
			}
			n.OperatingCosts.Items[k].Amount = v
			return true
		}
		return false
	}
	f := p.field(key)
	if f == nil {
		return false
	}
	*f = v
	return true
}

func (p *parser) field(key string) *model.Amount {
	n := p.n
	switch key {
	case "income.total":
		return &n.Income.Total
	case "income.prior_total":
		return &n.Income.PriorTotal
	case "income.change":
		return &n.Income.Change
	case "income.change_percent":
		return &n.Income.ChangePercent
	case "expenditure.total":
		return &n.Expenditure.Total
	case "expenditure.prior_total":
		return &n.Expenditure.PriorTotal
	case "expenditure.change":
		return &n.Expenditure.Change
	case "expenditure.change_percent":
		return &n.Expenditure.ChangePercent
	case "expenditure.carry_forward":
		return &n.Expenditure.CarryForward
	case "operating_costs.total":
		return &n.OperatingCosts.Total
	case "operating_costs.prior_total":
		return &n.OperatingCosts.PriorTotal
	case "operating_costs.change":
		return &n.OperatingCosts.Change
	case "operating_costs.change_percent":
		return &n.OperatingCosts.ChangePercent
	case "three_public.total":
		return &n.ThreePublic.Total
	case "three_public.prior_total":
		return &n.ThreePublic.PriorTotal
	case "three_public.change":
		return &n.ThreePublic.Change
	case "three_public.change_percent":
		return &n.ThreePublic.ChangePercent
	case "three_public.abroad":
		return &n.ThreePublic.Abroad
	case "three_public.vehicle":
		return &n.ThreePublic.Vehicle
	case "three_public.vehicle_purchase":
		return &n.ThreePublic.VehiclePurchase
	case "three_public.vehicle_operation":
		return &n.ThreePublic.VehicleOperation
	case "three_public.reception":
		return &n.ThreePublic.Reception
	case "three_public.reception_change":
		return &n.ThreePublic.ReceptionChange
	case "three_public.reception_change_percent":
		return &n.ThreePublic.ReceptionPercent
	case "three_public.abroad_change":
		return &n.ThreePublic.AbroadChange
	case "three_public.vehicle_change":
		return &n.ThreePublic.VehicleChange
	case "three_public.vehicle_purchase_change":
		return &n.ThreePublic.VehiclePurchaseChange
	case "three_public.vehicle_operation_change":
		return &n.ThreePublic.VehicleOperationChange
	case "procurement.total":
		return &n.Procurement.Total
	case "procurement.change":
		return &n.Procurement.Change
	case "procurement.goods":
		return &n.Procurement.Goods
	case "procurement.works":
		return &n.Procurement.Works
	case "procurement.services":
		return &n.Procurement.Services
	case "assets.total":
		return &n.Assets.Total
	case "assets.fixed":
		return &n.Assets.Fixed
	case "assets.intangible":
		return &n.Assets.Intangible
	case "assets.fixed_count":
		return &n.Assets.FixedCount
	case "assets.intangible_count":
		return &n.Assets.IntangibleCount
	case "assets.vehicles":
		return &n.Assets.Vehicles
	case "staffing.authorized":
		return &n.Staffing.Authorized
	case "staffing.actual":
		return &n.Staffing.Actual
	case "staffing.retired":
		return &n.Staffing.Retired
	case "staffing.offices":
		return &n.Staffing.Offices
	}
	return nil
}
