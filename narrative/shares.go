package narrative

import (
	"github.com/shopspring/decimal"

	"gongkai/model"
)

// functionShares lists 本年支出构成: every function class (类) of 表一 (or
// 表四) with an amount other than zero, in the table's order, with its
// share of their sum (model.Shares: largest remainder, adding up to 100.00,
// as the ledger builder states them in budget.json). Without a summary table, the classes the narrative
// states are listed with recomputed shares.
func functionShares(d *model.Disclosure, n *model.Narrative, tAmt, nAmt func(model.Amount) Figure) []Share {
	var out []Share
	st := d.Tables.T01
	if st == nil || len(st.Functions) == 0 {
		st = d.Tables.T04
	}
	if st != nil && len(st.Functions) > 0 {
		for _, l := range model.FunctionClasses(st.Functions) {
			out = append(out, Share{Code: l.Code, Name: l.Name, Amount: tAmt(l.Total)})
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
	for i, p := range model.Shares(vals) {
		out[i].Percent = Figure{Known: true, Value: p, Places: 2}
	}
	return out
}
