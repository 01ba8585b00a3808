package ledger

import (
	"gongkai/model"
)

// carryOvers checks the lines of the 收入 sheet and sums them by unit and
// fund into the cells the rounder rounds with the spending: the carry-overs
// (上年结转), and where a 本年收入 is stated, what income and carry-over give
// beyond the spending (结转下年). Every problem is reported, each at its
// 收入 row: a unit without spending, a negative carry-over; without a
// stated income, a carry-over of a fund the unit does not spend or one
// larger than the unit's spending of the fund; with one, income and
// carry-over that together fall short of the spending. A unit with a line
// Read could not parse (Ledger.unparsed) is not judged: the missing line
// might have been its spending.
func (b *builder) carryOvers() error {
	if len(b.l.Carryovers) == 0 {
		return nil
	}
	unitIdx := map[string]int{}
	for i, u := range b.units {
		unitIdx[u.code] = i
	}
	judged := func(code string) bool { return !b.l.unparsed[""] && !b.l.unparsed[code] }
	nu := len(b.units)
	exactC := make([][nFunds]int64, nu)
	exactE := make([][nFunds]int64, nu)
	exactI := make([][nFunds]int64, nu) // stated 本年收入
	hasI := make([][nFunds]bool, nu)
	firstC := make([][nFunds]int, nu) // 1 + index of the first carry-over
	for i, k := range b.cells {
		exactE[k.unit][k.fund] += b.amount[i]
	}
	var errs model.ParseErrors
	var sizes amountSizes
	for i := range b.l.Carryovers {
		c := &b.l.Carryovers[i]
		if sizes.add(c.Amount) || sizes.add(c.Income) {
			errs = append(errs, b.l.carryErr(i, sizes.err("收入表")))
		}
		if sizes.over {
			continue
		}
		if c.Fund >= nFunds {
			errs = append(errs, b.l.carryErr(i, fmtBad(model.ErrBadValue, "上年结转的资金性质无效")))
			continue
		}
		if c.Amount < 0 {
			errs = append(errs, b.l.carryErr(i, fmtBad(model.ErrBadValue, "上年结转不能为负数：单位 %s %s上年结转 %s 元", c.UnitCode, c.Fund, yuan(c.Amount))))
			continue
		}
		u, ok := unitIdx[c.UnitCode]
		if !ok {
			if judged(c.UnitCode) {
				errs = append(errs, b.l.carryErr(i, fmtBad(model.ErrBadValue, "收入表中的单位 %s 在支出明细中没有支出", c.UnitCode)))
			}
			continue
		}
		exactC[u][c.Fund] += c.Amount
		if c.HasIncome {
			exactI[u][c.Fund] += c.Income
			hasI[u][c.Fund] = true
		}
		if firstC[u][c.Fund] == 0 {
			firstC[u][c.Fund] = i + 1
		}
	}
	for u := 0; u < nu; u++ {
		for s := Fund(0); s < nFunds; s++ {
			x := exactC[u][s]
			if !judged(b.units[u].code) {
				continue
			}
			if hasI[u][s] {
				fwd := exactI[u][s] + x - exactE[u][s]
				if fwd < 0 {
					errs = append(errs, b.l.carryErr(firstC[u][s]-1, fmtBad(model.ErrBadValue, "单位 %s %s本年收入 %s 元与上年结转 %s 元合计少于其%s支出 %s 元：收入不足以安排支出（不写本年收入时，本年收入按支出减上年结转计算）",
						b.units[u].code, s, yuan(exactI[u][s]), yuan(x), s, yuan(exactE[u][s]))))
					continue
				}
				if x > 0 {
					b.carry = append(b.carry, carryCell{unit: int32(u), fund: s, amount: x, pos: b.l.Carryovers[firstC[u][s]-1].Pos})
				}
				if fwd > 0 {
					b.fwd = append(b.fwd, carryCell{unit: int32(u), fund: s, amount: fwd, pos: b.l.Carryovers[firstC[u][s]-1].Pos})
				}
				continue
			}
			if x == 0 {
				continue
			}
			switch {
			case exactE[u][s] <= 0:
				errs = append(errs, b.l.carryErr(firstC[u][s]-1, fmtBad(model.ErrBadValue, "单位 %s %s没有%s支出，不能有%s上年结转（%s 元）：上年结转是本年支出中由上年资金安排的部分",
					b.units[u].code, b.units[u].name, s, s, yuan(x))))
				continue
			case x > exactE[u][s]:
				errs = append(errs, b.l.carryErr(firstC[u][s]-1, fmtBad(model.ErrBadValue, "单位 %s %s上年结转 %s 元超过其%s支出 %s 元：上年结转是本年支出中由上年资金安排的部分，不能大于支出",
					b.units[u].code, s, yuan(x), s, yuan(exactE[u][s]))))
				continue
			}
			b.carry = append(b.carry, carryCell{unit: int32(u), fund: s, amount: x, pos: b.l.Carryovers[firstC[u][s]-1].Pos})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// income builds 表二 and the income blocks of 表一 and 表四. Income by
// source is the spending of each fund; a carry-over line of the 收入 sheet
// moves part of a unit's fund from 本年收入 to 上年结余结转. The carry-overs
// are cells of the controlled rounding (carryOvers), so every printed
// income and carry-over total is within one unit of its exact value and
// adds up like the rest.
func (b *builder) income(ts *model.Tables) (*model.IncomeTable, error) {
	nu := len(b.units)
	printedE := make([][nFunds]int64, nu)
	printedC := make([][nFunds]int64, nu)
	for k, c := range b.carry {
		printedC[c.unit][c.fund] = -b.r.value(len(b.cells) + k)
	}
	for u := 0; u < nu; u++ {
		for s := Fund(0); s < nFunds; s++ {
			// spending = this year's income + carry-over
			printedE[u][s] = b.get(aggKey{kIncome, int32(1 + u), int32(s), 0}) + printedC[u][s]
		}
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
