package profiles

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/model"
)

// Grid is one worksheet of a blank official workbook as Draft reads it:
// its texts by cell, merged ranges and column widths. Rows and columns are
// 1-based, as in the spreadsheet.
type Grid struct {
	Name   string
	Cells  map[[2]int]string // (row, col) → text
	Merges []Range
	Widths map[int]float64 // column → Excel width
}

// Range is a merged block of cells, 1-based and inclusive.
type Range struct{ R1, C1, R2, C2 int }

// DraftResult is a profile drafted from a workbook: its YAML text, and what
// the user must still do (columns not mapped to a model field, sheets not
// recognised).
type DraftResult struct {
	YAML     []byte
	Unmapped []string // "sheet: header words" of leaf columns without a field
	Skipped  []string // sheets that are not a table Draft recognises
}

var (
	reYear    = regexp.MustCompile(`(19|20)\d\d年`)
	reUnits   = regexp.MustCompile(`^(?:金额)?单位\s*[:：]\s*(万元|元)$`)
	rePrepare = regexp.MustCompile(`^(编制(?:部门|单位))\s*[:：]`)
	reNote    = regexp.MustCompile(`^注\s*[:：]`)
	reNumber  = regexp.MustCompile(`^-?[\d,]+(\.\d+)?$`)
	// reEnum: a numbered body line (一、财政拨款收入, 1. 一般公共预算资金,
	// (一)一般公共预算), which no header cell is.
	reEnum = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）])`)
)

// tableTitles tells a model table by words of its title, most specific first.
var tableTitles = []struct {
	words []string
	id    model.TableID
}{
	{[]string{"三公"}, model.T07},
	{[]string{"采购"}, model.T09},
	{[]string{"财政拨款收支"}, model.T04},
	{[]string{"基本支出"}, model.T06},
	{[]string{"政府性基金"}, model.T08},
	{[]string{"国有资本经营"}, model.T10},
	{[]string{"一般公共预算"}, model.T05},
	{[]string{"收入"}, model.T02},
	{[]string{"收支"}, model.T01},
	{[]string{"支出"}, model.T03},
}

// leafWords maps header words to a model field, by model table shape: the
// first entry whose word occurs in the leaf's own text (else in its
// group's) wins.
var leafWords = []struct {
	word  string
	field string
	in    []model.TableID // nil: every row table
}{
	{"机关运行经费", "narrative.operating_costs.total", nil},
	{"单位编码", "unit_code", nil},
	{"单位名称", "unit_name", nil},
	{"类", "func_code.class", nil},
	{"款", "func_code.item", nil},
	{"项", "func_code.subitem", nil},
	{"科目编码", "func_code", nil},
	{"科目名称", "func_name", nil},
	{"项目名称", "project", []model.TableID{model.T09}},
	{"采购品目", "item", []model.TableID{model.T09}},
	{"计量单位", "measure_unit", []model.TableID{model.T09}},
	{"数量", "quantity", []model.TableID{model.T09}},
	{"因公出国", "abroad", []model.TableID{model.T07}},
	{"购置", "vehicle_purchase", []model.TableID{model.T07}},
	{"运行", "vehicle_operation", []model.TableID{model.T07}},
	{"接待", "reception", []model.TableID{model.T07}},
	{"小计", "vehicle_subtotal", []model.TableID{model.T07}},
	{"小计", "subtotal", nil},
	{"合计", "total", nil},
	{"总计", "total", nil},
	{"财政拨款收入", "fiscal", nil},
	{"事业单位经营收入", "operating", nil},
	{"经营收入", "operating", nil},
	{"事业收入", "business", nil},
	{"其他收入", "other", nil},
	{"上年结余", "carryover", nil},
	{"上年结转", "carryover", nil},
	{"财政专户", "special_account", nil},
	{"单位资金", "unit_funds", nil},
	{"一般公共预算", "general", nil},
	{"政府性基金", "gov_fund", nil},
	{"国有资本经营", "state_capital", nil},
	{"人员类", "personnel", nil},
	{"人员经费", "personnel", nil},
	{"公用经费", "public", nil},
	{"其他运转类", "other_operating", nil},
	{"特定目标类", "specific", nil},
	{"基本支出", "basic", nil},
	{"项目支出", "project", nil},
}

// Draft drafts a profile from the worksheets of a blank official workbook:
// each sheet whose title names a table becomes a table, with its title
// (the year as {year}), units and preparer lines, header grid and merges,
// column widths, column-number row and note; each leaf column is mapped to
// a model field by its header words. Columns it cannot map get no field and
// a comment, so that Parse reports them until the user fills them in.
func Draft(name string, sheets []Grid) DraftResult {
	var res DraftResult
	var b strings.Builder
	fmt.Fprintf(&b, "# Drafted by `gongkai profile import` from %s.\n", name)
	b.WriteString("# Check every table against the workbook; columns marked TODO need a field\n")
	b.WriteString("# (`gongkai profile fields TABLE` lists them), then `gongkai profile check`.\n")
	base := strings.TrimSuffix(name, ".xlsx")
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	fmt.Fprintf(&b, "name: %s\n", q(base))
	b.WriteString("description: \"由官方空白工作簿起草 / drafted from a blank official workbook\"\n")
	b.WriteString("subject: 部门\ndocument:\n  title: \"{department}{year}年部门预算\"\n  subject: \"{year}年部门预算\"\n")
	b.WriteString("defaults:\n  zero: blank\n  format: {decimals: 2}\n  page: {landscape: true, fit_width: true, repeat_header: true}\n  total: 合计\n")
	b.WriteString("tables:\n")
	used := map[string]int{}
	for _, g := range sheets {
		t, ok := readTable(g)
		if !ok {
			res.Skipped = append(res.Skipped, g.Name)
			continue
		}
		id := string(t.id)
		if used[id] > 0 {
			id = fmt.Sprintf("%s_%d", t.id, used[string(t.id)]+1)
		}
		used[string(t.id)]++
		t.write(&b, id, &res)
	}
	res.YAML = []byte(b.String())
	return res
}

type draftCell struct {
	r, c, rs, cs int
	text         string
	kids         []*draftCell
	field        string
	width        float64
}

type draftTable struct {
	sheet, title, units, preparer, note string
	id                                  model.TableID
	numberRow                           bool
	headerRows                          int
	top                                 []*draftCell
}

// maxHeaderRows is the deepest header Draft reads (official ones have 1–4 rows).
const maxHeaderRows = 5

// readTable reads one sheet; ok is false when it holds no table.
func readTable(g Grid) (draftTable, bool) {
	t := draftTable{sheet: g.Name}
	text := func(r, c int) string { return strings.TrimSpace(g.Cells[[2]int{r, c}]) }
	maxRow, maxCol := 0, 0
	for k := range g.Cells {
		maxRow, maxCol = max(maxRow, k[0]), max(maxCol, k[1])
	}
	merged := map[[2]int]Range{} // every cell of a merge → the merge
	for _, m := range g.Merges {
		for r := m.R1; r <= m.R2; r++ {
			for c := m.C1; c <= m.C2; c++ {
				merged[[2]int{r, c}] = m
			}
			maxCol = max(maxCol, m.C2)
		}
	}
	// Title, preparer, units: the rows above the header.
	row := 1
	for ; row <= min(maxRow, 8); row++ {
		texts := rowTexts(g, row, maxCol)
		if len(texts) == 0 {
			continue
		}
		found := false
		for _, s := range texts {
			switch {
			case reUnits.MatchString(strings.ReplaceAll(s, " ", "")):
				t.units, found = s, true
			case rePrepare.MatchString(s):
				t.preparer, found = rePrepare.FindStringSubmatch(s)[1]+"：{department}", true
			case t.title == "" && strings.Contains(s, "表"):
				t.title, found = s, true
			}
		}
		if !found {
			break
		}
	}
	if t.title == "" {
		return t, false
	}
	for _, tt := range tableTitles {
		for _, w := range tt.words {
			if strings.Contains(t.title, w) && t.id == "" {
				t.id = tt.id
			}
		}
	}
	if t.id == "" {
		return t, false
	}
	t.title = reYear.ReplaceAllString(t.title, "{year}年")
	// The header: from row on, while a row has header text or lies inside
	// a merge that starts in the header.
	head := row
	last := head - 1
	for r := head; r <= maxRow; r++ {
		texts := rowTexts(g, r, maxCol)
		inMerge := false
		for c := 1; c <= maxCol; c++ {
			if m, ok := merged[[2]int{r, c}]; ok && m.R1 < r && m.R1 >= head {
				inMerge = true
			}
		}
		if isNumberRow(texts) && len(texts) > 1 {
			t.numberRow = true
			break
		}
		if r-head >= maxHeaderRows {
			break // no official header is deeper; the rest is body
		}
		if inMerge || len(texts) > 0 && !bodyRow(texts) {
			if len(texts) == 0 && !inMerge {
				break
			}
			last = r
			continue
		}
		break
	}
	if last < head {
		return t, false
	}
	t.headerRows = last - head + 1
	// Header cells: one per merge or single cell with text.
	var cells []*draftCell
	seen := map[[2]int]bool{}
	for r := head; r <= last; r++ {
		for c := 1; c <= maxCol; c++ {
			if seen[[2]int{r, c}] {
				continue
			}
			dc := &draftCell{r: r, c: c, rs: 1, cs: 1, text: text(r, c)}
			if m, ok := merged[[2]int{r, c}]; ok {
				dc.rs, dc.cs = min(m.R2, last)-m.R1+1, m.C2-m.C1+1
				for rr := m.R1; rr <= m.R2; rr++ {
					for cc := m.C1; cc <= m.C2; cc++ {
						seen[[2]int{rr, cc}] = true
					}
				}
			}
			if dc.text == "" && (dc.rs == 1 && dc.cs == 1) && r > head {
				continue // an empty cell under a group: the group's leaf spans it
			}
			dc.width = g.Widths[c]
			cells = append(cells, dc)
		}
	}
	// The tree: a cell's parent is the cell just above whose columns hold it.
	for _, dc := range cells {
		var parent *draftCell
		for _, p := range cells {
			if p.r+p.rs == dc.r && p.c <= dc.c && dc.c+dc.cs <= p.c+p.cs {
				parent = p
			}
		}
		if parent != nil {
			parent.kids = append(parent.kids, dc)
		} else if dc.r == head {
			t.top = append(t.top, dc)
		}
	}
	sortCells(t.top)
	// Notes below the body.
	for r := last + 1; r <= maxRow; r++ {
		for _, s := range rowTexts(g, r, maxCol) {
			if reNote.MatchString(s) {
				n := reYear.ReplaceAllString(s, "{year}年")
				n = strings.Replace(n, "本部门", "本{subject}", 1)
				n = strings.Replace(n, "本单位", "本{subject}", 1)
				t.note = n
			}
		}
	}
	t.mapFields()
	return t, true
}

func rowTexts(g Grid, r, maxCol int) []string {
	var out []string
	for c := 1; c <= maxCol; c++ {
		if s := strings.TrimSpace(g.Cells[[2]int{r, c}]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// bodyRow: a row that starts the body (codes, amounts, 合计 alone).
func bodyRow(texts []string) bool {
	nums := 0
	for _, s := range texts {
		if reNumber.MatchString(s) {
			nums++
		}
	}
	if len(texts) > 0 && reEnum.MatchString(texts[0]) {
		return true
	}
	return nums > 0 && nums*2 >= len(texts) || len(texts) == 1 && (texts[0] == "合计" || texts[0] == "总计")
}

func isNumberRow(texts []string) bool {
	for i, s := range texts {
		if s != strconv.Itoa(i+1) {
			return false
		}
	}
	return len(texts) > 0
}

func sortCells(cs []*draftCell) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].c < cs[j].c })
	for _, c := range cs {
		sortCells(c.kids)
	}
}

// mapFields gives each leaf the model field its header words name.
func (t *draftTable) mapFields() {
	summary := Shape(t.id) == ShapeSummary
	used := map[string]bool{}
	var walk func(c *draftCell, words []string, side string)
	walk = func(c *draftCell, words []string, side string) {
		words = append(append([]string(nil), words...), c.text)
		flat := strings.ReplaceAll(c.text, " ", "")
		if strings.Contains(flat, "收入") && summary && side == "" {
			side = "income"
		}
		if strings.Contains(flat, "支出") && summary && side == "" {
			side = "function"
		}
		if len(c.kids) > 0 {
			for _, k := range c.kids {
				walk(k, words, side)
			}
			return
		}
		var field string
		if summary {
			field = summaryField(c.text, side, used)
		} else {
			field = rowField(t.id, words)
		}
		if field == "" || used[field] {
			return
		}
		if _, ok := fieldOf(t.id, field); !ok {
			return
		}
		used[field] = true
		c.field = field
	}
	for _, c := range t.top {
		walk(c, nil, "")
	}
}

func fieldOf(id model.TableID, name string) (Field, bool) { return field(id, name) }

func summaryField(text, side string, used map[string]bool) string {
	switch side {
	case "income":
		if strings.Contains(text, "项目") {
			return "income_item"
		}
		return "income_amount"
	case "function":
		switch {
		case strings.Contains(text, "人员经费"):
			return "function_personnel"
		case strings.Contains(text, "公用经费"):
			return "function_public"
		case strings.Contains(text, "项目支出"):
			return "function_project"
		}
		if strings.Contains(text, "项目") {
			if used["function_item"] {
				return "class_item"
			}
			return "function_item"
		}
		block := "function"
		if used["class_item"] {
			block = "class"
		}
		switch {
		case strings.Contains(text, "一般公共预算"):
			return block + "_general"
		case strings.Contains(text, "政府性基金"):
			return block + "_gov_fund"
		case strings.Contains(text, "国有资本经营"):
			return block + "_state_capital"
		}
		return block + "_total"
	}
	return ""
}

func rowField(id model.TableID, words []string) string {
	own := words[len(words)-1]
	try := func(s string) string {
		s = strings.Join(strings.Fields(s), "") // 事业单位⏎经营收入, 收 入
		for _, w := range leafWords {
			if w.in != nil && !containsID(w.in, id) {
				continue
			}
			if utf8.RuneCountInString(w.word) == 1 && s != w.word || !strings.Contains(s, w.word) {
				continue // 类, 款, 项 only as the whole header text
			}
			f := w.field
			if id == model.T06 {
				switch f {
				case "func_code.class":
					f = "code.class"
				case "func_code.item":
					f = "code.item"
				case "func_code":
					f = "code"
				case "func_name":
					f = "name"
				}
			}
			if id == model.T09 && f == "project" && !strings.Contains(s, "名称") {
				continue
			}
			return f
		}
		return ""
	}
	if f := try(own); f != "" {
		return f
	}
	for i := len(words) - 2; i >= 0; i-- {
		if f := try(words[i]); f != "" {
			return f
		}
	}
	return ""
}

func containsID(list []model.TableID, id model.TableID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func (t *draftTable) write(b *strings.Builder, id string, res *DraftResult) {
	fmt.Fprintf(b, "\n  # from sheet %s\n", q(t.sheet))
	fmt.Fprintf(b, "  - id: %s\n", id)
	if id != string(t.id) {
		fmt.Fprintf(b, "    data: %s\n", t.id)
	}
	sheet := t.sheet
	if n := []rune(sheet); len(n) > 31 {
		sheet = string(n[:31])
	}
	fmt.Fprintf(b, "    sheet: %s\n    title: %s\n", q(sheet), q(t.title))
	if t.units != "" {
		u := strings.Replace(strings.Replace(t.units, "万元", "{unit}", 1), "元", "{unit}", 1)
		if strings.Contains(t.units, "万元") {
			fmt.Fprintf(b, "    unit: 万元\n")
		} else {
			fmt.Fprintf(b, "    unit: 元\n")
		}
		fmt.Fprintf(b, "    units: %s\n", q(u))
	}
	if t.preparer != "" {
		fmt.Fprintf(b, "    preparer: %s\n", q(t.preparer))
	}
	if t.numberRow {
		b.WriteString("    number_row: true\n")
	}
	if t.note != "" {
		fmt.Fprintf(b, "    empty: {note: %s}\n", q(t.note))
	}
	fmt.Fprintf(b, "    header_rows: %d\n    columns:\n", t.headerRows)
	var walk func(c *draftCell, indent string, words []string)
	walk = func(c *draftCell, indent string, words []string) {
		words = append(append([]string(nil), words...), c.text)
		text := c.text
		if text == "" {
			text = "（空）"
		}
		if len(c.kids) == 0 {
			w := ""
			if c.width > 0 {
				w = ", width: " + strconv.FormatFloat(math.Round(max(c.width-1, 2)/2*2)/2, 'f', -1, 64)
			}
			if c.field == "" {
				fmt.Fprintf(b, "%s- {text: %s, field: \"\"%s}  # TODO: 未能识别的列，请填写 field / unmapped column: fill in its field\n", indent, q(text), w)
				res.Unmapped = append(res.Unmapped, t.sheet+": "+strings.Join(words, " / "))
				return
			}
			fmt.Fprintf(b, "%s- {text: %s, field: %s%s}\n", indent, q(text), c.field, w)
			return
		}
		fmt.Fprintf(b, "%s- text: %s\n", indent, q(text))
		if c.rs > 1 {
			fmt.Fprintf(b, "%s  rows: %d\n", indent, c.rs)
		}
		fmt.Fprintf(b, "%s  columns:\n", indent)
		for _, k := range c.kids {
			walk(k, indent+"    ", words)
		}
	}
	for _, c := range t.top {
		walk(c, "      ", nil)
	}
}

// q quotes a YAML string (a JSON string is a YAML double-quoted scalar).
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
