package check

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// Narrative against tables and against itself: N1–N11 of spec/forms.md §5.
// (N12, the 项目申报表, is not held by the model.) Narrative findings carry
// the figure's key in Field and no Table.

// Row positions of the narrative findings, for sorting.
const (
	nIncome = iota * 100
	nExpenditure
	nFunctions
	nOperating
	nThreePublic
	nProcurement
	nAssets
	nStaffing
	nChanges
)

func (c *checker) nf(sev model.Severity, rule string, pos int, field, msg string) {
	c.add(sev, rule, "", pos, model.Finding{Field: field, Message: msg})
}

// neq checks a narrative figure against a table value (or two narrative
// figures) and reports rule when they disagree.
func (c *checker) neq(rule string, pos int, field string, lp string, left []term, rp string, right []term) bool {
	ok, diff := c.agree(left, right)
	if ok {
		return true
	}
	c.nf(model.SeverityError, rule, pos, field, mismatch(lp, left, rp, right, diff))
	return false
}

func (c *checker) narrative() {
	n := c.d.Narrative
	if n == nil {
		return
	}
	if n.Unit != "" && c.d.Unit != "" && n.Unit != c.d.Unit {
		// Shanghai states the narrative in 万元 beside tables in 元: compare
		// with the tables converted, exactly, to the narrative's unit
		// (189767551 元 = 18976.7551 万元, which rounds to the stated 18976.76).
		conv, ok := tablesIn(c.d, n.Unit)
		if !ok {
			c.nf(model.SeverityInfo, "N-UNIT", posNarrative, "unit",
				"文中数字以"+n.Unit+"为单位，表格以"+c.d.Unit+"为单位：无法换算，未逐项核对文中数字与表格")
			c.nChanges(n)
			c.nPrecision(n)
			return
		}
		c.nf(model.SeverityInfo, "N-UNIT", posNarrative, "unit",
			"文中数字以"+n.Unit+"为单位，表格以"+c.d.Unit+"为单位：表格数字换算为"+n.Unit+"后与文中数字核对")
		saved := c.d
		c.d = conv
		defer func() { c.d = saved }()
	}
	c.nIncome(n)
	c.nExpenditure(n)
	c.nFunctions(n)
	c.nOperating(n)
	c.nThreePublic(n)
	c.nProcurement(n)
	c.nAssets(n)
	c.nStaffing(n)
	c.nChanges(n)
	c.nPrecision(n)
}

func t2Total(ts *model.Tables) *model.IncomeRow {
	if ts.T02 == nil {
		return nil
	}
	for i := range ts.T02.Rows {
		if ts.T02.Rows[i].Level == model.LevelTotal {
			return &ts.T02.Rows[i]
		}
	}
	return nil
}

