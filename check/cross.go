package check

import (
	"sort"
	"strings"

	"gongkai/model"
)

// Across tables: X1–X12 of spec/forms.md §5 (X9 sits inside 表一/表四, see
// tables.go). A rule whose tables are absent is skipped.

// totalRow returns the grand-total row of an expenditure table, or nil.
func totalRow(et *model.ExpenditureTable) *model.ExpenditureRow {
	if et == nil {
		return nil
	}
	for i := range et.Rows {
		if et.Rows[i].Level == model.LevelTotal {
			return &et.Rows[i]
		}
	}
	return nil
}

// expTotalOf is the 合计·总计 of an expenditure table; an empty table (no
// rows) totals 0.
func expTotalOf(et *model.ExpenditureTable) (model.Amount, bool) {
	if et == nil {
		return model.Amount{}, false
	}
	if r := totalRow(et); r != nil {
		return r.Total, true
	}
	if len(et.Rows) == 0 {
		return model.MustAmount("0.00"), true
	}
	return model.Amount{}, false
}

// classSums sums the detail rows of an expenditure table by 类 (the first
// three digits of the function code), with the row count per class.
func classSums(et *model.ExpenditureTable) (map[string][]term, []string) {
	m := map[string][]term{}
	for _, r := range et.Rows {
		if r.Level != model.LevelDetail || len(r.FuncCode) < 3 {
			continue
		}
		k := r.FuncCode[:3]
		m[k] = append(m[k], t(r.FuncCode, r.Total))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return m, keys
}

// onlyAppropriation reports whether every yuan of the department is 财政拨款
// (no 财政专户, 单位资金 or carry-over in 表二), so that 表三 (all funds) can
// be compared with 表四 (财政拨款 only). Without 表二 it is assumed.
func (c *checker) onlyAppropriation() bool {
	t2 := c.d.Tables.T02
	if t2 == nil {
		if t1 := c.d.Tables.T01; t1 != nil {
			for _, l := range t1.Income {
				if (l.Key == model.IncomeSpecialAccount || l.Key == model.IncomeUnitFunds || l.Key == model.IncomeOther) && !l.Amount.IsZero() {
					return false
				}
			}
		}
		return true
	}
	for _, r := range t2.Rows {
		if r.Level == model.LevelTotal {
			return r.SpecialAccount.IsZero() && r.UnitFunds.IsZero()
		}
	}
	return true
}

// allFunds returns the table that states expenditure by function class and
// category for all funds: 表一, or 表四 when all money is 财政拨款.
func (c *checker) allFunds() (model.TableID, *model.SummaryTable) {
	if t1 := c.d.Tables.T01; t1 != nil {
		return model.T01, t1
	}
	if t4 := c.d.Tables.T04; t4 != nil && c.onlyAppropriation() {
		return model.T04, t4
	}
	return "", nil
}

func findLine(ls []model.FundLine, code string) (model.FundLine, bool) {
	for _, l := range ls {
		if k, _ := splitCode(l.Code, l.Name); k == code {
			return l, true
		}
	}
	return model.FundLine{}, false
}

func findNamed(ls []model.FundLine, part string) (model.FundLine, bool) {
	for _, l := range ls {
		if strings.Contains(l.Name, part) {
			return l, true
		}
	}
	return model.FundLine{}, false
}

func (c *checker) cross() {
	ts := &c.d.Tables
	t3, t5 := totalRow(ts.T03), totalRow(ts.T05)

	// X1: 表三 合计·总计 = 表一 本年支出合计.
	if t3 != nil && ts.T01 != nil && !ts.T01.ExpenditureTotal.Total.IsBlank() {
		c.eq("X1", model.T03, 0, model.Finding{Row: "合计", Column: "总计"},
			"表三 合计 总计", one("", t3.Total), "表一 本年支出合计", one("", ts.T01.ExpenditureTotal.Total))
	}

	// X2: 表三 per 类 = 表一/表四 function row.
	if id, st := c.allFunds(); st != nil && ts.T03 != nil {
		c.classCheck("X2", model.T03, ts.T03, id, st, func(f model.FundAmounts) model.Amount { return f.Total }, "合计")
	}

	// X3: 表三 合计 by category = 表一/表四 category rows.
	if id, st := c.allFunds(); st != nil && t3 != nil && ts.T03.Scheme != model.SchemeBasicProject && len(st.Categories) > 0 {
		for _, x := range []struct {
			name, part string
			a          model.Amount
		}{
			{"人员类项目支出", "人员类", t3.Personnel},
			{"公用经费项目支出", "公用经费", t3.Public},
			{"其他运转类项目支出", "其他运转类", t3.OtherOperating},
			{"特定目标类项目支出", "特定目标类", t3.Specific},
		} {
			l, ok := findNamed(st.Categories, x.part)
			if !ok {
				continue
			}
			c.eq("X3", model.T03, 0, model.Finding{Row: "合计", Column: x.name},
				"表三 合计 "+x.name, one("", x.a), id.Number()+" "+l.Name, one("", l.Total))
		}
	}

	// X4: 表五 合计·总计 = 表四 一般公共预算 本年支出合计.
	if t5 != nil && ts.T04 != nil && hasFunds(ts.T04) {
		c.eq("X4", model.T05, 0, model.Finding{Row: "合计", Column: "总计"},
			"表五 合计 总计", one("", t5.Total), "表四 本年支出合计 一般公共预算", one("", ts.T04.ExpenditureTotal.General))
	}
	// X5: 表五 per 类 = 表四 一般公共预算 function row.
	if ts.T05 != nil && ts.T04 != nil && hasFunds(ts.T04) {
		c.classCheck("X5", model.T05, ts.T05, model.T04, ts.T04, func(f model.FundAmounts) model.Amount { return f.General }, "一般公共预算")
	}

	// X6, X7: 表六 合计 against 表五 合计.
	if ts.T06 != nil && t5 != nil {
		var t6 *model.BasicRow
		for i := range ts.T06.Rows {
			if basicLevel(&ts.T06.Rows[i]) == 0 {
				t6 = &ts.T06.Rows[i]
				break
			}
		}
		if t6 != nil && ts.T05.Scheme != model.SchemeBasicProject {
			c.eq("X6", model.T06, 0, model.Finding{Row: "合计", Column: "合计"},
				"表六 合计", one("", t6.Total), "表五 合计", []term{t("人员类", t5.Personnel), t("公用经费", t5.Public)})
			c.eq("X7", model.T06, 0, model.Finding{Row: "合计", Column: "人员经费"},
				"表六 合计 人员经费", one("", t6.Personnel), "表五 合计 人员类项目支出", one("", t5.Personnel))
			c.eq("X7", model.T06, 0, model.Finding{Row: "合计", Column: "公用经费"},
				"表六 合计 公用经费", one("", t6.Public), "表五 合计 公用经费项目支出", one("", t5.Public))
		}
		if t6 != nil && ts.T05.Scheme == model.SchemeBasicProject {
			c.eq("X6", model.T06, 0, model.Finding{Row: "合计", Column: "合计"},
				"表六 合计", one("", t6.Total), "表五 合计 基本支出", one("", t5.Basic))
		}
	}

	// X8: 表四 501/502 ≥ 表六 301/302.
	if ts.T06 != nil && ts.T04 != nil {
		for i, r := range ts.T06.Rows {
			if basicLevel(&ts.T06.Rows[i]) != rank(model.LevelClass) || len(r.Code) != 3 {
				continue
			}
			l, ok := findLine(ts.T04.Economic, "5"+r.Code[1:])
			if !ok {
				l, ok = findLine(ts.T04.Economic, r.Code)
			}
			if !ok {
				continue
			}
			v := l.General
			col := "一般公共预算"
			if v.IsBlank() && !hasFunds(ts.T04) {
				v, col = l.Total, "合计"
			}
			diff := r.Total.Decimal().Sub(v.Decimal())
			tol := halfUnit(r.Total).Add(halfUnit(v))
			if c.o.Exact {
				tol = tol.Sub(tol)
			}
			if diff.Cmp(tol) > 0 {
				c.add(model.SeverityError, "X8", model.T06, i, model.Finding{Row: basicLabel(&r), Column: "合计",
					Message: "表六 " + basicLabel(&r) + " " + fmtAmt(r.Total) + " > 表四 " + lineLabel(l) + " " + col + " " + fmtAmt(v) +
						" (差 " + fmtDec(diff, maxPlaces([]term{t("", r.Total), t("", v)})) + "；基本支出不能大于全部支出)"})
			}
		}
	}

	// X13: 表六 30217 公务接待费 (basic expenditure) ≤ 表七 合计 公务接待费
	// (basic and project): the reception money of 表六 is part of 表七's.
	if ts.T06 != nil && ts.T07 != nil {
		var recep model.Amount
		for i := range ts.T07.Rows {
			if ts.T07.Rows[i].Level == model.LevelTotal {
				recep = ts.T07.Rows[i].Reception
				break
			}
		}
		for i, r := range ts.T06.Rows {
			if r.Code != "30217" || r.Total.IsBlank() {
				continue
			}
			diff := r.Total.Decimal().Sub(recep.Decimal())
			tol := halfUnit(r.Total).Add(halfUnit(recep))
			if c.o.Exact {
				tol = tol.Sub(tol)
			}
			if diff.Cmp(tol) > 0 {
				c.add(model.SeverityError, "X13", model.T06, i, model.Finding{Row: basicLabel(&r), Column: "合计",
					Message: "表六 " + basicLabel(&r) + " " + fmtAmt(r.Total) + " > 表七 合计 公务接待费 " + fmtAmt(recep) +
						" (差 " + fmtDec(diff, maxPlaces([]term{t("", r.Total), t("", recep)})) + "；表七的公务接待费包括基本支出中的 30217)"})
			}
		}
	}

	// X10: 表八 / 表十 合计 = 表四 本年支出合计 by fund.
	if ts.T04 != nil && hasFunds(ts.T04) {
		if a, ok := expTotalOf(ts.T08); ok {
			c.eq("X10", model.T08, 0, model.Finding{Row: "合计", Column: "总计"},
				"表八 合计 总计", one("", a), "表四 本年支出合计 政府性基金预算", one("", ts.T04.ExpenditureTotal.GovFund))
		}
		if a, ok := expTotalOf(ts.T10); ok {
			c.eq("X10", model.T10, 0, model.Finding{Row: "合计", Column: "总计"},
				"表十 合计 总计", one("", a), "表四 本年支出合计 国有资本经营", one("", ts.T04.ExpenditureTotal.StateCapital))
		}
	}

	// X11, X12: 表二 合计.
	if ts.T02 != nil {
		var t2 *model.IncomeRow
		for i := range ts.T02.Rows {
			if ts.T02.Rows[i].Level == model.LevelTotal {
				t2 = &ts.T02.Rows[i]
				break
			}
		}
		if t2 != nil && ts.T01 != nil && !ts.T01.IncomeGrandTotal.IsBlank() {
			c.eq("X11", model.T02, 0, model.Finding{Row: "合计", Column: "总计"},
				"表二 合计 总计", one("", t2.Total), "表一 收入总计", one("", ts.T01.IncomeGrandTotal))
		}
		// A figure that is not stated (a layout without the column, e.g.
		// Shanghai 表2, which prints 财政拨款收入 but not 一般公共预算) is not
		// compared: a blank is never taken for 0.
		if t2 != nil && ts.T04 != nil && !t2.General.IsBlank() {
			if l, ok := incomeLine(ts.T04.Income, model.IncomeGeneral); ok && !l.Amount.IsBlank() {
				c.eq("X12", model.T02, 0, model.Finding{Row: "合计", Column: "一般公共预算"},
					"表二 合计 一般公共预算", one("", t2.General), "表四 "+l.Label, one("", l.Amount))
			}
		}
	}
}

// classCheck compares the per-类 sums of an expenditure table with the
// function rows of a summary table (both ways: a class with money on one
// side and none on the other is reported too).
func (c *checker) classCheck(rule string, id model.TableID, et *model.ExpenditureTable, sid model.TableID, st *model.SummaryTable, get func(model.FundAmounts) model.Amount, col string) {
	sums, keys := classSums(et)
	if len(keys) == 0 {
		return // no detail rows: the table gives only its totals
	}
	seen := map[string]bool{}
	for _, k := range keys {
		seen[k] = true
		l, ok := findLine(st.Functions, k)
		ref := model.Amount{}
		name := k
		if ok {
			ref = get(l.FundAmounts)
			name = lineLabel(l)
		}
		parts := sums[k]
		c.eq(rule, id, len(et.Rows)+1, model.Finding{Row: k, Column: "总计"},
			id.Number()+" "+k+"类", parts, sid.Number()+" "+name+" "+col, one("", ref))
	}
	for _, l := range st.Functions {
		k, _ := splitCode(l.Code, l.Name)
		if seen[k] || get(l.FundAmounts).IsZero() {
			continue
		}
		c.add(model.SeverityError, rule, id, len(et.Rows)+1, model.Finding{Row: k, Column: "总计",
			Message: sid.Number() + " " + lineLabel(l) + " " + col + " " + fmtAmt(get(l.FundAmounts)) + " ≠ " + id.Number() + " " + k + "类 0（" + id.Number() + "无此类的明细行）"})
	}
}
