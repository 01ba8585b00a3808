package text

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gongkai/model"
)

// regroup turns a one-cell-per-line table into rows. The header cells give
// the columns; a row starts at a code or name after an amount. A row with
// fewer amounts than amount columns cannot be placed (PDF text drops blank
// cells): it is reported as unread, never guessed.
func (p *parser) regroup(id model.TableID, rows []trow) []trow {
	if id == model.T01 || id == model.T04 {
		for _, r := range rows {
			if hasNumber(r.cells) {
				p.unread(r.line, r.text())
			}
		}
		p.finding(model.SeverityWarning, "P7", "", rows[0].line, fmt.Sprintf("%s%s为每格一行的文本，多栏结构无法可靠还原，未读入", id.Number(), id.Name()))
		return []trow{}
	}
	cells := make([]string, len(rows))
	for i, r := range rows {
		cells[i] = firstNonEmpty(r.cells)
	}
	k := -1
	for i, c := range cells {
		if reAmount.MatchString(c) {
			k = i
			break
		}
	}
	if k < 0 {
		return nil
	}
	hdrEnd, dataStart := k, k
	// column-number row 1 2 3 … n
	n := 0
	for k+n < len(cells) && cells[k+n] == fmt.Sprint(n+1) {
		n++
	}
	if n >= 3 {
		dataStart = k + n
	} else if k > 0 {
		// the cell before the first number is the first row's name (合计)
		// unless it is a header word
		prev := compact(cells[k-1])
		if prev == "合计" || prev == "总计" || !p.headerWord(id, prev) {
			hdrEnd, dataStart = k-1, k-1
		}
	}
	if hdrEnd <= 0 {
		return nil
	}
	leaves := leavesFromCells(cells[:hdrEnd])
	fields := p.mapColumns(id, leaves, rows[0].line, false)
	var amountCols, textCols []int
	for c, f := range fields {
		if isTextField(f) {
			textCols = append(textCols, c)
		} else {
			amountCols = append(amountCols, c)
		}
	}
	out := []trow{{cells: leaves, line: rows[0].line}}
	var cur []int // indexes into rows of the current group
	failed, firstFailed := 0, 0
	var texts []trow // every group as text, for Unread
	flush := func() {
		if len(cur) == 0 {
			return
		}
		r, ok := placeCells(cells, cur, fields, textCols, amountCols)
		first := rows[cur[0]].line
		var parts []string
		for _, i := range cur {
			parts = append(parts, cells[i])
		}
		texts = append(texts, trow{cells: []string{strings.Join(parts, " ")}, line: first})
		if ok {
			out = append(out, trow{cells: r, line: first})
		} else {
			if failed == 0 {
				firstFailed = first
			}
			failed++
		}
		cur = nil
	}
	// Tables printed with two decimals ("180.00") have no integer amounts
	// but 0; there an integer after the amounts starts the next row (a code).
	decimals := false
	for _, c := range cells[dataStart:] {
		if reDecimal2.MatchString(c) {
			decimals = true
			break
		}
	}
	amts := 0
	for i := dataStart; i < len(cells); i++ {
		c := cells[i]
		isNum := reAmount.MatchString(c)
		code := reCode.MatchString(c) && c != "0"
		startsRow := amts > 0 && (!isNum || code && (decimals || amts >= len(amountCols)))
		if startsRow {
			flush()
			amts = 0
		}
		cur = append(cur, i)
		if isNum && !(code && amts == 0) {
			amts++
		}
	}
	flush()
	if failed > 0 {
		// a table with rows missing would state wrong totals: none of it
		// is read, every row is listed as unread
		for _, t := range texts {
			if hasNumber(t.cells) {
				p.unread(t.line, t.cells[0])
			}
		}
		p.finding(model.SeverityWarning, "P7", "", firstFailed, fmt.Sprintf("%s为每格一行的文本，有%d行的数字个数与栏数不符（空白格在文本中消失），无法确定各数所在栏目；整张表未读入，各行列在未读内容中", id.Number(), failed))
		return []trow{}
	}
	return out
}

var reDecimal2 = regexp.MustCompile(`^-?\d+\.\d{2}$`)

// codeFirst reports whether the next cell of the current group would still
// be a code (no text column after a code has been filled).
func codeFirst(cells []string, cur []int, fields []string, textCols []int) bool {
	codes := 0
	for _, c := range textCols {
		if isCodeField(fields[c]) {
			codes++
		}
	}
	seen := 0
	for _, i := range cur {
		if reCode.MatchString(cells[i]) {
			seen++
		}
	}
	return seen < codes
}

