package model

import (
	"sort"

	"github.com/shopspring/decimal"
)

// The shares of 本年支出构成 are computed here, once, for every package that
// states them: the ledger builder writes them into Narrative.Expenditure.
// ByFunction and the narrative prints them, so that budget.json and the
// document give the same percentages.

// FunctionClasses returns the lines of a summary table's function part (表一
// or 表四) that 本年支出构成 lists: the function classes (类, 3-digit code, or
// a line without a code at level 1) whose total is not zero at two places,
// in the table's order.
func FunctionClasses(lines []FundLine) []FundLine {
	var out []FundLine
	for _, l := range lines {
		if l.Code != "" && len(l.Code) != 3 || l.Code == "" && l.Level > 1 {
			continue // a 款 or 项 line
		}
		if l.Total.IsBlank() || l.Total.Decimal().Round(2).IsZero() {
			continue
		}
		out = append(out, l)
	}
	return out
}

// Shares returns each value's share of their sum in percent with two
// decimals, such that the shares add up to exactly 100.00: every share is
// first rounded down to 0.01, and the hundredths still missing go to the
// shares with the largest remainders (the earlier one on a tie). Values must
// not be negative; with a zero sum every share is 0.
func Shares(vals []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(vals))
	sum := decimal.Zero
	for _, v := range vals {
		sum = sum.Add(v)
	}
	if len(vals) == 0 || !sum.IsPositive() {
		for i := range out {
			out[i] = decimal.Zero
		}
		return out
	}
	const units = 10000 // hundredths of a percent in 100%
	type rem struct {
		i int
		r decimal.Decimal
	}
	rems := make([]rem, len(vals))
	given := int64(0)
	for i, v := range vals {
		exact := v.Mul(decimal.NewFromInt(units)).DivRound(sum, 12) // in 0.01%
		fl := exact.Floor()
		out[i] = fl
		given += fl.IntPart()
		rems[i] = rem{i, exact.Sub(fl)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.Cmp(rems[b].r) > 0 })
	for k := 0; given < units && k < len(rems); k++ {
		out[rems[k].i] = out[rems[k].i].Add(decimal.NewFromInt(1))
		given++
	}
	for i := range out {
		out[i] = out[i].Shift(-2)
	}
	return out
}
