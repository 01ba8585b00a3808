package ledger

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/check"
	"gongkai/model"
)

// Options tune Build. The zero value is useful.
type Options struct {
	// Catalog adds function names (code → name), e.g. a region's full 项
	// catalog read with ReadCatalog; ledger names come first.
	Catalog map[string]string
	// Prior is last year's disclosure (a budget.json, or a ledger built
	// with Build); its totals give the changes the narrative states.
	Prior *model.Disclosure
	// PriorName names Prior's file in messages.
	PriorName string
}

// Move is a fine cell whose printed value moved by more than half a unit
// from its exact value (it was rounded away from the nearest value so that
// the totals add up).
type Move struct {
	Pos     Pos    // the first line of the cell
	Where   string // unit, function, economic code, category and fund
	Exact   string // exact amount in the display unit
	Printed string
}

// Place is where the cell is, as build and the web page show it: its first
// line (Pos.String) and Where in brackets.
func (m Move) Place() string { return m.Pos.String() + "（" + m.Where + "）" }

// Report says how the rounding went.
type Report struct {
	Cells int    // fine cells rounded
	Moved []Move // cells (and carry-overs) moved by more than half a unit
	// Off lists printed totals more than one unit from their exact value
	// (empty unless the rounding could not meet every bound).
	Off []string
	// Impossible: Off is not empty because no rounding meets every bound
	// (a ledger with few cells, all of whose roundings were tried).
	Impossible bool
	// Notes are the 提示: 政府采购品目 whose kind (货物, 工程, 服务) cannot be
	// decided, function codes printed without a name.
	Notes []Note
	// Warnings are the 警告 of the build: last year's data (Prior) of
	// another department.
	Warnings []string
}

// fine cell key
type cellKey struct {
	unit int32
	fn   string
	econ string
	cat  Category
	fund Fund
	tp   ThreePublic // "三公" kind of 一般公共预算 lines (表七), else TPNone
}

// printed order of the function classes in 表一/表四 (spec §9.1, with 205
// and 223 in their correct codes); classes a ledger uses that are not
// listed are added in code order.
var classOrder = []string{"201", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217", "219",
	"220", "221", "222", "224", "227", "229", "230", "231", "232", "233", "223", "203"}

// economic classes of 表一/表四, printed as 5xx with the 部门 names (spec §9.2).
var econClasses = []string{"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"}

// aggregate kinds
const (
	kExpDetail  = iota // a=table, b=row (unit×function), c=column
	kExpNode           // a=table, b=node (0 total, 1+unit), c=column
	kSumFunc           // a=tab (0 表一, 1 表四), b=class, c=fund column
	kSumCat            // a=tab, b=category line, c=fund column
	kSumEcon           // a=tab, b=economic class, c=fund column
	kSumTotal          // a=tab, c=fund column
	kIncome            // a=node, b=fund (0..4) or 5 for all
	kBasicItem         // a=款 index, b=column (0 total, 1 人员经费, 2 公用经费)
	kBasicClass        // a=类 index, b=column
	kBasicTotal        // b=column
	kOperItem          // a=款 index (302 items of 行政/参公 units)
	kOperTotal
	kThreePublic // a=node (0 total, 1+unit), b=column (0 合计, 1 出国, 2 购置, 3 运行, 4 接待, 5 公务用车小计)
	kCarry       // a=node (0 total, 1+unit), b=fund (0..4), 5 all, 6 财政拨款: 上年结转
	kCarryFwd    // a=0, b=fund (0..4), 5 all, 6 财政拨款: 结转下年
	kGrand       // a=node, b=5 all or 6 财政拨款, or a=0 and b=fund (0..2, 表四): 收入总计 = 支出总计, when there is 结转下年
)

// kIncome is this year's income (本年收入): the spending of the unit or
// department less its carry-overs; b=6 sums the three 财政拨款 funds.

// expenditure tables: 表三 (all funds), 表五, 表八, 表十.
var expTables = [4]struct {
	id   model.TableID
	fund int // -1 for all funds
}{{model.T03, -1}, {model.T05, int(FundGeneral)}, {model.T08, int(FundGovFund)}, {model.T10, int(FundStateCapital)}}

type builder struct {
	l      *Ledger
	o      Options
	unit   int64 // 分 per printed 0.01
	scheme string
	units  []unitInfo
	multi  bool // more than one unit: unit subtotal rows
	cells  []cellKey
	amount []int64
	first  []Pos
	rowOf  []int32 // cell → (unit, function) row index
	rows   []rowKey
	econs  []string // 款 in code order (表六)
	r      *rounder
	carry  []carryCell // rounded with the spending: cells after the spending's
	fwd    []carryCell // 结转下年 where a 本年收入 is stated: cells after the carry-overs
	sums   []int64     // printed value per aggregate
	// funcNames, econNames: the names the ledger gives (names)
	funcNames, econNames map[string]string
	exact                []int64
	rep                  Report
}

// carryCell is a unit's carry-over (上年结转) of one fund; the rounder holds
// it as a cell of amount −carry-over after the spending cells, so that
// this year's income (spending − carry-over) is a sum of cells.
type carryCell struct {
	unit   int32
	fund   Fund
	amount int64 // in 分, > 0
	pos    Pos   // its first line in the 收入 sheet or file
}

type unitInfo struct {
	code, name string
	typ        UnitType
}

type rowKey struct {
	unit int32
	fn   string
}

