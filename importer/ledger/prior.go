package ledger

import (
	"fmt"

	"gongkai/model"
)

// checkPriorYear refuses last year's data (Options.Prior) of another year
// than the year before the ledger's: the changes the narrative states
// would compare with the wrong year.
func checkPriorYear(l *Ledger, o Options) error {
	p := o.Prior
	if p == nil || p.Year == 0 || l.Info.Year == 0 || p.Year == l.Info.Year-1 {
		return nil
	}
	return &model.ParseError{File: priorName(o), Path: "year", Err: fmtBad(ErrPriorYear,
		"上年数据是 %d 年的，本年预算是 %d 年：上年数据应为 %d 年的明细或公开数据",
		p.Year, l.Info.Year, l.Info.Year-1)}
}

// priorWarnings warns of last year's data of another department (by name
// or code). It is a warning, not an error: a department renamed or
// renumbered by a reorganisation compares with its predecessor's budget.
func priorWarnings(l *Ledger, o Options) []string {
	p := o.Prior
	if p == nil {
		return nil
	}
	name := p.Department != "" && l.Info.Department != "" && p.Department != l.Info.Department
	code := p.DepartmentCode != "" && l.Info.DepartmentCode != "" && p.DepartmentCode != l.Info.DepartmentCode
	if !name && !code {
		return nil
	}
	return []string{fmt.Sprintf("%s: 上年数据的部门是“%s”%s，本年是“%s”%s：增减变化按它计算；若不是本部门上年的数据（机构改革更名除外），请换用本部门的",
		priorName(o), p.Department, codeNote(p.DepartmentCode), l.Info.Department, codeNote(l.Info.DepartmentCode))}
}

func codeNote(code string) string {
	if code == "" {
		return ""
	}
	return "（编码 " + code + "）"
}

func priorName(o Options) string {
	if o.PriorName != "" {
		return o.PriorName
	}
	return "上年数据"
}
