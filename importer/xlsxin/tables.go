package xlsxin

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// Allowed code lengths by column key; a code stored as a number whose
// length is none of these gets its leading zeros back up to the next one.
var codeLengths = map[string][]int{
	"unit_code": {2, 3, 6},
	"func_code": {3, 5, 7},
	"code":      {3, 5},
}

// col returns the layout column index of key, or -1.
func (st *sheetReader) col(key string) int {
	for j, c := range st.f.sheet.Columns {
		if c.Key == key {
			return j
		}
	}
	return -1
}

// rowTable reads a table of rows (every table but 表一 and 表四).
func (st *sheetReader) rowTable(d *model.Disclosure) {
	t := &d.Tables
	switch st.f.id {
	case model.T02:
		t.T02 = &model.IncomeTable{Rows: readRows(st, func(r *model.IncomeRow) { r.Level = st.unitLevel(r.UnitCode, r.FuncCode, r.UnitName, false) }), Note: st.note}
	case model.T03, model.T05, model.T08, model.T10:
		et := &model.ExpenditureTable{Scheme: st.f.scheme, Note: st.note, Rows: readRows(st, func(r *model.ExpenditureRow) {
			r.Level = st.unitLevel(r.UnitCode, r.FuncCode, r.UnitName, false)
		})}
		switch st.f.id {
		case model.T03:
			t.T03 = et
		case model.T05:
			t.T05 = et
		case model.T08:
			t.T08 = et
		default:
			t.T10 = et
		}
	case model.T06:
		t.T06 = &model.BasicTable{Note: st.note, Rows: readRows(st, func(r *model.BasicRow) {
			switch {
			case r.Code == "" && isTotal(r.Name):
				r.Level = model.LevelTotal
			case len(r.Code) == 3:
				r.Level = model.LevelClass
			default:
				r.Level = model.LevelItem
			}
		})}
	case model.T07:
		t.T07 = &model.ThreePublicTable{Note: st.note, Rows: readRows(st, func(r *model.ThreePublicRow) { r.Level = st.unitLevel(r.UnitCode, "", r.UnitName, false) })}
		st.narrativeFigures(d)
	case model.T09:
		t.T09 = &model.ProcurementTable{Note: st.note, Rows: readRows(st, func(r *model.ProcurementRow) {
			r.Level = st.unitLevel(r.UnitCode, "", r.UnitName, r.Project != "" || r.Item != "")
		})}
	}
}

func isTotal(name string) bool {
	n := norm(name)
	return n == "合计" || n == "总计"
}

// hasText reports whether the table has a code or text column.
func (st *sheetReader) hasText() bool {
	for _, c := range st.f.sheet.Columns {
		if c.Kind == layout.KindCode || c.Kind == layout.KindText {
			return true
		}
	}
	return false
}

// unitLevel tells the level of a unit-based row from its codes: a function
// code (or a procurement item) makes a detail row; otherwise 合计 without a
// code, a 2-digit 科室, a 3-digit 部门, a longer 单位 code.
func (st *sheetReader) unitLevel(unit, fn, name string, detail bool) model.Level {
	if !st.hasText() {
		return model.LevelTotal // a table of amounts only (Shanghai 表9): its one row is the total
	}
	switch {
	case fn != "" && st.col("unit_code") < 0 && !detail:
		// A table of function rows only (Shanghai): 类, 款, 项 by length.
		switch len(fn) {
		case 3:
			return model.LevelClass
		case 5:
			return model.LevelItem
		}
		return model.LevelDetail
	case fn != "" || detail:
		return model.LevelDetail
	case unit == "" && isTotal(name):
		return model.LevelTotal
	case unit == "":
		return model.LevelDetail
	case len(unit) <= 2:
		return model.LevelSection
	case len(unit) == 3:
		return model.LevelDepartment
	}
	return model.LevelUnit
}