// Build compiles the ledger's lines into a disclosure: the ten tables, the
// narrative figures that follow from the numbers, and the department's
// details. Amounts are rounded to the display unit by controlled rounding
// (docs/rounding.md): every printed total is the sum of its printed parts,
// across rows and columns, in every table. It fails with model.ParseErrors
// when the lines contradict each other (a unit with two names, a cell that
// nets to a negative amount, a carry-over larger than the spending).
func Build(l *Ledger, o Options) (*model.Disclosure, *Report, error) {
	if errs := l.Validate(); len(errs) > 0 {
		return nil, nil, errs
	}
	if err := checkPriorYear(l, o); err != nil {
		return nil, nil, err
	}
	b := &builder{l: l, o: o, unit: 10000}
	b.rep.Warnings = priorWarnings(l, o)
	if l.Info.Unit == model.UnitYuan {
		b.unit = 1
	}
	// The lines against each other and the carry-overs against the
	// lines: every problem at once, in the order of the files and lines.
	var errs model.ParseErrors
	for _, check := range []func() error{b.collect, b.carryOvers} {
		if err := check(); err != nil {
			var pes model.ParseErrors
			if !errors.As(err, &pes) {
				return nil, nil, err
			}
			errs = append(errs, pes...)
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, nil, errs
	}
	b.register()
	b.registerCarry()
	b.solve()
	d := &model.Disclosure{
		Department:     l.Info.Department,
		DepartmentCode: l.Info.DepartmentCode,
		Region:         l.Info.Region,
		Year:           l.Info.Year,
		Unit:           model.UnitWanYuan,
		Date:           l.Info.Date,
		Texts:          l.Texts,
	}
	if b.unit == 1 {
		d.Unit = model.UnitYuan
	}
	ts := &d.Tables
	ts.T03, ts.T05, ts.T08, ts.T10 = b.expTable(0), b.expTable(1), b.expTable(2), b.expTable(3)
	ts.T04 = b.summary(1)
	ts.T01 = b.summary(0)
	ts.T06 = b.basic()
	inc, err := b.income(ts)
	if err != nil {
		return nil, nil, err
	}
	ts.T02 = inc
	t7, tp := b.threePublic()
	ts.T07 = t7
	t9, proc := b.procurement()
	ts.T09 = t9
	d.Narrative = b.narrative(d, tp, proc)
	b.nameNotes()
	return d, &b.rep, nil
}

func (b *builder) collect() error {
	var errs model.ParseErrors
	unitIdx := map[string]int32{}
	// cells by (unit, packed codes): function and economic codes are
	// digits of a fixed width, so the packed word sorts as the strings do.
	type cellNum struct {
		unit int32
		key  uint64
	}
	cellIdx := make(map[cellNum]int32, len(b.l.Lines)/2)
	var firstLine []int32          // per cell: its first line
	var unitFirst []int32          // per unit: its first line
	var negLines map[int32][]int32 // per cell: its negative lines, if any
	var packed []uint64            // per cell: its codes packed
	basic, cat := false, false
	var firstScheme [2]int // first line of each scheme: category, basic/project
	var sizes amountSizes
	for i := range b.l.Lines {
		ln := &b.l.Lines[i]
		// Lines made by a program rather than Read: the codes the tables
		// are built on must have their shape.
		if len(ln.FuncCode) != 7 || !digits(ln.FuncCode) || len(ln.EconCode) != 5 || !digits(ln.EconCode) || classIndex(ln.EconCode[:3]) < 0 ||
			ln.Category >= nCats || ln.Fund >= nFunds || ln.ThreePublic > TPReception {
			errs = append(errs, b.l.lineErr(i, fmtBad(ErrBadCode, "预算明细行的功能科目编码（7 位）、经济科目编码（5 位）、支出类别或资金性质无效：%q %q", ln.FuncCode, ln.EconCode)))
			continue
		}
		u, ok := unitIdx[ln.UnitCode]
		if !ok {
			u = int32(len(b.units))
			unitIdx[ln.UnitCode] = u
			b.units = append(b.units, unitInfo{ln.UnitCode, ln.UnitName, ln.UnitType})
			unitFirst = append(unitFirst, int32(i))
		} else {
			ui := &b.units[u]
			if ln.UnitName != "" && ui.name != "" && ln.UnitName != ui.name {
				errs = append(errs, b.l.lineErr(i, fmtBad(model.ErrBadValue, "单位 %s 的名称“%s”与前面的“%s”不同", ln.UnitCode, ln.UnitName, ui.name)))
			}
			if ln.UnitType != 0 && ui.typ != 0 && ln.UnitType != ui.typ {
				errs = append(errs, b.l.lineErr(i, fmtBad(model.ErrBadValue, "单位 %s 的单位类型“%s”与前面的“%s”不同", ln.UnitCode, ln.UnitType, ui.typ)))
			}
			if ui.name == "" {
				ui.name = ln.UnitName
			}
			if ui.typ == 0 {
				ui.typ = ln.UnitType
			}
		}
		if ln.Category.basicScheme() {
			if !basic {
				firstScheme[1] = i
			}
			basic = true
		} else {
			if !cat {
				firstScheme[0] = i
			}
			cat = true
		}
		tp := TPNone
		if ln.Fund == FundGeneral {
			// A line built in code may leave the kind to its economic
			// 款, as Read does (30217 is 公务接待费).
			if tp = ln.ThreePublic; tp == TPNone {
				tp = econThreePublic(ln.EconCode)
			}
		}
		kn := cellNum{u, atoi(ln.FuncCode)<<26 | uint64(ln.Category)<<23 | uint64(ln.Fund)<<20 | atoi(ln.EconCode)<<3 | uint64(tp)}
		c, ok := cellIdx[kn]
		if !ok {
			c = int32(len(b.cells))
			cellIdx[kn] = c
			b.cells = append(b.cells, cellKey{u, ln.FuncCode, ln.EconCode, ln.Category, ln.Fund, tp})
			b.amount = append(b.amount, 0)
			firstLine = append(firstLine, int32(i))
			packed = append(packed, kn.key)
		}
		if sizes.add(ln.Amount) {
			errs = append(errs, b.l.lineErr(i, sizes.err("预算明细")))
		}
		if sizes.over {
			continue // the sums would overflow: not added
		}
		b.amount[c] += ln.Amount
		if ln.Amount < 0 {
			if negLines == nil {
				negLines = map[int32][]int32{}
			}
			negLines[c] = append(negLines[c], int32(i))
		}
	}
	// Two unit codes with one name: the tables would print two units
	// nobody can tell apart, and the usual cause is a code typed wrong on
	// some lines, which splits the unit's money silently. An error, not a
	// warning: the fix is one cell, and two units of one department that
	// really share a name can say which is which in the name.
	byName := map[string]int32{}
	for u := range b.units {
		name := b.units[u].name
		if name == "" {
			continue
		}
		v, seen := byName[name]
		if !seen {
			byName[name] = int32(u)
			continue
		}
		errs = append(errs, b.l.lineErr(int(unitFirst[u]), fmtBad(model.ErrBadValue, "单位编码 %s 与 %s 的单位编码 %s 是同一个单位名称“%s”：一个单位只能有一个编码，请改正写错的编码（确是两个单位时，请在名称中区分）",
			b.units[u].code, b.l.lineName(int(unitFirst[v])), b.units[v].code, name)))
	}
	// Every unit belongs to the department: its code starts with the
	// 主管部门编码 when one is given.
	if pc := b.l.Info.ParentCode; pc != "" {
		reported := map[string]bool{}
		for i := range b.l.Lines {
			ln := &b.l.Lines[i]
			if !strings.HasPrefix(ln.UnitCode, pc) && !reported[ln.UnitCode] {
				reported[ln.UnitCode] = true
				errs = append(errs, b.l.lineErr(i, fmtBad(ErrUnknownUnit, "单位 %s %s 不属于主管部门 %s %s（单位编码应以 %s 开头）", ln.UnitCode, ln.UnitName, pc, b.l.Info.ParentName, pc)))
			}
		}
	}
	if basic && cat {
		// Named at the first line of the scheme that came second.
		fi, si := firstScheme[0], firstScheme[1]
		if si < fi {
			fi, si = si, fi
		}
		first, second := b.l.Lines[fi], b.l.Lines[si]
		errs = append(errs, b.l.lineErr(si, fmtBad(model.ErrBadValue, "支出类别“%s”与%s的“%s”是两种口径（“人员类/公用经费/其他运转类/特定目标类”和“基本支出/项目支出”），一份明细只能用一种",
			second.Category, b.l.lineName(fi), first.Category)))
	}
	b.scheme = model.SchemeCategory
	if basic && !cat {
		b.scheme = model.SchemeBasicProject
	}
	for c, a := range b.amount {
		// (Over the bound of the sizes, the lines after it were not
		// summed: a cell's sum is not its net.)
		if a < 0 && !sizes.over {
			k := b.cells[c]
			// Named at the negative lines (the cell's first line may be a
			// positive one that is right).
			neg := negLines[int32(c)]
			var places []string
			for j, li := range neg {
				if j == 5 {
					places = append(places, fmt.Sprintf("等 %d 行", len(neg)))
					break
				}
				places = append(places, b.l.lineName(int(li)))
			}
			errs = append(errs, b.l.lineErr(int(neg[0]), fmtBad(ErrNegativeNet, "单位 %s、功能科目 %s、经济科目 %s、%s、%s 各行合计为负数 %s 元（负数行：%s）；负数行只能冲减同一单位、科目、类别和资金性质下的正数行",
				b.units[k.unit].code, k.fn, k.econ, k.cat, k.fund, yuan(a), strings.Join(places, "、"))))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	// Sort units by code and cells by unit, then function, category, fund,
	// economic code and 三公 kind (the packed codes).
	order := make([]int32, len(b.units))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return b.units[order[i]].code < b.units[order[j]].code })
	remap := make([]int32, len(b.units))
	units := make([]unitInfo, len(b.units))
	for newI, oldI := range order {
		remap[oldI] = int32(newI)
		units[newI] = b.units[oldI]
	}
	b.units = units
	b.multi = len(units) > 1
	for i := range b.cells {
		b.cells[i].unit = remap[b.cells[i].unit]
	}
	idx := make([]int32, len(b.cells))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(x, y int32) int {
		if ux, uy := b.cells[x].unit, b.cells[y].unit; ux != uy {
			return cmp.Compare(ux, uy)
		}
		return cmp.Compare(packed[x], packed[y])
	})
	cells := make([]cellKey, len(idx))
	amount := make([]int64, len(idx))
	first := make([]Pos, len(idx))
	for n, i := range idx {
		cells[n], amount[n], first[n] = b.cells[i], b.amount[i], b.l.Lines[firstLine[i]].Pos
	}
	b.cells, b.amount, b.first = cells, amount, first
	// Rows (unit × function) and economic items.
	b.rowOf = make([]int32, len(cells))
	econSet := map[string]bool{}
	for i, k := range cells {
		if len(b.rows) == 0 || b.rows[len(b.rows)-1] != (rowKey{k.unit, k.fn}) {
			b.rows = append(b.rows, rowKey{k.unit, k.fn})
		}
		b.rowOf[i] = int32(len(b.rows) - 1)
		econSet[k.econ] = true
	}
	for e := range econSet {
		b.econs = append(b.econs, e)
	}
	sort.Strings(b.econs)
	return nil
}

