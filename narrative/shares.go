package narrative

import (
	"sort"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// functionShares lists 本年支出构成: every function class (类) of 表一 (or
// 表四) with an amount other than zero, in the table's order, with its
// share of their sum. Without a summary table, the classes the narrative
// states are listed with recomputed shares.
func functionShares(d *model.Disclosure, n *model.Narrative, tAmt, nAmt func(model.Amount) Figure) []Share {
	var out []Share
	st := d.Tables.T01
	if st == nil || len(st.Functions) == 0 {
		st = d.Tables.T04
	}
	if st != nil && len(st.Functions) > 0 {
		for _, l := range st.Functions {
			code, name := l.Code, l.Name
			if code != "" && len(code) != 3 || code == "" && l.Level > 1 {
				continue // a 款 or 项 line
			}
			if l.Total.IsBlank() || l.Total.Decimal().Round(2).IsZero() {
				continue
			}
			out = append(out, Share{Code: code, Name: name, Amount: tAmt(l.Total)})
		}
	} else {
		for _, fs := range n.Expenditure.ByFunction {
			if fs.Amount.IsBlank() || fs.Amount.Decimal().Round(2).IsZero() {
				continue
			}
			out = append(out, Share{Name: fs.Name, Amount: nAmt(fs.Amount)})
		}
	}
	vals := make([]decimal.Decimal, len(out))
	for i := range out {
		vals[i] = out[i].Amount.Value
	}
	for i, p := range largestRemainder(vals) {
		out[i].Percent = Figure{Known: true, Value: p, Places: 2}
	}
	return out
}

// largestRemainder returns each value's share of their sum in percent with
// two decimals, such that the shares add up to exactly 100.00: every share
// is first rounded down to 0.01, and the hundredths still missing go to the
// shares with the largest remainders (the earlier one on a tie). Values must
// not be negative; with a zero sum every share is 0.
func largestRemainder(vals []decimal.Decimal) []decimal.Decimal {
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
