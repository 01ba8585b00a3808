package check

import (
	"strings"

	"gongkai/model"
)

// Inside each table: row totals (R-ROW), subtotal rows (R-SUB), the fixed
// rows of 表一/表四 (R-FIX) and 收入总计 = 支出总计 (R-BAL).

func (c *checker) tables() {
	ts := &c.d.Tables
	if ts.T01 != nil {
		c.summary(model.T01, ts.T01)
	}
	if ts.T02 != nil {
		c.income(ts.T02)
	}
	for _, x := range []struct {
		id model.TableID
		t  *model.ExpenditureTable
	}{{model.T03, ts.T03}, {model.T05, ts.T05}, {model.T08, ts.T08}, {model.T10, ts.T10}} {
		if x.t != nil {
			c.expenditure(x.id, x.t)
		}
		if x.id == model.T03 && ts.T04 != nil {
			c.summary(model.T04, ts.T04)
		}
		if x.id == model.T05 && ts.T06 != nil {
			c.basic(ts.T06)
		}
		if x.id == model.T05 && ts.T07 != nil {
			c.threePublic(ts.T07)
		}
		if x.id == model.T08 && ts.T09 != nil {
			c.procurement(ts.T09)
		}
	}
}

// rank orders row levels from the grand total down.
func rank(l model.Level) int {
	switch l {
	case model.LevelTotal:
		return 0
	case model.LevelSection:
		return 1
	case model.LevelDepartment:
		return 2
	case model.LevelUnit:
		return 3
	case model.LevelClass:
		return 4
	case model.LevelItem:
		return 5
	}
	return 6 // detail and anything unknown
}

// parents returns, for each row, the index of its parent row (-1 for none):
// the nearest row above it with a higher level.
func parents(levels []int) []int {
	p := make([]int, len(levels))
	var stack []int
	for i, l := range levels {
		for len(stack) > 0 && levels[stack[len(stack)-1]] >= l {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			p[i] = stack[len(stack)-1]
		} else {
			p[i] = -1
		}
		stack = append(stack, i)
	}
	return p
}

// column is one amount column of a row type.
type column[R any] struct {
	title string
	get   func(*R) model.Amount
}

// rowSums checks every row's total against its parts.
func rowSums[R any](c *checker, id model.TableID, rows []R, label func(*R) string, total column[R], parts []column[R]) {
	for i := range rows {
		r := &rows[i]
		ps := make([]term, len(parts))
		for j, p := range parts {
			ps[j] = t(p.title, p.get(r))
		}
		lbl := label(r)
		c.eq("R-ROW", id, i, model.Finding{Row: lbl, Column: total.title},
			id.Number()+" "+lbl+" "+total.title, one("", total.get(r)), "", ps)
	}
}

