package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// formT04 is 表四 财政拨款收支总表, printed 财政拨款收支预算总表 (spec §4.4,
// [SEED-23]): 12 columns, income | by function (合计 and three funds) | by
// category and economic class (合计 and three funds); no column-number row.
// "国有资本经营" is printed without 预算, as in the seed.
var formT04 = form{
	id: model.T04,
	columns: []layout.Column{
		col("income_item", layout.KindText, 16),
		col("income_amount", layout.KindAmount, wAmount),
		col("function_item", layout.KindText, 13),
		col("function_total", layout.KindAmount, wAmount),
		col("function_general", layout.KindAmount, wAmount),
		col("function_gov_fund", layout.KindAmount, wAmount),
		col("function_state_capital", layout.KindAmount, wAmount),
		col("class_item", layout.KindText, 12),
		col("class_total", layout.KindAmount, wAmount),
		col("class_general", layout.KindAmount, wAmount),
		col("class_gov_fund", layout.KindAmount, wAmount),
		col("class_state_capital", layout.KindAmount, wAmount),
	},
	header: []layout.HeaderCell{
		hc(1, 1, 1, 2, "收 入"), hc(1, 3, 1, 10, "支 出"),
		hc(2, 1, 1, 1, "项目"), hc(2, 2, 1, 1, "预算数"), hc(2, 3, 1, 1, "项目（按支出功能分类）"),
		hc(2, 4, 1, 1, "合计"), hc(2, 5, 1, 1, "一般公共预算"), hc(2, 6, 1, 1, "政府性基金预算"), hc(2, 7, 1, 1, "国有资本经营"),
		hc(2, 8, 1, 1, "项目"),
		hc(2, 9, 1, 1, "合计"), hc(2, 10, 1, 1, "一般公共预算"), hc(2, 11, 1, 1, "政府性基金预算"), hc(2, 12, 1, 1, "国有资本经营"),
	},
	headerRows: 2,
	nameCol:    0,
}
