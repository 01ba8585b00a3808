package xlsxin

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"gongkai/layout"
	"gongkai/model"
)

// sheetReader reads one sheet that holds table f.id.
type sheetReader struct {
	rd *reader
	g  *grid
	f  *form
	fs []form

	cols     []int // per layout column: the sheet column (1-based), 0 when missing
	bodyTop  int   // first row after the header
	body     []int // the data rows, in order
	note     string
	problems []model.Finding // header problems of the chosen variant

	// Cell notes that a workbook made by another system may have in every
	// cell; reported one by one when few, else once per table.
	numberCodes, textAmounts []note
}

type note struct{ cell, msg string }

// many is how many cell notes of one kind a table reports one by one.
const many = 3

// flush reports the collected cell notes.
func (st *sheetReader) flush() {
	report := func(ns []note, sev model.Severity, rule, what, advice string) {
		if len(ns) <= many {
			for _, n := range ns {
				st.rd.finding(sev, rule, st.f.id, st.g.sheet, n.cell, n.msg)
			}
			return
		}
		cells := make([]string, 0, 5)
		for _, n := range ns[:min(5, len(ns))] {
			cells = append(cells, n.cell)
		}
		st.rd.finding(sev, rule, st.f.id, st.g.sheet, ns[0].cell,
			fmt.Sprintf("本表共 %d 个%s（%s 等）；%s", len(ns), what, strings.Join(cells, "、"), advice))
	}
	report(st.numberCodes, model.SeverityInfo, RuleCode, "编码存为数字、未丢前导零", "请把编码列设为文本格式")
	report(st.textAmounts, model.SeverityWarning, RuleAmount, "金额存为文本", "已按数字读取，请改为数字")
}

func cellRef(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

// unit reads the units line between the title and the header.
func (st *sheetReader) unit(titleRow int) string {
	for r := titleRow; r <= titleRow+2 && r <= len(st.g.rows); r++ {
		for _, v := range st.g.rows[r-1] {
			t := norm(v)
			if i := strings.Index(t, "单位："); i >= 0 || strings.HasPrefix(t, "单位:") {
				if strings.Contains(t, "万元") {
					return model.UnitWanYuan
				}
				if strings.Contains(t, "元") {
					return model.UnitYuan
				}
			}
		}
	}
	return ""
}

// read reads the table into d.
func (st *sheetReader) read(titleRow int, d *model.Disclosure) {
	// Choose among the variants of the table (expenditure schemes) the one
	// whose header matches best.
	var best *sheetReader
	for i := range st.fs {
		if st.fs[i].id != st.f.id {
			continue
		}
		try := &sheetReader{rd: st.rd, g: st.g, f: &st.fs[i], fs: st.fs}
		if !try.header(titleRow) {
			continue
		}
		if best == nil || countErrors(try.problems) < countErrors(best.problems) {
			best = try
		}
	}
	if best == nil {
		st.rd.finding(model.SeverityError, RuleHeader, st.f.id, st.g.sheet, "", fmt.Sprintf("找到标题“%s”，但其下没有%s的表头（应有“%s”等列）", st.g.title, st.f.id.Number(), firstHeader(st.f)))
		return
	}
	*st = *best
	st.rd.findings = append(st.rd.findings, st.problems...)
	st.rows()
	switch st.f.id {
	case model.T01, model.T04:
		st.summary(d)
	default:
		st.rowTable(d)
	}
	st.flush()
}

func firstHeader(f *form) string {
	for _, h := range f.sheet.Header {
		if h.Row == 0 {
			return h.Text
		}
	}
	return ""
}

func countErrors(fs []model.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == model.SeverityError {
			n++
		}
	}
	return n
}

