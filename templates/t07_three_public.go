package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT07 is 表七 一般公共预算“三公”经费支出表 (spec §4.7, variant A,
// [GUESS]): unit-based, the vehicle costs split into 购置 and 运行, with the
// column-number row 1…8.
var formT07 = form{
	id: model.T07,
	columns: []layout.Column{
		col("unit_code", layout.KindCode, wCode),
		col("unit_name", layout.KindText, wUnitName),
		col("total", layout.KindAmount, wAmount),
		col("abroad", layout.KindAmount, wAmount+1),
		col("vehicle_subtotal", layout.KindAmount, wAmount),
		col("vehicle_purchase", layout.KindAmount, wAmount+1),
		col("vehicle_operation", layout.KindAmount, wAmount+1),
		col("reception", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 2, 1, "单位编码"), hc(1, 2, 2, 1, "单位名称"), hc(1, 3, 2, 1, "合计"),
		hc(1, 4, 2, 1, "因公出国（境）费"), hc(1, 5, 1, 3, "公务用车购置及运行费"), hc(1, 8, 2, 1, "公务接待费"),
		hc(2, 5, 1, 1, "小计"), hc(2, 6, 1, 1, "公务用车购置费"), hc(2, 7, 1, 1, "公务用车运行费"),
	},
	headerRows: 2,
	numberRow:  true,
	nameCol:    1,
}

// threePublic lays out 表七. Zeros print 0.00: a department without 三公
// money shows that it has none (spec §6: "print zeros; add no note").
func (b builder) threePublic(t *model.ThreePublicTable) layout.Sheet {
	var data []model.ThreePublicRow
	var note string
	if t != nil {
		data, note = t.Rows, t.Note
	}
	const z = true
	return rows(b, formT07, t != nil, data, note, func(r model.ThreePublicRow) layout.Row {
		return unitRow(r.Level,
			layout.TextCell(r.UnitCode), layout.TextCell(b.unitName(r.Level, r.UnitName)),
			amount(r.Total, z), amount(r.Abroad, z), amount(r.VehicleSubtotal, z),
			amount(r.VehiclePurchase, z), amount(r.VehicleOperation, z), amount(r.Reception, z))
	})
}
