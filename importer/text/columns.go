package text

import (
	"fmt"
	"strings"

	"gongkai/model"
)

// Column fields of the unit-based tables (表二、三、五、六、七、八、九、十).
const (
	fUnitCode  = "unit_code"
	fUnitName  = "unit_name"
	fFuncCode  = "func_code"
	fFuncName  = "func_name"
	fCode      = "code"
	fName      = "name"
	fTotal     = "total"
	fPersonnel = "personnel"
	fPublic    = "public"
	fOtherOp   = "other_operating"
	fSpecific  = "specific"
	fBasic     = "basic"
	fProject   = "project"
	fSubtotal  = "subtotal"
	fGeneral   = "general"
	fGovFund   = "gov_fund"
	fStateCap  = "state_capital"
	fSpecial   = "special_account"
	fUnitFunds = "unit_funds"
	fCarryover = "carryover"
	fAbroad    = "abroad"
	fVehSub    = "vehicle_subtotal"
	fVehPur    = "vehicle_purchase"
	fVehOp     = "vehicle_operation"
	fOpCosts   = "operating_costs" // 机关运行经费 in a 三公 table: a figure, not a row field
	fReception = "reception"
	fProjName  = "project_name"
	fItem      = "item"
	fMeasure   = "measure_unit"
	fQuantity  = "quantity"
)

func isTextField(f string) bool {
	switch f {
	case fUnitCode, fUnitName, fFuncCode, fFuncName, fCode, fName, fProjName, fItem, fMeasure:
		return true
	}
	return false
}

func isCodeField(f string) bool { return f == fUnitCode || f == fFuncCode || f == fCode }

// mapColumns maps header leaves to fields by their words, not by position.
// A name column takes the kind of the code column just left of it, whatever
// its header says (the 2023 表三 header swaps 单位名称 and 科目名称, the data
// do not); such a disagreement is reported as P6.
func (p *parser) mapColumns(id model.TableID, leaves []string, line int, report bool) []string {
	fields := make([]string, len(leaves))
	for c, l := range leaves {
		l = compact(l)
		f := ""
		switch id {
		case model.T06:
			switch {
			case hasAny(l, "编码", "代码"):
				f = fCode
			case hasAny(l, "名称") || l == "科目":
				f = fName
			case hasAny(l, "合计", "总计"):
				f = fTotal
			case hasAny(l, "人员经费"):
				f = fPersonnel
			case hasAny(l, "公用经费"):
				f = fPublic
			}
		default:
			f = codeNameField(l)
			if f == "" {
				f = amountField(id, l)
			}
		}
		fields[c] = f
	}
	// names follow their code column
	for c := 1; c < len(fields); c++ {
		want := ""
		switch fields[c-1] {
		case fUnitCode:
			want = fUnitName
		case fFuncCode:
			want = fFuncName
		}
		if want == "" || (fields[c] != fUnitName && fields[c] != fFuncName) || fields[c] == want {
			continue
		}
		if report {
			p.finding(model.SeverityInfo, "P6", "", line, fmt.Sprintf("%s表头第%d列写作“%s”，但位于“%s”之后；按数据顺序读作%s", id.Number(), c+1, leaves[c], leaves[c-1], fieldChinese(want)))
		}
		fields[c] = want
	}
	return fields
}

func fieldChinese(f string) string {
	if f == fUnitName {
		return "单位名称"
	}
	return "科目名称"
}

func codeNameField(l string) string {
	switch {
	case hasAny(l, "计量单位"):
		return fMeasure
	case hasAny(l, "项目名称"):
		return fProjName
	case hasAny(l, "品目"):
		return fItem
	case hasAny(l, "编码", "代码") && hasAny(l, "科目", "功能"):
		return fFuncCode
	case hasAny(l, "编码", "代码"):
		return fUnitCode
	case hasAny(l, "名称") && hasAny(l, "科目", "功能"):
		return fFuncName
	case hasAny(l, "名称"):
		return fUnitName
	case l == "单位" || l == "预算单位":
		return fUnitName
	case l == "科目" || l == "功能科目":
		return fFuncName
	}
	return ""
}