// readRows reads the body rows into rows of type R: each layout column's
// key names the field of R with that JSON name. A table whose only row is an
// empty 合计 is a table without rows.
func readRows[R any](st *sheetReader, level func(*R)) []R {
	var zero R
	rt := reflect.TypeOf(zero)
	// Each column fills the field whose JSON name is its key, or, for a
	// part of a code the profile splits over columns (func_code.class,
	// func_code.item …), a piece of that code.
	fields := make([]int, len(st.f.sheet.Columns))
	partLen := make([]int, len(st.f.sheet.Columns))
	for j, c := range st.f.sheet.Columns {
		fields[j] = -1
		name := c.Key
		if j < len(st.f.fields) && st.f.fields[j] != "" {
			if base, part, ok := profiles.CodePart(st.f.fields[j], "1234567"); ok {
				name, partLen[j] = base, len(part)
			} else if !strings.Contains(st.f.fields[j], ".") {
				name = st.f.fields[j]
			}
		}
		for i := 0; i < rt.NumField(); i++ {
			if tag := strings.Split(rt.Field(i).Tag.Get("json"), ",")[0]; tag == name {
				fields[j] = i
			}
		}
	}
	amountType := reflect.TypeOf(model.Amount{})
	out := []R{}
	data, allZero := false, true
	for _, r := range st.body {
		var row R
		v := reflect.ValueOf(&row).Elem()
		nonZero, anyText, total := false, false, false
		label := "" // the 合计 label when it stands in a code column
		for j, c := range st.f.sheet.Columns {
			if fields[j] < 0 || st.cols[j] == 0 {
				continue
			}
			fv := v.Field(fields[j])
			switch {
			case fv.Type() == amountType:
				a := st.stated(r, j)
				nonZero = nonZero || !a.IsZero()
				fv.Set(reflect.ValueOf(a))
			case partLen[j] > 0:
				p := st.text(r, j)
				if isTotal(p) {
					total, label = true, p // the 合计 label over the code columns
					continue
				}
				if p != "" {
					p = st.code(r, j, []int{partLen[j]})
				}
				fv.SetString(fv.String() + p)
				anyText = anyText || p != ""
			case c.Kind == layout.KindCode:
				code := st.code(r, j, codeLengths[c.Key])
				if isTotal(code) {
					total, label = true, code
					continue
				}
				fv.SetString(code)
				anyText = anyText || code != ""
			case fv.Kind() == reflect.String:
				fv.SetString(st.text(r, j))
				anyText = anyText || fv.String() != ""
			}
		}
		if !anyText && !nonZero && !total {
			continue // an unused row of the template: no code, no name, its sums 0
		}
		level(&row)
		if total {
			v.FieldByName("Level").SetString(string(model.LevelTotal))
			if n := v.FieldByName("Name"); n.IsValid() && n.String() == "" {
				n.SetString(label) // 表六's name column under the merged label
			}
		}
		out = append(out, row)
		switch model.Level(v.FieldByName("Level").String()) {
		case model.LevelTotal, model.LevelSection, model.LevelDepartment, model.LevelClass:
		default:
			data = true
		}
		allZero = allZero && !nonZero
	}
	if !data && allZero {
		// Only a 合计 (and the 类 of an unfilled template), all 0: the
		// table is given without rows.
		return []R{}
	}
	// The model states the 合计 first, wherever the layout prints it
	// (Shanghai prints it last).
	sort.SliceStable(out, func(a, b int) bool {
		return reflect.ValueOf(out[a]).FieldByName("Level").String() == string(model.LevelTotal) &&
			reflect.ValueOf(out[b]).FieldByName("Level").String() != string(model.LevelTotal)
	})
	return out
}

