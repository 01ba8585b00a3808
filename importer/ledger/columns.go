package ledger

import (
	"strings"
)

// field is a ledger column.
type field int

const (
	fUnitCode field = iota
	fUnitName
	fUnitType
	fFuncCode
	fFuncName
	fEconCode
	fEconName
	fCategory
	fFund
	fProject
	fThreePublic
	fProcItem
	fProcQty
	fMeasure
	fAmount
	nFields
)

// Headers is the exact header list of a ledger (docs/ledger-format.md), in
// the order the sample prints them. Columns may come in any order; unknown
// columns (备注 …) are ignored.
var Headers = [nFields]string{"单位编码", "单位名称", "单位类型", "功能科目编码", "功能科目名称", "经济科目编码", "经济科目名称",
	"支出类别", "资金性质", "项目名称", "三公类别", "政府采购品目", "采购数量", "计量单位", "金额"}

// aliases maps a normalised header to its field: the Chinese names, common
// variants and English names.
var aliases = func() map[string]field {
	m := map[string]field{}
	add := func(f field, names ...string) {
		for _, n := range names {
			m[normHeader(n)] = f
		}
	}
	add(fUnitCode, "单位编码", "单位代码", "预算单位编码", "unit_code", "unit code")
	add(fUnitName, "单位名称", "预算单位名称", "预算单位", "unit_name", "unit name")
	add(fUnitType, "单位类型", "单位性质", "unit_type", "unit type")
	add(fFuncCode, "功能科目编码", "功能科目代码", "功能分类科目编码", "支出功能分类科目编码", "功能分类编码", "function_code", "function code")
	add(fFuncName, "功能科目名称", "功能分类科目名称", "支出功能分类科目名称", "function_name", "function name")
	add(fEconCode, "经济科目编码", "经济科目代码", "经济分类科目编码", "部门预算支出经济分类科目编码", "部门经济分类编码", "economic_code", "economic code")
	add(fEconName, "经济科目名称", "经济分类科目名称", "部门预算支出经济分类科目名称", "economic_name", "economic name")
	add(fCategory, "支出类别", "项目类别", "支出类型", "category")
	add(fFund, "资金性质", "资金来源", "fund", "fund source")
	add(fProject, "项目名称", "project", "project name")
	add(fThreePublic, "三公类别", "三公经费类别", "三公经费", "three_public", "three public")
	add(fProcItem, "政府采购品目", "采购品目", "政府采购品目名称", "procurement_item", "procurement item")
	add(fProcQty, "采购数量", "数量", "quantity")
	add(fMeasure, "计量单位", "measure_unit", "measure unit")
	return m
}()

var required = []field{fUnitCode, fUnitName, fUnitType, fFuncCode, fEconCode, fCategory, fFund, fAmount}

var headerFolder = strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "", "*", "", "＊", "", "\t", "", "\n", "", "\r", "")

func normHeader(s string) string {
	return strings.ToLower(headerFolder.Replace(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))))
}

// amountHeader recognises the amount column: 金额, 金额（元）, 金额（万元）,
// amount, amount (yuan), amount (10k yuan). unit is 1 for 元 and 10000 for
// 万元 (in 元); ok is false for a header that is not the amount column;
// known is false for an amount column in a unit that is not known (千元).
func amountHeader(h string) (unit int64, ok, known bool) {
	n := normHeader(h)
	for _, p := range []string{"金额", "预算金额", "预算数", "amount"} {
		if n == p {
			return 1, true, true
		}
		if strings.HasPrefix(n, p+"(") && strings.HasSuffix(n, ")") {
			u := strings.TrimSuffix(strings.TrimPrefix(n, p+"("), ")")
			switch u {
			case "元", "yuan":
				return 1, true, true
			case "万元", "10kyuan", "10,000yuan", "wanyuan":
				return 10000, true, true
			}
			return 0, true, false
		}
	}
	return 0, false, false
}

// headerField returns the field of a header cell, or -1.
func headerField(h string) field {
	if _, ok, _ := amountHeader(h); ok {
		return fAmount
	}
	if f, ok := aliases[normHeader(h)]; ok {
		return f
	}
	return -1
}

// looksLikeHeader reports whether a row is a ledger header row: it names
// the amount and the function code columns and at least one more.
func looksLikeHeader(cells []string) bool {
	seen := map[field]bool{}
	for _, c := range cells {
		if f := headerField(c); f >= 0 {
			seen[f] = true
		}
	}
	return seen[fAmount] && seen[fFuncCode] && len(seen) >= 3
}
