package templates

import (
	"strconv"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// summary lays out 表一 or 表四: three blocks side by side, then the footer
// rows aligned across the blocks.
//
// Body rows: the income lines from the first body row; the function lines
// from the first body row, in the order the data gives them; the category
// block (支出类别分类 and its lines) from the first body row, then
// the profile's block_gap empty rows, then the economic block (部门预算支出经济分类 and
// its lines). The body is as long as the longest of the three columns; for
// the 2023 seed that is the 27 function rows (category 10 + gap 3 + economic
// 11 = 24 rows), and with the footer (本年收支合计, 上年结余结转 | 结转下年,
// its three (一)(二)(三) lines, 收入总计 | 支出总计) the 33 rows of the seed.
//
// Zero display (spec §3.5): the 合计 column of a function, category or
// economic line prints 0.00 and its fund columns stay empty when zero; the
// two block totals and the footer totals print 0.00 in every column; income
// amounts are empty when zero except 本年收入合计 and 收入总计.
//
// A table the data does not give prints the footer rows with empty amounts
// and the empty-table note.
func (b builder) summary(t *model.SummaryTable) layout.Sheet {
	pt := b.t
	sm := pt.Summary
	leaves := pt.LeafColumns()
	hdr, headerRows := pt.Header()
	s := b.frame(leaves, hdr, headerRows)
	id := pt.Data
	empty := t == nil
	if empty {
		t = &model.SummaryTable{}
	}
	width := len(leaves)
	at := map[string]int{}
	zero := map[string]bool{}
	for i, l := range leaves {
		at[l.Field] = i
		zero[l.Field] = l.ShowZero()
	}
	put := func(row []layout.Cell, field string, c layout.Cell) {
		if i, ok := at[field]; ok {
			row[i] = c
		}
	}
	// amounts of one expenditure line into the block of prefix (function
	// or class); total says whether every column shows 0.00 (block and
	// footer totals) or each column its own zero display.
	funds := func(row []layout.Cell, prefix string, a model.FundAmounts, total bool) {
		var cat model.CategoryAmounts
		if a.ByCategory != nil {
			cat = *a.ByCategory
		}
		for _, f := range []struct {
			name string
			v    model.Amount
		}{{"_total", a.Total}, {"_general", a.General}, {"_gov_fund", a.GovFund}, {"_state_capital", a.StateCapital},
			{"_personnel", cat.Personnel}, {"_public", cat.Public}, {"_project", cat.Project}} {
			if empty {
				put(row, prefix+f.name, layout.Cell{Empty: true})
				continue
			}
			put(row, prefix+f.name, b.amount(f.v, zero[prefix+f.name] || total && sm.TotalsShowZero))
		}
	}
	incomeCell := func(a model.Amount, showZero bool) layout.Cell {
		if empty {
			return layout.Cell{Empty: true}
		}
		return b.amount(a, showZero || zero["income_amount"])
	}

	// The income block: the data's lines, or the profile's fixed rows.
	type incomeLine struct {
		label string
		a     model.Amount
		ref   string
	}
	var income []incomeLine
	if len(sm.IncomeRows) > 0 {
		for _, r := range sm.IncomeRows {
			l := incomeLine{label: r.Label, ref: string(id) + ".income." + r.Key}
			for i, in := range t.Income {
				if in.Key == r.Key {
					l.a, l.ref = in.Amount, ref(id, "income", i)
					break
				}
			}
			income = append(income, l)
		}
	} else {
		for i, in := range t.Income {
			income = append(income, incomeLine{label: b.incomeLabel(in), a: in.Amount, ref: ref(id, "income", i)})
		}
	}

	// The right-hand block: category lines, gap, economic lines.
	type classLine struct {
		label  string
		a      model.FundAmounts
		total  bool
		source string
	}
	var right []*classLine
	if _, ok := at["class_item"]; ok {
		if len(t.Categories) > 0 || !t.CategoryTotal.Total.IsBlank() {
			right = append(right, &classLine{label: sm.CategoryTotal, a: t.CategoryTotal, total: true, source: "category_total"})
			for i, c := range t.Categories {
				right = append(right, &classLine{label: c.Code + c.Name, a: c.FundAmounts, source: ref(id, "categories", i)})
			}
		}
		if len(t.Economic) > 0 || !t.EconomicTotal.Total.IsBlank() {
			if len(right) > 0 {
				for range sm.BlockGap {
					right = append(right, nil)
				}
			}
			right = append(right, &classLine{label: sm.EconomicTotal, a: t.EconomicTotal, total: true, source: "economic_total"})
			for i, c := range t.Economic {
				right = append(right, &classLine{label: c.Code + c.Name, a: c.FundAmounts, source: ref(id, "economic", i)})
			}
		}
	}
	n := max(len(income), len(t.Functions), len(right), sm.MinRows)
	for i := range n {
		row := emptyCells(width)
		var refs []string
		if i < len(income) {
			in := income[i]
			put(row, "income_item", layout.TextCell(in.label))
			put(row, "income_amount", incomeCell(in.a, false))
			refs = append(refs, in.ref)
		}
		if i < len(t.Functions) {
			fn := t.Functions[i]
			label := fn.Code + fn.Name
			if sm.FunctionLabel == "ordinal" {
				label = ordinal(i+1) + "、" + fn.Name
			}
			put(row, "function_item", layout.TextCell(label))
			funds(row, "function", fn.FundAmounts, false)
			refs = append(refs, ref(id, "functions", i))
		}
		if i < len(right) && right[i] != nil {
			c := right[i]
			put(row, "class_item", layout.TextCell(c.label))
			funds(row, "class", c.a, c.total)
			refs = append(refs, c.source)
		}
		s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: joinRefs(id, refs)})
	}

	// Footer rows, aligned across the blocks.
	for _, f := range sm.Footer {
		if f.Kind == profiles.FooterCarryoverLines {
			if len(t.CarryoverLines) > 0 {
				for i, c := range t.CarryoverLines {
					row := emptyCells(width)
					put(row, "income_item", layout.TextCell(c.Label))
					put(row, "income_amount", incomeCell(c.Amount, false))
					s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: ref(id, "carryover_lines", i)})
				}
			} else {
				for _, l := range f.Labels {
					row := emptyCells(width)
					put(row, "income_item", layout.TextCell(l))
					s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: string(id) + ".carryover_lines"})
				}
			}
			continue
		}
		row := emptyCells(width)
		put(row, "income_item", layout.TextCell(f.Income))
		if f.IncomeValue != "" {
			put(row, "income_amount", incomeCell(summaryIncome(t, f.IncomeValue), f.ShowZero))
		}
		if f.Expenditure != "" {
			ex := summaryExpenditure(t, f.ExpenditureValue)
			put(row, "function_item", layout.TextCell(f.Expenditure))
			funds(row, "function", ex, true)
			if _, ok := at["class_item"]; ok {
				put(row, "class_item", layout.TextCell(f.Expenditure))
				funds(row, "class", ex, true)
			}
		}
		e := layout.Plain
		if f.Bold {
			e = layout.Bold
		}
		source := f.IncomeValue
		if source == "" {
			source = f.ExpenditureValue
		}
		s.Rows = append(s.Rows, layout.Row{Cells: row, Emphasis: e, Level: 0, Ref: string(id) + "." + source})
	}

	var note string
	if !empty {
		note = t.Note
	}
	s.Notes = b.notes(note, empty)
	return s
}