// subSums checks every row that has children against the sum of its
// children, column by column.
func subSums[R any](c *checker, id model.TableID, rows []R, level func(*R) int, label func(*R) string, cols []column[R]) {
	lv := make([]int, len(rows))
	for i := range rows {
		lv[i] = level(&rows[i])
	}
	par := parents(lv)
	kids := make([][]int, len(rows))
	for i, p := range par {
		if p >= 0 {
			kids[p] = append(kids[p], i)
		}
	}
	for i, ks := range kids {
		if len(ks) == 0 {
			continue
		}
		lbl := label(&rows[i])
		for _, col := range cols {
			ts := make([]term, len(ks))
			for j, k := range ks {
				ts[j] = t(label(&rows[k]), col.get(&rows[k]))
			}
			right := ts
			rp := ""
			if len(ks) > 4 {
				// Too many to list: name the count, keep the tolerance of every term.
				rp = "下级 " + itoa(len(ks)) + " 行之和"
			}
			left := one("", col.get(&rows[i]))
			ok, diff := c.agree(left, right)
			if ok {
				continue
			}
			var msg string
			if rp != "" {
				msg = id.Number() + " " + lbl + " " + col.title + " " + fmtAmt(col.get(&rows[i])) + " ≠ " + rp + " " +
					fmtDec(sumTerms(right), maxPlaces(right)) + " (差 " + fmtDec(diff.Abs(), maxPlaces(append(right, left...))) + ")"
			} else {
				msg = mismatch(id.Number()+" "+lbl+" "+col.title, left, "下级行", right, diff)
			}
			c.add(model.SeverityError, "R-SUB", id, i, model.Finding{Row: lbl, Column: col.title, Message: msg})
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func unitLabel(code, name string) string {
	if code == "" {
		return name
	}
	if name == "" {
		return code
	}
	return code + " " + name
}

func expLabel(r *model.ExpenditureRow) string {
	if r.Level == model.LevelTotal {
		if r.UnitName != "" {
			return r.UnitName
		}
		return "合计"
	}
	if r.FuncCode != "" || r.FuncName != "" {
		return unitLabel(r.FuncCode, r.FuncName)
	}
	return unitLabel(r.UnitCode, r.UnitName)
}

// Column titles of the tables, as printed.
var (
	expTotal    = column[model.ExpenditureRow]{"总计", func(r *model.ExpenditureRow) model.Amount { return r.Total }}
	expCategory = []column[model.ExpenditureRow]{
		{"人员类项目支出", func(r *model.ExpenditureRow) model.Amount { return r.Personnel }},
		{"公用经费项目支出", func(r *model.ExpenditureRow) model.Amount { return r.Public }},
		{"其他运转类项目支出", func(r *model.ExpenditureRow) model.Amount { return r.OtherOperating }},
		{"特定目标类项目支出", func(r *model.ExpenditureRow) model.Amount { return r.Specific }},
	}
	expBasicProject = []column[model.ExpenditureRow]{
		{"基本支出", func(r *model.ExpenditureRow) model.Amount { return r.Basic }},
		{"项目支出", func(r *model.ExpenditureRow) model.Amount { return r.Project }},
	}
)

func expParts(et *model.ExpenditureTable) []column[model.ExpenditureRow] {
	if et.Scheme == model.SchemeBasicProject {
		return expBasicProject
	}
	return expCategory
}

func (c *checker) expenditure(id model.TableID, et *model.ExpenditureTable) {
	parts := expParts(et)
	rowSums(c, id, et.Rows, expLabel, expTotal, parts)
	subSums(c, id, et.Rows, func(r *model.ExpenditureRow) int { return rank(r.Level) }, expLabel,
		append([]column[model.ExpenditureRow]{expTotal}, parts...))
}

func incLabel(r *model.IncomeRow) string {
	if r.Level == model.LevelTotal && r.UnitCode == "" {
		if r.UnitName != "" {
			return r.UnitName
		}
		return "合计"
	}
	return unitLabel(r.UnitCode, r.UnitName)
}

func (c *checker) income(it *model.IncomeTable) {
	col := func(title string, get func(*model.IncomeRow) model.Amount) column[model.IncomeRow] {
		return column[model.IncomeRow]{title, get}
	}
	total := col("总计", func(r *model.IncomeRow) model.Amount { return r.Total })
	sub := col("小计", func(r *model.IncomeRow) model.Amount { return r.Subtotal })
	carry := col("上年结余结转", func(r *model.IncomeRow) model.Amount { return r.Carryover })
	funds := []column[model.IncomeRow]{
		col("一般公共预算", func(r *model.IncomeRow) model.Amount { return r.General }),
		col("政府性基金预算", func(r *model.IncomeRow) model.Amount { return r.GovFund }),
		col("国有资本经营预算", func(r *model.IncomeRow) model.Amount { return r.StateCapital }),
		col("财政专户管理资金", func(r *model.IncomeRow) model.Amount { return r.SpecialAccount }),
		col("单位资金", func(r *model.IncomeRow) model.Amount { return r.UnitFunds }),
	}
	level := func(r *model.IncomeRow) int { return rank(r.Level) }
	if bySource(it.Rows) {
		// Income by source (Shanghai 收入预算总表): 合计 = 财政拨款收入 +
		// 事业收入 + 事业单位经营收入 + 其他收入.
		sources := []column[model.IncomeRow]{
			col("财政拨款收入", func(r *model.IncomeRow) model.Amount { return r.Fiscal }),
			col("事业收入", func(r *model.IncomeRow) model.Amount { return r.Business }),
			col("事业单位经营收入", func(r *model.IncomeRow) model.Amount { return r.Operating }),
			col("其他收入", func(r *model.IncomeRow) model.Amount { return r.Other }),
		}
		rowSums(c, model.T02, it.Rows, incLabel, total, sources)
		subSums(c, model.T02, it.Rows, level, incLabel, append([]column[model.IncomeRow]{total}, sources...))
		return
	}
	rowSums(c, model.T02, it.Rows, incLabel, total, []column[model.IncomeRow]{sub, carry})
	rowSums(c, model.T02, it.Rows, incLabel, sub, funds)
	subSums(c, model.T02, it.Rows, level, incLabel,
		append([]column[model.IncomeRow]{total, sub, carry}, funds...))
}

// bySource reports whether 表二 splits income by source (财政拨款收入, 事业收入,
// 事业单位经营收入, 其他收入) instead of by fund.
func bySource(rows []model.IncomeRow) bool {
	for i := range rows {
		r := &rows[i]
		if !r.Fiscal.IsBlank() || !r.Business.IsBlank() || !r.Operating.IsBlank() || !r.Other.IsBlank() {
			return true
		}
	}
	return false
}

func basicLevel(r *model.BasicRow) int {
	if r.Level != "" {
		return rank(r.Level)
	}
	switch len(r.Code) {
	case 0:
		return rank(model.LevelTotal)
	case 3:
		return rank(model.LevelClass)
	}
	return rank(model.LevelItem)
}

func basicLabel(r *model.BasicRow) string { return unitLabel(r.Code, r.Name) }

func (c *checker) basic(bt *model.BasicTable) {
	total := column[model.BasicRow]{"合计", func(r *model.BasicRow) model.Amount { return r.Total }}
	parts := []column[model.BasicRow]{
		{"人员经费", func(r *model.BasicRow) model.Amount { return r.Personnel }},
		{"公用经费", func(r *model.BasicRow) model.Amount { return r.Public }},
	}
	rowSums(c, model.T06, bt.Rows, basicLabel, total, parts)
	subSums(c, model.T06, bt.Rows, basicLevel, basicLabel, append([]column[model.BasicRow]{total}, parts...))
}

func tpLabel(r *model.ThreePublicRow) string {
	if r.Level == model.LevelTotal && r.UnitCode == "" {
		if r.UnitName != "" {
			return r.UnitName
		}
		return "合计"
	}
	return unitLabel(r.UnitCode, r.UnitName)
}

func (c *checker) threePublic(tt *model.ThreePublicTable) {
	type R = model.ThreePublicRow
	total := column[R]{"合计", func(r *R) model.Amount { return r.Total }}
	abroad := column[R]{"因公出国（境）费", func(r *R) model.Amount { return r.Abroad }}
	vsub := column[R]{"公务用车购置及运行费 小计", func(r *R) model.Amount { return r.VehicleSubtotal }}
	vbuy := column[R]{"公务用车购置费", func(r *R) model.Amount { return r.VehiclePurchase }}
	vrun := column[R]{"公务用车运行费", func(r *R) model.Amount { return r.VehicleOperation }}
	recep := column[R]{"公务接待费", func(r *R) model.Amount { return r.Reception }}
	rowSums(c, model.T07, tt.Rows, tpLabel, total, []column[R]{abroad, vsub, recep})
	rowSums(c, model.T07, tt.Rows, tpLabel, vsub, []column[R]{vbuy, vrun})
	subSums(c, model.T07, tt.Rows, func(r *R) int { return rank(r.Level) }, tpLabel, []column[R]{total, abroad, vsub, vbuy, vrun, recep})
}

func procLabel(r *model.ProcurementRow) string {
	if r.Level == model.LevelTotal && r.UnitCode == "" {
		if r.UnitName != "" {
			return r.UnitName
		}
		return "合计"
	}
	l := unitLabel(r.UnitCode, r.UnitName)
	if r.Project != "" {
		l = strings.TrimSpace(l + " " + r.Project)
	}
	if r.Item != "" {
		l = strings.TrimSpace(l + " " + r.Item)
	}
	return l
}

func (c *checker) procurement(pt *model.ProcurementTable) {
	type R = model.ProcurementRow
	total := column[R]{"合计", func(r *R) model.Amount { return r.Total }}
	funds := []column[R]{
		{"一般公共预算", func(r *R) model.Amount { return r.General }},
		{"政府性基金预算", func(r *R) model.Amount { return r.GovFund }},
		{"国有资本经营预算", func(r *R) model.Amount { return r.StateCapital }},
		{"财政专户管理资金", func(r *R) model.Amount { return r.SpecialAccount }},
		{"单位资金", func(r *R) model.Amount { return r.UnitFunds }},
	}
	rowSums(c, model.T09, pt.Rows, procLabel, total, funds)
	subSums(c, model.T09, pt.Rows, func(r *R) int { return rank(r.Level) }, procLabel, append([]column[R]{total}, funds...))
}

// ---- 表一 / 表四 ----

// Fixed-row positions used for sorting the findings of 表一/表四.
const (
	rowIncome = iota * 1000
	rowFunctions
	rowCategories
	rowEconomic
	rowTotals
)

type fundCol struct {
	title string
	get   func(model.FundAmounts) model.Amount
}

var fundCols = []fundCol{
	{"合计", func(f model.FundAmounts) model.Amount { return f.Total }},
	{"一般公共预算", func(f model.FundAmounts) model.Amount { return f.General }},
	{"政府性基金预算", func(f model.FundAmounts) model.Amount { return f.GovFund }},
	{"国有资本经营", func(f model.FundAmounts) model.Amount { return f.StateCapital }},
}

// hasFunds reports whether the table states fund columns (表四) or only the
// total (表一).
func hasFunds(st *model.SummaryTable) bool {
	probe := func(f model.FundAmounts) bool {
		return !f.General.IsBlank() || !f.GovFund.IsBlank() || !f.StateCapital.IsBlank()
	}
	if probe(st.CategoryTotal) || probe(st.EconomicTotal) || probe(st.ExpenditureTotal) || probe(st.CarryForward) || probe(st.ExpenditureGrandTotal) {
		return true
	}
	for _, ls := range [][]model.FundLine{st.Functions, st.Categories, st.Economic} {
		for _, l := range ls {
			if probe(l.FundAmounts) {
				return true
			}
		}
	}
	return false
}

func (c *checker) cols(st *model.SummaryTable) []fundCol {
	if hasFunds(st) {
		return fundCols
	}
	return fundCols[:1]
}

func lineLabel(l model.FundLine) string {
	code, name := splitCode(l.Code, l.Name)
	if code == "" {
		return name
	}
	return code + name
}

// topLines returns the indexes of the top-level lines of a block and, for
// each, the indexes of its children. The level comes from FundLine.Level;
// when every line has the same level, lines whose name starts with a
// Chinese numeral and 、 (一、人员类项目支出) are the tops.
func topLines(ls []model.FundLine) (tops []int, kids map[int][]int) {
	kids = map[int][]int{}
	same := true
	for _, l := range ls {
		if l.Level != ls[0].Level {
			same = false
		}
	}
	isTop := func(i int) bool {
		if !same {
			min := ls[0].Level
			for _, l := range ls {
				if l.Level < min {
					min = l.Level
				}
			}
			return ls[i].Level == min
		}
		return numbered(ls[i].Name) || len(ls) > 0 && !anyNumbered(ls)
	}
	cur := -1
	for i := range ls {
		if isTop(i) {
			tops = append(tops, i)
			cur = i
		} else if cur >= 0 {
			kids[cur] = append(kids[cur], i)
		}
	}
	return tops, kids
}

var cnNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// numeral returns the Chinese numeral (1-based) a label starts with
// ("二、上年结余结转" → 2), or 0.
func numeral(s string) int {
	for i, n := range cnNumerals {
		if strings.HasPrefix(s, n+"、") {
			return i + 1
		}
	}
	return 0
}

func numbered(s string) bool { return numeral(s) > 0 }

func anyNumbered(ls []model.FundLine) bool {
	for _, l := range ls {
		if numbered(l.Name) {
			return true
		}
	}
	return false
}

func (c *checker) summary(id model.TableID, st *model.SummaryTable) {
	n := id.Number()
	cols := c.cols(st)
	title := func(col fundCol) string {
		if len(cols) == 1 {
			return "预算数"
		}
		return col.title
	}

	// Income block.
	var inc []term
	for _, l := range st.Income {
		if l.Key == model.IncomeFiscal && fundLines(st.Income) {
			continue // 财政拨款收入 is the sum of the fund lines listed under it
		}
		inc = append(inc, t(strings.TrimSpace(trimNumeral(l.Label)), l.Amount))
	}
	if len(inc) > 0 && !st.IncomeTotal.IsBlank() {
		c.eq("R-FIX", id, rowIncome, model.Finding{Row: "本年收入合计", Column: "预算数"},
			n+" 本年收入合计", one("", st.IncomeTotal), "", inc)
	}
	var carry []term
	for _, l := range st.CarryoverLines {
		carry = append(carry, t(l.Label, l.Amount))
	}
	if len(carry) > 0 && !st.Carryover.IsBlank() {
		c.eq("R-FIX", id, rowIncome+1, model.Finding{Row: "上年结余结转", Column: "预算数"},
			n+" 上年结余结转", one("", st.Carryover), "", carry)
	}
	if !st.IncomeGrandTotal.IsBlank() {
		carryAmt := st.Carryover
		if carryAmt.IsBlank() && len(carry) > 0 {
			carryAmt = model.Sum(amounts(carry)...)
		}
		c.eq("R-FIX", id, rowIncome+2, model.Finding{Row: "收入总计", Column: "预算数"},
			n+" 收入总计", one("", st.IncomeGrandTotal), "",
			[]term{t("本年收入合计", st.IncomeTotal), t("上年结余结转", carryAmt)})
	}

	// Row identities of the expenditure lines: 合计 = 一般公共 + 基金 + 国资.
	if len(cols) > 1 {
		rowCheck := func(pos int, label string, f model.FundAmounts) {
			c.eq("R-ROW", id, pos, model.Finding{Row: label, Column: "合计"}, n+" "+label+" 合计", one("", f.Total), "",
				[]term{t("一般公共预算", f.General), t("政府性基金预算", f.GovFund), t("国有资本经营", f.StateCapital)})
		}
		for i, l := range st.Functions {
			rowCheck(rowFunctions+i, lineLabel(l), l.FundAmounts)
		}
		rowCheck(rowCategories, "支出类别分类", st.CategoryTotal)
		for i, l := range st.Categories {
			rowCheck(rowCategories+1+i, lineLabel(l), l.FundAmounts)
		}
		rowCheck(rowEconomic, "部门预算支出经济分类", st.EconomicTotal)
		for i, l := range st.Economic {
			rowCheck(rowEconomic+1+i, lineLabel(l), l.FundAmounts)
		}
		rowCheck(rowTotals, "本年支出合计", st.ExpenditureTotal)
		rowCheck(rowTotals+1, "结转下年", st.CarryForward)
		rowCheck(rowTotals+2, "支出总计", st.ExpenditureGrandTotal)
	}

	for _, col := range cols {
		// 本年支出合计 = Σ function rows.
		if len(st.Functions) > 0 {
			var fs []term
			for _, l := range st.Functions {
				fs = append(fs, t(lineLabel(l), col.get(l.FundAmounts)))
			}
			c.sumCheck("R-FIX", id, rowTotals, "本年支出合计", title(col), col.get(st.ExpenditureTotal), "功能分类各行之和", fs)
		}
		// 支出类别分类 = Σ tops; each top = Σ its children.
		if len(st.Categories) > 0 {
			tops, kids := topLines(st.Categories)
			var ts []term
			for _, i := range tops {
				l := st.Categories[i]
				ts = append(ts, t(lineLabel(l), col.get(l.FundAmounts)))
				if ks := kids[i]; len(ks) > 0 {
					var ct []term
					for _, k := range ks {
						ct = append(ct, t(lineLabel(st.Categories[k]), col.get(st.Categories[k].FundAmounts)))
					}
					c.sumCheck("R-SUB", id, rowCategories+1+i, lineLabel(l), title(col), col.get(l.FundAmounts), "", ct)
				}
			}
			if !col.get(st.CategoryTotal).IsBlank() {
				c.sumCheck("R-SUB", id, rowCategories, "支出类别分类", title(col), col.get(st.CategoryTotal), "", ts)
			}
		}
		if len(st.Economic) > 0 && !col.get(st.EconomicTotal).IsBlank() {
			tops, _ := topLines(st.Economic)
			var ts []term
			for _, i := range tops {
				ts = append(ts, t(lineLabel(st.Economic[i]), col.get(st.Economic[i].FundAmounts)))
			}
			c.sumCheck("R-SUB", id, rowEconomic, "部门预算支出经济分类", title(col), col.get(st.EconomicTotal), "", ts)
		}
		// 支出总计 = 本年支出合计 + 结转下年.
		if g := col.get(st.ExpenditureGrandTotal); !g.IsBlank() {
			c.eq("R-FIX", id, rowTotals+2, model.Finding{Row: "支出总计", Column: title(col)}, n+" 支出总计 "+title(col), one("", g), "",
				[]term{t("本年支出合计", col.get(st.ExpenditureTotal)), t("结转下年", col.get(st.CarryForward))})
		}
		// X9: 支出类别分类 = 部门预算支出经济分类 = 本年支出合计.
		et := col.get(st.ExpenditureTotal)
		if ct := col.get(st.CategoryTotal); !ct.IsBlank() && !et.IsBlank() {
			c.eq("X9", id, rowCategories, model.Finding{Row: "支出类别分类", Column: title(col)},
				n+" 支出类别分类 "+title(col), one("", ct), n+" 本年支出合计", one("", et))
		}
		if ec := col.get(st.EconomicTotal); !ec.IsBlank() && !et.IsBlank() {
			c.eq("X9", id, rowEconomic, model.Finding{Row: "部门预算支出经济分类", Column: title(col)},
				n+" 部门预算支出经济分类 "+title(col), one("", ec), n+" 本年支出合计", one("", et))
		}
	}

	// R-BAL: 收入总计 = 支出总计, overall and per fund.
	if g := st.ExpenditureGrandTotal.Total; !g.IsBlank() && !st.IncomeGrandTotal.IsBlank() {
		c.eq("R-BAL", id, rowTotals+2, model.Finding{Row: "收入总计", Column: "预算数"},
			n+" 收入总计", one("", st.IncomeGrandTotal), n+" 支出总计", one("", g))
	}
	if len(cols) > 1 {
		keys := []string{model.IncomeGeneral, model.IncomeGovFund, model.IncomeStateCapital}
		for k, key := range keys {
			col := cols[k+1]
			spent := col.get(st.ExpenditureGrandTotal)
			in, inFound := incomeLine(st.Income, key)
			cv, cvFound := incomeLine(st.CarryoverLines, key)
			if spent.IsBlank() || !inFound && !cvFound {
				continue
			}
			right := []term{t(in.Label, in.Amount)}
			if cvFound && !cv.Amount.IsBlank() {
				right = append(right, t("上年结余结转"+cv.Label, cv.Amount))
			}
			c.eq("R-BAL", id, rowTotals+3+k, model.Finding{Row: "支出总计", Column: col.title},
				n+" 支出总计 "+col.title, one("", spent), n, right)
		}
	}
}

// sumCheck reports rule when total ≠ Σ parts.
func (c *checker) sumCheck(rule string, id model.TableID, pos int, row, col string, total model.Amount, what string, parts []term) {
	left := one("", total)
	ok, diff := c.agree(left, parts)
	if ok {
		return
	}
	var msg string
	prefix := id.Number() + " " + row + " " + col
	if len(parts) > 4 {
		if what == "" {
			what = "下级 " + itoa(len(parts)) + " 行之和"
		}
		msg = prefix + " " + fmtAmt(total) + " ≠ " + what + " " + fmtDec(sumTerms(parts), maxPlaces(parts)) +
			" (差 " + fmtDec(diff.Abs(), maxPlaces(append(parts, left...))) + ")"
	} else {
		msg = mismatch(prefix, left, "", parts, diff)
	}
	c.add(model.SeverityError, rule, id, pos, model.Finding{Row: row, Column: col, Message: msg})
}

func incomeLine(ls []model.IncomeLine, key string) (model.IncomeLine, bool) {
	for _, l := range ls {
		if l.Key == key {
			return l, true
		}
	}
	return model.IncomeLine{}, false
}

func amounts(ts []term) []model.Amount {
	as := make([]model.Amount, len(ts))
	for i, x := range ts {
		as[i] = x.a
	}
	return as
}

func trimNumeral(s string) string {
	if k := numeral(s); k > 0 {
		return strings.TrimPrefix(s, cnNumerals[k-1]+"、")
	}
	return s
}

// fundLines reports whether income lists the fund lines that make up
// 财政拨款收入 (一般公共预算, 政府性基金, 国有资本经营).
func fundLines(income []model.IncomeLine) bool {
	for _, l := range income {
		switch l.Key {
		case model.IncomeGeneral, model.IncomeGovFund, model.IncomeStateCapital:
			return true
		}
	}
	return false
}