func placeCells(cells []string, group []int, fields []string, textCols, amountCols []int) ([]string, bool) {
	out := make([]string, len(fields))
	var texts, amts []string
	for _, i := range group {
		c := cells[i]
		if reAmount.MatchString(c) && len(amts) == 0 && len(texts) < len(textCols) && reCode.MatchString(c) && !strings.Contains(c, ".") && codeSlotLeft(texts, fields, textCols) {
			texts = append(texts, c)
			continue
		}
		if reAmount.MatchString(c) {
			amts = append(amts, c)
		} else {
			if len(amts) > 0 {
				return nil, false
			}
			texts = append(texts, c)
		}
	}
	if len(amts) != len(amountCols) {
		return nil, false
	}
	for j, c := range amountCols {
		out[c] = amts[j]
	}
	// texts: codes go to the next code column, names to the name column
	// after the last code used, or the first free name column
	pos := 0
	for _, t := range texts {
		isCode := reCode.MatchString(t)
		placed := false
		for ; pos < len(textCols); pos++ {
			c := textCols[pos]
			if isCodeField(fields[c]) == isCode {
				out[c] = t
				pos++
				placed = true
				break
			}
		}
		if !placed {
			return nil, false
		}
	}
	return out, true
}

func codeSlotLeft(texts []string, fields []string, textCols []int) bool {
	codes, used := 0, 0
	for _, c := range textCols {
		if isCodeField(fields[c]) {
			codes++
		}
	}
	for _, t := range texts {
		if reCode.MatchString(t) {
			used++
		}
	}
	return used < codes
}

func (p *parser) headerWord(id model.TableID, l string) bool {
	if codeNameField(l) != "" || amountField(id, l) != "" {
		return true
	}
	if id == model.T06 && hasAny(l, "编码", "名称", "人员经费", "公用经费") {
		return true
	}
	for _, pc := range parentChildren {
		if strings.HasPrefix(l, pc.parent) {
			return true
		}
	}
	return false
}

func hasNumber(cells []string) bool {
	for _, c := range cells {
		for _, r := range c {
			if isDigit(r) {
				return true
			}
		}
	}
	return false
}

// cell returns the cell at column c, or "".
func cell(r trow, c int) string {
	if c < 0 || c >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[c])
}

// amount parses an amount cell: "" and dashes are blank; ok is false for
// text in an amount column.
func amount(s string) (model.Amount, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "-", "—", "--", "——", "－":
		return model.Amount{}, true
	}
	if !reAmount.MatchString(s) {
		return model.Amount{}, false
	}
	a, err := model.ParseAmount(s)
	if err != nil {
		return model.Amount{}, false
	}
	return a, true
}