// sourceKey maps an income label of the narrative to an Income* key.
func sourceKey(label string) string {
	switch {
	case strings.Contains(label, "结转") || strings.Contains(label, "结余"):
		return model.IncomeCarryover
	case strings.Contains(label, "一般公共预算"):
		return model.IncomeGeneral
	case strings.Contains(label, "政府性基金"):
		return model.IncomeGovFund
	case strings.Contains(label, "国有资本"):
		return model.IncomeStateCapital
	case strings.Contains(label, "财政专户"):
		return model.IncomeSpecialAccount
	case strings.Contains(label, "单位资金"):
		return model.IncomeUnitFunds
	case strings.Contains(label, "经营收入"):
		return model.IncomeOperating
	case strings.Contains(label, "事业收入"):
		return model.IncomeBusiness
	case strings.Contains(label, "财政拨款"):
		return model.IncomeFiscal // the three funds together (Shanghai)
	}
	return model.IncomeOther
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (c *checker) nIncome(n *model.Narrative) {
	ts := &c.d.Tables
	in := n.Income
	// N1: 预算收入总额 = 表一 收入总计 (or 表二 合计·总计).
	if !in.Total.IsBlank() {
		switch {
		case ts.T01 != nil && !ts.T01.IncomeGrandTotal.IsBlank():
			c.neq("N1", nIncome, "income.total", "文中预算收入总额", one("", in.Total), "表一 收入总计", one("", ts.T01.IncomeGrandTotal))
		case t2Total(ts) != nil:
			c.neq("N1", nIncome, "income.total", "文中预算收入总额", one("", in.Total), "表二 合计 总计", one("", t2Total(ts).Total))
		}
	}
	if len(in.Sources) == 0 {
		return
	}
	// N2: each source against 表一 / 表二; the sources add up to the total.
	var parts []term
	for _, label := range sortedKeys(in.Sources) {
		a := in.Sources[label]
		parts = append(parts, t(label, a))
		key := sourceKey(label)
		var ref model.Amount
		var rp string
		found := false
		if ts.T01 != nil {
			if key == model.IncomeCarryover {
				ref, rp, found = ts.T01.Carryover, "表一 上年结余结转", true
			} else if l, ok := incomeLine(ts.T01.Income, key); ok {
				ref, rp, found = l.Amount, "表一 "+l.Label, true
			}
		} else if r := t2Total(ts); r != nil {
			found = true
			switch key {
			case model.IncomeCarryover:
				ref, rp = r.Carryover, "表二 合计 上年结余结转"
			case model.IncomeGeneral:
				ref, rp = r.General, "表二 合计 一般公共预算"
			case model.IncomeGovFund:
				ref, rp = r.GovFund, "表二 合计 政府性基金预算"
			case model.IncomeStateCapital:
				ref, rp = r.StateCapital, "表二 合计 国有资本经营预算"
			case model.IncomeSpecialAccount:
				ref, rp = r.SpecialAccount, "表二 合计 财政专户管理资金"
			case model.IncomeUnitFunds:
				ref, rp = r.UnitFunds, "表二 合计 单位资金"
			default:
				found = false
			}
		}
		if found && !a.IsBlank() {
			c.neq("N2", nIncome+1, "income.sources", "文中"+label, one("", a), rp, one("", ref))
		}
	}
	if !in.Total.IsBlank() {
		c.neq("N2", nIncome+2, "income.sources", "文中预算收入总额", one("", in.Total), "文中各项收入", parts)
	}
}

func (c *checker) nExpenditure(n *model.Narrative) {
	ts := &c.d.Tables
	ex := n.Expenditure
	t3 := totalRow(ts.T03)
	// N3: 预算支出总额 = 表三 合计·总计 (or 表一 本年支出合计).
	if !ex.Total.IsBlank() {
		switch {
		case t3 != nil:
			c.neq("N3", nExpenditure, "expenditure.total", "文中预算支出总额", one("", ex.Total), "表三 合计 总计", one("", t3.Total))
		case ts.T01 != nil && !ts.T01.ExpenditureTotal.Total.IsBlank():
			c.neq("N3", nExpenditure, "expenditure.total", "文中预算支出总额", one("", ex.Total), "表一 本年支出合计", one("", ts.T01.ExpenditureTotal.Total))
		}
	}
	// N3: 结转下年, when stated, = 表一 结转下年 (收入总额 = 支出总额 + 结转下年).
	if !ex.CarryForward.IsBlank() && ts.T01 != nil && !ts.T01.CarryForward.Total.IsBlank() {
		c.neq("N3", nExpenditure+3, "expenditure.carry_forward", "文中结转下年", one("", ex.CarryForward), "表一 结转下年", one("", ts.T01.CarryForward.Total))
	}
	if len(ex.ByCategory) == 0 {
		return
	}
	// N4: each category = 表三 合计 column; the categories add up to the total.
	cols := map[string]func(*model.ExpenditureRow) model.Amount{
		model.CatPersonnel:      func(r *model.ExpenditureRow) model.Amount { return r.Personnel },
		model.CatPublic:         func(r *model.ExpenditureRow) model.Amount { return r.Public },
		model.CatOtherOperating: func(r *model.ExpenditureRow) model.Amount { return r.OtherOperating },
		model.CatSpecific:       func(r *model.ExpenditureRow) model.Amount { return r.Specific },
		model.CatBasic:          func(r *model.ExpenditureRow) model.Amount { return r.Basic },
		model.CatProject:        func(r *model.ExpenditureRow) model.Amount { return r.Project },
	}
	order := []string{model.CatPersonnel, model.CatPublic, model.CatOtherOperating, model.CatSpecific, model.CatBasic, model.CatProject}
	var parts []term
	for _, k := range order {
		a, ok := ex.ByCategory[k]
		if !ok {
			continue
		}
		parts = append(parts, t(k, a))
		if t3 != nil && !a.IsBlank() {
			c.neq("N4", nExpenditure+1, "expenditure.by_category", "文中"+k, one("", a), "表三 合计 "+k, one("", cols[k](t3)))
		}
	}
	for _, k := range sortedKeys(ex.ByCategory) {
		if cols[k] == nil {
			parts = append(parts, t(k, ex.ByCategory[k]))
		}
	}
	if !ex.Total.IsBlank() {
		c.neq("N4", nExpenditure+2, "expenditure.by_category", "文中预算支出总额", one("", ex.Total), "文中各支出类别", parts)
	}
}

// normName folds the spellings that differ only in form: full-width
// parentheses and spaces.
func normName(s string) string {
	if !strings.ContainsAny(s, "（） \u3000“”") {
		return s
	}
	return strings.TrimSpace(nameFolder.Replace(s))
}

// nameFolder is read-only after creation (a Replacer is safe for concurrent use).
var nameFolder = strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "", "“", "\"", "”", "\"")

