package ledger

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/check"
	"gongkai/model"
)

// ValueName names a ledger built in code in its errors, where a read one
// names its file: ledger.Ledger.Lines[3]: ….
const ValueName = "ledger.Ledger"

// Validate checks a ledger as Read checks what it reads, so that a Ledger a
// program builds in code is held to the same rules as a file: the
// department's details (部门名称, a 年度 between MinYear and MaxYear, a
// display unit of 万元 or 元, a 公开日期 as YYYY-MM-DD, codes of digits),
// every line (a unit code of 6 digits or more, a unit name, a UnitType
// set, a known Fund and Category, a 7-digit 功能科目 项 of a known 类 that
// the fund may spend, a 5-digit 经济科目 款 of the 部门预算支出经济分类 that
// the embedded catalog knows or the line (or EconNames) names, a 三公 kind
// that agrees with the economic code and the fund, a 采购数量 that is a
// number), and every carry-over (a unit code, a known fund, amounts not
// negative). It returns every problem at once, nil for none, each named by
// the line's Pos (file:line or sheet!cell) or, for a line without a
// position, by its place in the value (ledger.Ledger.Lines[3]; with a
// Pos.Row and no file: ledger.Ledger.Lines[3]（第 12 行）).
//
// Build calls Validate first and stops at its problems; Build's own checks
// of the lines against each other (a unit with two names, lines that net to
// a negative amount, a carry-over larger than the spending) follow on a
// ledger that passes. A ledger that Read returned passes Validate unless
// the program changed it since.
func (l *Ledger) Validate() model.ParseErrors {
	var errs model.ParseErrors
	for _, p := range infoProblems(l.Info) {
		errs = append(errs, &model.ParseError{Value: ValueName, Path: "Info." + p.field, Err: p.err})
	}
	if len(l.Lines) == 0 {
		errs = append(errs, &model.ParseError{Value: ValueName, Path: "Lines", Err: bad(ErrNoLines, "没有预算明细行（Lines 为空）")})
	}
	for i := range l.Lines {
		for _, err := range l.lineProblems(&l.Lines[i]) {
			errs = append(errs, l.lineErr(i, err))
		}
	}
	for j := range l.Carryovers {
		for _, err := range carryProblems(&l.Carryovers[j]) {
			errs = append(errs, l.carryErr(j, err))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// fieldProblem is a problem of one field of Info (its Go name).
type fieldProblem struct {
	field string
	err   error
}

// infoProblems checks the department's details; Read and Validate both
// use it. A Unit of "" is 万元 (Read fills it in).
func infoProblems(in Info) []fieldProblem {
	var out []fieldProblem
	add := func(field string, err error) { out = append(out, fieldProblem{field, err}) }
	if strings.TrimSpace(in.Department) == "" {
		add("Department", bad(ErrNoDepartment, "缺少部门名称：请在“基本信息”表（CSV 为表头上方的“部门名称,某某局”行）填写“部门名称”"))
	}
	switch {
	case in.Year == 0:
		add("Year", bad(ErrNoYear, "缺少预算年度：请在“基本信息”表（CSV 为表头上方的“年度,2027”行）填写“年度”"))
	case in.Year < MinYear || in.Year > MaxYear:
		add("Year", fmtBad(model.ErrBadValue, "年度 %d 应为 %d 至 %d 之间的四位年份，如 2027", in.Year, MinYear, MaxYear))
	}
	if d := in.Date; d != "" {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			add("Date", bad(model.ErrBadValue, "公开日期“"+d+"”不是 YYYY-MM-DD 格式的日期（如 2027-01-05）"))
		}
	}
	switch in.Unit {
	case "", model.UnitWanYuan, model.UnitYuan:
	default:
		add("Unit", bad(ErrUnknownValue, "金额单位“"+in.Unit+"”不认识：公开表只用“万元”或“元”"))
	}
	for _, c := range []struct{ field, label, code string }{
		{"SectionCode", "科室编码", in.SectionCode}, {"ParentCode", "主管部门编码", in.ParentCode},
	} {
		if c.code != "" && !digits(c.code) {
			add(c.field, bad(ErrBadCode, c.label+"“"+c.code+"”应全为数字"))
		}
	}
	return out
}

// unitCodeProblem checks a unit code (parsed: digits without spaces).
func unitCodeProblem(code string) error {
	switch {
	case code == "":
		return bad(model.ErrMissingField, "单位编码为空")
	case !digits(code):
		return bad(ErrBadCode, "单位编码“"+code+"”应全为数字")
	case len(code) < 6:
		return bad(ErrLostZero, "单位编码“"+code+"”只有 "+strconv.Itoa(len(code))+" 位，应为 6 位及以上")
	}
	return nil
}

// funcCodeProblem checks a function code (a 7-digit 项 of a known 类) and,
// when fundKnown, that the fund may spend on its 类. Its message quotes
// written, the code as the user wrote it.
func funcCodeProblem(code, written string, fund Fund, fundKnown bool) error {
	switch {
	case !digits(code) || len(code) != 7 || code[0] != '2':
		return bad(ErrBadCode, "功能科目编码“"+written+"”应为以 2 开头的 7 位数字（类 3 位 + 款 2 位 + 项 2 位）")
	}
	name, known := check.FunctionName(code[:3])
	switch {
	case !known:
		return bad(ErrBadCode, "功能科目编码“"+written+"”的类 "+code[:3]+" 不是支出功能分类的类")
	case fundKnown && !check.FundAllows(fundKey(fund), code[:3]):
		return bad(ErrFundClass, "功能科目 "+code+" 属于 "+code[:3]+name+"，不能用“"+fund.String()+"”资金（资金性质与科目的类不符）")
	}
	return nil
}

// econCodeProblem checks an economic code: a 5-digit 款 of a 类 of the
// 部门预算支出经济分类 that the tables print, known to the embedded
// catalog or named (named: the ledger gives its name).
func econCodeProblem(code, written string, named bool) error {
	switch {
	case !digits(code) || len(code) != 5 || code[0] != '3':
		return bad(ErrBadCode, "经济科目编码“"+written+"”应为以 3 开头的 5 位数字（部门预算支出经济分类的款）")
	}
	if _, known := check.EconomicName(code[:3]); !known || classIndex(code[:3]) < 0 {
		return bad(ErrBadCode, "经济科目编码“"+written+"”的类 "+code[:3]+" 不是部门预算支出经济分类的类")
	}
	if _, known := check.EconomicName(code); !known && !named {
		return bad(ErrBadCode, "经济科目编码 "+code+" 不在内置目录中：请写明经济科目名称")
	}
	return nil
}

// lineProblems checks one line built in code (Validate); Read checks the
// same rules as it parses, with the cell of each.
func (l *Ledger) lineProblems(ln *Line) []error {
	var out []error
	add := func(err error) {
		if err != nil {
			out = append(out, err)
		}
	}
	add(unitCodeProblem(ln.UnitCode))
	if strings.TrimSpace(ln.UnitName) == "" {
		add(bad(model.ErrMissingField, "单位名称为空"))
	}
	switch {
	case ln.UnitType == 0:
		add(bad(model.ErrMissingField, "单位类型未填（UnitType 为 0）：应为 UnitAdmin（行政）、UnitCivilLike（参公）或 UnitInstitution（事业）；机关运行经费按单位类型计算"))
	case ln.UnitType > UnitInstitution:
		add(fmtBad(ErrUnknownValue, "单位类型 %d 不是已知类别（行政、参公、事业）", ln.UnitType))
	}
	fundKnown := ln.Fund < nFunds
	if !fundKnown {
		add(fmtBad(ErrUnknownValue, "资金性质 %d 不是已知类别（一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金）", ln.Fund))
	}
	if ln.FuncCode == "" {
		add(bad(model.ErrMissingField, "功能科目编码为空"))
	} else {
		add(funcCodeProblem(ln.FuncCode, ln.FuncCode, ln.Fund, fundKnown))
	}
	if ln.EconCode == "" {
		add(bad(model.ErrMissingField, "经济科目编码为空"))
	} else {
		add(econCodeProblem(ln.EconCode, ln.EconCode, ln.EconName != "" || l.EconNames[ln.EconCode] != ""))
	}
	if ln.Category >= nCats {
		add(fmtBad(ErrUnknownValue, "支出类别 %d 不是已知类别（人员类、公用经费、其他运转类、特定目标类，或基本支出、项目支出）", ln.Category))
	}
	add(threePublicProblem(ln.ThreePublic, ln.EconCode, ln.Fund, fundKnown))
	if ln.ProcQty != "" {
		if _, m := parseNumber(ln.ProcQty); m != "" {
			add(bad(ErrBadAmount, "采购数量“"+ln.ProcQty+"”"+m))
		}
	}
	if ln.Amount < -maxTotalFen || ln.Amount > maxTotalFen {
		add(bad(ErrBadAmount, "金额太大"))
	}
	return out
}

// threePublicProblem checks a line's 三公 kind: a known one, the one its
// economic 款 stands for (econThreePublic), and only on 一般公共预算 lines
// unless the economic 款 gives it (Read sets the kind of 30217 and the
// like on a line of any fund; only 一般公共预算 counts in 表七).
func threePublicProblem(tp ThreePublic, econ string, fund Fund, fundKnown bool) error {
	if tp == TPNone {
		return nil
	}
	if tp > TPReception {
		return fmtBad(ErrUnknownValue, "三公类别 %d 不是已知类别（因公出国(境)费、公务用车购置费、公务用车运行维护费、公务接待费）", tp)
	}
	k := econThreePublic(econ)
	if k != TPNone && k != tp {
		return bad(model.ErrBadValue, "三公类别“"+tpNames[tp]+"”与经济科目 "+econ+" 不符（"+econ+" 属于"+tpNames[k]+"）")
	}
	if k == TPNone && fundKnown && fund != FundGeneral {
		return bad(ErrFundClass, "三公类别“"+tpNames[tp]+"”只用于一般公共预算的行（“三公”经费表只列一般公共预算），本行资金性质是“"+fund.String()+"”")
	}
	return nil
}

// carryProblems checks one carry-over as Read checks a 收入 row.
func carryProblems(c *Carryover) []error {
	var out []error
	switch {
	case c.UnitCode == "":
		out = append(out, bad(model.ErrMissingField, "单位编码为空"))
	case !digits(c.UnitCode):
		out = append(out, bad(ErrBadCode, "单位编码“"+c.UnitCode+"”应全为数字"))
	}
	if c.Fund >= nFunds {
		out = append(out, fmtBad(ErrUnknownValue, "资金性质 %d 不是已知类别", c.Fund))
	}
	if c.Amount < 0 {
		out = append(out, bad(ErrBadAmount, "上年结转不能为负数（没有时为 0）"))
	}
	if c.HasIncome && c.Income < 0 {
		out = append(out, bad(ErrBadAmount, "本年收入不能为负数"))
	}
	if !c.HasIncome && c.Income != 0 {
		out = append(out, bad(model.ErrBadValue, "给了本年收入（Income）却没有设 HasIncome：本年收入为 0 时也要设 HasIncome"))
	}
	return out
}

// located reports whether p names a place in a file: a file name, or a row
// of a ledger Read read from standard input (its name "").
func (l *Ledger) located(p Pos) bool { return p.File != "" || l.read && p.Row > 0 }

// lineErr is err at line i: at its Pos (file:line, file sheet!A12) for a
// line read from a file, else at ledger.Ledger.Lines[i] (with the
// program's own Pos.Row, if any).
func (l *Ledger) lineErr(i int, err error) *model.ParseError {
	p := l.Lines[i].Pos
	if l.located(p) {
		return posErr(p, err)
	}
	return &model.ParseError{Value: ValueName, Path: fmt.Sprintf("Lines[%d]", i), Sheet: p.Sheet, Line: p.Row, Err: err}
}

// carryErr is lineErr for carry-over j.
func (l *Ledger) carryErr(j int, err error) *model.ParseError {
	p := l.Carryovers[j].Pos
	if l.located(p) {
		return posErr(p, err)
	}
	return &model.ParseError{Value: ValueName, Path: fmt.Sprintf("Carryovers[%d]", j), Sheet: p.Sheet, Line: p.Row, Err: err}
}

// lineName names line i in a message: 第 12 行, 明细!A12, or Lines[3] for
// a line built in code without a position.
func (l *Ledger) lineName(i int) string {
	p := l.Lines[i].Pos
	switch {
	case l.located(p):
		return placeName(p)
	case p.Row > 0:
		return fmt.Sprintf("Lines[%d]（%s）", i, placeName(p))
	}
	return fmt.Sprintf("Lines[%d]", i)
}
