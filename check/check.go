package check

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// Options tune the checks. The zero value applies the documented defaults:
// the rounding tolerance of doc.go and every rule.
type Options struct {
	// Exact turns the rounding tolerance off: parts must add up to their
	// total to the last stated place (spec §8 V5 "fail under exact equality").
	Exact bool
	// Tables are the tables the layout prints (the data tables of a
	// profile); T-MISS names only these when they are missing. Nil: all ten,
	// as Hubei prints them (Shanghai prints nine, without 政府采购预算表).
	Tables []model.TableID
	// Catalog adds function codes and their names (类 3, 款 5, 项 7
	// digits), e.g. a region's full 项 catalog (ledger.ReadCatalog reads
	// the TSV form). A code it holds is known: no C-FUNC 警告 or 提示, and
	// a printed name is compared with its name (it wins over the embedded
	// sample's). A 项 neither catalog holds stays a 提示, never a 警告:
	// when its 款 is unknown (as without Catalog), and when Catalog lists
	// 项 of its 款 (it claims that 款's list) but not this one.
	Catalog map[string]string
}

// Disclosure runs every rule on d and returns the findings in a fixed
// order: the ten tables in their official order (each table's rows in
// order, then by rule), then the narrative, then the whole document.
// It never fails: numbers that disagree are findings, and a rule whose
// data is absent (a nil table, a blank narrative figure) is skipped; a
// disclosure without department, year or unit, or with nothing to check,
// and rows without a level are findings (D-META, R-LEVEL), not silence.
func Disclosure(d *model.Disclosure, o Options) []model.Finding {
	if d == nil {
		return nil
	}
	c := &checker{d: d, o: o, cat: catalog()}
	if len(o.Catalog) > 0 {
		c.listed = map[string]bool{}
		for code := range o.Catalog {
			if len(code) == 7 {
				c.listed[code[:5]] = true
			}
		}
	}
	c.meta()
	c.levels()
	c.tables()
	c.cross()
	c.codes()
	c.values()
	c.notes()
	c.narrative()
	c.document()
	return c.sorted()
}

// Summary counts findings by severity.
func Summary(fs []model.Finding) (errors, warnings, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case model.SeverityError:
			errors++
		case model.SeverityWarning:
			warnings++
		case model.SeverityInfo:
			infos++
		}
	}
	return
}

// Failed reports whether the findings should fail a run: any error, or with
// strict also any warning (the CLI's --strict).
func Failed(fs []model.Finding, strict bool) bool {
	e, w, _ := Summary(fs)
	return e > 0 || strict && w > 0
}

// SummaryLine is the closing line the CLI prints, e.g.
// "核对完成：错误 1 项，警告 2 项，提示 0 项".
func SummaryLine(fs []model.Finding) string {
	e, w, i := Summary(fs)
	return "核对完成：错误 " + strconv.Itoa(e) + " 项，警告 " + strconv.Itoa(w) + " 项，提示 " + strconv.Itoa(i) + " 项"
}

// Rule is a rule id with a short Chinese description.
type Rule struct{ ID, Description string }

// Rules returns every rule this package reports, in the order findings of
// one row are sorted (a fresh copy each call).
func Rules() []Rule { return append([]Rule(nil), rules...) }