// classOf finds the function class a narrative name means: by the current
// catalog name, by an outdated name (second result true), or by a printed
// function row of the table.
func (c *checker) classOf(name string, rows []model.FundLine) (code string, outdated bool) {
	nn := normName(name)
	for _, l := range rows {
		k, nm := splitCode(l.Code, l.Name)
		if normName(nm) == nn {
			return k, false
		}
	}
	if k, ok := c.cat.funcByName[nn]; ok {
		return k, false
	}
	if k, ok := c.cat.oldFunc[nn]; ok {
		return k, true
	}
	return "", false
}

// pctOK reports whether a stated percentage can be amount/total×100 of the
// exact values behind the displayed amount and total.
func (c *checker) pctOK(pct, amount, total model.Amount) (bool, decimal.Decimal) {
	hundred := decimal.NewFromInt(100)
	exact := amount.Decimal().Abs().Mul(hundred).DivRound(total.Decimal().Abs(), 8)
	want := exact.Round(places(pct))
	got := pct.Decimal().Abs()
	if got.Equal(want) {
		return true, want
	}
	if c.o.Exact {
		return false, want
	}
	ha, ht, hp := halfUnit(amount), halfUnit(total), halfUnit(pct)
	tl := total.Decimal().Abs()
	lo := amount.Decimal().Abs().Sub(ha)
	if lo.IsNegative() {
		lo = decimal.Zero
	}
	min := lo.Mul(hundred).DivRound(tl.Add(ht), 8)
	hiDen := tl.Sub(ht)
	if !hiDen.IsPositive() {
		return true, want
	}
	max := amount.Decimal().Abs().Add(ha).Mul(hundred).DivRound(hiDen, 8)
	return got.Sub(hp).Cmp(max) <= 0 && got.Add(hp).Cmp(min) >= 0, want
}

func (c *checker) nFunctions(n *model.Narrative) {
	ex := n.Expenditure
	if len(ex.ByFunction) == 0 {
		return
	}
	total := ex.Total
	_, st := c.allFunds()
	var rows []model.FundLine
	if st != nil {
		rows = st.Functions
		if total.IsBlank() {
			total = st.ExpenditureTotal.Total
		}
	}
	listed := map[string]bool{}
	var parts []term
	// Shares that add up to exactly 100.00% were rounded by largest
	// remainder: one of them may be 0.01 off the nearest rounding.
	sum, hundred := decimal.Zero, true
	for _, fsh := range ex.ByFunction {
		hundred = hundred && !fsh.Percent.IsBlank()
		sum = sum.Add(fsh.Percent.Decimal())
	}
	hundred = hundred && sum.Equal(decimal.NewFromInt(100))
	// The shares gongkai itself states (model.Shares, in budget.json built
	// from a ledger and in the generated document) are exactly the largest
	// remainder shares of the stated amounts: accepted in exact mode too.
	var lr []decimal.Decimal
	if hundred {
		vals := make([]decimal.Decimal, len(ex.ByFunction))
		for i, fsh := range ex.ByFunction {
			if fsh.Amount.IsBlank() || fsh.Amount.Decimal().IsNegative() {
				vals = nil
				break
			}
			vals[i] = fsh.Amount.Decimal()
		}
		// over the parts of the total only (a part missing, or a total
		// that is not their sum, is a finding of its own)
		if vals != nil && !total.IsBlank() && sumDecs(vals).Equal(total.Decimal()) {
			lr = model.Shares(vals)
		}
	}
	near := hundred && !c.o.Exact
	for i, fsh := range ex.ByFunction {
		field := "expenditure.by_function[" + itoa(i) + "]"
		parts = append(parts, t(fsh.Name, fsh.Amount))
		code, outdated := c.classOf(fsh.Name, rows)
		if code != "" {
			listed[code] = true
		}
		var line model.FundLine
		var found bool
		if code != "" {
			line, found = findLine(rows, code)
		}
		if outdated {
			where := "现名“" + c.cat.funcName[code] + "”"
			if found {
				_, cur := splitCode(line.Code, line.Name)
				where = "表中为“" + cur + "”"
			}
			c.nf(model.SeverityWarning, "N5", nFunctions+i, field,
				"本年支出构成中“"+fsh.Name+"”是 "+code+" 类的旧称，"+where)
		}
		if code == "" && st != nil {
			c.nf(model.SeverityWarning, "N5", nFunctions+i, field,
				"本年支出构成中“"+fsh.Name+"”对不上表中任何功能分类（类）")
		}
		if found && !fsh.Amount.IsBlank() {
			c.neq("N5", nFunctions+i, field, "文中"+fsh.Name, one("", fsh.Amount), "表中 "+lineLabel(line)+" 合计", one("", line.Total))
		}
		if !fsh.Percent.IsBlank() && !fsh.Amount.IsBlank() && !total.IsBlank() && !total.IsZero() {
			if ok, want := c.pctOK(fsh.Percent, fsh.Amount, total); !ok && !(lr != nil && fsh.Percent.Decimal().Equal(lr[i])) && !(near && lrShare(fsh.Percent, fsh.Amount, total)) {
				c.nf(model.SeverityError, "N5", nFunctions+i, field,
					"文中"+fsh.Name+" "+fmtAmt(fsh.Amount)+" 占本年支出 "+fmtAmt(fsh.Percent)+"% ≠ "+fmtAmt(fsh.Amount)+" ÷ "+fmtAmt(total)+" × 100 = "+want.StringFixed(places(fsh.Percent))+"%")
			}
		}
	}
	// Every non-zero class of the table must be listed.
	missing := false
	if st != nil {
		for i, l := range rows {
			k, name := splitCode(l.Code, l.Name)
			if listed[k] || l.Total.IsZero() {
				continue
			}
			missing = true
			msg := "本年支出构成未列出 " + k + name + " " + fmtAmt(l.Total)
			if !total.IsBlank() && !total.IsZero() {
				pct := l.Total.Decimal().Mul(decimal.NewFromInt(100)).DivRound(total.Decimal(), 8).Round(2)
				msg += "（占本年支出 " + pct.StringFixed(2) + "%）"
			}
			c.nf(model.SeverityError, "N5", nFunctions+50+i, "expenditure.by_function", msg)
		}
	}
	if !missing && !total.IsBlank() {
		c.neq("N5", nFunctions+99, "expenditure.by_function", "文中预算支出总额", one("", total), "本年支出构成各项", parts)
	}
}

