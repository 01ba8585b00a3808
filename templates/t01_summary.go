package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT01 is 表一 部门收支总表 (spec §4.1, [GUESS]): the 表四 layout with one
// amount column per block (income | by function | by category and economic
// class); no column-number row.
var formT01 = form{
	id: model.T01,
	columns: []layout.Column{
		col("income_item", layout.KindText, 16),
		col("income_amount", layout.KindAmount, wAmount),
		col("function_item", layout.KindText, 13),
		col("function_total", layout.KindAmount, wAmount),
		col("class_item", layout.KindText, 12),
		col("class_total", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 1, 2, "收 入"), hc(1, 3, 1, 4, "支 出"),
		hc(2, 1, 1, 1, "项目"), hc(2, 2, 1, 1, "预算数"),
		hc(2, 3, 1, 1, "项目（按支出功能分类）"), hc(2, 4, 1, 1, "预算数"),
		hc(2, 5, 1, 1, "项目"), hc(2, 6, 1, 1, "预算数"),
	},
	headerRows: 2,
	nameCol:    0,
}
