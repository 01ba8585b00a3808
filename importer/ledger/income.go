package ledger

import (
	"gongkai/model"
)

// income builds 表二 and the income blocks of 表一 and 表四. Income by
// source is the spending of each fund; a carry-over line of the 收入 sheet
// moves part of a unit's fund from 本年收入 to 上年结余结转. Each printed
// carry-over is its exact value rounded toward the rounding of the unit's
// printed spending of that fund, so that the income printed beside it
// (spending − carry-over) is within one unit of its exact value too.
func (b *builder) income(ts *model.Tables) (*model.IncomeTable, error) {
	nu := len(b.units)
	unitIdx := map[string]int{}
	for i, u := range b.units {
		unitIdx[u.code] = i
	}
	exactC := make([][nFunds]int64, nu)
	firstC := make([][nFunds]*Pos, nu)
	var errs model.ParseErrors
	for i := range b.l.Carryovers {
		c := &b.l.Carryovers[i]
		u, ok := unitIdx[c.UnitCode]
		if !ok {
			errs = append(errs, posErr(c.Pos, fmtBad(model.ErrBadValue, "上年结转的单位 %s 在支出明细中没有支出", c.UnitCode)))
			continue
		}
		exactC[u][c.Fund] += c.Amount
		if firstC[u][c.Fund] == nil {
			firstC[u][c.Fund] = &c.Pos
		}
	}
	printedE := make([][nFunds]int64, nu)
	printedC := make([][nFunds]int64, nu)
	for u := 0; u < nu; u++ {
		for s := Fund(0); s < nFunds; s++ {
			k := aggKey{kIncome, int32(1 + u), int32(s), 0}
			printedE[u][s] = b.get(k)
			x := exactC[u][s]
			if x == 0 {
				continue
			}
			var exactE int64
			if id := b.r.id(k); id >= 0 {
				exactE = b.exact[id]
			}
			if x < 0 || x > exactE {
				errs = append(errs, posErr(*firstC[u][s], fmtBad(model.ErrBadValue, "单位 %s %s上年结转 %s 元超过其%s支出 %s 元（或为负数）",
					b.units[u].code, s, yuan(x), s, yuan(exactE))))
				continue
			}
			base := x / b.unit * b.unit
			if base != x && printedE[u][s] >= exactE {
				base += b.unit
			}
			printedC[u][s] = base
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	// 表二.
	it := &model.IncomeTable{Rows: []model.IncomeRow{}}
	row := func(level model.Level, code, name string, e, c [nFunds]int64) model.IncomeRow {
		var tot, sub, carry int64
		var in [nFunds]int64
		for s := range in {
			in[s] = e[s] - c[s]
			tot += e[s]
			sub += in[s]
			carry += c[s]
		}
		return model.IncomeRow{Level: level, UnitCode: code, UnitName: name,
			Total: b.amt(tot), Subtotal: b.amt(sub),
			General: b.blankZero(in[0]), GovFund: b.blankZero(in[1]), StateCapital: b.blankZero(in[2]),
			SpecialAccount: b.blankZero(in[3]), UnitFunds: b.blankZero(in[4]), Carryover: b.blankZero(carry)}
	}
	var te, tc [nFunds]int64
	for u := 0; u < nu; u++ {
		for s := range te {
			te[s] += printedE[u][s]
			tc[s] += printedC[u][s]
		}
	}
	it.Rows = append(it.Rows, row(model.LevelTotal, "", "合计", te, tc))
	section, dept := b.heads()
	if section != [2]string{} {
		it.Rows = append(it.Rows, row(model.LevelSection, section[0], section[1], te, tc))
	}
	it.Rows = append(it.Rows, row(model.LevelDepartment, dept[0], dept[1], te, tc))
	for u := 0; u < nu; u++ {
		it.Rows = append(it.Rows, row(model.LevelUnit, b.units[u].code, b.units[u].name, printedE[u], printedC[u]))
	}
	// 表一 and 表四 income blocks.
	for tab, st := range []*model.SummaryTable{ts.T01, ts.T04} {
		nf := int(nFunds)
		if tab == 1 {
			nf = 3
		}
		var inSum, cSum, eSum int64
		st.Income, st.CarryoverLines = nil, nil
		for s := 0; s < nf; s++ {
			in := te[s] - tc[s]
			inSum += in
			cSum += tc[s]
			eSum += te[s]
			st.Income = append(st.Income, model.IncomeLine{Key: incomeLabels[s].key, Label: cnNum[s] + "、" + incomeLabels[s].label, Amount: b.blankZero(in)})
			st.CarryoverLines = append(st.CarryoverLines, model.IncomeLine{Key: incomeLabels[s].key, Label: carryLabels[s], Amount: b.blankZero(tc[s])})
		}
		st.IncomeTotal = b.amt(inSum)
		st.Carryover = b.blankZero(cSum)
		st.IncomeGrandTotal = b.amt(eSum)
	}
	return it, nil
}