// summaryIncome is the footer income value a profile names.
func summaryIncome(t *model.SummaryTable, name string) model.Amount {
	switch name {
	case "income_total":
		return t.IncomeTotal
	case "carryover":
		return t.Carryover
	}
	return t.IncomeGrandTotal
}

// summaryExpenditure is the footer expenditure values a profile names.
func summaryExpenditure(t *model.SummaryTable, name string) model.FundAmounts {
	switch name {
	case "expenditure_total":
		return t.ExpenditureTotal
	case "carry_forward":
		return t.CarryForward
	}
	return t.ExpenditureGrandTotal
}

// ordinal is the Chinese ordinal of n (1 → 一, 12 → 十二, 20 → 二十).
func ordinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return strconv.Itoa(n)
}

// incomeLabel is the label of an income line as the data states it, or the
// profile's income label of its key.
func (b builder) incomeLabel(in model.IncomeLine) string {
	if in.Label != "" {
		return in.Label
	}
	if l := b.t.Summary.IncomeLabels[in.Key]; l != "" {
		return l
	}
	return in.Key
}

func joinRefs(id model.TableID, refs []string) string {
	if len(refs) == 0 {
		return string(id) + ".gap"
	}
	out := refs[0]
	for _, r := range refs[1:] {
		out += " " + r
	}
	return out
}