// header finds the header rows under the title and maps each layout column
// to a sheet column by its header words. It returns false when no header
// row is found.
func (st *sheetReader) header(titleRow int) bool {
	g, f := st.g, st.f
	first := f.firstHeaderTexts()
	top := 0
	for r := titleRow + 1; r <= min(len(g.rows), titleRow+6); r++ {
		for _, v := range g.rows[r-1] {
			if first[norm(v)] {
				top = r
				break
			}
		}
		if top > 0 {
			break
		}
	}
	if top == 0 {
		return false
	}
	want := f.headerRows()
	// The end of the header: the column-number row when the layout has one
	// (rows inserted into the header are then tolerated), else the layout's
	// number of rows.
	end := top + want - 1
	if f.sheet.NumberRow {
		end = 0
		for r := top + 1; r <= min(len(g.rows), top+want+3); r++ {
			if isNumberRow(g.rows[r-1]) {
				end = r - 1
				st.bodyTop = r + 1
				break
			}
		}
		if end == 0 {
			end = top + want - 1
			st.bodyTop = end + 1
			st.problems = append(st.problems, st.problem(model.SeverityInfo, RuleHeader, "", fmt.Sprintf("表头下没有列序号行（1 2 3 …），按表头 %d 行读取", want)))
		}
	} else {
		st.bodyTop = end + 1
	}
	if got := end - top + 1; got != want {
		st.problems = append(st.problems, st.problem(model.SeverityWarning, RuleHeader, cellRef(1, top),
			fmt.Sprintf("表头有 %d 行（第%d–%d行），公开格式为 %d 行；已按表头文字对应各列", got, top, end, want)))
	}
	// The header path of each sheet column, merged cells filled in.
	width := 0
	for r := top; r <= end; r++ {
		width = max(width, len(g.rows[r-1]))
	}
	for _, m := range g.merges {
		if m.r1 <= end && m.r2 >= top {
			width = max(width, m.c2)
		}
	}
	paths := make([][]string, width+1)
	leafCell := make([]string, width+1) // the cell that shows the lowest header text of each column
	for c := 1; c <= width; c++ {
		for r := top; r <= end; r++ {
			v := norm(st.mergedValue(r, c, top))
			if v == "" {
				continue
			}
			if n := len(paths[c]); n == 0 || paths[c][n-1] != v {
				paths[c] = append(paths[c], v)
				leafCell[c] = st.origin(r, c)
			}
		}
	}
	// Map layout columns to sheet columns: equal paths, in order (a path
	// that repeats, as 合计 in 表四, maps its k-th use to the k-th column).
	st.cols = make([]int, len(f.paths))
	used := make([]bool, width+1)
	for j, p := range f.paths {
		for c := 1; c <= width; c++ {
			if !used[c] && samePath(paths[c], p) {
				st.cols[j], used[c] = c, true
				break
			}
		}
	}
	// Columns not found: take the sheet column at the layout's position
	// when it is free, and name the header cell that differs.
	for j, p := range f.paths {
		if st.cols[j] != 0 {
			continue
		}
		c := j + 1
		leaf := f.leaf[j].Text
		if c <= width && !used[c] {
			st.cols[j], used[c] = c, true
			ref := leafCell[c]
			if ref == "" {
				ref = cellRef(c, top+f.leaf[j].Row)
			}
			got := strings.Join(paths[c], "／")
			if got == "" {
				st.problems = append(st.problems, st.problem(model.SeverityError, RuleHeader, ref, fmt.Sprintf("表头应为“%s”，此处为空", leaf)))
			} else {
				st.problems = append(st.problems, st.problem(model.SeverityError, RuleHeader, ref, fmt.Sprintf("表头应为“%s”，实为“%s”", strings.Join(p, "／"), got)))
			}
			continue
		}
		st.problems = append(st.problems, st.problem(model.SeverityError, RuleHeader, cellRef(c, top), fmt.Sprintf("缺少“%s”列", leaf)))
	}
	// Extra columns with a header of their own are not read.
	for c := 1; c <= width; c++ {
		if !used[c] && len(paths[c]) > 0 && !isNumber(paths[c][len(paths[c])-1]) {
			st.problems = append(st.problems, st.problem(model.SeverityInfo, RuleHeader, cellRef(c, top), fmt.Sprintf("“%s”列不是公开格式的列，未读取", strings.Join(paths[c], "／"))))
		}
	}
	return true
}

func (st *sheetReader) problem(sev model.Severity, rule, cell, msg string) model.Finding {
	if pos := st.rd.at(st.g.sheet, cell); pos != "" {
		msg = pos + ": " + msg
	}
	return model.Finding{Severity: sev, Rule: rule, Table: st.f.id, Message: msg}
}

// mergedValue is the value shown at (r, c): the top-left value of a merged
// range that covers it (within the header from top on).
func (st *sheetReader) mergedValue(r, c, top int) string {
	for _, m := range st.g.merges {
		if r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 {
			if m.r1 < top {
				return ""
			}
			return st.g.cell(m.r1, m.c1)
		}
	}
	return st.g.cell(r, c)
}

