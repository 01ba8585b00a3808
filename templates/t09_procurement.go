package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT09 is 表九 政府采购预算表 (spec §4.9, [GUESS]): the leaf columns span
// both header rows, 采购预算金额 spans the six fund columns, and the
// column-number row 1…12 follows.
var formT09 = form{
	id: model.T09,
	columns: []layout.Column{
		col("unit_code", layout.KindCode, wCode),
		col("unit_name", layout.KindText, wUnitName),
		col("project", layout.KindText, 10),
		col("item", layout.KindText, 7),
		col("measure_unit", layout.KindText, 3),
		col("quantity", layout.KindNumber, 4),
		col("total", layout.KindAmount, wAmount),
		col("general", layout.KindAmount, wAmount),
		col("gov_fund", layout.KindAmount, wAmount),
		col("state_capital", layout.KindAmount, wAmount),
		col("special_account", layout.KindAmount, wAmount),
		col("unit_funds", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 2, 1, "单位编码"), hc(1, 2, 2, 1, "单位名称"), hc(1, 3, 2, 1, "项目名称"),
		hc(1, 4, 2, 1, "采购品目"), hc(1, 5, 2, 1, "计量单位"), hc(1, 6, 2, 1, "采购数量"),
		hc(1, 7, 1, 6, "采购预算金额"),
		hc(2, 7, 1, 1, "合计"), hc(2, 8, 1, 1, "一般公共预算"), hc(2, 9, 1, 1, "政府性基金预算"),
		hc(2, 10, 1, 1, "国有资本经营预算"), hc(2, 11, 1, 1, "财政专户管理资金"), hc(2, 12, 1, 1, "单位资金"),
	},
	headerRows: 2,
	numberRow:  true,
	nameCol:    1,
}

// procurement lays out 表九; zero amounts print as empty cells and the
// quantity prints as stated.
func (b builder) procurement(t *model.ProcurementTable) layout.Sheet {
	var data []model.ProcurementRow
	var note string
	if t != nil {
		data, note = t.Rows, t.Note
	}
	const z = false
	return rows(b, formT09, t != nil, data, note, func(r model.ProcurementRow) layout.Row {
		return unitRow(r.Level,
			layout.TextCell(r.UnitCode), layout.TextCell(b.unitName(r.Level, r.UnitName)),
			layout.TextCell(r.Project), layout.TextCell(r.Item), layout.TextCell(r.MeasureUnit), number(r.Quantity),
			amount(r.Total, z), amount(r.General, z), amount(r.GovFund, z),
			amount(r.StateCapital, z), amount(r.SpecialAccount, z), amount(r.UnitFunds, z))
	})
}