// readUnitTable reads the tables whose rows are units or items (all but 表一
// and 表四).
func (p *parser) readUnitTable(id model.TableID, leaves []string, data []trow, note []string) {
	line := 0
	if len(data) > 0 {
		line = data[0].line
	}
	fields := p.mapColumns(id, leaves, line, true)
	noteText := strings.Join(note, "")
	if id == model.T07 && isVertical(leaves) {
		p.readThreePublicVertical(leaves, data, noteText)
		return
	}
	if id == model.T07 && p.threePublicByYear(leaves, fields, data, noteText) {
		return
	}
	reportedCol := map[int]bool{}
	type parsed struct {
		text map[string]string
		amt  map[string]model.Amount
		line int
	}
	var rows []parsed
	for _, r := range data {
		pr := parsed{text: map[string]string{}, amt: map[string]model.Amount{}, line: r.line}
		bad := false
		any := false
		for c := range r.cells {
			v := cell(r, c)
			if v == "" {
				continue
			}
			f := ""
			if c < len(fields) {
				f = fields[c]
			}
			switch {
			case f == fOpCosts:
				if a, ok := amount(v); ok {
					p.res.Figures = append(p.res.Figures, model.Figure{Key: "表七.机关运行经费", Label: leafAt(leaves, c), Value: a, Unit: p.tabUnit, Line: r.line})
				} else {
					bad = true
				}
			case f == "":
				if hasNumber([]string{v}) {
					bad = true
					if !reportedCol[c] {
						reportedCol[c] = true
						p.finding(model.SeverityWarning, "P7", "", r.line, fmt.Sprintf("%s第%d列（表头“%s”）无法对应到表格栏目，该列数字未读入", id.Number(), c+1, leafAt(leaves, c)))
					}
				}
			case isTextField(f):
				if c < len(r.raw) && r.raw[c] != "" {
					v = r.raw[c]
				}
				pr.text[f] = v
				any = true
			default:
				a, ok := amount(v)
				if !ok {
					bad = true
					continue
				}
				pr.amt[f] = a
				any = true
			}
		}
		if bad {
			p.unread(r.line, r.text())
		}
		// a row of words only (续表, a sub-title) is not a table row, unless
		// it is a code or the 合计 row of an empty table
		wordsOnly := len(pr.amt) == 0 && pr.text[fUnitCode] == "" && pr.text[fFuncCode] == "" && pr.text[fCode] == ""
		isTotal := false
		for _, v := range pr.text {
			if v == "合计" || v == "总计" {
				isTotal = true
			}
		}
		if allBlank(pr.amt) && wordsOnly && !isTotal {
			continue
		}
		if any {
			rows = append(rows, pr)
		}
	}
	level := func(pr parsed) model.Level {
		for _, t := range pr.text {
			if t == "合计" || t == "总计" {
				return model.LevelTotal
			}
		}
		if id == model.T07 && len(rows) == 1 && len(pr.text) == 0 {
			return model.LevelTotal // one row of amounts without a label (Shanghai 表9)
		}
		if id == model.T06 {
			switch c := pr.text[fCode]; {
			case len(c) == 3:
				return model.LevelClass
			default:
				return model.LevelItem
			}
		}
		uc := pr.text[fUnitCode]
		switch {
		case pr.text[fFuncCode] != "" || pr.text[fProjName] != "" || pr.text[fItem] != "":
			return model.LevelDetail
		case len(uc) == 2:
			return model.LevelSection
		case len(uc) == 3:
			return model.LevelDepartment
		case uc != "":
			return model.LevelUnit
		}
		return model.LevelDetail
	}
	// label is the name a row prints: the text of field f, except on the 合计
	// row, whose label may stand in any text column (unit tables keep it in
	// UnitName, 表六 in Name).
	label := func(pr parsed, lv model.Level, f string) string {
		if lv != model.LevelTotal {
			return pr.text[f]
		}
		for _, t := range pr.text {
			if t == "合计" || t == "总计" {
				return t
			}
		}
		return ""
	}
	// A 合计 merged over the label columns may be read into a code column
	// (a PDF centres it there): it is the row's label, not a code.
	for _, pr := range rows {
		for _, f := range []string{fUnitCode, fFuncCode, fCode} {
			if t := pr.text[f]; t == "合计" || t == "总计" {
				pr.text[f] = ""
				if pr.text[fUnitName] == "" && id != model.T06 {
					pr.text[fUnitName] = t
				} else if pr.text[fName] == "" {
					pr.text[fName] = t
				}
			}
		}
	}
	switch id {
	case model.T06:
		t := &model.BasicTable{Rows: []model.BasicRow{}, Note: noteText}
		for _, pr := range rows {
			lv := level(pr)
			nm := label(pr, lv, fName)
			t.Rows = append(t.Rows, model.BasicRow{Level: lv, Code: pr.text[fCode], Name: nm, Total: pr.amt[fTotal], Personnel: pr.amt[fPersonnel], Public: pr.amt[fPublic]})
		}
		p.d.Tables.T06 = t
	case model.T02:
		t := &model.IncomeTable{Rows: []model.IncomeRow{}, Note: noteText}
		for _, pr := range rows {
			lv := level(pr)
			un := label(pr, lv, fUnitName)
			t.Rows = append(t.Rows, model.IncomeRow{Level: lv, UnitCode: pr.text[fUnitCode], UnitName: un, Total: pr.amt[fTotal], Subtotal: pr.amt[fSubtotal], General: pr.amt[fGeneral], GovFund: pr.amt[fGovFund], StateCapital: pr.amt[fStateCap], SpecialAccount: pr.amt[fSpecial], UnitFunds: pr.amt[fUnitFunds], Carryover: pr.amt[fCarryover]})
		}
		p.d.Tables.T02 = t
	case model.T07:
		t := &model.ThreePublicTable{Rows: []model.ThreePublicRow{}, Note: noteText}
		for _, pr := range rows {
			lv := level(pr)
			un := label(pr, lv, fUnitName)
			t.Rows = append(t.Rows, model.ThreePublicRow{Level: lv, UnitCode: pr.text[fUnitCode], UnitName: un, Total: pr.amt[fTotal], Abroad: pr.amt[fAbroad], VehicleSubtotal: pr.amt[fVehSub], VehiclePurchase: pr.amt[fVehPur], VehicleOperation: pr.amt[fVehOp], Reception: pr.amt[fReception]})
		}
		p.d.Tables.T07 = t
	case model.T09:
		t := &model.ProcurementTable{Rows: []model.ProcurementRow{}, Note: noteText}
		for _, pr := range rows {
			lv := level(pr)
			un := label(pr, lv, fUnitName)
			t.Rows = append(t.Rows, model.ProcurementRow{Level: lv, UnitCode: pr.text[fUnitCode], UnitName: un, Project: pr.text[fProjName], Item: pr.text[fItem], MeasureUnit: pr.text[fMeasure], Quantity: pr.amt[fQuantity], Total: pr.amt[fTotal], General: pr.amt[fGeneral], GovFund: pr.amt[fGovFund], StateCapital: pr.amt[fStateCap], SpecialAccount: pr.amt[fSpecial], UnitFunds: pr.amt[fUnitFunds]})
		}
		p.d.Tables.T09 = t
	default:
		t := &model.ExpenditureTable{Rows: []model.ExpenditureRow{}, Note: noteText}
		for _, f := range fields {
			if f == fBasic || f == fProject {
				t.Scheme = model.SchemeBasicProject
			}
		}
		for _, pr := range rows {
			lv := level(pr)
			un := label(pr, lv, fUnitName)
			t.Rows = append(t.Rows, model.ExpenditureRow{Level: lv, UnitCode: pr.text[fUnitCode], UnitName: un, FuncCode: pr.text[fFuncCode], FuncName: pr.text[fFuncName], Total: pr.amt[fTotal], Personnel: pr.amt[fPersonnel], Public: pr.amt[fPublic], OtherOperating: pr.amt[fOtherOp], Specific: pr.amt[fSpecific], Basic: pr.amt[fBasic], Project: pr.amt[fProject]})
		}
		p.d.Tables.SetExpenditure(id, t)
	}
}

