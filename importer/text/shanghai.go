package text

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"gongkai/model"
	"gongkai/profiles"
)

// The Shanghai nine-table layout (表1–8; 表9 is read as 表七) is read from
// the shanghai profile: the header words of each table's leaf columns and
// the model field each one shows. Nothing here lists header words of its
// own; a new Shanghai year whose profile changes is read from that profile.

var shanghaiProfile = sync.OnceValue(func() *profiles.Profile {
	p, err := profiles.Open("shanghai")
	if err != nil {
		return nil
	}
	return p
})

// shPage is one block (a page, or a 续 page) of a Shanghai table read so far.
type shPage struct{ start, end int }

var (
	reOrdinal   = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\d+[.、]|\([一二三四五六七八九十\d]+\))`)
	reThousands = regexp.MustCompile(`^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$`)
	reLeadCodes = regexp.MustCompile(`^(\d{3}(?:\s+\d{2}){0,2}|\d{5}|\d{7})\s+(\S.*)$`)
)

// shAmount parses an amount cell of a Shanghai table: blank, a number, or
// a number with thousands separators (189,767,551); ok false otherwise.
func shAmount(s string) (model.Amount, bool) {
	s = strings.TrimSpace(s)
	if reThousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	return amount(s)
}

func isShAmount(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (reAmount.MatchString(s) || reThousands.MatchString(s))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// shNorm compares labels: no spaces, no leading ordinal (一、 1. (一)).
func shNorm(s string) string {
	s = compact(s)
	return reOrdinal.ReplaceAllString(s, "")
}

// shanghaiCells reports a one-cell-per-line header with 类 and 款 on
// consecutive lines.
func shanghaiCells(rows []trow) bool {
	for k := 0; k+1 < len(rows); k++ {
		if compact(firstNonEmpty(rows[k].cells)) == "类" && compact(firstNonEmpty(rows[k+1].cells)) == "款" {
			return true
		}
	}
	return false
}

// shanghaiPrepare drops the 编制部门 / 单位 lines of a table block (taking
// the unit) and blank rows.
func (p *parser) shanghaiPrepare(title string, rows []trow) []trow {
	if m := reTitleUnit.FindStringSubmatch(compact(title)); m != nil {
		p.setTableUnit(m[1], 0)
	}
	var out []trow
	for _, r := range rows {
		keep := false
		drop := false
		for _, c := range r.cells {
			cc := compact(c)
			if m := reUnitLine.FindStringSubmatch(cc); m != nil {
				p.setTableUnit(m[1], r.line)
				drop = true
				continue
			}
			if strings.HasPrefix(cc, "编制部门") || strings.HasPrefix(cc, "编制单位") || rePageBreak.MatchString(cc) {
				drop = true
				continue
			}
			if cc != "" {
				keep = true
			}
		}
		if keep && !drop {
			out = append(out, r)
		}
	}
	return out
}

var (
	reTitleUnit = regexp.MustCompile(`单位:(万元|元)$`)
	// rePageBreak is a page marker some extractions put between pages
	// (-- PAGE_BREAK --, 第3页, - 3 -).
	rePageBreak = regexp.MustCompile(`^(?:-+PAGE_?BREAK-+|第\d+页(?:共\d+页)?|-\d+-)$`)
)

// readShanghai reads a Shanghai table block: ok false when its rows cannot
// be placed (the caller lists them as unread).
func (p *parser) readShanghai(i, end int, id model.TableID, rows []trow, mode string, note []string) bool {
	prof := shanghaiProfile()
	if prof == nil {
		return false
	}
	pt := prof.TableFor(id)
	if pt == nil {
		return false
	}
	rows = p.shanghaiPrepare(p.lines[i], rows)
	if profiles.Shape(id) == profiles.ShapeSummary {
		if mode == "cell" || mode == "pipecell" {
			return false // blank cells of the income column are lost
		}
		return p.readShanghaiSummary(id, pt, rows, note)
	}
	// a （续） title, or the same title again right after the table's last
	// page, continues the table
	pages := p.shPages[id]
	cont := len(pages) > 0 && (strings.Contains(compact(p.lines[i]), "续") || pages[len(pages)-1].end == i)
	var recs []shRow
	var ok bool
	if mode == "cell" || mode == "pipecell" {
		recs, ok = shanghaiCellRows(pt, rows)
	} else {
		recs, ok = shanghaiTabRows(pt, rows)
	}
	if !ok {
		if cont {
			// an earlier page was read: the table would lack this page's rows
			for _, pg := range p.shPages[id] {
				p.unreadTable(pg.start, pg.end)
			}
			p.clearTable(id)
			delete(p.shPages, id)
		}
		return false
	}
	p.storeShanghai(id, recs, strings.Join(note, ""), cont)
	p.shPages[id] = append(p.shPages[id], shPage{i, end})
	return true
}

// shRow is one data row: its code (7-digit function code or 5-digit
// economic code, combined from the 类|款|项 cells), name and amounts by
// field.
type shRow struct {
	code, name string
	amt        map[string]model.Amount
	line       int
}

// shColumns splits a profile table's leaves into code parts (in order), the
// name leaf, and the amount leaves.
func shColumns(pt *profiles.Table) (codes []profiles.Leaf, name *profiles.Leaf, amts []profiles.Leaf) {
	for _, l := range pt.LeafColumns() {
		l := l
		switch {
		case l.Kind == profiles.KindCode:
			codes = append(codes, l)
		case l.Kind == profiles.KindText:
			name = &l
		default:
			amts = append(amts, l)
		}
	}
	return codes, name, amts
}

func leafText(l profiles.Leaf) string {
	if len(l.Words) == 0 {
		return ""
	}
	return compact(l.Words[len(l.Words)-1])
}

// shHeader finds, in the header rows, the row whose last cells are the
// amount leaves' words in order, and checks that the amounts' group word
// (收入预算, 一般公共预算基本支出 …) stands in the header; it returns the
// header's width, or -1, and the number of empty cells after its last word
// (a tab after every cell leaves one).
func shHeader(header []trow, amts []profiles.Leaf) (width, trail int) {
	group := ""
	if len(amts) > 0 && len(amts[0].Words) > 1 {
		group = compact(amts[0].Words[0])
	}
	groupSeen := group == ""
	width = -1
	for _, r := range header {
		for _, c := range r.cells {
			if group != "" && compact(c) == group {
				groupSeen = true
			}
		}
		ne := nonEmpty(r.cells)
		if len(ne) < len(amts) {
			continue
		}
		tail := ne[len(ne)-len(amts):]
		match := true
		for k, l := range amts {
			if compact(tail[k]) != leafText(l) {
				match = false
			}
		}
		if match {
			width = len(r.cells)
			trail = trailing(r.cells)
		}
	}
	if width < 0 {
		// header cells wrapped over lines (事业收入 事业单位 / 经营收入 其他收入):
		// the amount leaves' words, joined in order, stand in the header's
		// text joined row by row, and end the row they end in
		var all strings.Builder
		var ends []int // length of all after each row
		for _, r := range header {
			for _, c := range r.cells {
				all.WriteString(compact(c))
			}
			ends = append(ends, all.Len())
		}
		var want strings.Builder
		for _, l := range amts {
			want.WriteString(leafText(l))
		}
		if k := strings.Index(all.String(), want.String()); k >= 0 && want.Len() > 0 {
			end := k + want.Len()
			for ri, e := range ends {
				if e == end {
					width, trail = len(header[ri].cells), trailing(header[ri].cells)
				}
			}
		}
	}
	if !groupSeen {
		return -1, 0
	}
	return width, trail
}

// trailing counts the empty cells at the end of a row.
func trailing(cells []string) int {
	n := 0
	for c := len(cells) - 1; c >= 0 && strings.TrimSpace(cells[c]) == ""; c-- {
		n++
	}
	return n
}

// shanghaiTabRows reads rows given as cells (tab or pipe): the amounts are
// the last cells of a row (a merged 合计 cell may take the place of the code
// cells), the codes and name the cells before them.
func shanghaiTabRows(pt *profiles.Table, rows []trow) ([]shRow, bool) {
	codes, name, amts := shColumns(pt)
	if name == nil || len(codes) == 0 || len(amts) == 0 {
		return nil, false
	}
	header, data := shSplit(rows)
	width, trail := shHeader(header, amts)
	if width < 0 {
		return nil, false
	}
	var out []shRow
	for _, r := range data {
		cells := r.cells
		if isNumberRow(cells) || repeatedHeader(cells, header) {
			continue
		}
		if len(nonEmpty(cells)) == 0 {
			continue
		}
		for n := 0; n < trail && len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == ""; n++ {
			cells = cells[:len(cells)-1]
		}
		if ne := nonEmpty(cells); len(ne) == 1 && (compact(ne[0]) == "合计" || compact(ne[0]) == "总计") {
			// a 合计 row without amounts (an empty table whose blank cells
			// the text drops): every amount blank, nothing to misplace
			rec := shRow{name: compact(ne[0]), amt: map[string]model.Amount{}, line: r.line}
			for _, l := range amts {
				rec.amt[l.Field] = model.Amount{}
			}
			out = append(out, rec)
			continue
		}
		if len(cells) < len(amts)+1 {
			return nil, false
		}
		text, am := cells[:len(cells)-len(amts)], cells[len(cells)-len(amts):]
		rec := shRow{amt: map[string]model.Amount{}, line: r.line}
		for k, l := range amts {
			a, ok := shAmount(am[k])
			if !ok {
				return nil, false
			}
			rec.amt[l.Field] = a
		}
		var parts, names []string
		for _, c := range text {
			c = compact(c)
			switch {
			case c == "":
			case allDigits(c) && len(names) == 0:
				parts = append(parts, c)
			case isShAmount(c):
				return nil, false // a number among the names: columns shifted
			default:
				names = append(names, c)
			}
		}
		if len(names) > 1 {
			return nil, false
		}
		if len(names) == 1 {
			rec.name = names[0]
		}
		code, ok := joinCode(parts, len(codes))
		if !ok {
			return nil, false
		}
		rec.code = code
		if code == "" && rec.name != "合计" && rec.name != "总计" {
			return nil, false
		}
		out = append(out, rec)
	}
	return out, true
}

// joinCode combines the 类|款|项 cells (201 05 07) into one code (2010507);
// a full code in one cell is kept. ok is false for cells that are no code.
func joinCode(parts []string, n int) (string, bool) {
	switch {
	case len(parts) == 0:
		return "", true
	case len(parts) == 1:
		if l := len(parts[0]); l == 3 || l == 5 || l == 7 && n >= 3 {
			return parts[0], true
		}
		return "", false
	case len(parts) > n || len(parts[0]) != 3:
		return "", false
	}
	code := parts[0]
	for _, q := range parts[1:] {
		if len(q) != 2 {
			return "", false
		}
		code += q
	}
	return code, true
}

// shanghaiCellRows reads a table given one cell per line (or space-aligned,
// split into cells): after the header, each row is its code cells, its name
// and exactly as many amounts as the profile has amount columns. A row with
// fewer amounts (a blank cell lost in the text) makes the table unreadable,
// and so does a row without a code that is not the 合计 row: nothing is
// guessed.
func shanghaiCellRows(pt *profiles.Table, rows []trow) ([]shRow, bool) {
	codes, name, amts := shColumns(pt)
	if name == nil || len(codes) == 0 || len(amts) == 0 {
		return nil, false
	}
	var cells []string
	var lines []int
	for _, r := range rows {
		c := compact(firstNonEmpty(r.cells))
		if m := reLeadCodes.FindStringSubmatch(strings.TrimSpace(firstNonEmpty(r.cells))); m != nil {
			for _, f := range strings.Fields(m[1]) {
				cells, lines = append(cells, f), append(lines, r.line)
			}
			c = compact(m[2])
		}
		if c != "" {
			cells, lines = append(cells, c), append(lines, r.line)
		}
	}
	// header: the amount leaves' words stand in it in the profile's order;
	// it ends at the first code or amount, or at a 合计 after those words
	// (the 合计 row; the 合计 among the words is a column)
	first := len(cells)
	for k, c := range cells {
		if isShAmount(c) || allDigits(c) {
			first = k
			break
		}
	}
	group := ""
	if len(amts[0].Words) > 1 {
		group = compact(amts[0].Words[0])
	}
	runEnd, groupSeen := -1, group == ""
	for k := 0; k < first; k++ {
		if cells[k] == group {
			groupSeen = true
		}
		if runEnd < 0 && k+len(amts) <= first {
			same := true
			for j, l := range amts {
				if cells[k+j] != leafText(l) {
					same = false
				}
			}
			if same {
				runEnd = k + len(amts)
			}
		}
	}
	if runEnd < 0 || !groupSeen {
		return nil, false
	}
	start := runEnd
	for start < first && cells[start] != "合计" && cells[start] != "总计" {
		start++
	}
	k := start
	// column-number row 1 2 3 …
	n := 0
	for k+n < len(cells) && cells[k+n] == fmt.Sprint(n+1) {
		n++
	}
	if n >= 3 {
		k += n
	}
	var out []shRow
	hdrWords := map[string]bool{}
	for _, c := range cells[:start] {
		hdrWords[c] = true
	}
	for k < len(cells) {
		// a header repeated on the next page: its words up to the amount
		// leaves' run
		if j := k; hdrWords[cells[j]] {
			for j < len(cells) && hdrWords[cells[j]] && !amountRunAt(cells, j, amts) {
				j++
			}
			if amountRunAt(cells, j, amts) {
				k = j + len(amts)
				for k < len(cells) && hdrWords[cells[k]] && cells[k] != "合计" && cells[k] != "总计" {
					k++
				}
				continue
			}
		}
		rec := shRow{amt: map[string]model.Amount{}, line: lines[k]}
		var parts []string
		for k < len(cells) && allDigits(cells[k]) && len(parts) < len(codes) && !reThousands.MatchString(cells[k]) {
			parts = append(parts, cells[k])
			k++
		}
		if k >= len(cells) || isShAmount(cells[k]) {
			return nil, false
		}
		rec.name = cells[k]
		k++
		got := 0
		for got < len(amts) && k < len(cells) && isShAmount(cells[k]) {
			a, _ := shAmount(cells[k])
			rec.amt[amts[got].Field] = a
			got++
			k++
		}
		if got != len(amts) && !(got == 0 && k == len(cells)) {
			return nil, false
		}
		code, ok := joinCode(parts, len(codes))
		if !ok {
			return nil, false
		}
		rec.code = code
		if code == "" && rec.name != "合计" && rec.name != "总计" {
			return nil, false
		}
		if got == 0 {
			for _, l := range amts {
				rec.amt[l.Field] = model.Amount{}
			}
		}
		out = append(out, rec)
	}
	return out, true
}

// storeShanghai puts the rows into the model table (the 合计 row first, as
// the model keeps it); a continuation page adds to the rows read before.
func (p *parser) storeShanghai(id model.TableID, recs []shRow, note string, cont bool) {
	level := func(r shRow) model.Level {
		switch len(r.code) {
		case 0:
			return model.LevelTotal
		case 3:
			return model.LevelClass
		case 5:
			return model.LevelItem
		}
		return model.LevelDetail
	}
	order := func(n int, total func(int) bool, move func(from int)) {
		for k := 0; k < n; k++ {
			if total(k) && k > 0 {
				move(k)
			}
		}
	}
	switch id {
	case model.T02:
		t := p.d.Tables.T02
		if !cont || t == nil {
			t = &model.IncomeTable{Rows: []model.IncomeRow{}}
		}
		for _, r := range recs {
			t.Rows = append(t.Rows, model.IncomeRow{Level: level(r), FuncCode: r.code, FuncName: nameOf(r), Total: r.amt["total"], Fiscal: r.amt["fiscal"], Business: r.amt["business"], Operating: r.amt["operating"], Other: r.amt["other"]})
		}
		order(len(t.Rows), func(k int) bool { return t.Rows[k].Level == model.LevelTotal }, func(k int) {
			r := t.Rows[k]
			copy(t.Rows[1:k+1], t.Rows[:k])
			t.Rows[0] = r
		})
		if note != "" {
			t.Note = note
		}
		p.d.Tables.T02 = t
	case model.T06:
		t := p.d.Tables.T06
		if !cont || t == nil {
			t = &model.BasicTable{Rows: []model.BasicRow{}}
		}
		for _, r := range recs {
			t.Rows = append(t.Rows, model.BasicRow{Level: level(r), Code: r.code, Name: r.name, Total: r.amt["total"], Personnel: r.amt["personnel"], Public: r.amt["public"]})
		}
		order(len(t.Rows), func(k int) bool { return t.Rows[k].Level == model.LevelTotal }, func(k int) {
			r := t.Rows[k]
			copy(t.Rows[1:k+1], t.Rows[:k])
			t.Rows[0] = r
		})
		if note != "" {
			t.Note = note
		}
		p.d.Tables.T06 = t
	default:
		t := p.d.Tables.Expenditure(id)
		if !cont || t == nil {
			t = &model.ExpenditureTable{Scheme: model.SchemeBasicProject, Rows: []model.ExpenditureRow{}}
		}
		for _, r := range recs {
			if allBlank(r.amt) && r.code == "" {
				continue // the 合计 row of an empty table
			}
			t.Rows = append(t.Rows, model.ExpenditureRow{Level: level(r), FuncCode: r.code, FuncName: nameOf(r), Total: r.amt["total"], Basic: r.amt["basic"], Project: r.amt["project"]})
		}
		order(len(t.Rows), func(k int) bool { return t.Rows[k].Level == model.LevelTotal }, func(k int) {
			r := t.Rows[k]
			copy(t.Rows[1:k+1], t.Rows[:k])
			t.Rows[0] = r
		})
		if note != "" {
			t.Note = note
		}
		p.d.Tables.SetExpenditure(id, t)
	}
}

// nameOf is the function name of a row; the 合计 row's label is the
// layout's, not a name.
func nameOf(r shRow) string {
	if r.code == "" {
		return ""
	}
	return r.name
}

// readShanghaiSummary reads 表1 or 表4: the bottom header row must be the
// profile's leaf words in order; every row is read by column; income lines
// are known by the profile's income labels, the footer by its footer labels.
func (p *parser) readShanghaiSummary(id model.TableID, pt *profiles.Table, rows []trow, note []string) bool {
	leaves := pt.LeafColumns()
	if pt.Summary == nil {
		return false
	}
	header, data := shSplit(rows)
	found := false
	for _, r := range header {
		if len(r.cells) < len(leaves) {
			continue
		}
		ok := true
		for k, l := range leaves {
			if compact(r.cells[k]) != leafText(l) {
				ok = false
			}
		}
		for _, c := range r.cells[len(leaves):] {
			if strings.TrimSpace(c) != "" {
				ok = false
			}
		}
		if ok {
			found = true
		}
	}
	if !found {
		return false
	}
	// group words (本年收入, 财政拨款支出 …) above the leaves
	for _, l := range leaves {
		if len(l.Words) < 2 {
			continue
		}
		seen := false
		for _, r := range header {
			for _, c := range r.cells {
				if compact(c) == compact(l.Words[0]) {
					seen = true
				}
			}
		}
		if !seen {
			return false
		}
	}
	// incomeMatch finds the profile's income row of a label: the same words
	// after the ordinal, or the one row whose words begin with the label's
	// or the label's with the row's (1. 一般公共预算 for 1. 一般公共预算资金)
	incomeMatch := func(lab string) (key, label string, ok bool) {
		n := shNorm(lab)
		var found []profiles.IncomeRow
		for _, ir := range pt.Summary.IncomeRows {
			m := shNorm(ir.Label)
			if m == n {
				return ir.Key, ir.Label, true
			}
			if n != "" && (strings.HasPrefix(m, n) || strings.HasPrefix(n, m)) {
				found = append(found, ir)
			}
		}
		if len(found) == 1 {
			return found[0].Key, found[0].Label, true
		}
		return "", "", false
	}
	footerIn := map[string]string{}
	footerOut := map[string]string{}
	for _, f := range pt.Summary.Footer {
		if f.Income != "" {
			footerIn[compact(f.Income)] = f.IncomeValue
		}
		if f.Expenditure != "" {
			footerOut[compact(f.Expenditure)] = f.ExpenditureValue
		}
	}
	// A row whose cells do not fit their columns (a label in an amount
	// column) while no cell of it is empty tells a text that drops blank
	// cells: its short rows are placed by kind. Otherwise cells are placed
	// by position (an extraction may drop trailing blank cells only).
	lostForm := false
	for _, r := range data {
		if lostBlanks(r.cells, len(leaves)) && !positionalFits(r.cells, leaves) {
			lostForm = true
		}
	}
	t := &model.SummaryTable{Note: strings.Join(note, "")}
	for _, r := range data {
		if len(nonEmpty(r.cells)) == 0 {
			continue
		}
		for _, c := range r.cells[min(len(r.cells), len(leaves)):] {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
		val := map[string]string{}
		if lostForm && lostBlanks(r.cells, len(leaves)) {
			// blank cells not marked (each stated cell followed by a tab):
			// placed by kind, an income label known from the profile
			if val = placeSummaryRow(nonEmpty(r.cells), leaves, func(l string) bool {
				_, _, ok := incomeMatch(l)
				return ok || footerIn[compact(l)] != ""
			}); val == nil {
				return false
			}
		} else {
			for k, l := range leaves {
				if k < len(r.cells) {
					val[l.Field] = strings.TrimSpace(r.cells[k])
				}
			}
		}
		// income side
		inLab := val["income_item"]
		inAmt, ok := shAmount(val["income_amount"])
		if !ok {
			return false
		}
		fund := model.FundAmounts{}
		fundFields := map[string]*model.Amount{"function_total": &fund.Total, "function_general": &fund.General, "function_gov_fund": &fund.GovFund, "function_state_capital": &fund.StateCapital}
		for _, l := range leaves {
			if l.Kind != profiles.KindAmount || l.Field == "income_amount" {
				continue
			}
			dst := fundFields[l.Field]
			if dst == nil {
				return false // a column this reader does not place
			}
			a, ok := shAmount(val[l.Field])
			if !ok {
				return false
			}
			*dst = a
		}
		switch {
		case inLab == "":
			if !inAmt.IsBlank() {
				return false
			}
		case footerIn[compact(inLab)] != "":
			switch footerIn[compact(inLab)] {
			case "income_total":
				t.IncomeTotal = inAmt
			case "carryover":
				t.Carryover = inAmt
			case "income_grand_total":
				t.IncomeGrandTotal = inAmt
			}
		case func() bool { _, _, ok := incomeMatch(inLab); return ok }():
			// the label as the layout words it (the text may lose a space)
			key, label, _ := incomeMatch(inLab)
			t.Income = append(t.Income, model.IncomeLine{Key: key, Label: label, Amount: inAmt})
		default:
			return false
		}
		outLab := val["function_item"]
		switch {
		case outLab == "":
			if fund != (model.FundAmounts{}) {
				return false
			}
		case footerOut[compact(outLab)] != "":
			switch footerOut[compact(outLab)] {
			case "expenditure_total":
				t.ExpenditureTotal = fund
			case "carry_forward":
				t.CarryForward = fund
			case "expenditure_grand_total":
				t.ExpenditureGrandTotal = fund
			}
		default:
			fl := model.FundLine{FundAmounts: fund}
			nm := shNorm(outLab)
			if m := reLead.FindStringSubmatch(compact(outLab)); m != nil {
				fl.Code, nm = m[1], m[2]
			}
			if isShAmount(nm) || !strings.HasSuffix(nm, "支出") && !isFunctionClass(nm) {
				return false // not a function class: columns misplaced
			}
			fl.Name = nm
			t.Functions = append(t.Functions, fl)
		}
	}
	if t.IncomeGrandTotal.IsBlank() && len(t.Income) == 0 && len(t.Functions) == 0 {
		return false
	}
	// a layout without 本年收入合计 / 上年结余结转 rows: the year's totals are
	// the grand totals (as the workbook reader does)
	if pt.FooterIncomeLabel("income_total") == "" && pt.FooterIncomeLabel("carryover") == "" {
		if t.IncomeTotal.IsBlank() {
			t.IncomeTotal = t.IncomeGrandTotal
		}
		if t.ExpenditureTotal.Total.IsBlank() {
			t.ExpenditureTotal = t.ExpenditureGrandTotal
		}
	}
	p.setSummaryTable(id, t)
	return true
}

// deriveShanghai gives the function lines of 表1 and 表4, printed by
// ordinal (一、一般公共服务支出), the codes the 类 rows of 表2–7 state.
func (p *parser) deriveShanghai() {
	codes := map[string]string{}
	for _, t := range []*model.ExpenditureTable{p.d.Tables.T03, p.d.Tables.T05, p.d.Tables.T08, p.d.Tables.T10} {
		if t == nil {
			continue
		}
		for _, r := range t.Rows {
			if len(r.FuncCode) == 3 && r.FuncName != "" {
				codes[r.FuncName] = r.FuncCode
			}
		}
	}
	if t := p.d.Tables.T02; t != nil {
		for _, r := range t.Rows {
			if len(r.FuncCode) == 3 && r.FuncName != "" {
				codes[r.FuncName] = r.FuncCode
			}
		}
	}
	for _, st := range []*model.SummaryTable{p.d.Tables.T01, p.d.Tables.T04} {
		if st == nil {
			continue
		}
		for i, f := range st.Functions {
			if f.Code == "" {
				st.Functions[i].Code = codes[f.Name]
			}
		}
	}
}

// isShanghai tells a table block of the Shanghai layout: a Shanghai title
// (财务收支预算总表, …功能分类预算表, …经济分类预算表), 类 and 款 code
// columns in the header, or for 表4 (whose title Hubei shares) a header
// that is the shanghai profile's.
func (p *parser) isShanghai(i int, id model.TableID, rows []trow, mode string) bool {
	if mode == "cell" || mode == "pipecell" {
		return shanghaiForm(p.lines[i], nil) || shanghaiCells(rows)
	}
	header, _ := shSplit(rows)
	if shanghaiForm(p.lines[i], header) {
		return true
	}
	if id != model.T04 {
		return false
	}
	prof := shanghaiProfile()
	if prof == nil || prof.TableFor(id) == nil {
		return false
	}
	leaves := prof.TableFor(id).LeafColumns()
	for _, r := range header {
		ne := nonEmpty(r.cells)
		if len(ne) != len(leaves) {
			continue
		}
		same := true
		for k, l := range leaves {
			if compact(ne[k]) != leafText(l) {
				same = false
			}
		}
		if same {
			return true
		}
	}
	return false
}

// shSplit separates the header rows of a Shanghai table from its data: the
// header holds no digit (amounts in 元 are integers, which splitHeader takes
// for codes); the data start at the first row with a digit, or at a lone
// 合计 (an empty table). A column-number row 1 2 3 … is dropped.
func shSplit(rows []trow) (header, data []trow) {
	for i, r := range rows {
		if isNumberRow(r.cells) {
			return rows[:i], rows[i+1:]
		}
		ne := nonEmpty(r.cells)
		if hasNumber(ne) || len(ne) == 1 && (compact(ne[0]) == "合计" || compact(ne[0]) == "总计") {
			return rows[:i], rows[i:]
		}
	}
	return rows, nil
}

// nineInWan reports the Shanghai 表9 (三公 and 机关运行经费) stated in 万元, as
// the shanghai profile prints it, in a document whose Shanghai tables 表1–8
// were read in 元.
func (p *parser) nineInWan(i int) bool {
	prof := shanghaiProfile()
	if len(p.shPages) == 0 || p.tabUnit != model.UnitYuan || prof == nil || prof.TableFor(model.T07) == nil || prof.TableFor(model.T07).Unit != model.UnitWanYuan {
		return false
	}
	end := p.blockEnd(i)
	if m := reTitleUnit.FindStringSubmatch(compact(p.lines[i])); m != nil {
		return m[1] == model.UnitWanYuan
	}
	for k := i + 1; k < end; k++ {
		for _, c := range splitCells(p.lines[k]) {
			if m := reUnitLine.FindStringSubmatch(compact(c)); m != nil {
				return m[1] == model.UnitWanYuan
			}
		}
	}
	return false
}

// wanToYuan converts the amounts of 表9 read from lines i..end from 万元 to
// 元 (×10000, exact), with the figures read beside it (机关运行经费).
func (p *parser) wanToYuan(i, end int) {
	mul := func(a *model.Amount) {
		if !a.IsBlank() {
			*a = model.A(a.Decimal().Shift(4))
		}
	}
	if t := p.d.Tables.T07; t != nil {
		for k := range t.Rows {
			r := &t.Rows[k]
			for _, a := range []*model.Amount{&r.Total, &r.Abroad, &r.VehicleSubtotal, &r.VehiclePurchase, &r.VehicleOperation, &r.Reception} {
				mul(a)
			}
		}
	}
	for k := range p.res.Figures {
		f := &p.res.Figures[k]
		if f.Line > i && f.Line <= end && strings.HasPrefix(f.Key, "表七.") && f.Unit == model.UnitYuan {
			if f.Key == "表七.机关运行经费" {
				p.opCostsWan, p.opCostsLine = f.Value, f.Line
			}
			mul(&f.Value)
		}
	}
}

// placeOpCosts puts the 机关运行经费 of the Shanghai 表9 (in 万元) into
// narrative.operating_costs.total, the field the shanghai profile prints in
// that column, in the narrative's unit (万元 when the text states none); a
// narrative that states another figure keeps its own (P2).
func (p *parser) placeOpCosts() {
	if p.opCostsLine == 0 || p.opCostsWan.IsBlank() {
		return
	}
	v := p.opCostsWan
	switch p.narrUnit {
	case "":
		p.opCostsOnly = true // the narrative's unit becomes 万元 (finish)
	case model.UnitWanYuan:
	case model.UnitYuan:
		v = model.A(v.Decimal().Shift(4))
	default:
		return
	}
	const key = "operating_costs.total"
	if first, ok := p.set[key]; ok {
		if !first.value.Equal(v) {
			p.finding(model.SeverityWarning, "P2", key, p.opCostsLine, fmt.Sprintf("机关运行经费在第%d行为%s，表9为%s；保留文字说明的数值", first.line, first.value.String(), v.String()))
		}
		return
	}
	if p.store(key, v) {
		p.set[key] = firstSeen{p.opCostsLine, v}
		p.n.Lines[key] = p.opCostsLine
	}
}

// lostBlanks reports a row of a tab-separated table whose blank cells are
// not marked: fewer cells than columns (trailing empties aside) and no empty
// cell among them.
func lostBlanks(cells []string, n int) bool {
	last := len(cells)
	for last > 0 && strings.TrimSpace(cells[last-1]) == "" {
		last--
	}
	if last >= n {
		return false
	}
	for _, c := range cells[:last] {
		if strings.TrimSpace(c) == "" {
			return false
		}
	}
	return true
}

// placeSummaryRow places the stated cells of a summary row whose blank
// cells were dropped: an income label (known to isIncome) with the amount
// after it, then a function label with its amounts. The function amounts
// are placed only when all of them are stated, or none; nil when the cells
// cannot be placed without a guess.
func placeSummaryRow(tokens []string, leaves []profiles.Leaf, isIncome func(string) bool) map[string]string {
	val := map[string]string{}
	var fnAmts []string
	for _, l := range leaves {
		if l.Kind == profiles.KindAmount && l.Field != "income_amount" {
			fnAmts = append(fnAmts, l.Field)
		}
	}
	k := 0
	if k < len(tokens) && !isShAmount(tokens[k]) && isIncome(tokens[k]) {
		val["income_item"] = tokens[k]
		k++
		if k < len(tokens) && isShAmount(tokens[k]) {
			val["income_amount"] = tokens[k]
			k++
		}
	}
	if k < len(tokens) && !isShAmount(tokens[k]) {
		val["function_item"] = tokens[k]
		k++
		n := 0
		for k+n < len(tokens) && isShAmount(tokens[k+n]) {
			n++
		}
		switch n {
		case 0:
		case len(fnAmts):
			for j, f := range fnAmts {
				val[f] = tokens[k+j]
			}
		default:
			return nil
		}
		k += n
	}
	if k != len(tokens) {
		return nil
	}
	return val
}

// positionalFits reports a summary row whose cells, taken by position, are
// labels in label columns and amounts (or blanks) in amount columns.
func positionalFits(cells []string, leaves []profiles.Leaf) bool {
	for k, l := range leaves {
		if k >= len(cells) {
			break
		}
		c := strings.TrimSpace(cells[k])
		if c == "" {
			continue
		}
		if (l.Kind == profiles.KindAmount) != isShAmount(c) {
			return false
		}
	}
	return true
}

// amountRunAt reports the amount leaves' words, in order, at cells[j:].
func amountRunAt(cells []string, j int, amts []profiles.Leaf) bool {
	if j+len(amts) > len(cells) {
		return false
	}
	for n, l := range amts {
		if cells[j+n] != leafText(l) {
			return false
		}
	}
	return true
}

// repeatedHeader reports a data row without a digit whose cells are all
// cells of the header rows (the header printed again on the next page).
func repeatedHeader(cells []string, header []trow) bool {
	words := map[string]bool{}
	for _, r := range header {
		for _, c := range r.cells {
			words[compact(c)] = true
		}
	}
	ne := nonEmpty(cells)
	if len(ne) == 0 || hasNumber(ne) || len(ne) == 1 && (compact(ne[0]) == "合计" || compact(ne[0]) == "总计") {
		return false
	}
	for _, c := range ne {
		if !words[compact(c)] {
			return false
		}
	}
	return true
}

// nineUnplaced drops a Shanghai 表9 (its title names 机关运行经费) of which a
// column with numbers matched no header word while it was read (findings
// from index before on): its other columns may then hold the wrong items
// (a header wrapped over lines), so none of it is read; its lines are
// listed as unread with P7.
func (p *parser) nineUnplaced(i, end, before int) bool {
	if !strings.Contains(compact(p.lines[i]), "机关运行经费") || p.d.Tables.T07 == nil {
		return false
	}
	unplaced := !p.nineHeaderWhole(i, end)
	for _, f := range p.res.Findings[before:] {
		if f.Rule == "P7" && strings.Contains(f.Message, "无法对应到表格栏目") {
			unplaced = true
		}
	}
	if !unplaced {
		return false
	}
	p.d.Tables.T07 = nil
	figs := p.res.Figures[:0]
	for _, f := range p.res.Figures {
		if !(f.Line > i && f.Line <= end && strings.HasPrefix(f.Key, "表七.")) {
			figs = append(figs, f)
		}
	}
	p.res.Figures = figs
	un := p.res.Unread[:0]
	for _, u := range p.res.Unread {
		if u.Line <= i || u.Line > end {
			un = append(un, u)
		}
	}
	p.res.Unread = un
	p.unreadTable(i, end)
	p.finding(model.SeverityWarning, "P7", "", i+1, fmt.Sprintf("%s的表头无法与各栏数字一一对应（表头折行或缺栏），整张表未读入；各行列在未读内容中", compact(p.lines[i])))
	return true
}

// nineHeaderWhole reports a 表9 header (tab or pipe cells) in which every
// leaf column of the shanghai profile's 表9 stands as a cell of its own,
// alone or after its group's words (a PDF glues 公务用车购置及运行费购置费);
// a cell that names two columns (公务接待费小计) leaves the numbers' columns
// unknown. Text without cells is left to the 三公 reader.
func (p *parser) nineHeaderWhole(i, end int) bool {
	prof := shanghaiProfile()
	if prof == nil || prof.TableFor(model.T07) == nil {
		return true
	}
	cells := map[string]bool{}
	tabbed := false
	for k := i + 1; k < end; k++ {
		l := p.lines[k]
		if hasNumber([]string{l}) && !reUnitLine.MatchString(compact(l)) && !strings.Contains(l, "单位") {
			continue
		}
		if strings.Contains(l, "\t") || strings.HasPrefix(strings.TrimSpace(l), "|") {
			tabbed = true
		}
		for _, c := range splitCells(l) {
			cells[compact(c)] = true
		}
	}
	if !tabbed {
		return true
	}
	for _, l := range prof.TableFor(model.T07).LeafColumns() {
		w := leafText(l)
		if cells[w] {
			continue
		}
		if len(l.Words) > 1 && cells[compact(l.Words[len(l.Words)-2])+w] {
			continue
		}
		return false
	}
	return true
}
