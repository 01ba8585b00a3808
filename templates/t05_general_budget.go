package templates

import "gongkai/model"

// formT05 is 表五 一般公共预算支出表 (spec §4.5, [SEED-23]): function
// item first, then the unit.
// Zeros print as empty cells. The 一体化 category scheme has a two-row
// header (运转类项目支出 over 公用经费 and 其他运转类); the older
// basic/project scheme (基本支出, 项目支出) a one-row header.
func formT05(scheme string) form { return expenditureForm(model.T05, scheme, false) }
