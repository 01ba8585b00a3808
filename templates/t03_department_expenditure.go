package templates

import "gongkai/model"

// formT03 is 表三 部门支出总表 (spec §4.3, [SEED-23]): unit code and
// name first, then the function item; the item name column is printed
// 科目名称 (the seed's header swaps columns 2 and 4, the data does not).
// Zeros print as empty cells. The 一体化 category scheme has a two-row
// header (运转类项目支出 over 公用经费 and 其他运转类); the older
// basic/project scheme (基本支出, 项目支出) a one-row header.
func formT03(scheme string) form { return expenditureForm(model.T03, scheme, true) }
