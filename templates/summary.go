package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// summary lays out 表一 or 表四: three blocks side by side, then the footer
// rows aligned across the blocks.
//
// Body rows: the income lines from the first body row; the function lines
// from the first body row, in the order the data gives them; the category
// block (支出类别分类 and its lines) from the first body row, then
// Labels.BlockGap empty rows, then the economic block (部门预算支出经济分类 and
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
func (b builder) summary(f form, t *model.SummaryTable) layout.Sheet {
	s := b.sheet(f)
	funds := len(f.columns) == 12 // 表四: 合计 + three fund columns per block
	empty := t == nil
	if empty {
		t = &model.SummaryTable{}
	}
	width := len(f.columns)
	per := 1 // amount columns per expenditure block
	if funds {
		per = 4
	}
	fnCol := 2               // function label column
	clCol := fnCol + 1 + per // category/economic label column

	// amounts of one expenditure line; total says whether every column
	// shows 0.00 (block and footer totals) or only the 合计 column.
	fundCells := func(a model.FundAmounts, total bool) []layout.Cell {
		if empty {
			c := make([]layout.Cell, per)
			for i := range c {
				c[i] = layout.Cell{Empty: true}
			}
			return c
		}
		cells := []layout.Cell{amount(a.Total, true)}
		if funds {
			cells = append(cells, amount(a.General, total), amount(a.GovFund, total), amount(a.StateCapital, total))
		}
		return cells
	}
	incomeCell := func(a model.Amount, showZero bool) layout.Cell {
		if empty {
			return layout.Cell{Empty: true}
		}
		return amount(a, showZero)
	}
	blankRow := func() []layout.Cell {
		c := make([]layout.Cell, width)
		for i := range c {
			c[i] = layout.Cell{Empty: true}
		}
		return c
	}
	put := func(row []layout.Cell, at int, cells ...layout.Cell) {
		copy(row[at:], cells)
	}
	label := func(code, name string) layout.Cell { return layout.TextCell(code + name) }

	// The right-hand block: category lines, gap, economic lines.
	type classLine struct {
		label  string
		a      model.FundAmounts
		total  bool
		source string
	}
	var right []*classLine
	if len(t.Categories) > 0 || !t.CategoryTotal.Total.IsBlank() {
		right = append(right, &classLine{label: b.l.CategoryTotal, a: t.CategoryTotal, total: true, source: "category_total"})
		for i, c := range t.Categories {
			right = append(right, &classLine{label: c.Code + c.Name, a: c.FundAmounts, source: ref(f.id, "categories", i)})
		}
	}
	if len(t.Economic) > 0 || !t.EconomicTotal.Total.IsBlank() {
		if len(right) > 0 {
			for i := 0; i < b.l.BlockGap; i++ {
				right = append(right, nil)
			}
		}
		right = append(right, &classLine{label: b.l.EconomicTotal, a: t.EconomicTotal, total: true, source: "economic_total"})
		for i, c := range t.Economic {
			right = append(right, &classLine{label: c.Code + c.Name, a: c.FundAmounts, source: ref(f.id, "economic", i)})
		}
	}
	n := max(len(t.Income), len(t.Functions), len(right))
	for i := 0; i < n; i++ {
		row := blankRow()
		var refs []string
		if i < len(t.Income) {
			in := t.Income[i]
			put(row, 0, layout.TextCell(b.incomeLabel(in)), incomeCell(in.Amount, false))
			refs = append(refs, ref(f.id, "income", i))
		}
		if i < len(t.Functions) {
			fn := t.Functions[i]
			put(row, fnCol, label(fn.Code, fn.Name))
			put(row, fnCol+1, fundCells(fn.FundAmounts, false)...)
			refs = append(refs, ref(f.id, "functions", i))
		}
		if i < len(right) && right[i] != nil {
			c := right[i]
			put(row, clCol, layout.TextCell(c.label))
			put(row, clCol+1, fundCells(c.a, c.total)...)
			refs = append(refs, c.source)
		}
		s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: joinRefs(f.id, refs)})
	}

	// Footer rows, aligned across the blocks.
	footer := func(inLabel string, in layout.Cell, exLabel string, ex model.FundAmounts, e layout.Emphasis, source string) {
		row := blankRow()
		put(row, 0, layout.TextCell(inLabel), in)
		if exLabel != "" {
			put(row, fnCol, layout.TextCell(exLabel))
			put(row, fnCol+1, fundCells(ex, true)...)
			put(row, clCol, layout.TextCell(exLabel))
			put(row, clCol+1, fundCells(ex, true)...)
		}
		s.Rows = append(s.Rows, layout.Row{Cells: row, Emphasis: e, Level: 0, Ref: string(f.id) + "." + source})
	}
	footer(b.l.IncomeTotal, incomeCell(t.IncomeTotal, true), b.l.ExpenditureTotal, t.ExpenditureTotal, layout.Bold, "income_total")
	carry := b.l.Carryover[f.id]
	if carry == "" {
		carry = b.l.Income[model.IncomeCarryover]
	}
	footer(carry, incomeCell(t.Carryover, false), b.l.CarryForward, t.CarryForward, layout.Plain, "carryover")
	if len(t.CarryoverLines) > 0 {
		for i, c := range t.CarryoverLines {
			row := blankRow()
			put(row, 0, layout.TextCell(c.Label), incomeCell(c.Amount, false))
			s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: ref(f.id, "carryover_lines", i)})
		}
	} else {
		for _, l := range b.l.CarryoverLines[f.id] {
			row := blankRow()
			put(row, 0, layout.TextCell(l))
			s.Rows = append(s.Rows, layout.Row{Cells: row, Level: 1, Ref: string(f.id) + ".carryover_lines"})
		}
	}
	footer(b.l.IncomeGrandTotal, incomeCell(t.IncomeGrandTotal, true), b.l.ExpenditureGrandTot, t.ExpenditureGrandTotal, layout.Bold, "income_grand_total")

	var note string
	if !empty {
		note = t.Note
	}
	s.Notes = b.notes(f.id, note, empty)
	return s
}

// incomeLabel is the label of an income line as the data states it, or the
// Labels wording of its key.
func (b builder) incomeLabel(in model.IncomeLine) string {
	if in.Label != "" {
		return in.Label
	}
	if l := b.l.Income[in.Key]; l != "" {
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
