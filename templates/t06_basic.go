package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT06 is 表六 一般公共预算基本支出表 (spec §4.6, [SEED-23]): no
// column-number row.
var formT06 = form{
	id: model.T06,
	columns: []layout.Column{
		col("code", layout.KindCode, wCode),
		col("name", layout.KindText, wFuncName),
		col("total", layout.KindAmount, wAmount),
		col("personnel", layout.KindAmount, wAmount),
		col("public", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 1, 2, "部门预算支出经济分类科目"), hc(1, 3, 1, 3, "本年一般公共预算基本支出"),
		hc(2, 1, 1, 1, "科目编码"), hc(2, 2, 1, 1, "科目名称"),
		hc(2, 3, 1, 1, "合计"), hc(2, 4, 1, 1, "人员经费"), hc(2, 5, 1, 1, "公用经费"),
	},
	headerRows: 2,
	nameCol:    1,
}

// basic lays out 表六: every zero prints 0.00, and the 合计 and 类 (301,
// 302 …) rows are bold.
func (b builder) basic(t *model.BasicTable) layout.Sheet {
	var data []model.BasicRow
	var note string
	if t != nil {
		data, note = t.Rows, t.Note
	}
	const z = true
	return rows(b, formT06, t != nil, data, note, func(r model.BasicRow) layout.Row {
		lr := unitRow(r.Level,
			layout.TextCell(r.Code), layout.TextCell(b.unitName(r.Level, r.Name)),
			amount(r.Total, z), amount(r.Personnel, z), amount(r.Public, z))
		if r.Level == model.LevelClass {
			lr.Emphasis = layout.Bold
		}
		return lr
	})
}
