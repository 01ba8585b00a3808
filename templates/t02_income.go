package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT02 is 表二 部门收入总表 (spec §4.2, [GUESS]): unit-based like 表三,
// one column per income source, with the column-number row 1…10.
var formT02 = form{
	id: model.T02,
	columns: []layout.Column{
		col("unit_code", layout.KindCode, wCode),
		col("unit_name", layout.KindText, wUnitName),
		col("total", layout.KindAmount, wAmount),
		col("subtotal", layout.KindAmount, wAmount),
		col("general", layout.KindAmount, wAmount),
		col("gov_fund", layout.KindAmount, wAmount),
		col("state_capital", layout.KindAmount, wAmount),
		col("special_account", layout.KindAmount, wAmount),
		col("unit_funds", layout.KindAmount, wAmount),
		col("carryover", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 2, 1, "单位编码"), hc(1, 2, 2, 1, "单位名称"), hc(1, 3, 2, 1, "总计"),
		hc(1, 4, 1, 6, "本年收入"), hc(1, 10, 2, 1, "上年结余结转"),
		hc(2, 4, 1, 1, "小计"), hc(2, 5, 1, 1, "一般公共预算"), hc(2, 6, 1, 1, "政府性基金预算"),
		hc(2, 7, 1, 1, "国有资本经营预算"), hc(2, 8, 1, 1, "财政专户管理资金"), hc(2, 9, 1, 1, "单位资金"),
	},
	headerRows: 2,
	numberRow:  true,
	nameCol:    1,
}

// income lays out 表二; zeros print as empty cells, as in 表三.
func (b builder) income(t *model.IncomeTable) layout.Sheet {
	var data []model.IncomeRow
	var note string
	if t != nil {
		data, note = t.Rows, t.Note
	}
	const z = false
	return rows(b, formT02, t != nil, data, note, func(r model.IncomeRow) layout.Row {
		return unitRow(r.Level,
			layout.TextCell(r.UnitCode), layout.TextCell(b.unitName(r.Level, r.UnitName)),
			amount(r.Total, z), amount(r.Subtotal, z), amount(r.General, z), amount(r.GovFund, z),
			amount(r.StateCapital, z), amount(r.SpecialAccount, z), amount(r.UnitFunds, z), amount(r.Carryover, z))
	})
}