func amountField(id model.TableID, l string) string {
	switch id {
	case model.T02:
		switch {
		case hasAny(l, "总计"):
			return fTotal
		case hasAny(l, "小计", "本年收入", "合计"):
			if hasAny(l, "合计") && !hasAny(l, "本年") {
				return fTotal
			}
			return fSubtotal
		case hasAny(l, "一般公共预算"):
			return fGeneral
		case hasAny(l, "政府性基金"):
			return fGovFund
		case hasAny(l, "国有资本"):
			return fStateCap
		case hasAny(l, "财政专户"):
			return fSpecial
		case hasAny(l, "单位资金"):
			return fUnitFunds
		case hasAny(l, "结余", "结转"):
			return fCarryover
		}
	case model.T07:
		// a PDF may glue a group's text to its child's (公务用车购置及运行费购置费):
		// the child names the column
		for _, parent := range []string{"购置及运行费", "购置和运行费", "购置及运行维护费"} {
			if _, rest, ok := strings.Cut(l, parent); ok && rest != "" {
				l = rest
			}
		}
		switch {
		case hasAny(l, "机关运行经费"):
			return fOpCosts // Shanghai 表9 prints it beside the 三公 items
		case hasAny(l, "合计", "总计"):
			return fTotal
		case hasAny(l, "出国", "出境"):
			return fAbroad
		case hasAny(l, "小计", "购置及运行", "购置和运行"):
			return fVehSub
		case hasAny(l, "购置"):
			return fVehPur
		case hasAny(l, "运行", "维护"):
			return fVehOp
		case hasAny(l, "接待"):
			return fReception
		}
	case model.T09:
		switch {
		case hasAny(l, "数量"):
			return fQuantity
		case hasAny(l, "合计", "总计", "采购预算金额", "采购金额"):
			return fTotal
		case hasAny(l, "一般公共预算"):
			return fGeneral
		case hasAny(l, "政府性基金"):
			return fGovFund
		case hasAny(l, "国有资本"):
			return fStateCap
		case hasAny(l, "财政专户"):
			return fSpecial
		case hasAny(l, "单位资金"):
			return fUnitFunds
		}
	default: // 表三、五、八、十
		switch {
		case hasAny(l, "总计", "合计"):
			return fTotal
		case hasAny(l, "人员类", "人员经费"):
			return fPersonnel
		case hasAny(l, "公用经费"):
			return fPublic
		case hasAny(l, "其他运转"):
			return fOtherOp
		case hasAny(l, "特定目标"):
			return fSpecific
		case hasAny(l, "基本支出"):
			return fBasic
		case hasAny(l, "项目支出"):
			return fProject
		}
	}
	return ""
}

// parentChildren: header groups whose children are printed in a lower row.
// In one-cell-per-line text the children come after all top-row cells; they
// are moved back under their parent.
var parentChildren = []struct {
	parent   string
	children []string
}{
	{"运转类项目支出", []string{"公用经费", "其他运转"}},
	{"本年收入", []string{"小计", "一般公共预算", "政府性基金", "国有资本", "财政专户", "单位资金"}},
	{"公务用车购置及运行", []string{"小计", "购置费", "运行费", "运行维护费"}},
	{"采购预算金额", []string{"合计", "一般公共预算", "政府性基金", "国有资本", "财政专户", "单位资金"}},
	{"本年一般公共预算基本支出", []string{"合计", "人员经费", "公用经费"}},
	{"部门预算支出经济分类科目", []string{"科目编码", "科目名称"}},
	{"经济分类科目", []string{"科目编码", "科目名称"}},
}

// leavesFromCells turns the header cells of a one-cell-per-line table into
// leaf columns in grid order.
func leavesFromCells(cells []string) []string {
	out := append([]string(nil), cells...)
	for _, pc := range parentChildren {
		pos := -1
		for i, c := range out {
			if strings.HasPrefix(c, pc.parent) {
				pos = i
				break
			}
		}
		if pos < 0 {
			continue
		}
		var kids []string
		rest := append([]string(nil), out[:pos]...)
		for i := pos + 1; i < len(out); i++ {
			c := out[i]
			isKid := false
			// children come after the parent's siblings: only cells after
			// the first cell that is not a plain top-row title count
			for _, w := range pc.children {
				if strings.Contains(c, w) && !strings.HasPrefix(c, pc.parent) {
					isKid = true
				}
			}
			if isKid && i > pos {
				kids = append(kids, c)
			} else {
				rest = append(rest, c)
			}
		}
		// rest holds everything but the parent and its children, in order;
		// insert the children at the parent's position
		res := append([]string(nil), rest[:pos]...)
		res = append(res, kids...)
		res = append(res, rest[pos:]...)
		out = res
	}
	return out
}