// origin is the cell that holds what (r, c) shows: the top-left cell of a
// merged range that covers it, else itself.
func (st *sheetReader) origin(r, c int) string {
	for _, m := range st.g.merges {
		if r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 {
			return cellRef(m.c1, m.r1)
		}
	}
	return cellRef(c, r)
}

// samePath: the sheet's header texts hold the layout's, in order (an
// inserted header row may add texts).
func samePath(got, want []string) bool {
	if len(want) == 0 {
		return false
	}
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want) && got[len(got)-1] == want[len(want)-1]
}

func isNumberRow(cells []string) bool {
	n := 0
	for i, v := range cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if v != strconv.Itoa(i+1) {
			return false
		}
		n++
	}
	return n >= 3
}

// rows finds the data rows: from the body top to the first note, without
// blank rows. Hidden rows with content and merged cells among the data rows
// are errors.
func (st *sheetReader) rows() {
	g := st.g
	var notes []string
	for r := st.bodyTop; r <= len(g.rows); r++ {
		if st.blank(r) {
			continue
		}
		if text, ok := st.noteRow(r); ok || len(notes) > 0 {
			if text != "" {
				notes = append(notes, text)
			}
			continue
		}
		if g.hidden[r] {
			st.rd.finding(model.SeverityError, RuleHidden, st.f.id, g.sheet, cellRef(1, r), fmt.Sprintf("第%d行被隐藏但有数据：请取消隐藏、核对后再读取", r))
		}
		st.body = append(st.body, r)
	}
	st.note = strings.Join(notes, "\n")
	if len(st.body) == 0 {
		return
	}
	last := st.body[len(st.body)-1]
	// A hidden column of the table with data: what is read would differ
	// from what the user sees.
	for _, c := range st.cols {
		if c == 0 {
			continue
		}
		name, _ := excelize.ColumnNumberToName(c)
		if visible, err := st.rd.f.GetColVisible(g.sheet, name); err == nil && !visible {
			for _, r := range st.body {
				if strings.TrimSpace(g.cell(r, c)) != "" {
					st.rd.finding(model.SeverityError, RuleHidden, st.f.id, g.sheet, name+":"+name, fmt.Sprintf("第%s列被隐藏但有数据：请取消隐藏、核对后再读取", name))
					break
				}
			}
		}
	}
	for _, m := range g.merges {
		if m.r1 == m.r2 && isTotal(g.cell(m.r1, m.c1)) {
			continue // the 合计 label merged over the code columns (Shanghai)
		}
		if m.r2 >= st.bodyTop && m.r1 <= last {
			// A merge in a data row: only the ones inside the table's columns.
			for _, c := range st.cols {
				if c >= m.c1 && c <= m.c2 {
					st.rd.finding(model.SeverityError, RuleMerge, st.f.id, g.sheet, m.ref, "数据区有合并单元格：请取消合并，每个单元格填一个值")
					break
				}
			}
		}
	}
}

// blank reports whether row r holds nothing in the table's columns.
func (st *sheetReader) blank(r int) bool {
	for _, c := range st.cols {
		if c > 0 && strings.TrimSpace(st.g.cell(r, c)) != "" {
			return false
		}
	}
	// A note merged from column A.
	return strings.TrimSpace(st.g.cell(r, 1)) == ""
}

// noteRow reports whether row r is a note under the table: its only text is
// in the first column and starts with 注 or 说明, or is a long text merged
// across the table.
func (st *sheetReader) noteRow(r int) (string, bool) {
	first := strings.TrimSpace(st.g.cell(r, 1))
	if first == "" {
		return "", false
	}
	for c := 2; c <= len(st.g.rows[r-1]); c++ {
		if strings.TrimSpace(st.g.cell(r, c)) != "" {
			return "", false
		}
	}
	if strings.HasPrefix(first, "注") || strings.HasPrefix(first, "说明") || strings.HasPrefix(first, "备注") {
		return first, true
	}
	for _, m := range st.g.merges {
		if m.r1 == r && m.c1 == 1 && m.c2 >= len(st.cols)-1 && len(st.cols) > 2 {
			return first, true
		}
	}
	// Words in a code column and nothing else in the row: a line under the
	// table (单位负责人：… 制表人：…), not a row of it.
	for j, c := range st.cols {
		if c == 1 && st.f.sheet.Columns[j].Kind == layout.KindCode && !codeLike(first) && !isTotal(first) {
			return first, true
		}
	}
	return "", false
}