// lrShare reports whether pct is within 0.01 of amount/total×100: what a
// largest-remainder rounding to two places can give.
func sumDecs(ds []decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, d := range ds {
		s = s.Add(d)
	}
	return s
}

func lrShare(pct, amount, total model.Amount) bool {
	exact := amount.Decimal().Abs().Mul(decimal.NewFromInt(100)).DivRound(total.Decimal().Abs(), 12)
	return pct.Decimal().Abs().Sub(exact).Abs().LessThan(decimal.New(1, -2))
}

// opName maps a 表六 item name to the wording the narrative uses for it.
func opName(s string) string {
	s = normName(s)
	switch s {
	case "维修(护)费", "维修费", "维护费":
		return "维护费"
	}
	return strings.TrimSuffix(s, "支出")
}

func (c *checker) nOperating(n *model.Narrative) {
	oc := n.OperatingCosts
	if oc.Total.IsBlank() && len(oc.Items) == 0 {
		return
	}
	// Self: the items add up to the total.
	if !oc.Total.IsBlank() && len(oc.Items) > 0 {
		var parts []term
		for _, it := range oc.Items {
			parts = append(parts, t(it.Name, it.Amount))
		}
		ok, diff := c.agree(one("", oc.Total), parts)
		if !ok {
			c.nf(model.SeverityError, "N6", nOperating, "operating_costs.items",
				"文中机关运行经费 "+fmtAmt(oc.Total)+" ≠ 各项之和 "+fmtDec(sumTerms(parts), maxPlaces(parts))+" (差 "+fmtDec(diff.Abs(), maxPlaces(append(parts, t("", oc.Total))))+")")
		}
	}
	t6 := c.d.Tables.T06
	if t6 == nil {
		return
	}
	// Find 302 and its items.
	cls := -1
	var items []int
	for i := range t6.Rows {
		r := &t6.Rows[i]
		lv := basicLevel(r)
		if lv == rank(model.LevelClass) {
			if r.Code == "302" {
				cls = i
			} else if cls >= 0 {
				break
			}
			continue
		}
		if cls >= 0 && lv == rank(model.LevelItem) && strings.HasPrefix(r.Code, "302") {
			items = append(items, i)
		}
	}
	if cls < 0 {
		return
	}
	if oc.Partial {
		// Only 行政 and 参公 units count: at most 表六 302.
		if ref := t6.Rows[cls].Total; !oc.Total.IsBlank() && oc.Total.Decimal().Sub(ref.Decimal()).Cmp(halfUnit(oc.Total).Add(halfUnit(ref))) > 0 {
			c.nf(model.SeverityError, "N6", nOperating+1, "operating_costs.total",
				"文中机关运行经费（行政、参公单位） "+fmtAmt(oc.Total)+" > 表六 302 商品和服务支出 合计 "+fmtAmt(ref))
		}
		return
	}
	if !oc.Total.IsBlank() {
		t302 := t6.Rows[cls].Total
		if same, _ := c.agree(one("", oc.Total), one("", t302)); !same && len(oc.Items) == 0 && oc.Total.Decimal().LessThan(t302.Decimal()) {
			// 机关运行经费 is the 公用经费 of 行政单位 and 参公事业单位 only: a
			// department with other 事业单位 states less than its 302 (Shanghai
			// 万里街道 2025: 464.64 万元 beside 302 of 1,082.77 万元).
			c.nf(model.SeverityWarning, "N6", nOperating+1, "operating_costs.total",
				"文中机关运行经费 "+fmtAmt(oc.Total)+" 小于 表六 302 商品和服务支出 合计 "+fmtAmt(t302)+
					"：机关运行经费只含行政单位和参公事业单位的公用经费，其余单位的不计入；若本部门只有这两类单位，两者应相等")
		} else {
			c.neq("N6", nOperating+1, "operating_costs.total", "文中机关运行经费", one("", oc.Total), "表六 302 商品和服务支出 合计", one("", t302))
		}
	}
	if len(oc.Items) == 0 {
		return
	}
	byName := map[string]int{}
	for _, i := range items {
		byName[opName(t6.Rows[i].Name)] = i
	}
	used := map[int]bool{}
	last, ordered := -1, true
	for j, it := range oc.Items {
		field := "operating_costs.items[" + itoa(j) + "]"
		i, ok := byName[opName(it.Name)]
		if !ok {
			c.nf(model.SeverityError, "N6", nOperating+2+j, field, "文中机关运行经费明细“"+it.Name+"” "+fmtAmt(it.Amount)+" 在表六 302 下没有对应的款")
			continue
		}
		used[i] = true
		if i < last {
			ordered = false
		}
		last = i
		r := t6.Rows[i]
		c.neq("N6", nOperating+2+j, field, "文中机关运行经费 "+it.Name, one("", it.Amount), "表六 "+basicLabel(&r), one("", r.Total))
	}
	if !ordered {
		c.nf(model.SeverityInfo, "N6", nOperating+59, "operating_costs.items", "文中机关运行经费明细的顺序与表六 302 下各款的编码顺序不同")
	}
	for _, i := range items {
		r := t6.Rows[i]
		if used[i] || r.Total.IsZero() {
			continue
		}
		c.nf(model.SeverityError, "N6", nOperating+60, "operating_costs.items",
			"文中机关运行经费明细未列出表六 "+basicLabel(&r)+" "+fmtAmt(r.Total))
	}
}

