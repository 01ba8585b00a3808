package ledger

import (
	"sort"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// threePublic builds 表七 from the 一般公共预算 cells with a "三公" kind:
// they are cells of the main rounding, so a 公务接待费 printed in 表六
// (30217) and in 表七 comes from the same printed cells.
func (b *builder) threePublic() (*model.ThreePublicTable, model.ThreePublicRow) {
	sum := func(node, col int32) int64 { return b.get(aggKey{kThreePublic, node, col, 0}) }
	row := func(level model.Level, code, name string, node int32) model.ThreePublicRow {
		return model.ThreePublicRow{Level: level, UnitCode: code, UnitName: name,
			Total: b.amt(sum(node, 0)), Abroad: b.amt(sum(node, 1)), VehicleSubtotal: b.amt(sum(node, 5)),
			VehiclePurchase: b.amt(sum(node, 2)), VehicleOperation: b.amt(sum(node, 3)), Reception: b.amt(sum(node, 4))}
	}
	tt := &model.ThreePublicTable{}
	tot := row(model.LevelTotal, "", "合计", 0)
	tt.Rows = append(tt.Rows, tot)
	if b.r.id(aggKey{kThreePublic, 0, 0, 0}) >= 0 {
		section, dept := b.heads()
		if section != [2]string{} {
			tt.Rows = append(tt.Rows, row(model.LevelSection, section[0], section[1], 0))
		}
		tt.Rows = append(tt.Rows, row(model.LevelDepartment, dept[0], dept[1], 0))
		for u := range b.units {
			if b.r.id(aggKey{kThreePublic, 1 + int32(u), 0, 0}) >= 0 {
				tt.Rows = append(tt.Rows, row(model.LevelUnit, b.units[u].code, b.units[u].name, 1+int32(u)))
			}
		}
	}
	return tt, tot
}

// procurement builds 表九 from the lines with a 政府采购品目: one row per
// unit, project, item and measure unit, with a column per fund.
func (b *builder) procurement() (*model.ProcurementTable, model.ProcurementRow) {
	unitIdx := map[string]int32{}
	for i, u := range b.units {
		unitIdx[u.code] = int32(i)
	}
	type rowK struct {
		u                      int32
		project, item, measure string
	}
	type key struct {
		row  rowK
		fund Fund
	}
	cellIdx := map[key]int{}
	var keys []key
	var amounts []int64
	qty := map[rowK]decimal.Decimal{}
	hasQty := map[rowK]bool{}
	for i := range b.l.Lines {
		ln := &b.l.Lines[i]
		if ln.ProcItem == "" {
			continue
		}
		rk := rowK{unitIdx[ln.UnitCode], ln.Project, ln.ProcItem, ln.MeasureUnit}
		k := key{rk, ln.Fund}
		c, ok := cellIdx[k]
		if !ok {
			c = len(keys)
			cellIdx[k] = c
			keys = append(keys, k)
			amounts = append(amounts, 0)
		}
		amounts[c] += ln.Amount
		if ln.ProcQty != "" {
			if q, err := decimal.NewFromString(ln.ProcQty); err == nil {
				qty[rk] = qty[rk].Add(q)
				hasQty[rk] = true
			}
		}
	}
	var rows []rowK
	rowIdx := map[rowK]int32{}
	for _, k := range keys {
		if _, ok := rowIdx[k.row]; !ok {
			rowIdx[k.row] = 0
			rows = append(rows, k.row)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		x, y := rows[i], rows[j]
		if x.u != y.u {
			return x.u < y.u
		}
		if x.project != y.project {
			return x.project < y.project
		}
		if x.item != y.item {
			return x.item < y.item
		}
		return x.measure < y.measure
	})
	for i, rk := range rows {
		rowIdx[rk] = int32(i)
	}
	r := newRounder(b.unit, amounts)
	for i, k := range keys {
		ri := rowIdx[k.row]
		r.sibling(i, 0, uint64(ri))
		r.sibling(i, 1, uint64(k.fund))
		for _, c := range []int32{0, 1 + int32(k.fund)} {
			r.add(aggKey{1, ri, 0, c}, i)      // detail row
			r.add(aggKey{0, 0, 0, c}, i)       // 合计
			r.add(aggKey{2, k.row.u, 0, c}, i) // unit
		}
	}
	r.solve()
	sum := func(k aggKey) int64 {
		id := r.id(k)
		if id < 0 {
			return 0
		}
		var s int64
		for _, i := range r.aggCells(id) {
			s += r.value(int(i))
		}
		return s
	}
	fill := func(row *model.ProcurementRow, kind uint8, a int32) {
		g := func(c int32) model.Amount { return b.blankZero(sum(aggKey{kind, a, 0, c})) }
		row.Total = b.amt(sum(aggKey{kind, a, 0, 0}))
		row.General, row.GovFund, row.StateCapital, row.SpecialAccount, row.UnitFunds = g(1), g(2), g(3), g(4), g(5)
	}
	pt := &model.ProcurementTable{Rows: []model.ProcurementRow{}}
	if len(rows) == 0 {
		return pt, model.ProcurementRow{Total: b.amt(0)}
	}
	tot := model.ProcurementRow{Level: model.LevelTotal, UnitName: "合计"}
	fill(&tot, 0, 0)
	pt.Rows = append(pt.Rows, tot)
	section, dept := b.heads()
	if section != [2]string{} {
		row := model.ProcurementRow{Level: model.LevelSection, UnitCode: section[0], UnitName: section[1]}
		fill(&row, 0, 0)
		pt.Rows = append(pt.Rows, row)
	}
	drow := model.ProcurementRow{Level: model.LevelDepartment, UnitCode: dept[0], UnitName: dept[1]}
	fill(&drow, 0, 0)
	pt.Rows = append(pt.Rows, drow)
	last := int32(-1)
	for i, rk := range rows {
		u := b.units[rk.u]
		if b.multi && rk.u != last {
			row := model.ProcurementRow{Level: model.LevelUnit, UnitCode: u.code, UnitName: u.name}
			fill(&row, 2, rk.u)
			pt.Rows = append(pt.Rows, row)
			last = rk.u
		}
		row := model.ProcurementRow{Level: model.LevelDetail, UnitCode: u.code, UnitName: u.name, Project: rk.project, Item: rk.item, MeasureUnit: rk.measure}
		if hasQty[rk] {
			row.Quantity = model.A(qty[rk])
		}
		fill(&row, 1, int32(i))
		pt.Rows = append(pt.Rows, row)
	}
	return pt, tot
}