var rules = []Rule{
	{"D-META", "公开主体、年度、金额单位齐全，且有可核对的内容"},
	{"R-LEVEL", "表中每行都有层级（合计、科室、部门、单位、明细）"},
	{"R-ROW", "行内：总计等于各分项之和"},
	{"R-SUB", "表内：合计、科室、部门、类等汇总行等于其下级行之和"},
	{"R-FIX", "表一/表四固定行：本年收入合计、收入总计、本年支出合计、支出总计等各自相加"},
	{"R-BAL", "收入总计等于支出总计（表一、表四，分资金来源）"},
	{"X1", "表三 合计·总计 = 表一 本年支出合计"},
	{"X2", "表三 各功能分类（类）之和 = 表一/表四 功能分类行"},
	{"X3", "表三 合计各支出类别 = 表一/表四 支出类别分类各行"},
	{"X4", "表五 合计·总计 = 表四 一般公共预算 本年支出合计"},
	{"X5", "表五 各功能分类（类）之和 = 表四 一般公共预算列功能分类行"},
	{"X6", "表六 合计 = 表五 合计 人员类 + 公用经费"},
	{"X7", "表六 人员经费、公用经费 = 表五 人员类、公用经费"},
	{"X8", "表四 501/502 ≥ 表六 301/302"},
	{"X9", "表一/表四 支出类别分类 = 部门预算支出经济分类 = 本年支出合计"},
	{"X10", "表八、表十 合计 = 表四 政府性基金、国有资本经营 本年支出合计"},
	{"X11", "表二 合计·总计 = 表一 收入总计"},
	{"X12", "表二 合计·一般公共预算 = 表四 一般公共预算财政拨款收入"},
	{"X13", "表六 30217 公务接待费 ≤ 表七 合计 公务接待费"},
	{"N1", "文中预算收入总额与表一/表二一致"},
	{"N2", "文中收入来源与表一/表二一致，且相加等于收入总额"},
	{"N3", "文中预算支出总额与表三/表一一致，文中结转下年与表一一致"},
	{"N4", "文中各支出类别与表三合计行一致，且相加等于支出总额"},
	{"N5", "文中本年支出构成列出每个非零功能分类，金额与占比正确"},
	{"N6", "文中机关运行经费及明细与表六 302 一致"},
	{"N7", "文中“三公”经费及各项与表七一致，分项不大于合计"},
	{"N8", "文中政府采购预算与表九一致"},
	{"N9", "增减额、增减幅度按本年数与上年数重算一致，增减用词与方向一致"},
	{"N10", "文中国有资产总额等于各类资产之和"},
	{"N11", "文中编制人数等于各类编制之和"},
	{"C-FUNC", "功能分类科目编码的结构与目录"},
	{"C-ECON", "经济分类科目编码的结构与目录"},
	{"C-MIX", "同一块内不混用部门预算（3xx）与政府预算（5xx）经济分类"},
	{"C-NAME", "科目名称与目录一致"},
	{"C-UNIT", "单位编码的结构与一致性"},
	{"C-LABEL", "收入项目的编号顺序"},
	{"E-NOTE", "空表说明与本表资金一致，且不出现在非空表上"},
	{"NEG", "金额不为负数（增减额除外）；“三公”经费为负是错误"},
	{"TEXT", "名称等文字中没有控制字符、改变文字方向的字符和看不见的字符"},
	{"PREC", "金额的小数位数（表中多于 2 位、文中多于 2 位）"},
	{"T-MISS", "十张公开表是否齐全"},
	{"N-UNIT", "文中数字与表格单位不同（万元、元）时，表格数字换算后再与文中数字核对"},
}

var ruleOrder = func() map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.ID] = i
	}
	return m
}()

// Position of a finding for sorting: table index 0..9, then the narrative
// (10), then the document (11).
const (
	posNarrative = 10
	posDocument  = 11
)

type keyed struct {
	f     model.Finding
	table int
	row   int
	seq   int
}

type checker struct {
	d   *model.Disclosure
	o   Options
	cat *catalogData
	// listed are the 款 of which Options.Catalog lists 项.
	listed map[string]bool
	out    []keyed
}

func tableIndex(t model.TableID) int {
	for i, id := range model.AllTables {
		if id == t {
			return i
		}
	}
	return posDocument
}

// add records a finding at table t (or the narrative when t is ""), row
// index row (-1 before the rows).
func (c *checker) add(sev model.Severity, rule string, t model.TableID, row int, f model.Finding) {
	f.Severity = sev
	f.Rule = rule
	f.Table = t
	pos := posNarrative
	if t != "" {
		pos = tableIndex(t)
	}
	if f.Field == "" && t == "" && rule == "T-MISS" {
		pos = posDocument
	}
	if f.Field != "" && c.d.Narrative != nil && f.Line == 0 {
		f.Line = c.d.Narrative.Lines[f.Field]
	}
	c.out = append(c.out, keyed{f: f, table: pos, row: row, seq: len(c.out)})
}

func (c *checker) sorted() []model.Finding {
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.table != b.table {
			return a.table < b.table
		}
		if a.row != b.row {
			return a.row < b.row
		}
		if ra, rb := ruleOrder[a.f.Rule], ruleOrder[b.f.Rule]; ra != rb {
			return ra < rb
		}
		return a.seq < b.seq
	})
	fs := make([]model.Finding, len(c.out))
	for i, k := range c.out {
		fs[i] = k.f
	}
	return fs
}

// ---- amounts, tolerance and messages ----

// minPlaces is the published precision: tables print 2 decimals, and the
// narrative strips trailing zeros of 2-decimal values ("4.8" = 4.80).
const minPlaces = 2

func places(a model.Amount) int32 {
	p := a.Places()
	if p < minPlaces {
		p = minPlaces
	}
	return p
}

// halfUnit is the largest rounding error a displayed amount can carry:
// half a unit of its last place (0.005 for 2 places).
func halfUnit(a model.Amount) decimal.Decimal {
	return decimal.New(5, -(places(a) + 1))
}

// half is the rounding error a stated amount can carry: tables in 元 print
// whole 元 (189,767,551), so an integer there carries half a 元; in 万元 every
// amount is taken to carry at least the published two places.
func (c *checker) half(a model.Amount) decimal.Decimal {
	if c.d.Unit == model.UnitYuan && !a.IsBlank() {
		return decimal.New(5, -(a.Places() + 1))
	}
	return halfUnit(a)
}

