package ledger_test

import (
	"fmt"

	"gongkai/importer/ledger"
)

// A program that holds its budget lines in its own data builds a Ledger in
// code and calls Build, without a file: Build checks it as Read checks a
// file (Ledger.Validate). Every line sets UnitCode, UnitName, UnitType,
// FuncCode, EconCode, Category, Fund and Amount (in 分); Fund and Category
// have no "unset" value (0 is 一般公共预算 and 人员类), so set them on
// every line. A Carryover with HasIncome states the unit's 本年收入 from
// the fund: what income and 上年结转 give beyond the spending is 结转下年.
func ExampleBuild_inCode() {
	l := &ledger.Ledger{
		Info: ledger.Info{Department: "测试局", Year: 2027}, // Unit "" is 万元
		Lines: []ledger.Line{
			{UnitCode: "901001", UnitName: "测试局", UnitType: ledger.UnitAdmin, FuncCode: "2012601", FuncName: "行政运行",
				EconCode: "30101", Category: ledger.CatPersonnel, Fund: ledger.FundGeneral, Amount: 30_000_000}, // 300,000.00 元
			{UnitCode: "901001", UnitName: "测试局", UnitType: ledger.UnitAdmin, FuncCode: "2012601", FuncName: "行政运行",
				EconCode: "30201", Category: ledger.CatPublic, Fund: ledger.FundGeneral, Amount: 5_000_000},
			{UnitCode: "901001", UnitName: "测试局", UnitType: ledger.UnitAdmin, FuncCode: "2012602", FuncName: "一般行政管理事务",
				EconCode: "30217", Category: ledger.CatSpecific, Fund: ledger.FundGeneral, Amount: 120_000, Project: "接待"},
		},
		Carryovers: []ledger.Carryover{
			// 上年结转 50,000 元 and a stated 本年收入 of 320,000 元: 370,000
			// against 351,200 元 of spending leaves 18,800 元 结转下年.
			{UnitCode: "901001", Fund: ledger.FundGeneral, Amount: 5_000_000, Income: 32_000_000, HasIncome: true},
		},
	}
	d, _, err := ledger.Build(l, ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	n := d.Narrative
	t1 := d.Tables.T01
	fmt.Println("表三", d.Tables.T03.Rows[len(d.Tables.T03.Rows)-1].FuncCode, d.Tables.T03.Rows[len(d.Tables.T03.Rows)-1].FuncName)
	fmt.Println("支出", n.Expenditure.Total.Fixed(2), "机关运行经费", n.OperatingCosts.Total.Fixed(2), "公务接待费", n.ThreePublic.Reception.Fixed(2))
	fmt.Println("表一 本年收入", t1.IncomeTotal.Fixed(2), "上年结转", t1.Carryover.Fixed(2), "收入总计", t1.IncomeGrandTotal.Fixed(2))
	fmt.Println("表一 本年支出", t1.ExpenditureTotal.Total.Fixed(2), "结转下年", t1.CarryForward.Total.Fixed(2), "支出总计", t1.ExpenditureGrandTotal.Total.Fixed(2))
	// Output:
	// 表三 2012602 一般行政管理事务
	// 支出 35.12 机关运行经费 5.00 公务接待费 0.12
	// 表一 本年收入 32.00 上年结转 5.00 收入总计 37.00
	// 表一 本年支出 35.12 结转下年 1.88 支出总计 37.00
}

// Validate (and Build, which calls it first) holds a Ledger built in code
// to the rules Read applies to a file, every problem at once. A line
// without a Pos is named by its place in the value (Lines[1]); a Pos.Row
// without a file is the program's own numbering (第 12 行).
func ExampleLedger_Validate() {
	ok := ledger.Line{UnitCode: "901001", UnitName: "测试局", UnitType: ledger.UnitAdmin, FuncCode: "2012601",
		EconCode: "30101", Category: ledger.CatPersonnel, Fund: ledger.FundGeneral, Amount: 100}
	noType, govFund, shortUnit := ok, ok, ok
	noType.UnitType = 0                 // forgotten: 机关运行经费 would silently be 0
	govFund.Fund = ledger.FundGovFund   // 201 is not a 政府性基金预算 class
	shortUnit.UnitCode = "12"           // unit codes have 6 digits or more
	shortUnit.Pos = ledger.Pos{Row: 12} // the program's own row number
	l := &ledger.Ledger{
		Info:  ledger.Info{Department: "测试局", Year: 12, Unit: "千元"},
		Lines: []ledger.Line{ok, noType, govFund, shortUnit},
	}
	for _, pe := range l.Validate() {
		fmt.Println(pe)
	}
	// Output:
	// ledger.Ledger.Info.Year: 年度 12 应为 1990 至 2200 之间的四位年份，如 2027
	// ledger.Ledger.Info.Unit: 金额单位“千元”不认识：公开表只用“万元”或“元”
	// ledger.Ledger.Lines[1]: 单位类型未填（UnitType 为 0）：应为 UnitAdmin（行政）、UnitCivilLike（参公）或 UnitInstitution（事业）；机关运行经费按单位类型计算
	// ledger.Ledger.Lines[2]: 功能科目 2012601 属于 201一般公共服务支出，不能用“政府性基金预算”资金（资金性质与科目的类不符）
	// ledger.Ledger.Lines[3]（第 12 行）: 单位编码“12”只有 2 位，应为 6 位及以上
}