func (c *checker) nThreePublic(n *model.Narrative) {
	tp := n.ThreePublic
	if tp.Total.IsBlank() {
		return
	}
	comps := []struct {
		field, name string
		a           model.Amount
		get         func(*model.ThreePublicRow) model.Amount
		col         string
	}{
		{"three_public.abroad", "因公出国（境）经费", tp.Abroad, func(r *model.ThreePublicRow) model.Amount { return r.Abroad }, "因公出国（境）费"},
		{"three_public.vehicle", "公务用车购置及运行（维护）费", tp.Vehicle, func(r *model.ThreePublicRow) model.Amount { return r.VehicleSubtotal }, "公务用车购置及运行费 小计"},
		{"three_public.vehicle_purchase", "公务用车购置费", tp.VehiclePurchase, func(r *model.ThreePublicRow) model.Amount { return r.VehiclePurchase }, "公务用车购置费"},
		{"three_public.vehicle_operation", "公车运行维护费", tp.VehicleOperation, func(r *model.ThreePublicRow) model.Amount { return r.VehicleOperation }, "公务用车运行费"},
		{"three_public.reception", "公务接待费", tp.Reception, func(r *model.ThreePublicRow) model.Amount { return r.Reception }, "公务接待费"},
	}
	// Self: no component above the total; the components add up.
	over := false
	for i, x := range comps {
		if x.a.IsBlank() {
			continue
		}
		d := x.a.Decimal().Sub(tp.Total.Decimal())
		tol := halfUnit(x.a).Add(halfUnit(tp.Total))
		if c.o.Exact {
			tol = decimal.Zero
		}
		if d.Cmp(tol) > 0 {
			over = true
			c.nf(model.SeverityError, "N7", nThreePublic+i, x.field,
				"文中“三公”经费"+x.name+" "+fmtAmt(x.a)+" > “三公”经费合计 "+fmtAmt(tp.Total)+"（分项不能大于合计）")
		}
	}
	if !over {
		var parts []term
		vehicle := tp.Vehicle
		for _, x := range comps {
			if x.a.IsBlank() || (x.field == "three_public.vehicle_purchase" || x.field == "three_public.vehicle_operation") && !vehicle.IsBlank() {
				continue
			}
			parts = append(parts, t(x.name, x.a))
		}
		if len(parts) > 1 {
			c.neq("N7", nThreePublic+10, "three_public.total", "文中“三公”经费", one("", tp.Total), "", parts)
		}
	}
	// Against 表七.
	var t7 *model.ThreePublicRow
	if tt := c.d.Tables.T07; tt != nil {
		for i := range tt.Rows {
			if tt.Rows[i].Level == model.LevelTotal {
				t7 = &tt.Rows[i]
				break
			}
		}
	}
	if t7 != nil {
		c.neq("N7", nThreePublic+20, "three_public.total", "文中“三公”经费", one("", tp.Total), "表七 合计", one("", t7.Total))
		for i, x := range comps {
			if x.a.IsBlank() {
				continue
			}
			c.neq("N7", nThreePublic+21+i, x.field, "文中"+x.name, one("", x.a), "表七 合计 "+x.col, one("", x.get(t7)))
		}
		return
	}
	// Without 表七: 表六 30217 公务接待费 is the basic-expenditure part of 接待.
	if t6 := c.d.Tables.T06; t6 != nil && !tp.Reception.IsBlank() {
		for _, r := range t6.Rows {
			if r.Code != "30217" {
				continue
			}
			if ok, _ := c.agree(one("", tp.Reception), one("", r.Total)); !ok {
				c.nf(model.SeverityWarning, "N7", nThreePublic+30, "three_public.reception",
					"文中公务接待费 "+fmtAmt(tp.Reception)+" ≠ 表六 30217 公务接待费 "+fmtAmt(r.Total)+"（未提供表七；除非项目支出中另有接待费，两者应相等）")
			}
		}
	}
}