func allBlank(m map[string]model.Amount) bool {
	for _, a := range m {
		if !a.IsBlank() {
			return false
		}
	}
	return true
}

func leafAt(leaves []string, c int) string {
	if c < len(leaves) {
		return leaves[c]
	}
	return ""
}

// budgetColumn returns the column of this year's budget in a 项目 | 预算数
// table that may also print the year before and the change (上年预算数 |
// 本年预算数 | 增减额 | 增减率): the column naming the budget year or 本年,
// else the only amount column that names neither the year before nor a
// change; -1 when that cannot be told.
func (p *parser) budgetColumn(leaves []string) int {
	var cands []int
	for c, l := range leaves {
		if c == 0 || !hasAny(l, "预算数", "金额", "合计", "预算", "数") {
			continue
		}
		if hasAny(l, "增减", "变动", "增长", "比上年", "幅度", "率") {
			continue
		}
		if p.year > 0 && strings.Contains(l, strconv.Itoa(p.year)) || hasAny(l, "本年", "本期") {
			return c
		}
		if hasAny(l, "上年", "去年") || p.year > 0 && strings.Contains(l, strconv.Itoa(p.year-1)) {
			continue
		}
		cands = append(cands, c)
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return -1
}

// threePublicByYear reads a 表七 whose rows are years and changes rather
// than units (上年预算数 / 本年预算数 / 增减额): the row of the budget year
// becomes the 合计 row; the rows of the year before and of the change are
// listed as figures of the table, never read as units. false when the
// table has no such rows.
func (p *parser) threePublicByYear(leaves, fields []string, data []trow, note string) bool {
	kind := func(r trow) string {
		lab := compact(firstNonEmpty(r.cells))
		switch {
		case hasAny(lab, "增减", "变动", "比上年", "增长", "幅度"):
			return "change"
		case hasAny(lab, "上年", "去年") || p.year > 0 && strings.HasPrefix(lab, strconv.Itoa(p.year-1)):
			return "prior"
		case hasAny(lab, "本年") || p.year > 0 && strings.HasPrefix(lab, strconv.Itoa(p.year)):
			return "this"
		}
		return ""
	}
	byYear := false
	for _, r := range data {
		if kind(r) == "this" {
			byYear = true
		}
	}
	if !byYear {
		return false
	}
	row := model.ThreePublicRow{Level: model.LevelTotal, UnitName: "合计"}
	for _, r := range data {
		k := kind(r)
		lab := compact(firstNonEmpty(r.cells))
		for c := range r.cells {
			if c == 0 || c < len(fields) && isTextField(fields[c]) {
				continue
			}
			a, unit, ok := p.tableFigure(cell(r, c), lab)
			if !ok {
				p.unread(r.line, r.text())
				break
			}
			if a.IsBlank() || c >= len(fields) {
				continue
			}
			if k != "this" {
				p.res.Figures = append(p.res.Figures, model.Figure{Key: "表七." + lab + "[" + leafAt(leaves, c) + "]", Label: lab + " " + leafAt(leaves, c), Value: a, Unit: unit, Line: r.line})
				continue
			}
			var f *model.Amount
			switch fields[c] {
			case fTotal:
				f = &row.Total
			case fAbroad:
				f = &row.Abroad
			case fVehSub:
				f = &row.VehicleSubtotal
			case fVehPur:
				f = &row.VehiclePurchase
			case fVehOp:
				f = &row.VehicleOperation
			case fReception:
				f = &row.Reception
			}
			if f == nil {
				p.unread(r.line, r.text())
				break
			}
			*f = a
		}
		if k == "" && hasNumber(r.cells) {
			p.unread(r.line, r.text())
		}
	}
	p.d.Tables.T07 = &model.ThreePublicTable{Rows: []model.ThreePublicRow{row}, Note: note}
	return true
}

// tableFigure reads a cell that may be an amount or a percentage (-12.50%,
// or any cell of a column or row named …率); ok is false for a cell that is
// neither (listed as unread by the caller).
func (p *parser) tableFigure(v, name string) (model.Amount, string, bool) {
	unit := p.tabUnit
	if strings.HasSuffix(v, "%") || strings.Contains(name, "率") {
		unit = "%"
		v = strings.TrimSuffix(v, "%")
	}
	a, ok := amount(v)
	return a, unit, ok
}

// isVertical reports the 项目 | 预算数 layout of 表七.
func isVertical(leaves []string) bool {
	hasItem, hasAmt := false, false
	for _, l := range leaves {
		if l == "项目" || l == "项目名称" {
			hasItem = true
		}
		if hasAny(l, "预算数", "金额", "预算") {
			hasAmt = true
		}
	}
	return hasItem && hasAmt
}

// readThreePublicVertical reads 表七 as 项目/预算数 rows into one total row.
func (p *parser) readThreePublicVertical(leaves []string, data []trow, note string) {
	amtCol := p.budgetColumn(leaves)
	if amtCol < 0 {
		for _, r := range data {
			p.unread(r.line, r.text())
		}
		p.finding(model.SeverityWarning, "P7", "", 0, "表七有多个金额栏，无法确定哪一栏是本年预算数，未读入")
		p.d.Tables.T07 = nil
		return
	}
	row := model.ThreePublicRow{Level: model.LevelTotal, UnitName: "合计"}
	for _, r := range data {
		lab := compact(cell(r, 0))
		// the other amount columns (上年预算数, 增减额, 增减率) are listed as
		// figures of the table, not dropped and not taken for this year's
		for c := 1; c < len(leaves); c++ {
			if c == amtCol {
				continue
			}
			a, unit, ok := p.tableFigure(cell(r, c), leaves[c])
			switch {
			case ok && !a.IsBlank():
				p.res.Figures = append(p.res.Figures, model.Figure{Key: "表七." + leaves[c] + "[" + lab + "]", Label: lab + " " + leaves[c], Value: a, Unit: unit, Line: r.line})
			case !ok:
				p.unread(r.line, r.text())
			}
		}
		a, ok := amount(cell(r, amtCol))
		if !ok {
			p.unread(r.line, r.text())
			continue
		}
		var f *model.Amount
		switch {
		case hasAny(lab, "合计", "总计"):
			f = &row.Total
		case hasAny(lab, "出国", "出境"):
			f = &row.Abroad
		case hasAny(lab, "购置及运行", "购置和运行"):
			f = &row.VehicleSubtotal
		case hasAny(lab, "购置"):
			f = &row.VehiclePurchase
		case hasAny(lab, "运行", "维护"):
			f = &row.VehicleOperation
		case hasAny(lab, "接待"):
			f = &row.Reception
		}
		if f == nil {
			if !a.IsBlank() {
				p.unread(r.line, r.text())
			}
			continue
		}
		*f = a
	}
	p.d.Tables.T07 = &model.ThreePublicTable{Rows: []model.ThreePublicRow{row}, Note: note}
}
