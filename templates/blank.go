package templates

import (
	"reflect"
	"strconv"
	"strings"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// InstructionsTitle is the title of the first sheet of the blank template,
// which says how to fill it; readers skip a sheet with this title.
const InstructionsTitle = "填表说明"

// The lines of the 填表说明 sheet that state the department and the year;
// a reader of the filled template takes them from there first.
const (
	InstructionsDepartment = "部门："
	InstructionsYear       = "预算年度："
)

// BlankOptions control Blank. The zero value gives 20 empty rows per table
// (表六: 20 under each 类).
type BlankOptions struct {
	// Rows is the number of empty rows to fill in each table of rows (and
	// in the function and economic blocks of 表一 and 表四); 0 means 20.
	Rows int
}

// blankCategories are the 支出类别 lines of 表一 and 表四 in the 一体化
// classes: level 1 lines add up the level 2 lines under them.
var blankCategories = []model.FundLine{
	{Name: "一、人员类项目支出", Level: 1},
	{Name: "工资福利支出", Level: 2},
	{Name: "对个人和家庭的补助", Level: 2},
	{Name: "二、运转类项目支出", Level: 1},
	{Name: "公用经费项目支出", Level: 2},
	{Name: "其他运转类项目支出", Level: 2},
	{Name: "三、特定目标类项目支出", Level: 1},
	{Name: "本级支出项目", Level: 2},
	{Name: "转移性支出项目", Level: 2},
}

// blankClasses are the 类 of 表六 (部门预算支出经济分类) the template lists,
// each with empty 款 rows under it.
var blankClasses = []struct{ code, name string }{
	{"301", "工资福利支出"},
	{"302", "商品和服务支出"},
	{"303", "对个人和家庭的补助"},
}

// blankIncome are the income keys of the summary tables' income block, in
// printed order: 表一 lists every source, 表四 (财政拨款) the three funds.
var blankIncome = map[model.TableID][]string{
	model.T01: {model.IncomeGeneral, model.IncomeGovFund, model.IncomeStateCapital, model.IncomeSpecialAccount, model.IncomeUnitFunds},
	model.T04: {model.IncomeGeneral, model.IncomeGovFund, model.IncomeStateCapital},
}

// inputCodeLengths are the lengths a code typed into a template row may
// have, by column key: 6-digit 单位 codes, 7-digit function items (项),
// 3-digit 类 and 5-digit 款 of 表六.
var inputCodeLengths = map[string][]int{
	"unit_code": {6},
	"func_code": {7},
	"code":      {3, 5},
}

// instructions is the text of the 填表说明 sheet; {department}, {year},
// {unit} and {subject} are filled from the disclosure.
var instructions = []string{
	"本工作簿是部门预算公开表的填报模板：每张公开表一个工作表，版式与正式公开表相同。",
	"一、浅黄色单元格是填报区；标题、表头、合计行和小计行已锁定，合计与小计由公式自动计算，不必填写。工作表保护没有密码，确需改动时可在“审阅 → 撤销工作表保护”中取消。",
	"二、金额单位见各表右上角（本模板默认{unit}）。金额只填数字，不要带单位、千分位逗号或空格；没有的金额留空。",
	"三、编码按文本填写并保留前导零：单位编码如 526003，功能分类科目编码填到项（如 2010350；分类、款、项三列的表分别填 201、03、50），经济分类科目的款如 30101。",
	"四、逐行列明细的表（单位、科目或采购项目）：每行填一条明细，不要另加科室、部门、单位或类、款的小计行；用不到的行留空。",
	"五、收支总表：收入栏逐项填写（“一、”下面列有“1. 2. 3.”的，只填分项）；支出功能分类每行填一个科目，已有“编码+名称”栏的写在一格（如 201一般公共服务支出）；支出类别已列出的行只填明细；经济分类每行填“编码+名称”（如 501机关工资福利支出）。",
	"六、基本支出经济分类表：在各类（301、302、303）下面的行里填款的编码、名称和金额；不需要的类，可清空其编码和名称。",
	"七、行数不够时，撤销保护后在明细区中间插入整行，合计公式会随之扩展。",
	"八、填好后在命令行运行 gongkai validate 文件名.xlsx 核对每个数，再用 gongkai export 文件名.xlsx -o 输出目录 生成正式的公开表（XLSX 和 PDF）。",
}

// Blank lays out the blank official workbook of profile o.Profile for
// department d.Department and year d.Year (either may be empty): a first
// sheet 填表说明, then every table in its official layout with empty rows
// to fill (Input cells), its 合计 and subtotal cells as live sums
// (layout.Cell.Sum), and the sheet protected so that only the input cells
// can be typed in.
func Blank(d *model.Disclosure, o Options, bo BlankOptions) (layout.Document, error) {
	if d == nil {
		d = &model.Disclosure{}
	}
	n := bo.Rows
	if n <= 0 {
		n = 20
	}
	p := o.profile()
	ph := &model.Disclosure{Department: d.Department, Year: d.Year, Unit: d.Unit, Date: d.Date}
	if ph.Unit == "" {
		ph.Unit = model.UnitWanYuan // the template's amounts are in 万元 unless told otherwise
	}
	if ph.Year == 0 {
		ph.Year = 2000 // only the document date depends on it; titles of a template without a year stay without one
	}
	plan := map[string]*blankPlan{}
	for _, t := range p.Tables {
		plan[t.ID] = placeholder(ph, t, n)
	}
	doc, err := Document(ph, o)
	if err != nil {
		return layout.Document{}, err
	}
	if d.Year == 0 {
		doc.Title = strings.ReplaceAll(doc.Title, "2000年", "")
		doc.Subject = strings.ReplaceAll(doc.Subject, "2000年", "")
	}
	for i := range doc.Sheets {
		s := &doc.Sheets[i]
		t := p.Table(s.ID)
		if t == nil || plan[s.ID] == nil {
			continue
		}
		if profiles.Shape(t.Data) == profiles.ShapeSummary {
			blankSummary(s, plan[s.ID])
		} else {
			blankRows(s, plan[s.ID])
		}
		s.Notes = nil
		s.Protect = true
	}
	unit := d.Unit
	if unit == "" {
		unit = model.UnitWanYuan
	}
	doc.Sheets = append([]layout.Sheet{instructionsSheet(p, d, unit)}, doc.Sheets...)
	return doc, nil
}

// blankPlan is what placeholder put into a table: the level of each row
// (row tables) or the category levels (summary tables).
type blankPlan struct {
	levels     []model.Level
	categories []model.FundLine
}

// placeholder puts empty rows into table t of d so that the layout has the
// rows of the template.
func placeholder(d *model.Disclosure, t *profiles.Table, n int) *blankPlan {
	pl := &blankPlan{}
	if profiles.Shape(t.Data) == profiles.ShapeSummary {
		st := &model.SummaryTable{Categories: append([]model.FundLine(nil), blankCategories...)}
		labels := t.Summary.IncomeLabels
		for i, k := range blankIncome[t.Data] {
			st.Income = append(st.Income, model.IncomeLine{Key: k, Label: ordinal(i+1) + "、" + labels[k]})
		}
		st.Functions = make([]model.FundLine, n)
		st.Economic = make([]model.FundLine, n)
		if t.Data == model.T01 {
			d.Tables.T01 = st
		} else {
			d.Tables.T04 = st
		}
		pl.categories = st.Categories
		return pl
	}
	rt := profiles.RowType(t.Data)
	if rt == nil {
		return nil
	}
	rows := reflect.MakeSlice(reflect.SliceOf(rt), 0, n+8)
	add := func(level model.Level, code, name string) {
		r := reflect.New(rt).Elem()
		r.FieldByName("Level").SetString(string(level))
		if code != "" {
			r.FieldByName("Code").SetString(code)
			r.FieldByName("Name").SetString(name)
		}
		rows = reflect.Append(rows, r)
		pl.levels = append(pl.levels, level)
	}
	add(model.LevelTotal, "", "")
	switch t.Data {
	case model.T06:
		per := n // 款 rows under each 类 (商品和服务支出 often has 15 or more)
		for _, c := range blankClasses {
			add(model.LevelClass, c.code, c.name)
			for range per {
				add(model.LevelItem, "", "")
			}
		}
	default:
		for range n {
			add(model.LevelDetail, "", "")
		}
	}
	table := reflect.New(reflect.TypeOf(tableValue(&d.Tables, t.Data).Interface()).Elem())
	table.Elem().FieldByName("Rows").Set(rows)
	if f := table.Elem().FieldByName("Scheme"); f.IsValid() {
		f.SetString(model.SchemeCategory)
	}
	tableValue(&d.Tables, t.Data).Set(table)
	return pl
}

// input makes cell c of row r an empty input cell.
func input(s *layout.Sheet, r, c int) {
	s.Rows[r].Cells[c] = layout.Cell{Empty: true, Input: true}
}

// sum makes cell c of row r the live sum of refs.
func sum(s *layout.Sheet, r, c int, refs []layout.CellRef) {
	cell := &s.Rows[r].Cells[c]
	cell.Sum = refs
	cell.Input = false
	if cell.Text == "" {
		cell.Text, cell.Numeric, cell.Empty = "0.00", true, false
	}
}

// blankRows turns the placeholder rows of a table of rows into the
// template: the 合计 row adds up the detail rows (表六: the 类 rows, each
// adding up the 款 rows under it); every cell of a detail row is an input
// cell.
func blankRows(s *layout.Sheet, pl *blankPlan) {
	for c := range s.Columns {
		if l := inputCodeLengths[s.Columns[c].Key]; l != nil && s.Columns[c].Kind == layout.KindCode {
			s.Columns[c].CodeLen = l
		}
	}
	if !hasTextColumn(s) {
		// A table of amounts only (Shanghai 表9): its one row is typed.
		for r, row := range s.Rows {
			if i := refIndex(row.Ref); i >= 0 && i < len(pl.levels) && pl.levels[i] == model.LevelTotal {
				for c := range s.Columns {
					input(s, r, c)
				}
				s.Rows = []layout.Row{s.Rows[r]}
				return
			}
		}
	}
	// The layout may reorder the rows (a profile that prints the 合计 last):
	// each layout row finds its placeholder row by its Ref (t05.rows[3]).
	levels := make([]model.Level, len(s.Rows))
	for r, row := range s.Rows {
		levels[r] = model.LevelDetail
		if i := refIndex(row.Ref); i >= 0 && i < len(pl.levels) {
			levels[r] = pl.levels[i]
		}
	}
	var tops []int // rows the 合计 adds up
	for r, lv := range levels {
		switch lv {
		case model.LevelDetail, model.LevelUnit, model.LevelClass:
			tops = append(tops, r)
		}
	}
	for r, lv := range levels {
		for c, col := range s.Columns {
			switch {
			case lv == model.LevelTotal && col.Kind == layout.KindAmount:
				sum(s, r, c, refsOf(tops, c))
			case lv == model.LevelClass && col.Kind == layout.KindAmount:
				var items []int
				for k := r + 1; k < len(levels) && levels[k] == model.LevelItem; k++ {
					items = append(items, k)
				}
				sum(s, r, c, refsOf(items, c))
			case lv == model.LevelClass:
				s.Rows[r].Cells[c].Input = true // the class code and name may be cleared
			case lv != model.LevelTotal:
				input(s, r, c)
			}
		}
	}
}

// refIndex is the row index of a layout row's Ref (t05.rows[3] → 3), or -1.
func refIndex(ref string) int {
	i := strings.LastIndex(ref, "[")
	if i < 0 || !strings.HasSuffix(ref, "]") {
		return -1
	}
	n, err := strconv.Atoi(ref[i+1 : len(ref)-1])
	if err != nil {
		return -1
	}
	return n
}

func refsOf(rows []int, c int) []layout.CellRef {
	out := make([]layout.CellRef, len(rows))
	for i, r := range rows {
		out[i] = layout.CellRef{Row: r, Col: c}
	}
	return out
}

// blankSummary turns the placeholder rows of 表一 or 表四 into the
// template, by the parts each layout row holds (its Ref).
func blankSummary(s *layout.Sheet, pl *blankPlan) {
	at := map[string]int{}
	for i, c := range s.Columns {
		at[c.Key] = i
	}
	block := func(prefix string) []int { // amount columns of a block
		var out []int
		for i, c := range s.Columns {
			if strings.HasPrefix(c.Key, prefix+"_") && c.Kind == layout.KindAmount {
				out = append(out, i)
			}
		}
		return out
	}
	fn, cl := block("function"), block("class")
	inAmt, hasIn := at["income_amount"]
	var income, functions, economic, carryLines []int
	var catRows []int // layout row of each category line
	catTotal, ecoTotal, total, carry, grand := -1, -1, -1, -1, -1
	for r, row := range s.Rows {
		for _, part := range strings.Fields(row.Ref) {
			if _, after, ok := strings.Cut(part, "."); ok {
				part = after
			}
			name, _, _ := strings.Cut(part, "[")
			switch {
			case part == "category_total" || name == "category_total":
				catTotal = r
			case part == "economic_total" || name == "economic_total":
				ecoTotal = r
			case strings.HasPrefix(part, "income[") || strings.HasPrefix(part, "income."):
				income = append(income, r)
			case name == "functions":
				functions = append(functions, r)
			case name == "categories":
				catRows = append(catRows, r)
			case name == "economic":
				economic = append(economic, r)
			case name == "carryover_lines":
				carryLines = append(carryLines, r)
			case part == "income_total" || part == "expenditure_total":
				total = r
			case part == "carryover" || part == "carry_forward":
				carry = r
			case part == "income_grand_total" || part == "expenditure_grand_total":
				grand = r
			}
		}
	}
	// Income lines numbered 1. 2. 3. under a line numbered 一、 (Shanghai:
	// 一、财政拨款收入 over its three funds) make that line their sum; the
	// totals add up the top lines only.
	var topIncome []int
	for k, r := range income {
		if numberedSub(s.Rows[r].Cells[at["income_item"]].Text) {
			continue
		}
		topIncome = append(topIncome, r)
		var subs []int
		for _, q := range income[k+1:] {
			if !numberedSub(s.Rows[q].Cells[at["income_item"]].Text) {
				break
			}
			subs = append(subs, q)
		}
		if hasIn && len(subs) > 0 {
			sum(s, r, inAmt, refsOf(subs, inAmt))
			income[k] = -1 // a sum, not an input
		}
	}
	if hasIn {
		for _, r := range income {
			if r < 0 {
				continue
			}
			input(s, r, inAmt)
		}
		for _, r := range carryLines {
			input(s, r, inAmt)
		}
	}
	for _, r := range functions {
		input(s, r, at["function_item"])
		for _, c := range fn {
			input(s, r, c)
		}
	}
	for _, r := range economic {
		input(s, r, at["class_item"])
		for _, c := range cl {
			input(s, r, c)
		}
	}
	// Category lines: level 2 are input, level 1 add up the level 2 lines
	// under them, the block total adds up the level 1 lines.
	var level1 []int
	for i, r := range catRows {
		if i >= len(pl.categories) {
			break
		}
		if pl.categories[i].Level == 1 {
			level1 = append(level1, r)
			var under []int
			for k := i + 1; k < len(catRows) && k < len(pl.categories) && pl.categories[k].Level != 1; k++ {
				under = append(under, catRows[k])
			}
			for _, c := range cl {
				sum(s, r, c, refsOf(under, c))
			}
			continue
		}
		for _, c := range cl {
			input(s, r, c)
		}
	}
	if catTotal >= 0 {
		for _, c := range cl {
			sum(s, catTotal, c, refsOf(level1, c))
		}
	}
	if ecoTotal >= 0 {
		for _, c := range cl {
			sum(s, ecoTotal, c, refsOf(economic, c))
		}
	}
	// Footer: 本年收入合计 and 本年支出合计 add up their blocks; 上年结余结转
	// adds up its lines (or is typed); 结转下年 is typed; 收入总计 and 支出总计
	// add the two rows above; the right-hand block repeats the middle one.
	if total >= 0 {
		if hasIn {
			sum(s, total, inAmt, refsOf(topIncome, inAmt))
		}
		for _, c := range fn {
			sum(s, total, c, refsOf(functions, c))
		}
	}
	if carry >= 0 {
		if hasIn {
			if len(carryLines) > 0 {
				sum(s, carry, inAmt, refsOf(carryLines, inAmt))
			} else {
				input(s, carry, inAmt)
			}
		}
		for _, c := range fn {
			input(s, carry, c)
		}
	}
	switch {
	case grand >= 0 && total >= 0 && carry >= 0:
		if hasIn {
			sum(s, grand, inAmt, refsOf([]int{total, carry}, inAmt))
		}
		for _, c := range fn {
			sum(s, grand, c, refsOf([]int{total, carry}, c))
		}
	case grand >= 0 && total < 0 && carry < 0:
		// Only 收入总计 | 支出总计 (Shanghai): they add up the lines.
		if hasIn {
			sum(s, grand, inAmt, refsOf(topIncome, inAmt))
		}
		for _, c := range fn {
			sum(s, grand, c, refsOf(functions, c))
		}
	}
	for _, r := range []int{total, carry, grand} {
		if r < 0 {
			continue
		}
		for k, c := range cl {
			if k < len(fn) {
				sum(s, r, c, []layout.CellRef{{Row: r, Col: fn[k]}})
			}
		}
	}
}

// instructionsSheet is the first sheet of the template: how to fill it.
func instructionsSheet(p *profiles.Profile, d *model.Disclosure, unit string) layout.Sheet {
	s := layout.Sheet{
		ID:       "instructions",
		Name:     InstructionsTitle,
		Title:    InstructionsTitle,
		Columns:  []layout.Column{{Key: "text", Kind: layout.KindText, Width: 40}},
		Decimals: decimals,
		Page:     layout.Page{Landscape: true, FitWidth: true},
	}
	line := func(text string) {
		s.Rows = append(s.Rows, layout.Row{Cells: []layout.Cell{layout.TextCell(text)}, Level: 1})
	}
	// The department and year lines are always there: a template written
	// without them is filled in here, and the reader takes them from here.
	line(InstructionsDepartment + d.Department)
	year := ""
	if d.Year != 0 {
		year = p.Fill("{year}年", d.Year, d.Department, unit)
	}
	line(InstructionsYear + year)
	if d.Department == "" || d.Year == 0 {
		line("（请在上面两行的冒号后填写部门名称和预算年度，如“2027年”。）")
	}
	for _, t := range instructions {
		line(p.Fill(t, d.Year, d.Department, unit))
	}
	return s
}

// numberedSub reports whether an income label is numbered 1. 2. … (a line
// under the one numbered 一、 above it).
func numberedSub(label string) bool {
	label = strings.TrimSpace(label)
	i := 0
	for i < len(label) && label[i] >= '0' && label[i] <= '9' {
		i++
	}
	return i > 0 && i < len(label) && (label[i] == '.' || strings.HasPrefix(label[i:], "．") || strings.HasPrefix(label[i:], "、"))
}

func hasTextColumn(s *layout.Sheet) bool {
	for _, c := range s.Columns {
		if c.Kind == layout.KindCode || c.Kind == layout.KindText {
			return true
		}
	}
	return false
}