func (c *checker) nProcurement(n *model.Narrative) {
	p := n.Procurement
	if p.Total.IsBlank() {
		return
	}
	var parts []term
	for _, x := range []term{t("货物类", p.Goods), t("工程类", p.Works), t("服务类", p.Services)} {
		if !x.a.IsBlank() {
			parts = append(parts, x)
		}
	}
	if len(parts) > 0 {
		c.neq("N8", nProcurement, "procurement.total", "文中政府采购预算", one("", p.Total), "", parts)
	}
	if t9 := c.d.Tables.T09; t9 != nil {
		ref := model.MustAmount("0.00")
		for _, r := range t9.Rows {
			if r.Level == model.LevelTotal {
				ref = r.Total
				break
			}
		}
		c.neq("N8", nProcurement+1, "procurement.total", "文中政府采购预算", one("", p.Total), "表九 合计", one("", ref))
	}
}

func (c *checker) nAssets(n *model.Narrative) {
	a := n.Assets
	if a.Total.IsBlank() || a.Fixed.IsBlank() && a.Intangible.IsBlank() {
		return
	}
	parts := []term{t("固定资产", a.Fixed), t("无形资产", a.Intangible)}
	ok, diff := c.agree(one("", a.Total), parts)
	if ok {
		return
	}
	c.nf(model.SeverityError, "N10", nAssets, "assets.total", mismatch("文中国有资产总额", one("", a.Total), "", parts, diff))
}

func (c *checker) nStaffing(n *model.Narrative) {
	s := n.Staffing
	if s.Authorized.IsBlank() || len(s.Kinds) == 0 {
		return
	}
	var parts []term
	for _, k := range sortedKeys(s.Kinds) {
		parts = append(parts, t(k, s.Kinds[k]))
	}
	sum := sumTerms(parts)
	if sum.Equal(s.Authorized.Decimal()) {
		return
	}
	diff := s.Authorized.Decimal().Sub(sum)
	msg := "编制人数 " + fmtAmt(s.Authorized) + " 人 ≠ " + side("", parts) + " 人"
	if diff.IsPositive() {
		msg += "（有 " + diff.String() + " 人的编制类别未说明）"
	} else {
		msg += "（各类编制之和多出 " + diff.Abs().String() + " 人）"
	}
	c.nf(model.SeverityWarning, "N11", nStaffing, "staffing.authorized", msg)
}

// ---- N9: change amounts, percentages and words ----

type changeGroup struct {
	key, name                string // key prefix, e.g. income; name as read
	this, prior, change, pct model.Amount
	changeKey, pctKey        string
}

func changeGroups(n *model.Narrative) []changeGroup {
	return []changeGroup{
		{"income", "预算收入", n.Income.Total, n.Income.PriorTotal, n.Income.Change, n.Income.ChangePercent, "income.change", "income.change_percent"},
		{"expenditure", "预算支出", n.Expenditure.Total, n.Expenditure.PriorTotal, n.Expenditure.Change, n.Expenditure.ChangePercent, "expenditure.change", "expenditure.change_percent"},
		{"operating_costs", "机关运行经费", n.OperatingCosts.Total, n.OperatingCosts.PriorTotal, n.OperatingCosts.Change, n.OperatingCosts.ChangePercent, "operating_costs.change", "operating_costs.change_percent"},
		{"three_public", "“三公”经费", n.ThreePublic.Total, n.ThreePublic.PriorTotal, n.ThreePublic.Change, n.ThreePublic.ChangePercent, "three_public.change", "three_public.change_percent"},
		{"three_public.reception", "公务接待费", n.ThreePublic.Reception, model.Amount{}, n.ThreePublic.ReceptionChange, n.ThreePublic.ReceptionPercent, "three_public.reception_change", "three_public.reception_change_percent"},
		{"procurement", "政府采购预算", n.Procurement.Total, model.Amount{}, n.Procurement.Change, model.Amount{}, "procurement.change", "procurement.change_percent"},
	}
}

func hasUp(w string) bool {
	return strings.Contains(w, "增加") || strings.Contains(w, "增长") || strings.Contains(w, "上升")
}
func hasDown(w string) bool {
	return strings.Contains(w, "减少") || strings.Contains(w, "下降") || strings.Contains(w, "降低")
}
func hasSame(w string) bool {
	return strings.Contains(w, "无变化") || strings.Contains(w, "持平") || strings.Contains(w, "不变")
}