// maxTotalFen bounds the sum of the sizes of a ledger's amounts (of the
// lines, and of the 收入 rows), in 分: 10^15 元, what one amount may be.
// Every total the tables print is then far within int64 (sums of more than
// some 92 amounts of 10^15 元 wrapped around: a department printed a wrong
// total, or Build panicked on a "negative" cell without a negative line).
const maxTotalFen = 100_000_000_000_000_000

// amountSizes sums the sizes of amounts against maxTotalFen.
type amountSizes struct {
	sum  int64
	over bool // reported once; later amounts are not summed
}

// add adds amount's size; it reports whether the sum went over the bound
// with this amount (only the first time: err is the problem to report).
func (s *amountSizes) add(amount int64) bool {
	if s.over {
		return false
	}
	if amount >= -maxTotalFen && amount <= maxTotalFen && abs64(amount) <= maxTotalFen-s.sum {
		s.sum += abs64(amount)
		return false
	}
	s.over = true
	return true
}

// err is the problem of a sum over the bound, in what.
func (s *amountSizes) err(what string) error {
	return fmtBad(ErrBadAmount, "%s的金额合计（按绝对值）到这一行超过 10^15 元（1,000,000,000,000,000 元）：请检查金额的单位和位数", what)
}

// atoi reads a code already checked to be digits.
func atoi(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		n = n*10 + uint64(s[i]-'0')
	}
	return n
}

func (l *Ledger) firstFile() string {
	if len(l.Lines) > 0 {
		return l.Lines[0].Pos.File
	}
	return ""
}

func posErr(p Pos, err error) *model.ParseError {
	e := &model.ParseError{File: p.File, Err: err}
	if p.Sheet != "" {
		e.Sheet, e.Cell = p.Sheet, fmt.Sprintf("A%d", p.Row)
	} else {
		e.Line = p.Row
	}
	return e
}

// yuan formats 分 as 元.
func yuan(fen int64) string { return decimal.New(fen, -2).StringFixed(2) }

// column of a category in the expenditure tables (1-based; 0 is 总计).
func (b *builder) expCol(c Category) int32 {
	switch c {
	case CatPersonnel, CatBasic:
		return 1
	case CatPublic, CatProject:
		return 2
	case CatOtherOperating:
		return 3
	}
	return 4 // 特定目标类 (本级, 转移性)
}

// category lines of 表一/表四 a cell belongs to.
func (b *builder) catLines(k cellKey) []int32 {
	if b.scheme == model.SchemeBasicProject {
		// 0 一、基本支出 1 人员经费 2 公用经费 3 二、项目支出
		if k.cat == CatProject {
			return []int32{3}
		}
		if personnelEcon(k.econ) {
			return []int32{0, 1}
		}
		return []int32{0, 2}
	}
	// 0 一、人员类 1 工资福利 2 对个人和家庭 3 二、运转类 4 公用经费 5 其他运转类 6 三、特定目标类 7 本级 8 转移性
	switch k.cat {
	case CatPersonnel:
		if strings.HasPrefix(k.econ, "303") {
			return []int32{0, 2}
		}
		return []int32{0, 1}
	case CatPublic:
		return []int32{3, 4}
	case CatOtherOperating:
		return []int32{3, 5}
	case CatTransfer:
		return []int32{6, 8}
	}
	return []int32{6, 7}
}