// term is one labelled amount in an identity.
type term struct {
	label string
	a     model.Amount
}

func t(label string, a model.Amount) term { return term{label, a} }

func sumTerms(ts []term) decimal.Decimal {
	s := decimal.Zero
	for _, x := range ts {
		s = s.Add(x.a.Decimal())
	}
	return s
}

func maxPlaces(ts []term) int32 {
	p := int32(minPlaces)
	for _, x := range ts {
		if q := places(x.a); q > p {
			p = q
		}
	}
	return p
}

// agree reports whether the displayed amounts of two sides of an identity
// can stand for the same exact value (see doc.go): the difference must not
// exceed the sum of every term's half unit. One term against one term must
// agree exactly at the coarser of their precisions.
func (c *checker) agree(left, right []term) (ok bool, diff decimal.Decimal) {
	l, r := sumTerms(left), sumTerms(right)
	diff = l.Sub(r)
	if diff.IsZero() {
		return true, diff
	}
	if c.o.Exact {
		return false, diff
	}
	if len(left) == 1 && len(right) == 1 {
		p := places(left[0].a)
		if q := places(right[0].a); q < p {
			p = q
		}
		return l.Round(p).Equal(r.Round(p)), diff
	}
	tol := decimal.Zero
	for _, x := range left {
		tol = tol.Add(c.half(x.a))
	}
	for _, x := range right {
		tol = tol.Add(c.half(x.a))
	}
	return diff.Abs().Cmp(tol) <= 0, diff
}

// fmtDec formats a computed value with p places.
func fmtDec(d decimal.Decimal, p int32) string { return d.StringFixed(p) }

// fmtAmt formats a stated amount as stated, a blank one as 0.
func fmtAmt(a model.Amount) string {
	if a.IsBlank() {
		return "0"
	}
	return a.String()
}

// maxListed is the most terms or items one finding lists; the rest are
// counted (“… 另有 99,990 项”), so that one finding stays one readable line
// however many rows the table has.
const maxListed = 10

// more is the tail of a capped list: "… 另有 99,990 项".
func more(n int) string { return "… 另有 " + thousands(n) + " 项" }

// thousands formats n with a comma every three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// capList joins at most maxListed items with sep and counts the others.
func capList(items []string, sep string) string {
	if len(items) <= maxListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:maxListed], sep) + " " + more(len(items)-maxListed)
}

// side formats one side of an identity: "表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78".
// At most maxListed terms are written; the sum is of all of them.
func side(prefix string, ts []term) string {
	var b strings.Builder
	b.WriteString(prefix)
	shown := 0
	nonBlank := 0
	for _, x := range ts {
		if !(x.a.IsBlank() && len(ts) > 1) {
			nonBlank++
		}
	}
	for _, x := range ts {
		if x.a.IsBlank() && len(ts) > 1 {
			continue
		}
		if shown == maxListed && nonBlank > maxListed {
			b.WriteString(" + " + more(nonBlank-maxListed))
			break
		}
		if shown > 0 {
			b.WriteString(" +")
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if x.label != "" {
			b.WriteString(x.label)
			b.WriteByte(' ')
		}
		b.WriteString(fmtAmt(x.a))
		shown++
	}
	if shown == 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("0")
	}
	if nonBlank > 1 {
		b.WriteString(" = ")
		b.WriteString(fmtDec(sumTerms(ts), maxPlaces(ts)))
	}
	return b.String()
}

// mismatch is the message of a failed identity:
// "表六 合计 51.79 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.01)".
func mismatch(lp string, left []term, rp string, right []term, diff decimal.Decimal) string {
	p := maxPlaces(append(append([]term{}, left...), right...))
	return side(lp, left) + " ≠ " + side(rp, right) + " (差 " + fmtDec(diff.Abs(), p) + ")"
}

// eq checks left = right and reports rule at (tbl,row) when they disagree.
func (c *checker) eq(rule string, tbl model.TableID, row int, f model.Finding, lp string, left []term, rp string, right []term) bool {
	ok, diff := c.agree(left, right)
	if ok {
		return true
	}
	f.Message = mismatch(lp, left, rp, right, diff)
	c.add(model.SeverityError, rule, tbl, row, f)
	return false
}

// one is a single-term slice.
func one(label string, a model.Amount) []term { return []term{{label, a}} }

func isDigits(s string) bool {
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

// splitCode returns the code and name of a line that may print its code
// glued to the name ("201一般公共服务支出").
func splitCode(code, name string) (string, string) {
	if code != "" {
		return code, name
	}
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	return name[:i], strings.TrimSpace(name[i:])
}
