package text

import (
	"fmt"
	"regexp"
	"strings"

	"gongkai/model"
)

// tableNames recognise the ten tables by their title words, most specific
// first (一般公共预算基本支出表 before 一般公共预算支出表 …).
var tableNames = []struct {
	words []string
	id    model.TableID
}{
	{[]string{"一般公共预算基本支出"}, model.T06},
	{[]string{"三公"}, model.T07},
	{[]string{"一般公共预算支出"}, model.T05},
	{[]string{"一般公共预算财政拨款支出"}, model.T05},
	{[]string{"财政拨款收支"}, model.T04},
	{[]string{"收支总表"}, model.T01},
	{[]string{"收支预算总表"}, model.T01},
	{[]string{"收入总表"}, model.T02},
	{[]string{"收入预算总表"}, model.T02},
	{[]string{"政府性基金预算支出"}, model.T08},
	{[]string{"政府性基金支出"}, model.T08},
	{[]string{"政府采购预算"}, model.T09},
	{[]string{"政府采购支出"}, model.T09},
	{[]string{"国有资本经营预算支出"}, model.T10},
	{[]string{"国有资本经营支出"}, model.T10},
	{[]string{"支出总表"}, model.T03},
	{[]string{"支出预算总表"}, model.T03},
}

var (
	reTableNo  = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|表[一二三四五六七八九十\d]+[:、.]?|公开\d+表|公开表\d+(?:-\d+)?[:、.]?|附表\d*[:、.]?|\([一二三四五六七八九十\d]+\))`)
	reUnitLine = regexp.MustCompile(`^(?:金额|预算|计量)?单位[:]?(万元|元|亿元|千元)$`)
	reAmount   = regexp.MustCompile(`^-?\d+(?:\.\d+)?$`)
	reCode     = regexp.MustCompile(`^\d{1,8}$`)
	reLead     = regexp.MustCompile(`^(\d{3,8})\s*(\D.*)$`)
	reSpaces   = regexp.MustCompile(`\s{2,}`)
)

// tableTitle returns the table a line names, or "".
func tableTitle(l string) model.TableID {
	cells := splitCells(l)
	if len(cells) != 1 {
		return ""
	}
	h := compact(headingText(cells[0]))
	// a web page may give the title, 编制部门 and 单位 as one line
	if k := strings.Index(h, "编制部门"); k > 0 {
		h = h[:k]
	} else if k := strings.Index(h, "编制单位"); k > 0 {
		h = h[:k]
	}
	h = strings.Trim(h, "*")
	h = reTableNo.ReplaceAllString(h, "")
	if !strings.Contains(h, "表") || strings.ContainsAny(h, "。；;") || len([]rune(h)) > 40 {
		return ""
	}
	// a numbered title keeps the year: 2023年部门收支总表
	if reDigits.MatchString(reYearWord.ReplaceAllString(h, "")) {
		return ""
	}
	for _, t := range tableNames {
		ok := true
		for _, w := range t.words {
			if !strings.Contains(h, w) {
				ok = false
			}
		}
		if ok {
			return t.id
		}
	}
	return ""
}

// splitCells returns the non-empty cells of a line in tab or pipe form; a
// plain line is one cell.
func splitCells(l string) []string {
	var parts []string
	switch {
	case strings.Contains(l, "\t"):
		parts = strings.Split(l, "\t")
	case strings.HasPrefix(strings.TrimSpace(l), "|"):
		parts = strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|")
	default:
		parts = []string{l}
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// A trow is one table row as text cells, with its source line. raw holds
// the same cells as stated (full-width punctuation kept) when the raw line
// splits into as many cells.
type trow struct {
	cells []string
	raw   []string
	line  int
}

// rawCells splits source line k like its normalised form; nil when the
// cell count differs.
func (p *parser) rawCells(k int, mode string, n int) []string {
	l := p.raw[k]
	var cells []string
	switch mode {
	case "tab":
		cells = strings.Split(l, "\t")
	case "pipe":
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "|") {
			return nil
		}
		cells = strings.Split(strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|"), "|")
	default:
		cells = []string{l}
	}
	if len(cells) != n {
		return nil
	}
	for i := range cells {
		cells[i] = compactCell(lightText(cells[i]))
	}
	return cells
}

func (r trow) text() string { return strings.Join(r.cells, " ") }

// findTables finds every table given as text and fills the model.
func (p *parser) findTables() {
	for i := 0; i < len(p.lines); i++ {
		id := tableTitle(p.lines[i])
		if id == "" {
			continue
		}
		conv := id == model.T07 && p.nineInWan(i)
		p.quietWan = conv
		before := len(p.res.Findings)
		end, ok := p.readTable(i, id)
		p.quietWan = false
		if ok && id == model.T07 && p.nineUnplaced(i, end, before) {
			conv = false
		}
		if ok && conv {
			p.wanToYuan(i, end)
		}
		if ok {
			for k := i; k < end; k++ {
				p.inTab[k] = true
			}
			i = end - 1
		}
	}
}

// reSectionHead matches a section heading of the text (二、…情况说明).
var reSectionHead = regexp.MustCompile(`^[一二三四五六七八九十]+、.{0,40}(?:情况|说明)$`)

var rePart = regexp.MustCompile(`^第?[一二三四五六七八九十\d]+部分`)

// blockEnd returns the line after the table block starting at title line i.
func (p *parser) blockEnd(i int) int {
	j := i + 1
	sawNumber := false
	for ; j < len(p.lines); j++ {
		l := strings.TrimSpace(p.lines[j])
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "#") || rePart.MatchString(compact(l)) || tableTitle(l) != "" {
			break
		}
		// a numbered heading after the table's numbers starts the text again
		if sawNumber && !strings.Contains(l, "\t") && !strings.Contains(l, "|") && reSectionHead.MatchString(compact(headingText(l))) {
			break
		}
		if hasNumber([]string{l}) {
			sawNumber = true
		}
		if !strings.Contains(l, "\t") && !strings.HasPrefix(l, "|") && strings.Contains(l, "。") && len([]rune(l)) > 25 && !strings.HasPrefix(compact(l), "注") {
			break
		}
	}
	// trailing blank lines are not part of the block
	for j > i+1 && strings.TrimSpace(p.lines[j-1]) == "" {
		j--
	}
	return j
}

// readTable reads the table whose title is on line i; ok is false when no
// table body follows (a table of contents entry).
func (p *parser) readTable(i int, id model.TableID) (end int, ok bool) {
	end = p.blockEnd(i)
	var rows []trow
	var note []string
	mode := "cell"
	lines, pipeCells := 0, 0
	for k := i + 1; k < end; k++ {
		l := p.lines[k]
		t := strings.TrimSpace(l)
		if t != "" {
			lines++
		}
		if strings.Trim(t, "|") == "" && t != "" || strings.HasSuffix(t, "|") && !strings.HasPrefix(t, "|") && strings.Count(t, "|") == 1 {
			pipeCells++
		}
		if strings.Contains(l, "\t") {
			mode = "tab"
		} else if strings.HasPrefix(t, "|") && mode != "tab" {
			mode = "pipe"
		}
	}
	if mode != "tab" && lines > 0 && pipeCells*2 >= lines {
		// one cell per line, cells ended by " |" or separated by "|" lines
		mode = "pipecell"
	}
	sepBefore, seenAmount := false, false
	for k := i + 1; k < end; k++ {
		l := p.lines[k]
		if strings.TrimSpace(l) == "" {
			continue
		}
		if mode == "pipecell" {
			t := strings.TrimSpace(l)
			if strings.Trim(t, "|") == "" {
				// a separator line: "|" after a "|" (or "||") encloses an empty cell
				n := strings.Count(t, "|")
				if !sepBefore {
					n--
				}
				for ; n > 0 && seenAmount; n-- {
					rows = append(rows, trow{cells: []string{""}, line: k + 1})
				}
				sepBefore = true
				continue
			}
			c := compactCell(strings.TrimSuffix(t, "|"))
			sepBefore = strings.HasSuffix(t, "|")
			if reAmount.MatchString(c) {
				seenAmount = true
			}
			if m := reUnitLine.FindStringSubmatch(compact(c)); m != nil {
				p.setTableUnit(m[1], k+1)
				continue
			}
			if strings.HasPrefix(c, "注") {
				note = append(note, lightText(p.raw[k]))
				continue
			}
			rows = append(rows, trow{cells: []string{c}, line: k + 1})
			continue
		}
		var cells []string
		switch mode {
		case "tab":
			cells = strings.Split(l, "\t")
		case "pipe":
			t := strings.TrimSpace(l)
			if !strings.HasPrefix(t, "|") {
				cells = []string{t}
				break
			}
			t = strings.TrimPrefix(t, "|")
			t = strings.TrimSuffix(t, "|")
			cells = strings.Split(t, "|")
			if isPipeRule(cells) {
				continue
			}
		default:
			cells = []string{l}
		}
		for c := range cells {
			cells[c] = compactCell(cells[c])
		}
		first := firstNonEmpty(cells)
		if m := reUnitLine.FindStringSubmatch(compact(first)); m != nil {
			p.setTableUnit(m[1], k+1)
			continue
		}
		if strings.HasPrefix(first, "注") && len(nonEmpty(cells)) == 1 {
			note = append(note, lightText(p.raw[k]))
			continue
		}
		if len(nonEmpty(cells)) == 1 && (len(cells) == 1 || mode == "cell") && (strings.HasPrefix(first, "部门:") || strings.HasPrefix(first, "编制单位") || strings.HasPrefix(first, "单位名称:") || reTableNo.MatchString(first) && !reAmount.MatchString(first) && len([]rune(first)) <= 6) {
			continue
		}
		if mode == "cell" && reSpaces.MatchString(strings.TrimSpace(l)) {
			// a layout-preserving extraction (pdftotext -layout): cells are
			// separated by runs of spaces; each becomes one cell line
			for _, c := range reSpaces.Split(strings.TrimSpace(l), -1) {
				rows = append(rows, trow{cells: []string{compactCell(c)}, line: k + 1})
			}
			continue
		}
		rows = append(rows, trow{cells: cells, raw: p.rawCells(k, mode, len(cells)), line: k + 1})
	}
	if len(rows) == 0 && len(note) == 0 {
		return i + 1, false
	}
	if id != model.T07 && id != model.T09 && p.isShanghai(i, id, rows, mode) {
		if p.readShanghai(i, end, id, rows, mode, note) {
			return end, true
		}
		p.unreadTable(i, end)
		p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s（上海九张表的版式）的表格文本无法按版式 shanghai 的栏目读入（栏目与表头不符，或空白格在文本中消失）；整张表未读入，各行列在未读内容中", compact(p.lines[i])))
		return end, true
	}
	if id == model.T07 && (mode == "cell" || mode == "pipecell") {
		if fr := flatThreePublic(rows); fr != nil {
			rows, mode = fr, "tab"
		} else if pr := pairVertical(rows); pr != nil {
			p.readThreePublicVertical(pr[0].cells, pr[1:], strings.Join(note, "\n"))
			return end, true
		}
	}
	if mode == "cell" || mode == "pipecell" {
		orig := rows
		rows = p.regroup(id, rows)
		if rows == nil {
			return p.failTable(i, end, id, orig)
		}
		if len(rows) == 0 {
			// lines consumed and reported, table not read
			return end, true
		}
	}
	header, data := splitHeader(rows)
	if len(header) == 0 && len(note) == 0 {
		// no header words: not a table body
		return p.failTable(i, end, id, rows)
	}
	leaves, paths := headerLeaves(header, width(rows))
	if id != model.T07 && shanghaiForm(p.lines[i], header) {
		// The Shanghai nine-table layout (类|款|项 code columns, income by
		// source per function row) has no text reader yet: its rows are
		// listed as unread rather than read into the wrong columns.
		p.unreadTable(i, end)
		p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s（上海九张表的版式）的表格文本暂不能按栏目读入；各行列在未读内容中，请用公开表工作簿（.xlsx）或 JSON", compact(p.lines[i])))
		return end, true
	}
	switch id {
	case model.T01, model.T04:
		p.readSummary(id, leaves, paths, data, note)
		if t := p.summaryTable(id); t != nil && shiftedSummary(t) {
			// blank cells lost in the text moved expenditure rows into the
			// income column: none of the table is read
			p.setSummaryTable(id, nil)
			p.unreadTable(i, end)
			p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s%s的空白格在文本中消失，收入栏出现支出项目，无法确定各数所在栏目；整张表未读入，各行列在未读内容中", id.Number(), id.Name()))
		}
	default:
		p.readUnitTable(id, leaves, data, note)
	}
	if p.tableEmpty(id) && len(note) == 0 {
		// numbers in the block but no row read: never drop them silently
		numeric := false
		for k := i + 1; k < end; k++ {
			if hasNumber([]string{p.lines[k]}) && !reUnitLine.MatchString(compact(p.lines[k])) {
				numeric = true
			}
		}
		if numeric {
			p.clearTable(id)
			p.unreadTable(i, end)
			p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s%s的表格文本无法按栏目读入，未读入；各行列在未读内容中", id.Number(), id.Name()))
		}
	}
	return end, true
}

// tableEmpty reports a table that was read without any row or line.
func (p *parser) tableEmpty(id model.TableID) bool {
	ts := &p.d.Tables
	switch id {
	case model.T01, model.T04:
		t := p.summaryTable(id)
		return t == nil || len(t.Income) == 0 && len(t.Functions) == 0 && len(t.Categories) == 0 && len(t.Economic) == 0 && t.IncomeGrandTotal.IsBlank()
	case model.T02:
		return ts.T02 == nil || len(ts.T02.Rows) == 0
	case model.T06:
		return ts.T06 == nil || len(ts.T06.Rows) == 0
	case model.T07:
		return ts.T07 == nil || len(ts.T07.Rows) == 0
	case model.T09:
		return ts.T09 == nil || len(ts.T09.Rows) == 0
	case model.T03:
		return ts.T03 == nil || len(ts.T03.Rows) == 0
	case model.T05:
		return ts.T05 == nil || len(ts.T05.Rows) == 0
	case model.T08:
		return ts.T08 == nil || len(ts.T08.Rows) == 0
	case model.T10:
		return ts.T10 == nil || len(ts.T10.Rows) == 0
	}
	return false
}

// failTable handles a table title whose block could not be read: with no
// number in it, it was a table of contents entry (not a table); with
// numbers, its lines are the table's, listed as unread, with a P7 finding.
func (p *parser) failTable(i, end int, id model.TableID, rows []trow) (int, bool) {
	numeric := false
	for _, r := range rows {
		for _, c := range r.cells {
			if reAmount.MatchString(c) || strings.ContainsAny(c, "0123456789") && hasAmountWord(c) {
				numeric = true
			}
		}
	}
	if !numeric {
		return i + 1, false
	}
	seen := map[int]bool{}
	for k := i + 1; k < end; k++ {
		if !seen[k] && hasNumber([]string{p.lines[k]}) {
			seen[k] = true
			p.unread(k+1, p.lines[k])
		}
	}
	p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s%s的表格文本无法按栏目读入，未读入；各行列在未读内容中", id.Number(), id.Name()))
	return end, true
}

func hasAmountWord(c string) bool {
	for _, f := range strings.Fields(c) {
		if reAmount.MatchString(f) {
			return true
		}
	}
	return false
}

func isPipeRule(cells []string) bool {
	any := false
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if strings.Trim(c, "-: ") != "" {
			return false
		}
		any = true
	}
	return any
}

// compactCell removes the spaces inside a cell left by PDF extraction
// ("收 入", "天门市12345公共服务 热线中心").
func compactCell(c string) string {
	c = strings.TrimSpace(c)
	c = strings.Trim(c, "*") // markdown bold
	return strings.TrimSpace(c)
}

func firstNonEmpty(cells []string) string {
	for _, c := range cells {
		if c != "" {
			return c
		}
	}
	return ""
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

func width(rows []trow) int {
	w := 0
	for _, r := range rows {
		if len(r.cells) > w {
			w = len(r.cells)
		}
	}
	return w
}

func (p *parser) setTableUnit(u string, line int) {
	if p.quietWan && u == model.UnitWanYuan {
		return // the Shanghai 表9 in 万元, converted to the tables' 元
	}
	if u != model.UnitWanYuan && u != model.UnitYuan {
		p.finding(model.SeverityWarning, "P3", "unit", line, fmt.Sprintf("公开表单位为%s，不是万元或元；数值按原文保留", u))
	}
	if p.tabUnit != "" && p.tabUnit != u {
		p.finding(model.SeverityWarning, "P3", "unit", line, fmt.Sprintf("公开表单位不一致：此前为%s，此处为%s；数值均按原文保留，未作换算", p.tabUnit, u))
		return
	}
	p.tabUnit = u
}

// isNumberRow reports the column-number row 1 2 3 … n.
func isNumberRow(cells []string) bool {
	ne := nonEmpty(cells)
	if len(ne) < 3 {
		return false
	}
	for i, c := range ne {
		if c != fmt.Sprint(i+1) {
			return false
		}
	}
	return true
}

// splitHeader separates header rows from data rows: data starts at the first
// row with an amount cell, after the column-number row, or at a lone 合计.
func splitHeader(rows []trow) (header, data []trow) {
	for i, r := range rows {
		if isNumberRow(r.cells) {
			return rows[:i], rows[i+1:]
		}
		ne := nonEmpty(r.cells)
		for _, c := range ne {
			if reAmount.MatchString(c) && !reCode.MatchString(c) || c == "0" {
				return rows[:i], rows[i:]
			}
		}
		if len(ne) == 1 && (ne[0] == "合计" || ne[0] == "总计") && i > 0 {
			return rows[:i], rows[i:]
		}
		if i > 0 && len(ne) > 0 && reCode.MatchString(ne[0]) && len(ne) >= 2 {
			return rows[:i], rows[i:]
		}
	}
	return rows, nil
}

// headerLeaves returns, per column, the bottom-most header text and the full
// path of header texts (parents carried over their merged width).
func headerLeaves(header []trow, w int) (leaves, paths []string) {
	leaves = make([]string, w)
	paths = make([]string, w)
	for ri, r := range header {
		carry := ""
		for c := 0; c < w; c++ {
			t := ""
			if c < len(r.cells) {
				t = compact(r.cells[c])
			}
			if t != "" {
				carry = t
				leaves[c] = t
				paths[c] += "/" + t
				continue
			}
			// an empty cell right of a parent belongs to it when a lower row
			// names a child here
			if carry != "" && ri+1 < len(header) && c < len(header[ri+1].cells) && strings.TrimSpace(header[ri+1].cells[c]) != "" {
				paths[c] += "/" + carry
				continue
			}
			carry = ""
		}
	}
	return leaves, paths
}

// pairVertical turns the one-cell-per-line form of a 项目 | 预算数 table
// (表七 of many regions) into rows of two cells: a label and the amount
// after it. A label followed by another label has a blank amount (never
// the next row's). nil when the header is not 项目 | 预算数.
func pairVertical(rows []trow) []trow {
	k := 0
	var hdr []string
	for k < len(rows) && len(hdr) < 2 {
		if c := rows[k].cells[0]; c != "" {
			hdr = append(hdr, compact(c))
		}
		k++
	}
	if len(hdr) != 2 || !isVertical(hdr) || reAmount.MatchString(hdr[1]) {
		return nil
	}
	out := []trow{{cells: hdr, line: rows[0].line}}
	for ; k < len(rows); k++ {
		c := rows[k].cells[0]
		if c == "" || reAmount.MatchString(c) {
			return nil // an amount without its label: not this layout
		}
		r := trow{cells: []string{c, ""}, line: rows[k].line}
		if k+1 < len(rows) && (rows[k+1].cells[0] == "" || reAmount.MatchString(rows[k+1].cells[0])) {
			r.cells[1] = rows[k+1].cells[0]
			k++
		}
		out = append(out, r)
	}
	return out
}

// flatThreePublic reads the one-cell-per-line form of a 表七 with its items
// as columns (合计 | 因公出国 | 公务用车购置及运行费 {小计 | 购置费 | 运行费} |
// 公务接待费) and one row of amounts: the parent 公务用车购置及运行费 gives its
// place to its sub-columns, printed after the first header row. The result
// is a header row and a data row; nil unless there are exactly as many
// amounts as leaf columns (never a guess at a missing cell).
func flatThreePublic(rows []trow) []trow {
	var hdr, amts []string
	for _, r := range rows {
		c := compact(r.cells[0])
		switch {
		case c == "":
		case reAmount.MatchString(c):
			amts = append(amts, c)
		case len(amts) > 0:
			return nil // words after the amounts: not one row
		default:
			hdr = append(hdr, c)
		}
	}
	// a header cell broken over two lines (公务 / 接待费): a piece that names
	// no column joins the next one
	var joined []string
	for i := 0; i < len(hdr); i++ {
		h := hdr[i]
		if i+1 < len(hdr) && !hasAny(h, "合计", "总计", "出国", "出境", "小计", "购置", "运行", "维护", "接待") && hasAny(h+hdr[i+1], "接待", "出国", "购置", "运行") {
			h += hdr[i+1]
			i++
		}
		joined = append(joined, h)
	}
	hdr = joined
	sub := -1
	for i, h := range hdr {
		if h == "小计" {
			sub = i
			break
		}
	}
	parent := -1
	for i, h := range hdr {
		if i < sub && hasAny(h, "购置及运行", "购置和运行") {
			parent = i
		}
	}
	if sub < 0 || parent < 0 {
		return nil
	}
	leaves := append(append(append([]string{}, hdr[:parent]...), hdr[sub:]...), hdr[parent+1:sub]...)
	if len(leaves) != len(amts) || len(leaves) < 4 {
		return nil
	}
	line := rows[0].line
	return []trow{{cells: leaves, line: line}, {cells: amts, line: rows[len(rows)-1].line}}
}

// shanghaiForm recognises a table of the Shanghai nine-table layout by its
// title (财务收支预算总表, …功能分类预算表, …经济分类预算表) or by code
// columns split into 类 | 款 (| 项) in its header.
func shanghaiForm(title string, header []trow) bool {
	t := compact(title)
	if hasAny(t, "财务收支预算总表", "功能分类预算表", "经济分类预算表") {
		return true
	}
	for _, r := range header {
		lei, kuan := false, false
		for _, c := range r.cells {
			switch compact(c) {
			case "类":
				lei = true
			case "款":
				kuan = true
			}
		}
		if lei && kuan {
			return true
		}
	}
	return false
}

// unreadTable lists every line of a table block holding a number.
func (p *parser) unreadTable(i, end int) {
	for k := i + 1; k < end; k++ {
		if hasNumber([]string{p.lines[k]}) {
			p.unread(k+1, p.lines[k])
		}
	}
}

func (p *parser) summaryTable(id model.TableID) *model.SummaryTable {
	if id == model.T01 {
		return p.d.Tables.T01
	}
	return p.d.Tables.T04
}

func (p *parser) setSummaryTable(id model.TableID, t *model.SummaryTable) {
	if id == model.T01 {
		p.d.Tables.T01 = t
	} else {
		p.d.Tables.T04 = t
	}
}

// shiftedSummary reports a summary table whose columns were misplaced: an
// expenditure class on the income side, or an amount where a name belongs.
func shiftedSummary(t *model.SummaryTable) bool {
	for _, l := range t.Income {
		lab := compact(l.Label)
		if strings.HasSuffix(lab, "支出") || isFunctionClass(strings.TrimLeft(reTableNo.ReplaceAllString(lab, ""), " ")) {
			return true
		}
	}
	for _, f := range t.Functions {
		n := strings.ReplaceAll(compact(f.Name), ",", "")
		if n != "" && (reAmount.MatchString(n) || strings.Trim(n, ",0123456789.") == "") {
			return true
		}
	}
	return false
}

// clearTable removes a table that was not read.
func (p *parser) clearTable(id model.TableID) { p.d.Tables.Clear(id) }