// personnelEcon: 人员经费 are 301 and 303 (spec §9.2).
func personnelEcon(econ string) bool {
	return strings.HasPrefix(econ, "301") || strings.HasPrefix(econ, "303")
}

// basicCol is the 表六 column of a cell (1 人员经费, 2 公用经费), 0 when the
// cell is not 一般公共预算 basic expenditure.
func (b *builder) basicCol(k cellKey) int32 {
	if k.fund != FundGeneral {
		return 0
	}
	switch k.cat {
	case CatPersonnel:
		return 1
	case CatPublic:
		return 2
	case CatBasic:
		if personnelEcon(k.econ) {
			return 1
		}
		return 2
	}
	return 0
}

func classIndex(code string) int32 {
	for i, c := range econClasses {
		if c == code {
			return int32(i)
		}
	}
	return -1
}

// funcClasses lists the function classes printed in 表一/表四.
func (b *builder) funcClasses() []string {
	out := append([]string(nil), classOrder...)
	seen := map[string]bool{}
	for _, c := range out {
		seen[c] = true
	}
	var extra []string
	for _, r := range b.rows {
		c := r.fn[:3]
		if !seen[c] {
			seen[c] = true
			extra = append(extra, c)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

func (b *builder) register() {
	amounts := b.amount
	if len(b.carry)+len(b.fwd) > 0 {
		amounts = append(slices.Clip(b.amount), make([]int64, len(b.carry)+len(b.fwd))...)
		for k, c := range b.carry {
			amounts[len(b.cells)+k] = -c.amount
		}
		for k, c := range b.fwd {
			amounts[len(b.cells)+len(b.carry)+k] = c.amount
		}
	}
	b.r = newRounder(b.unit, amounts)
	r := b.r
	classes := b.funcClasses()
	classIdx := map[string]int32{}
	for i, c := range classes {
		classIdx[c] = int32(i)
	}
	econIdx := map[string]int32{}
	for i, e := range b.econs {
		econIdx[e] = int32(i)
	}
	fnIdx := map[string]uint64{}
	for i, k := range b.cells {
		// Sibling groups: the cell's key with one coordinate left out,
		// packed in a word (unit 16 bits, function 20, economic 10, category,
		// fund and 三公 kind 4 each).
		fi, ok := fnIdx[k.fn]
		if !ok {
			fi = uint64(len(fnIdx))
			fnIdx[k.fn] = fi
		}
		ei := uint64(econIdx[k.econ])
		parts := [5]uint64{uint64(k.unit) & 0xffff, fi & 0xfffff, ei & 0x3ff, uint64(k.cat), uint64(k.fund)}
		shifts := [5]uint{0, 16, 36, 46, 50}
		for d := uint8(0); d < 5; d++ {
			key := uint64(k.tp) << 54
			for x := range parts {
				if uint8(x) != d {
					key |= parts[x] << shifts[x]
				}
			}
			r.sibling(i, d, key)
		}
		row := b.rowOf[i]
		col := b.expCol(k.cat)
		nodeArr := [2]int32{0, 1 + k.unit}
		nodes := nodeArr[:1]
		if b.multi {
			nodes = nodeArr[:2]
		}
		for t, et := range expTables {
			if et.fund >= 0 && et.fund != int(k.fund) {
				continue
			}
			for _, c := range []int32{0, col} {
				r.add(aggKey{kExpDetail, int32(t), row, c}, i)
				for _, n := range nodes {
					r.add(aggKey{kExpNode, int32(t), n, c}, i)
				}
			}
		}
		// 表一 (all funds, total column only) and 表四 (财政拨款: total and per fund).
		fc := classIdx[k.fn[:3]]
		ec := classIndex(k.econ[:3])
		cls := b.catLines(k)
		for tab := int32(0); tab < 2; tab++ {
			colArr := [2]int32{0, 1 + int32(k.fund)}
			cols := colArr[:1]
			if tab == 1 {
				if !k.fund.appropriation() {
					continue
				}
				cols = colArr[:2]
			}
			for _, c := range cols {
				r.add(aggKey{kSumFunc, tab, fc, c}, i)
				for _, cl := range cls {
					r.add(aggKey{kSumCat, tab, cl, c}, i)
				}
				if ec >= 0 {
					r.add(aggKey{kSumEcon, tab, ec, c}, i)
				}
				r.add(aggKey{kSumTotal, tab, 0, c}, i)
			}
		}
		// 表二, 表一, 表四: this year's income by unit and fund (the
		// carry-over cells below take their part away).
		for _, n := range [2]int32{0, 1 + k.unit} {
			r.add(aggKey{kIncome, n, int32(k.fund), 0}, i)
			r.add(aggKey{kIncome, n, 5, 0}, i)
		}
		if len(b.carry)+len(b.fwd) > 0 && k.fund.appropriation() {
			r.add(aggKey{kIncome, 0, 6, 0}, i)
		}
		// 收入总计 (= 支出总计) of 表二's rows, 表一 and 表四, when some
		// income goes beyond the spending (结转下年).
		if len(b.fwd) > 0 {
			for _, n := range [2]int32{0, 1 + k.unit} {
				r.add(aggKey{kGrand, n, 5, 0}, i)
			}
			if k.fund.appropriation() {
				r.add(aggKey{kGrand, 0, 6, 0}, i)
				r.add(aggKey{kGrand, 0, int32(k.fund), 0}, i) // 表四 支出总计 by fund
			}
		}
		// 表七: the same cells, so that 表六 30217 and 表七 公务接待费 agree.
		if k.tp != TPNone {
			cols := []int32{0, int32(k.tp)}
			if k.tp == TPVehiclePurchase || k.tp == TPVehicleOperation {
				cols = append(cols, 5)
			}
			for _, c := range cols {
				r.add(aggKey{kThreePublic, 0, c, 0}, i)
				r.add(aggKey{kThreePublic, 1 + k.unit, c, 0}, i)
			}
		}
		// 表六 and 机关运行经费.
		if bc := b.basicCol(k); bc > 0 {
			ei, ci := econIdx[k.econ], classIndex(k.econ[:3])
			for _, c := range []int32{0, bc} {
				r.add(aggKey{kBasicItem, ei, c, 0}, i)
				r.add(aggKey{kBasicClass, ci, c, 0}, i)
				r.add(aggKey{kBasicTotal, 0, c, 0}, i)
			}
			if bc == 2 && strings.HasPrefix(k.econ, "302") {
				if t := b.units[k.unit].typ; t == UnitAdmin || t == UnitCivilLike {
					r.add(aggKey{kOperItem, ei, 0, 0}, i)
					r.add(aggKey{kOperTotal, 0, 0, 0}, i)
				}
			}
		}
	}
}

// registerCarry adds the carry-over cells: in this year's income of their
// unit and fund, and in the carry-over totals 表二 and 表一/表四 print; and
// the 结转下年 cells: in this year's income, in 结转下年 (表一, 表四) and in
// 收入总计.
func (b *builder) registerCarry() {
	r := b.r
	for k, c := range b.fwd {
		i := len(b.cells) + len(b.carry) + k
		for _, n := range [2]int32{0, 1 + c.unit} {
			r.add(aggKey{kIncome, n, int32(c.fund), 0}, i)
			r.add(aggKey{kIncome, n, 5, 0}, i)
			r.add(aggKey{kGrand, n, 5, 0}, i)
		}
		r.add(aggKey{kCarryFwd, 0, int32(c.fund), 0}, i)
		r.add(aggKey{kCarryFwd, 0, 5, 0}, i)
		if c.fund.appropriation() {
			r.add(aggKey{kIncome, 0, 6, 0}, i)
			r.add(aggKey{kCarryFwd, 0, 6, 0}, i)
			r.add(aggKey{kGrand, 0, 6, 0}, i)
			r.add(aggKey{kGrand, 0, int32(c.fund), 0}, i)
		}
	}
	for k, c := range b.carry {
		i := len(b.cells) + k
		for _, n := range [2]int32{0, 1 + c.unit} {
			r.add(aggKey{kIncome, n, int32(c.fund), 0}, i)
			r.add(aggKey{kIncome, n, 5, 0}, i)
			r.add(aggKey{kCarry, n, 5, 0}, i)
		}
		r.add(aggKey{kCarry, 0, int32(c.fund), 0}, i)
		if c.fund.appropriation() {
			r.add(aggKey{kIncome, 0, 6, 0}, i)
			r.add(aggKey{kCarry, 0, 6, 0}, i)
		}
	}
}

func (b *builder) solve() {
	r := b.r
	r.preset = b.rowSolve
	// The rows' own totals are met by rowSolve; the repair keeps them.
	r.hard = func(k aggKey) bool { return k.kind == kExpDetail }
	left := r.solve()
	b.sums = make([]int64, r.nAgg)
	b.exact = make([]int64, r.nAgg)
	for a := int32(0); a < int32(r.nAgg); a++ {
		var s, x int64
		for _, i := range r.aggCells(a) {
			s += r.value(int(i))
			x += r.base[i] + r.rem[i]
		}
		b.sums[a], b.exact[a] = s, x
	}
	b.rep.Cells = len(b.cells)
	for i := range b.cells {
		if r.moved(i) {
			k := b.cells[i]
			b.rep.Moved = append(b.rep.Moved, Move{
				Pos:     b.first[i],
				Where:   fmt.Sprintf("%s %s %s %s %s", b.units[k.unit].code, k.fn, k.econ, k.cat, k.fund),
				Exact:   b.show(b.amount[i], false),
				Printed: b.show(r.value(i), true),
			})
		}
	}
	for k, c := range b.carry {
		if i := len(b.cells) + k; r.moved(i) {
			b.rep.Moved = append(b.rep.Moved, Move{
				Pos:     c.pos,
				Where:   fmt.Sprintf("%s %s 上年结转", b.units[c.unit].code, c.fund),
				Exact:   b.show(c.amount, false),
				Printed: b.show(-r.value(i), true),
			})
		}
	}
	for k, c := range b.fwd {
		if i := len(b.cells) + len(b.carry) + k; r.moved(i) {
			b.rep.Moved = append(b.rep.Moved, Move{
				Pos:     c.pos,
				Where:   fmt.Sprintf("%s %s 结转下年", b.units[c.unit].code, c.fund),
				Exact:   b.show(c.amount, false),
				Printed: b.show(r.value(i), true),
			})
		}
	}
	if left > 0 {
		b.rep.Impossible = r.proven
		for a := range r.err {
			if r.overAt(int32(a), r.err[a]) > 0 {
				b.rep.Off = append(b.rep.Off, fmt.Sprintf("%s 印 %s，精确值 %s", b.describe(b.keyOf(int32(a))), b.show(b.sums[a], true), b.show(b.exact[a], false)))
			}
		}
	}
}

// describe names a printed total for a report: table, row and column.
func (b *builder) describe(k aggKey) string {
	expCols := []string{"总计", "人员类项目支出", "公用经费项目支出", "其他运转类项目支出", "特定目标类项目支出"}
	if b.scheme == model.SchemeBasicProject {
		expCols = []string{"总计", "基本支出", "项目支出", "", ""}
	}
	fundCols := []string{"合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"}
	tab := func(a int32) string { return []string{"表一", "表四"}[a] }
	node := func(n int32) string {
		if n == 0 {
			return "合计"
		}
		return "单位 " + b.units[n-1].code
	}
	at := func(xs []string, i int32) string {
		if i >= 0 && int(i) < len(xs) {
			return xs[i]
		}
		return fmt.Sprint(i)
	}
	switch k.kind {
	case kExpDetail:
		r := b.rows[k.b]
		return fmt.Sprintf("%s %s %s %s", expTables[k.a].id.Number(), b.units[r.unit].code, r.fn, at(expCols, k.c))
	case kExpNode:
		return fmt.Sprintf("%s %s %s", expTables[k.a].id.Number(), node(k.b), at(expCols, k.c))
	case kSumFunc:
		return fmt.Sprintf("%s %s %s", tab(k.a), at(b.funcClasses(), k.b), at(fundCols, k.c))
	case kSumCat:
		return fmt.Sprintf("%s 支出类别第 %d 行 %s", tab(k.a), k.b+1, at(fundCols, k.c))
	case kSumEcon:
		return fmt.Sprintf("%s %s %s", tab(k.a), "5"+at(econClasses, k.b)[1:], at(fundCols, k.c))
	case kSumTotal:
		return fmt.Sprintf("%s 本年支出合计 %s", tab(k.a), at(fundCols, k.c))
	case kIncome:
		return fmt.Sprintf("表二 %s %s 本年收入", node(k.a), at(append(append([]string{}, fundNames[:]...), "合计", "财政拨款"), k.b))
	case kCarry:
		return fmt.Sprintf("表二 %s %s 上年结转", node(k.a), at(append(append([]string{}, fundNames[:]...), "合计", "财政拨款"), k.b))
	case kCarryFwd:
		return fmt.Sprintf("表一/表四 结转下年 %s", at(append(append([]string{}, fundNames[:]...), "合计", "财政拨款"), k.b))
	case kGrand:
		if k.b < 5 {
			return fmt.Sprintf("表四 支出总计 %s", at(fundNames[:], k.b))
		}
		return fmt.Sprintf("表二 %s 收入总计 %s", node(k.a), at([]string{5: "合计", 6: "财政拨款"}, k.b))
	case kBasicItem:
		return fmt.Sprintf("表六 %s %s", at(b.econs, k.a), at([]string{"合计", "人员经费", "公用经费"}, k.b))
	case kBasicClass:
		return fmt.Sprintf("表六 %s %s", at(econClasses, k.a), at([]string{"合计", "人员经费", "公用经费"}, k.b))
	case kBasicTotal:
		return fmt.Sprintf("表六 合计 %s", at([]string{"合计", "人员经费", "公用经费"}, k.b))
	case kOperItem:
		return "机关运行经费 " + at(b.econs, k.a)
	case kOperTotal:
		return "机关运行经费 合计"
	case kThreePublic:
		return fmt.Sprintf("表七 %s %s", node(k.a), at([]string{"合计", "因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费", "公务用车购置及运行费"}, k.b))
	}
	return fmt.Sprint(k)
}

func (b *builder) keyOf(a int32) aggKey { return b.r.aggKeys[a] }

// show formats 分 in the display unit: printed values with 2 places, exact
// ones with every place.
func (b *builder) show(fen int64, printed bool) string {
	if b.unit == 1 {
		return decimal.New(fen, -2).StringFixed(2)
	}
	if printed {
		return decimal.New(fen/100, -4).StringFixed(2)
	}
	return decimal.New(fen, -6).StringFixed(6)
}

// get returns the printed value (in 分) of an aggregate; 0 when no cell
// belongs to it.
func (b *builder) get(k aggKey) int64 {
	if id := b.r.id(k); id >= 0 {
		return b.sums[id]
	}
	return 0
}

// amt turns printed 分 into an amount in the display unit with 2 places.
func (b *builder) amt(fen int64) model.Amount {
	return model.A(decimal.New(fen/b.unit, -2))
}

// blankZero is amt, blank when zero (表三/表五 print zero as an empty cell).
func (b *builder) blankZero(fen int64) model.Amount {
	if fen == 0 {
		return model.Amount{}
	}
	return b.amt(fen)
}

func (b *builder) funcName(code string) string {
	if b.funcNames == nil {
		b.names()
	}
	if n := b.funcNames[code]; n != "" {
		return n
	}
	if n := b.o.Catalog[code]; n != "" {
		return n
	}
	n, _ := check.FunctionName(code)
	return n
}

func (b *builder) econName(code string) string {
	if n, ok := check.EconomicName(code); ok {
		return n
	}
	if b.econNames == nil {
		b.names()
	}
	return b.econNames[code]
}

// names gathers the names the ledger gives: Ledger.FuncNames and
// EconNames, then the first name a line gives (Line.FuncName, EconName)
// to a code the maps lack. Read fills the maps from the lines; a program
// may fill either.
func (b *builder) names() {
	b.funcNames, b.econNames = map[string]string{}, map[string]string{}
	for k, v := range b.l.FuncNames {
		b.funcNames[k] = v
	}
	for k, v := range b.l.EconNames {
		b.econNames[k] = v
	}
	for i := range b.l.Lines {
		ln := &b.l.Lines[i]
		if ln.FuncName != "" && b.funcNames[ln.FuncCode] == "" {
			b.funcNames[ln.FuncCode] = ln.FuncName
		}
		if ln.EconName != "" && b.econNames[ln.EconCode] == "" {
			b.econNames[ln.EconCode] = ln.EconName
		}
	}
}

// hierarchy rows above the detail: 合计, 科室, 部门.
func (b *builder) heads() (section, dept [2]string) {
	in := b.l.Info
	if in.SectionCode != "" || in.SectionName != "" {
		section = [2]string{in.SectionCode, in.SectionName}
	}
	dept = [2]string{in.ParentCode, in.ParentName}
	if dept[0] == "" && len(b.units) > 0 && len(b.units[0].code) > 3 {
		dept[0] = b.units[0].code[:3]
	}
	if dept[1] == "" {
		dept[1] = in.Department
	}
	return
}

func (b *builder) expTable(t int) *model.ExpenditureTable {
	et := &model.ExpenditureTable{Scheme: b.scheme, Rows: []model.ExpenditureRow{}}
	var present []int32
	for ri := range b.rows {
		if b.r.id(aggKey{kExpDetail, int32(t), int32(ri), 0}) >= 0 {
			present = append(present, int32(ri))
		}
	}
	if len(present) == 0 {
		return et
	}
	fill := func(row *model.ExpenditureRow, kind uint8, b2 int32) {
		v := func(c int32) model.Amount { return b.blankZero(b.get(aggKey{kind, int32(t), b2, c})) }
		row.Total = v(0)
		if b.scheme == model.SchemeBasicProject {
			row.Basic, row.Project = v(1), v(2)
		} else {
			row.Personnel, row.Public, row.OtherOperating, row.Specific = v(1), v(2), v(3), v(4)
		}
	}
	add := func(level model.Level, code, name string, kind uint8, b2 int32) {
		row := model.ExpenditureRow{Level: level, UnitCode: code, UnitName: name}
		fill(&row, kind, b2)
		et.Rows = append(et.Rows, row)
	}
	add(model.LevelTotal, "", "合计", kExpNode, 0)
	section, dept := b.heads()
	if section != [2]string{} {
		add(model.LevelSection, section[0], section[1], kExpNode, 0)
	}
	add(model.LevelDepartment, dept[0], dept[1], kExpNode, 0)
	lastUnit := int32(-1)
	for _, ri := range present {
		rk := b.rows[ri]
		u := b.units[rk.unit]
		if b.multi && rk.unit != lastUnit {
			add(model.LevelUnit, u.code, u.name, kExpNode, 1+rk.unit)
			lastUnit = rk.unit
		}
		row := model.ExpenditureRow{Level: model.LevelDetail, UnitCode: u.code, UnitName: u.name, FuncCode: rk.fn, FuncName: b.funcName(rk.fn)}
		fill(&row, kExpDetail, ri)
		et.Rows = append(et.Rows, row)
	}
	return et
}

var incomeLabels = []struct{ key, label string }{
	{model.IncomeGeneral, "一般公共预算财政拨款收入"},
	{model.IncomeGovFund, "政府性基金预算财政拨款收入"},
	{model.IncomeStateCapital, "国有资本经营预算财政拨款收入"},
	{model.IncomeSpecialAccount, "财政专户管理资金收入"},
	{model.IncomeUnitFunds, "单位资金收入"},
}

var carryLabels = []string{"(一)一般公共预算", "(二)政府性基金预算", "(三)国有资本经营预算", "(四)财政专户管理资金", "(五)单位资金"}

var cnNum = []string{"一", "二", "三", "四", "五"}

// summary builds 表一 (tab 0: all funds, one amount column) or 表四 (tab 1:
// 财政拨款, a column per fund). The income block is filled by applyIncome.
func (b *builder) summary(tab int32) *model.SummaryTable {
	st := &model.SummaryTable{}
	fa := func(kind uint8, x int32) model.FundAmounts {
		f := model.FundAmounts{Total: b.amt(b.get(aggKey{kind, tab, x, 0}))}
		if tab == 1 {
			f.General = b.blankZero(b.get(aggKey{kind, tab, x, 1}))
			f.GovFund = b.blankZero(b.get(aggKey{kind, tab, x, 2}))
			f.StateCapital = b.blankZero(b.get(aggKey{kind, tab, x, 3}))
		}
		return f
	}
	fullFA := func(kind uint8, x int32) model.FundAmounts {
		f := model.FundAmounts{Total: b.amt(b.get(aggKey{kind, tab, x, 0}))}
		if tab == 1 {
			f.General = b.amt(b.get(aggKey{kind, tab, x, 1}))
			f.GovFund = b.amt(b.get(aggKey{kind, tab, x, 2}))
			f.StateCapital = b.amt(b.get(aggKey{kind, tab, x, 3}))
		}
		return f
	}
	for i, c := range b.funcClasses() {
		st.Functions = append(st.Functions, model.FundLine{Code: c, Name: b.funcName(c), FundAmounts: fa(kSumFunc, int32(i))})
	}
	var cats []struct {
		name  string
		level int
	}
	if b.scheme == model.SchemeBasicProject {
		cats = []struct {
			name  string
			level int
		}{{"一、基本支出", 1}, {"人员经费", 2}, {"公用经费", 2}, {"二、项目支出", 1}}
	} else {
		cats = []struct {
			name  string
			level int
		}{{"一、人员类项目支出", 1}, {"工资福利支出", 2}, {"对个人和家庭的补助", 2}, {"二、运转类项目支出", 1}, {"公用经费项目支出", 2},
			{"其他运转类项目支出", 2}, {"三、特定目标类项目支出", 1}, {"本级支出项目", 2}, {"转移性支出项目", 2}}
	}
	total := fullFA(kSumTotal, 0)
	st.CategoryTotal = total
	for i, c := range cats {
		st.Categories = append(st.Categories, model.FundLine{Name: c.name, Level: c.level, FundAmounts: fa(kSumCat, int32(i))})
	}
	st.EconomicTotal = total
	for i, c := range econClasses {
		st.Economic = append(st.Economic, model.FundLine{Code: "5" + c[1:], Name: b.econName(c), FundAmounts: fa(kSumEcon, int32(i))})
	}
	st.ExpenditureTotal = total
	// 结转下年 (where a 本年收入 goes beyond the spending) and 支出总计.
	all := int32(5)
	if tab == 1 {
		all = 6
	}
	cf := model.FundAmounts{Total: b.amt(b.get(aggKey{kCarryFwd, 0, all, 0}))}
	grand := model.FundAmounts{Total: b.amt(b.get(aggKey{kSumTotal, tab, 0, 0}) + b.get(aggKey{kCarryFwd, 0, all, 0}))}
	if tab == 1 {
		for s, p := range [3]*model.Amount{&cf.General, &cf.GovFund, &cf.StateCapital} {
			*p = b.amt(b.get(aggKey{kCarryFwd, 0, int32(s), 0}))
		}
		for s, p := range [3]*model.Amount{&grand.General, &grand.GovFund, &grand.StateCapital} {
			*p = b.amt(b.get(aggKey{kSumTotal, tab, 0, int32(1 + s)}) + b.get(aggKey{kCarryFwd, 0, int32(s), 0}))
		}
	}
	st.CarryForward = cf
	st.ExpenditureGrandTotal = grand
	return st
}

func (b *builder) basic() *model.BasicTable {
	bt := &model.BasicTable{Rows: []model.BasicRow{}}
	row := func(level model.Level, code, name string, kind uint8, a int32) model.BasicRow {
		g := func(c int32) model.Amount { return b.amt(b.get(aggKey{kind, a, c, 0})) }
		return model.BasicRow{Level: level, Code: code, Name: name, Total: g(0), Personnel: g(1), Public: g(2)}
	}
	bt.Rows = append(bt.Rows, row(model.LevelTotal, "", "合计", kBasicTotal, 0))
	lastClass := ""
	for ei, e := range b.econs {
		if b.r.id(aggKey{kBasicItem, int32(ei), 0, 0}) < 0 {
			continue
		}
		if cls := e[:3]; cls != lastClass {
			bt.Rows = append(bt.Rows, row(model.LevelClass, cls, b.econName(cls), kBasicClass, classIndex(cls)))
			lastClass = cls
		}
		bt.Rows = append(bt.Rows, row(model.LevelItem, e, b.econName(e), kBasicItem, int32(ei)))
	}
	return bt
}

// rowSolve rounds the cells of each printed row of 表三 (one unit and
// function) so that all of that row's own printed numbers are within one
// unit: its total, its category cells (all funds, 表三), and per fund
// (表五, 表八, 表十) its total and category cells. Those form a two-way
// table (category × fund) with margins, whose controlled rounding always
// exists (Cox): found as an integral circulation, with every category ×
// fund cell at its nearest rounding when that is feasible. Within a
// category and fund, the cells with the largest remainders go up, each
// remainder lessened by the running error of the totals it feeds outside
// the row.
func (b *builder) rowSolve(r *rounder) {
	U := r.unit
	n := len(b.cells)
	// Running errors (printed − exact, in 分) of the category × fund
	// columns, over all rows and over the current unit's rows: each row
	// leans its free choices against them (error diffusion), so that the
	// column totals of 表三/五/八/十 stay near their exact values.
	var runAll, runUnit [5][4]int64
	lastUnit := int32(-1)
	run := newDiffusion()
	fg := newFlowGraph(12)
	for i := 0; i < n; {
		j := i
		for j < n && b.rowOf[j] == b.rowOf[i] {
			j++
		}
		if u := b.cells[i].unit; u != lastUnit {
			runUnit = [5][4]int64{}
			lastUnit = u
		}
		// groups: category column 1..4 × fund column 0..3 (G, F, K, other)
		var g [5][4][]int32
		for c := i; c < j; c++ {
			k := b.cells[c]
			fc := int(k.fund)
			if fc > 3 {
				fc = 3
			}
			g[b.expCol(k.cat)][fc] = append(g[b.expCol(k.cat)][fc], int32(c))
		}
		bounds := func(cells []int32, printed bool) (lo, hi int64) {
			var x, base, free int64
			for _, c := range cells {
				x += b.amount[c]
				base += r.base[c]
				if r.rem[c] != 0 {
					free++
				}
			}
			if !printed {
				return 0, free
			}
			fl := floorDiv(x, U)
			lo, hi = fl-base/U, fl-base/U
			if x-fl*U != 0 {
				hi++
			}
			return max(lo, 0), min(hi, free)
		}
		// nodes: 0 row source, 1..4 categories, 5..8 funds, 9 column sink
		var es []boundedEdge
		type ref struct{ c, f int }
		var cellRefs []ref
		var total []int32
		var colCells [4][]int32
		for c := 1; c <= 4; c++ {
			var row []int32
			for f := 0; f < 4; f++ {
				row = append(row, g[c][f]...)
				colCells[f] = append(colCells[f], g[c][f]...)
			}
			if len(row) == 0 {
				continue
			}
			total = append(total, row...)
			lo, hi := bounds(row, true)
			es = append(es, boundedEdge{u: 0, v: c, lo: lo, hi: hi})
			for f := 0; f < 4; f++ {
				if len(g[c][f]) == 0 {
					continue
				}
				lo, hi := bounds(g[c][f], f < 3)
				es = append(es, boundedEdge{u: c, v: 5 + f, lo: lo, hi: hi})
				cellRefs = append(cellRefs, ref{c, f})
			}
		}
		for f := 0; f < 4; f++ {
			if len(colCells[f]) > 0 {
				lo, hi := bounds(colCells[f], f < 3)
				es = append(es, boundedEdge{u: 5 + f, v: 9, lo: lo, hi: hi})
			}
		}
		lo, hi := bounds(total, true)
		es = append(es, boundedEdge{u: 9, v: 0, lo: lo, hi: hi})
		// First try every category × fund cell at its nearest rounding (the
		// usual case: only the margins needed a choice); else let the cells
		// move within their bounds.
		near := make([]boundedEdge, len(es))
		copy(near, es)
		// The fund column "other" (财政专户, 单位资金) prints nothing of its
		// own; still keep it near its exact value unless that is infeasible.
		for x, e := range near {
			switch {
			case e.v == 8:
				near[x].lo, near[x].hi = bounds(g[e.u][3], true)
			case e.u == 8:
				near[x].lo, near[x].hi = bounds(colCells[3], true)
			}
		}
		tight := make([]boundedEdge, len(near))
		copy(tight, near)
		k := 0
		for x, e := range near {
			if e.u >= 1 && e.u <= 4 && e.v >= 5 && e.v <= 8 {
				cr := cellRefs[k]
				var up int64
				for _, c := range g[cr.c][cr.f] {
					if r.rem[c] > 0 && 2*r.rem[c] >= U {
						up++
					}
				}
				if up >= e.lo && up <= e.hi {
					near[x].lo, near[x].hi = up, up
				}
				k++
			}
		}
		// Nearest first; else lean: each cell at the end of its bounds that
		// reduces the running error of its column; then anything feasible.
		// (Leaning first moved about a quarter of all cells away from their
		// nearest value, nearest first about a sixth, and the search after
		// it needs no more time.)
		lean := make([]boundedEdge, len(tight))
		copy(lean, tight)
		k = 0
		for x, e := range lean {
			if e.u >= 1 && e.u <= 4 && e.v >= 5 && e.v <= 8 {
				cr := cellRefs[k]
				run := runUnit[cr.c][cr.f]
				if abs64(run) < U/2 {
					run = runAll[cr.c][cr.f]
				}
				if run > 0 {
					lean[x].hi = lean[x].lo
				} else {
					lean[x].lo = lean[x].hi
				}
				k++
			}
		}
		flows, ok := circulateIn(fg, 10, near)
		if !ok {
			flows, ok = circulateIn(fg, 10, lean)
		}
		if !ok {
			flows, ok = circulateIn(fg, 10, tight)
		}
		if !ok {
			flows, ok = circulateIn(fg, 10, es)
		}
		for c := i; c < j; c++ {
			r.up[c] = r.rem[c] > 0 && 2*r.rem[c] >= U // fallback: nearest
		}
		if ok {
			k := 0
			for x, e := range es {
				if e.u >= 1 && e.u <= 4 && e.v >= 5 && e.v <= 8 {
					cr := cellRefs[k]
					b.upLargest(r, g[cr.c][cr.f], flows[x], run)
					for _, c := range g[cr.c][cr.f] {
						d := -r.rem[c]
						if r.up[c] {
							d += U
						}
						runAll[cr.c][cr.f] += d
						runUnit[cr.c][cr.f] += d
					}
					k++
				}
			}
		}
		i = j
	}
	for c := n; c < len(r.base); c++ { // carry-over cells: nearest
		r.up[c] = r.rem[c] > 0 && 2*r.rem[c] >= U
	}
}

// upLargest rounds up ups of the cells: those with the largest remainders,
// each remainder first lessened by the running error (printed − exact) of
// the totals the cell feeds outside its row, so that those drift back to 0:
// its economic 款 (表六, 表四), its class of function and fund (表四), and its
// unit's "三公" kind (表七).
func (b *builder) upLargest(r *rounder, cells []int32, ups int64, run *diffusion) {
	free := make([]int32, 0, len(cells))
	for _, c := range cells {
		r.up[c] = false
		if r.rem[c] != 0 {
			free = append(free, c)
		}
	}
	score := func(c int32) int64 { return r.rem[c] - run.of(b.cells[c]) }
	sort.SliceStable(free, func(x, y int) bool { return score(free[x]) > score(free[y]) })
	for k := int64(0); k < ups && int(k) < len(free); k++ {
		r.up[free[k]] = true
	}
	for _, c := range cells {
		d := -r.rem[c]
		if r.up[c] {
			d += r.unit
		}
		run.add(b.cells[c], d)
	}
}

// diffusion holds running errors of totals outside a row.
type diffusion struct {
	econ  map[string]int64
	class map[[2]string]int64
	tp    map[[2]int32]int64
}

func newDiffusion() *diffusion {
	return &diffusion{econ: map[string]int64{}, class: map[[2]string]int64{}, tp: map[[2]int32]int64{}}
}

func (d *diffusion) of(k cellKey) int64 {
	v := d.econ[k.econ] + d.class[[2]string{k.fn[:3], fundNames[k.fund]}]
	if k.tp != TPNone {
		v += d.tp[[2]int32{k.unit, int32(k.tp)}]
	}
	return v
}

func (d *diffusion) add(k cellKey, e int64) {
	d.econ[k.econ] += e
	d.class[[2]string{k.fn[:3], fundNames[k.fund]}] += e
	if k.tp != TPNone {
		d.tp[[2]int32{k.unit, int32(k.tp)}] += e
	}
}

func floorDiv(x, u int64) int64 {
	q := x / u
	if x%u < 0 {
		q--
	}
	return q
}