// summary reads 表一 or 表四: the income block, the function block and the
// category and economic blocks side by side, then the footer rows, found by
// their labels.
func (st *sheetReader) summary(d *model.Disclosure) {
	l := st.rd.o.Profile.TableFor(st.f.id)
	words := l.Summary
	incomeTotal := l.FooterIncomeLabel("income_total")
	grandTotal := l.FooterIncomeLabel("income_grand_total")
	t := &model.SummaryTable{Note: st.note}
	inItem, inAmt := st.col("income_item"), st.col("income_amount")
	fnItem, clItem := st.col("function_item"), st.col("class_item")
	funds := func(r, item int) model.FundAmounts {
		var a model.FundAmounts
		dst := []*model.Amount{&a.Total, &a.General, &a.GovFund, &a.StateCapital}
		for k := 0; k < 4 && item+1+k < len(st.f.sheet.Columns); k++ {
			j := item + 1 + k
			if st.f.sheet.Columns[j].Kind != layout.KindAmount {
				break
			}
			*dst[k] = st.stated(r, j)
		}
		return a
	}
	carry := l.FooterIncomeLabel("carryover")
	if carry == "" {
		carry = words.IncomeLabels[model.IncomeCarryover]
	}
	const (
		body = iota
		afterTotal
		carryLines
		done
	)
	phase := body
	right := 0 // 0 none yet, 1 categories, 2 economic
	empty := true
	for _, r := range st.body {
		in := st.text(r, inItem)
		switch {
		case phase == body && incomeTotal != "" && norm(in) == norm(incomeTotal):
			t.IncomeTotal = st.amount(r, inAmt)
			t.ExpenditureTotal = funds(r, fnItem)
			phase = afterTotal
			continue
		case phase == afterTotal && carry != "" && norm(in) == norm(carry):
			t.Carryover = st.amount(r, inAmt)
			t.CarryForward = funds(r, fnItem)
			phase = carryLines
			continue
		case (phase == body || phase == afterTotal || phase == carryLines) && grandTotal != "" && norm(in) == norm(grandTotal):
			t.IncomeGrandTotal = st.amount(r, inAmt)
			t.ExpenditureGrandTotal = funds(r, fnItem)
			phase = done
			continue
		case phase == carryLines:
			t.CarryoverLines = append(t.CarryoverLines, model.IncomeLine{Key: incomeKey(words.IncomeLabels, in), Label: in, Amount: st.amount(r, inAmt)})
			continue
		case phase != body:
			st.rd.finding(model.SeverityWarning, RuleRow, st.f.id, st.g.sheet, cellRef(st.cols[inItem], r), fmt.Sprintf("合计行之后的“%s”不是公开格式的行，未读取", in))
			continue
		}
		empty = false
		if in != "" {
			key := incomeKey(words.IncomeLabels, in)
			for _, ir := range words.IncomeRows {
				if norm(ir.Label) == norm(in) {
					key = ir.Key // the profile's fixed income rows name their key
				}
			}
			t.Income = append(t.Income, model.IncomeLine{Key: key, Label: in, Amount: st.stated(r, inAmt)})
		}
		if fn := st.text(r, fnItem); fn != "" {
			code, name := splitCode(fn)
			if words.FunctionLabel == "ordinal" {
				name = stripOrdinal(fn) // 一、一般公共服务支出: the layout prints no code
			}
			t.Functions = append(t.Functions, model.FundLine{Code: code, Name: name, FundAmounts: funds(r, fnItem)})
		}
		if cl := st.text(r, clItem); cl != "" {
			switch norm(cl) {
			case norm(words.CategoryTotal):
				t.CategoryTotal, right = funds(r, clItem), 1
			case norm(words.EconomicTotal):
				t.EconomicTotal, right = funds(r, clItem), 2
			default:
				code, name := splitCode(cl)
				line := model.FundLine{Code: code, Name: name, FundAmounts: funds(r, clItem)}
				if right == 2 {
					t.Economic = append(t.Economic, line)
				} else {
					line.Level = categoryLevel(cl)
					t.Categories = append(t.Categories, line)
				}
			}
		}
	}
	if phase != done {
		st.rd.finding(model.SeverityError, RuleRow, st.f.id, st.g.sheet, "", fmt.Sprintf("没有找到“%s”“%s”行", incomeTotal, grandTotal))
	}
	if empty && t.IncomeTotal.IsBlank() && t.IncomeGrandTotal.IsBlank() && t.ExpenditureTotal.Total.IsBlank() {
		// The empty table prints its footer labels only: the table is not given.
		if st.f.id == model.T01 {
			d.Tables.T01 = nil
		} else {
			d.Tables.T04 = nil
		}
		st.emptyNote(d)
		return
	}
	if defaultLines(t.CarryoverLines, l.CarryoverLabels()) {
		t.CarryoverLines = nil // the layout's own lines, printed when the data lists none
	}
	if defaultLines(t.CarryoverLines, l.CarryoverLabels()) {
		t.CarryoverLines = nil // the layout's own lines, printed when the data lists none
	}
	if st.f.id == model.T01 {
		d.Tables.T01 = t
	} else {
		d.Tables.T04 = t
	}
}

// emptyNote keeps the note of a summary table that is not given, so that a
// note the workbook states is not lost.
func (st *sheetReader) emptyNote(d *model.Disclosure) {
	if st.note == "" {
		return
	}
	t := &model.SummaryTable{Note: st.note}
	if st.f.id == model.T01 {
		d.Tables.T01 = t
	} else {
		d.Tables.T04 = t
	}
}