func (c *checker) nChanges(n *model.Narrative) {
	for gi, g := range changeGroups(n) {
		pos := nChanges + gi*10
		// The change: stated, or this − prior.
		change := g.change
		if change.IsBlank() && !g.this.IsBlank() && !g.prior.IsBlank() {
			change = g.this.Sub(g.prior)
		}
		if !g.this.IsBlank() && !g.prior.IsBlank() && !g.change.IsBlank() {
			// change + prior = this, so every term's rounding counts.
			if ok, diff := c.agree([]term{t("", g.change), t("", g.prior)}, one("", g.this)); !ok {
				ts := []term{t("", g.this), t("", g.prior), t("", g.change)}
				c.nf(model.SeverityError, "N9", pos, g.changeKey, "文中"+g.name+"增减额 "+fmtAmt(g.change)+" ≠ 本年 "+fmtAmt(g.this)+" − 上年 "+fmtAmt(g.prior)+
					" = "+fmtDec(g.this.Decimal().Sub(g.prior.Decimal()), maxPlaces(ts))+" (差 "+fmtDec(diff.Abs(), maxPlaces(ts))+")")
			}
		}
		// The percentage: |change| / prior × 100.
		prior := g.prior
		if prior.IsBlank() && !g.this.IsBlank() && !g.change.IsBlank() {
			prior = g.this.Sub(g.change)
			prior = model.A(prior.Decimal()) // derived
		}
		if !g.pct.IsBlank() && !change.IsBlank() && !prior.IsBlank() && !prior.IsZero() {
			ch := change
			var ok bool
			var want decimal.Decimal
			if g.prior.IsBlank() {
				// A derived prior carries the rounding of this year and the change.
				ok, want = c.pctOKDerived(g.pct, ch, g.this, g.change)
			} else {
				ok, want = c.pctOK(g.pct, ch, prior)
			}
			if !ok {
				base := "上年 " + prior.Decimal().String()
				if g.prior.IsBlank() {
					base += "（本年 " + fmtAmt(g.this) + " − 增减额 " + fmtAmt(g.change) + "）"
				}
				c.nf(model.SeverityError, "N9", pos+1, g.pctKey,
					"文中"+g.name+"增减幅度 "+fmtAmt(g.pct)+"% ≠ 增减额 "+ch.Decimal().Abs().String()+" ÷ "+base+" × 100 = "+want.StringFixed(places(g.pct))+"%")
			}
			if g.pct.Decimal().Sign()*change.Decimal().Sign() < 0 {
				c.nf(model.SeverityError, "N9", pos+1, g.pctKey,
					"文中"+g.name+"增减额 "+fmtAmt(change)+" 与增减幅度 "+fmtAmt(g.pct)+"% 方向相反")
			}
		}
		// The words.
		for k, key := range []string{g.changeKey, g.pctKey} {
			w, ok := n.Words[key]
			if !ok {
				continue
			}
			p := pos + 2 + k
			if hasUp(w) && hasDown(w) {
				c.nf(model.SeverityError, "N9", p, key, "文中"+g.name+"的增减用词“"+w+"”同时表示增加和减少")
				continue
			}
			if change.IsBlank() {
				continue
			}
			s := change.Decimal().Sign()
			amount := change.Decimal().Abs().String()
			switch {
			case s > 0 && !hasUp(w):
				c.nf(model.SeverityError, "N9", p, key, "文中"+g.name+"比上年增加 "+amount+"，却用了“"+w+"”")
			case s < 0 && !hasDown(w):
				c.nf(model.SeverityError, "N9", p, key, "文中"+g.name+"比上年减少 "+amount+"，却用了“"+w+"”")
			case s == 0 && !hasSame(w):
				c.nf(model.SeverityInfo, "N9", p, key, "文中"+g.name+"与上年相同（增减额为 0），却用了“"+w+"”；宜写“无变化”")
			}
		}
	}
}

// pctOKDerived checks a percentage whose prior year is this − change.
func (c *checker) pctOKDerived(pct, change, this, stated model.Amount) (bool, decimal.Decimal) {
	prior := this.Decimal().Sub(stated.Decimal())
	hundred := decimal.NewFromInt(100)
	want := change.Decimal().Abs().Mul(hundred).DivRound(prior.Abs(), 8).Round(places(pct))
	got := pct.Decimal().Abs()
	if got.Equal(want) {
		return true, want
	}
	if c.o.Exact {
		return false, want
	}
	hc, hp := halfUnit(change), halfUnit(pct)
	hPrior := halfUnit(this).Add(hc)
	d := change.Decimal().Abs()
	lo := d.Sub(hc)
	if lo.IsNegative() {
		lo = decimal.Zero
	}
	den := prior.Abs()
	if !den.Sub(hPrior).IsPositive() {
		return true, want
	}
	min := lo.Mul(hundred).DivRound(den.Add(hPrior), 8)
	max := d.Add(hc).Mul(hundred).DivRound(den.Sub(hPrior), 8)
	return got.Sub(hp).Cmp(max) <= 0 && got.Add(hp).Cmp(min) >= 0, want
}