// codeLike reports whether s could be a code: digits, letters, dots and
// dashes only.
func codeLike(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}

// text returns the text of layout column j in row r.
func (st *sheetReader) text(r, j int) string {
	if j < 0 || j >= len(st.cols) {
		return "" // a column the profile's layout does not have
	}
	c := st.cols[j]
	if c == 0 {
		return ""
	}
	return strings.TrimSpace(st.g.cell(r, c))
}

// code reads a code cell: text as stored; a code stored as a number is
// reported, and leading zeros restored where the allowed lengths leave one
// choice.
func (st *sheetReader) code(r, j int, lengths []int) string {
	if j < 0 || j >= len(st.cols) {
		return ""
	}
	c := st.cols[j]
	v := st.text(r, j)
	if v == "" {
		return ""
	}
	typ, _ := st.rd.f.GetCellType(st.g.sheet, cellRef(c, r))
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		return v
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f == math.Trunc(f) && f >= 0 {
		v = strconv.FormatFloat(f, 'f', -1, 64)
	}
	restored := v
	for _, n := range lengths {
		if len(v) < n {
			// the shortest allowed length above the digits is the only one
			// reachable by lost zeros when no allowed length equals len(v)
			if !contains(lengths, len(v)) {
				restored = strings.Repeat("0", n-len(v)) + v
			}
			break
		}
	}
	if restored != v {
		st.rd.finding(model.SeverityWarning, RuleCode, st.f.id, st.g.sheet, cellRef(c, r), fmt.Sprintf("编码存为数字 %s，前导零已丢失；已按“%s”读取（请把编码列设为文本格式）", v, restored))
	} else {
		st.numberCodes = append(st.numberCodes, note{cellRef(c, r), fmt.Sprintf("编码“%s”存为数字（请把编码列设为文本格式，以免丢失前导零）", v)})
	}
	return restored
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// amount reads an amount cell of layout column j in row r. Numbers are read
// to 15 significant digits (what Excel shows); amounts with fewer places
// than the layout's get the layout's places (180 → 180.00).
func (st *sheetReader) amount(r, j int) model.Amount {
	if j < 0 || j >= len(st.cols) {
		return model.Amount{}
	}
	c := st.cols[j]
	if c == 0 {
		return model.Amount{}
	}
	ref := cellRef(c, r)
	raw := strings.TrimSpace(st.g.cell(r, c))
	formula, _ := st.rd.f.GetCellFormula(st.g.sheet, ref)
	if formula != "" && raw == "" && st.circular(ref) {
		// excelize would compute a number for it; Excel shows a
		// circular-reference warning.
		st.rd.finding(model.SeverityError, RuleFormula, st.f.id, st.g.sheet, ref, fmt.Sprintf("公式 =%s 循环引用了自身，无法计算", formula))
		return model.Amount{}
	}
	if formula != "" {
		calc, err := st.rd.f.CalcCellValue(st.g.sheet, ref, excelize.Options{RawCellValue: true})
		switch {
		case err != nil && raw == "":
			st.rd.finding(model.SeverityError, RuleFormula, st.f.id, st.g.sheet, ref, fmt.Sprintf("公式 =%s 无法计算：%v", formula, err))
			return model.Amount{}
		case raw == "":
			raw = calc
		case err == nil && !sameNumber(raw, calc):
			st.rd.finding(model.SeverityWarning, RuleFormula, st.f.id, st.g.sheet, ref, fmt.Sprintf("公式 =%s 算得 %s，单元格保存的值为 %s；已按保存的值读取（请在 Excel 中重新计算后保存）", formula, calc, raw))
		}
	}
	if raw == "" {
		return model.Amount{}
	}
	typ, _ := st.rd.f.GetCellType(st.g.sheet, ref)
	kind := st.f.sheet.Columns[j].Kind
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		if typ == excelize.CellTypeFormula && formula != "" {
			break // a formula's text result: parsed below like a typed text
		}
		a, ok := parseText(raw)
		if !ok {
			st.rd.finding(model.SeverityError, RuleAmount, st.f.id, st.g.sheet, ref, fmt.Sprintf("“%s”不是金额", raw))
			return model.Amount{}
		}
		st.textAmounts = append(st.textAmounts, note{ref, fmt.Sprintf("金额“%s”存为文本，已按 %s 读取（请改为数字）", raw, a.String())})
		return st.places(a, kind)
	case excelize.CellTypeBool, excelize.CellTypeError:
		st.rd.finding(model.SeverityError, RuleAmount, st.f.id, st.g.sheet, ref, fmt.Sprintf("“%s”不是金额", raw))
		return model.Amount{}
	}
	a, ok := parseNumber(raw)
	if !ok {
		st.rd.finding(model.SeverityError, RuleAmount, st.f.id, st.g.sheet, ref, fmt.Sprintf("“%s”不是金额", raw))
		return model.Amount{}
	}
	return st.places(a, kind)
}

