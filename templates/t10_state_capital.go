package templates

import "gongkai/model"

// formT10 is 表十 国有资本经营预算支出表 (spec §4.10, [GUESS]): the grid of
// 表五.
// Zeros print as empty cells. The 一体化 category scheme has a two-row
// header (运转类项目支出 over 公用经费 and 其他运转类); the older
// basic/project scheme (基本支出, 项目支出) a one-row header.
func formT10(scheme string) form { return expenditureForm(model.T10, scheme, false) }