// nPrecision notes narrative amounts stated with more than two places (V10).
func (c *checker) nPrecision(n *model.Narrative) {
	type fig struct {
		key, label string
		a          model.Amount
	}
	figs := []fig{
		{"income.total", "预算收入总额", n.Income.Total}, {"income.prior_total", "上年预算收入", n.Income.PriorTotal}, {"income.change", "预算收入增减额", n.Income.Change},
		{"expenditure.total", "预算支出总额", n.Expenditure.Total}, {"expenditure.prior_total", "上年预算支出", n.Expenditure.PriorTotal}, {"expenditure.change", "预算支出增减额", n.Expenditure.Change},
		{"operating_costs.total", "机关运行经费", n.OperatingCosts.Total}, {"operating_costs.prior_total", "上年机关运行经费", n.OperatingCosts.PriorTotal}, {"operating_costs.change", "机关运行经费增减额", n.OperatingCosts.Change},
		{"three_public.total", "“三公”经费", n.ThreePublic.Total}, {"three_public.prior_total", "上年“三公”经费", n.ThreePublic.PriorTotal}, {"three_public.change", "“三公”经费增减额", n.ThreePublic.Change},
		{"three_public.abroad", "因公出国（境）经费", n.ThreePublic.Abroad}, {"three_public.vehicle", "公务用车购置及运行费", n.ThreePublic.Vehicle},
		{"three_public.vehicle_purchase", "公务用车购置费", n.ThreePublic.VehiclePurchase}, {"three_public.vehicle_operation", "公车运行维护费", n.ThreePublic.VehicleOperation},
		{"three_public.reception", "公务接待费", n.ThreePublic.Reception}, {"three_public.reception_change", "公务接待费增减额", n.ThreePublic.ReceptionChange},
		{"procurement.total", "政府采购预算", n.Procurement.Total}, {"procurement.change", "政府采购预算增减额", n.Procurement.Change},
		{"assets.total", "国有资产总额", n.Assets.Total}, {"assets.fixed", "固定资产", n.Assets.Fixed}, {"assets.intangible", "无形资产", n.Assets.Intangible},
	}
	for i, it := range n.OperatingCosts.Items {
		figs = append(figs, fig{"operating_costs.items[" + itoa(i) + "]", "机关运行经费 " + it.Name, it.Amount})
	}
	for i, f := range n.Expenditure.ByFunction {
		figs = append(figs, fig{"expenditure.by_function[" + itoa(i) + "]", f.Name, f.Amount})
	}
	var list []string
	field := ""
	for _, f := range figs {
		if f.a.IsBlank() || f.a.Places() <= minPlaces {
			continue
		}
		if field == "" {
			field = f.key
		}
		list = append(list, f.label+" "+f.a.String()+"（"+itoa(int(f.a.Places()))+" 位）")
	}
	if len(list) > 0 {
		c.nf(model.SeverityInfo, "PREC", nChanges+100, field,
			"文中有金额的小数位多于 2 位："+capList(list, "、")+"；万元金额宜统一保留 2 位小数")
	}
}

// tablesIn returns a copy of d whose table amounts are converted exactly
// to unit (元 ↔ 万元); counts (采购数量) are left as they are. ok is false
// for units it cannot convert.
func tablesIn(d *model.Disclosure, unit string) (*model.Disclosure, bool) {
	var shift int32
	switch {
	case d.Unit == model.UnitYuan && unit == model.UnitWanYuan:
		shift = -4
	case d.Unit == model.UnitWanYuan && unit == model.UnitYuan:
		shift = 4
	default:
		return nil, false
	}
	b, err := json.Marshal(d.Tables)
	if err != nil {
		return nil, false
	}
	c := *d
	c.Tables = model.Tables{}
	if err := json.Unmarshal(b, &c.Tables); err != nil {
		return nil, false
	}
	c.Unit = unit
	scaleAmounts(reflect.ValueOf(&c.Tables).Elem(), shift)
	return &c, true
}

func scaleAmounts(v reflect.Value, shift int32) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			scaleAmounts(v.Elem(), shift)
		}
	case reflect.Slice:
		for i := range v.Len() {
			scaleAmounts(v.Index(i), shift)
		}
	case reflect.Struct:
		if a, ok := v.Interface().(model.Amount); ok {
			if !a.IsBlank() {
				v.Set(reflect.ValueOf(model.A(a.Decimal().Shift(shift))))
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).Name == "Quantity" || !v.Type().Field(i).IsExported() {
				continue
			}
			scaleAmounts(v.Field(i), shift)
		}
	}
}