func (st *sheetReader) places(a model.Amount, kind layout.ColumnKind) model.Amount {
	if kind != layout.KindAmount || a.IsBlank() {
		return a
	}
	if p := st.f.sheet.Decimals; a.Places() < p {
		return model.A(a.Decimal().Round(p))
	}
	return a
}

// parseNumber reads a stored number to 15 significant digits, as Excel
// shows it (231.79000000000002 → 231.79).
func parseNumber(s string) (model.Amount, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return model.Amount{}, false
	}
	g := strconv.FormatFloat(f, 'g', 15, 64)
	d, err := decimal.NewFromString(g)
	if err != nil {
		return model.Amount{}, false
	}
	// Strip the trailing zeros 'g' may leave in the fraction.
	if d.Exponent() < 0 {
		s := d.String()
		d, _ = decimal.NewFromString(s)
	}
	return model.A(d), true
}

// parseText reads a number typed as text: spaces, thousands separators
// (1,234.50) and full-width digits are allowed, nothing else.
func parseText(s string) (model.Amount, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		case r == '－':
			b.WriteByte('-')
		case r == ' ' || r == '\u00a0' || r == '\u3000':
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	// Thousands separators only in groups of three before the point.
	if strings.Contains(t, ",") {
		intPart := t
		if i := strings.IndexByte(t, '.'); i >= 0 {
			intPart = t[:i]
		}
		groups := strings.Split(strings.TrimLeft(intPart, "+-"), ",")
		for i, g := range groups {
			if (i > 0 && len(g) != 3) || (i == 0 && (len(g) == 0 || len(g) > 3)) {
				return model.Amount{}, false
			}
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	a, err := model.ParseAmount(t)
	if err != nil || a.IsBlank() {
		return model.Amount{}, false
	}
	return a, true
}

func sameNumber(a, b string) bool {
	x, ok1 := parseNumber(a)
	y, ok2 := parseNumber(b)
	if !ok1 || !ok2 {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	return x.Decimal().Sub(y.Decimal()).Abs().LessThan(decimal.New(1, -6))
}

// refRE finds the cell references and ranges of a formula on its own sheet
// (E7, $E$7, E7:E26); references to other sheets are not followed.
var refRE = regexp.MustCompile(`(^|[^A-Za-z0-9_!'.$])\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?`)

// maxFollow bounds the cells the circular-reference search looks at.
const maxFollow = 20000

// circular reports whether the formula of cell ref refers back to ref,
// directly or through other formulas of the sheet.
func (st *sheetReader) circular(ref string) bool {
	seen := map[string]bool{}
	budget := maxFollow
	var refs func(cell string) []string
	refs = func(cell string) []string {
		fm, _ := st.rd.f.GetCellFormula(st.g.sheet, cell)
		if fm == "" {
			return nil
		}
		var out []string
		for _, m := range refRE.FindAllStringSubmatch(fm, -1) {
			c1, err1 := excelize.ColumnNameToNumber(m[2])
			r1, err2 := strconv.Atoi(m[3])
			if err1 != nil || err2 != nil {
				continue
			}
			c2, r2 := c1, r1
			if m[4] != "" {
				c2, _ = excelize.ColumnNameToNumber(m[4])
				r2, _ = strconv.Atoi(m[5])
			}
			// Only cells inside the sheet's data can hold formulas.
			r2 = min(r2, len(st.g.rows))
			c2 = min(c2, MaxCols)
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					if budget--; budget < 0 {
						return out
					}
					out = append(out, cellRef(c, r))
				}
			}
		}
		return out
	}
	var visit func(cell string) bool
	visit = func(cell string) bool {
		for _, next := range refs(cell) {
			if next == ref {
				return true
			}
			if seen[next] || budget < 0 {
				continue
			}
			seen[next] = true
			if visit(next) {
				return true
			}
		}
		return false
	}
	return visit(ref)
}
