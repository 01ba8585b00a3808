package check

// Read-only access to the embedded classification catalog, for importers
// that build tables (importer/ledger) and need the names and rules the
// checks use, so that the catalog lives in one place.

// FunctionName returns the catalog name of a function code: a 类 (3
// digits), or a 款 (5) or 项 (7) when the embedded sample has it.
func FunctionName(code string) (string, bool) {
	n, ok := catalog().funcName[code]
	return n, ok
}

// EconomicName returns the name of a 部门预算支出经济分类 code (3xx 类,
// 3xxxx 款) or of a 政府预算支出经济分类 code (5xx, 5xxxx).
func EconomicName(code string) (string, bool) {
	c := catalog()
	if n, ok := c.dept[code]; ok {
		return n, true
	}
	n, ok := c.gov[code]
	return n, ok
}

// GovEconomic maps a 部门预算支出经济分类 款 to its 政府预算支出经济分类 款
// (附表1 两套支出经济分类科目对照表). agency is true for 机关 (行政单位 and
// 参照公务员法管理的事业单位), false for other 事业单位: the mapping depends
// on the unit type.
func GovEconomic(dept string, agency bool) (string, bool) {
	m, ok := catalog().econMap[dept]
	if !ok {
		return "", false
	}
	if agency {
		return m[0], m[0] != ""
	}
	return m[1], m[1] != ""
}

// FundAllows reports whether a function 类 may carry money of a fund:
// fund is one of the model.Income* keys general, gov_fund, state_capital.
// 一般公共预算 excludes 209, 223 and 234; 政府性基金预算 uses 206, 207, 208,
// 211–216, 220 and 229–234; 国有资本经营预算 uses 223 and 230. Other funds
// (财政专户, 单位资金) may use any 类.
func FundAllows(fund, class string) bool {
	switch fund {
	case "general":
		return !notGeneralClasses[class]
	case "gov_fund":
		return govFundClasses[class]
	case "state_capital":
		return class == "223" || class == "230"
	}
	return true
}