// incomeKey tells the income source of a label by the words of the labels'
// income wording (一般公共预算, 政府性基金预算 …).
func incomeKey(labels map[string]string, label string) string {
	n := norm(label)
	best, bestLen := model.IncomeOther, 0
	for key, w := range labels {
		core := strings.TrimSuffix(strings.TrimSuffix(norm(w), "收入"), "财政拨款")
		if core != "" && strings.Contains(n, core) && len(core) > bestLen {
			best, bestLen = key, len(core)
		}
	}
	return best
}

// splitCode splits a label such as 201一般公共服务支出 into code and name.
func splitCode(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return "", s
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// categoryLevel: a category line numbered 一、二、… is level 1, the lines
// under it level 2.
func categoryLevel(s string) int {
	for _, p := range []string{"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"} {
		if strings.HasPrefix(s, p) {
			return 1
		}
	}
	return 2
}

// defaultLines reports whether lines are the layout's default carry-over
// lines with nothing stated.
func defaultLines(lines []model.IncomeLine, labels []string) bool {
	if len(lines) == 0 || len(lines) != len(labels) {
		return false
	}
	for i, ln := range lines {
		if !ln.Amount.IsBlank() || norm(ln.Label) != norm(labels[i]) {
			return false
		}
	}
	return true
}

// stripOrdinal removes a leading Chinese ordinal (一、 十二、).
func stripOrdinal(s string) string {
	i := strings.Index(s, "、")
	if i <= 0 {
		return s
	}
	for _, r := range s[:i] {
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return s
		}
	}
	return s[i+len("、"):]
}

// narrativeFigures reads the narrative figures the profile prints beside a
// table (Shanghai 表9: 机关运行经费预算数, field
// narrative.operating_costs.total) into d.Narrative, in the table's unit:
// the first stated cell of the column. An empty column states nothing, and
// the narrative stays as it was.
func (st *sheetReader) narrativeFigures(d *model.Disclosure) {
	for j := range st.f.sheet.Columns {
		if j >= len(st.f.fields) || !strings.HasPrefix(st.f.fields[j], "narrative.") || st.cols[j] == 0 {
			continue
		}
		for _, r := range st.body {
			a := st.amount(r, j)
			if a.IsBlank() {
				continue
			}
			if d.Narrative == nil {
				d.Narrative = &model.Narrative{}
			}
			if !setNarrative(d.Narrative, st.f.fields[j], a) {
				break
			}
			// A table in a unit of its own (Shanghai 表9 in 万元) states
			// the figure in that unit; otherwise in the tables' ("").
			d.Narrative.Unit = st.f.unit
			break
		}
	}
}

// setNarrative sets the narrative figure that a narrative.<path> field
// names; false when the path names no amount.
func setNarrative(n *model.Narrative, field string, a model.Amount) bool {
	path, ok := strings.CutPrefix(field, "narrative.")
	if !ok {
		return false
	}
	v := reflect.ValueOf(n).Elem()
	for _, part := range strings.Split(path, ".") {
		if v.Kind() != reflect.Struct {
			return false
		}
		next := reflect.Value{}
		for i := 0; i < v.NumField(); i++ {
			if strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0] == part {
				next = v.Field(i)
				break
			}
		}
		if !next.IsValid() {
			return false
		}
		v = next
	}
	if v.Type() != reflect.TypeOf(model.Amount{}) || !v.CanSet() {
		return false
	}
	v.Set(reflect.ValueOf(a))
	return true
}

// stated is the amount of row r, column j as the layout states it: where
// the profile prints a 0 as an empty cell (Hubei's zero: blank), an empty
// cell states 0; elsewhere an empty cell states nothing (blank), and a model
// field no column shows is never read at all, so it stays not stated.
func (st *sheetReader) stated(r, j int) model.Amount {
	a := st.amount(r, j)
	if a.IsBlank() && j >= 0 && j < len(st.f.zeroBlank) && j < len(st.cols) && st.cols[j] != 0 &&
		st.f.zeroBlank[j] && strings.TrimSpace(st.g.cell(r, st.cols[j])) == "" {
		return model.A(decimal.New(0, -st.f.sheet.Decimals))
	}
	return a
}
