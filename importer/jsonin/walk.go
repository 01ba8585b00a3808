package jsonin

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai/model"
)

// problem is the Err of a ParseError: a message for people and a model
// sentinel for errors.Is.
type problem struct {
	msg  string
	kind error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }

func newProblem(kind error, format string, args ...any) error {
	return &problem{msg: fmt.Sprintf(format, args...), kind: kind}
}

var (
	amountType = reflect.TypeOf(model.Amount{})
	levelType  = reflect.TypeOf(model.Level(""))
)

// field is one JSON field of a model struct.
type field struct {
	name  string
	index []int
}

// fieldsOf lists the JSON fields of a struct type by its json tags, with
// embedded structs (FundLine's FundAmounts) flattened, in declaration order.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var out []field
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			idx := append(append([]int(nil), prefix...), i)
			tag := sf.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, idx)
				continue
			}
			if !sf.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			out = append(out, field{name: name, index: idx})
		}
	}
	walk(t, nil)
	fieldCache.Store(t, out)
	return out
}

var fieldCache sync.Map

// walker fills model values from a node tree and collects every problem.
type walker struct {
	file   string
	pos    func(n *node) (line, col int)
	errs   model.ParseErrors
	byName map[reflect.Type]map[string]field // fields by JSON name, per type
}

// fieldsByName is fieldsOf(t) by JSON name, built once per type and read.
func (w *walker) fieldsByName(t reflect.Type, fs []field) map[string]field {
	if m, ok := w.byName[t]; ok {
		return m
	}
	m := make(map[string]field, len(fs))
	for _, f := range fs {
		m[f.name] = f
	}
	if w.byName == nil {
		w.byName = map[reflect.Type]map[string]field{}
	}
	w.byName[t] = m
	return m
}

func (w *walker) add(n *node, path string, err error) {
	line, col := w.pos(n)
	w.errs = append(w.errs, &model.ParseError{File: w.file, Line: line, Column: col, Path: path, Err: err})
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func mapKey(path, key string) string {
	if identRE.MatchString(key) {
		return join(path, key)
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// value fills v (settable) from n.
func (w *walker) value(n *node, v reflect.Value, path string) {
	t := v.Type()
	switch {
	case t == amountType:
		w.amount(n, v, path)
		return
	case t.Kind() == reflect.Pointer:
		if n.kind == kNull {
			v.SetZero()
			return
		}
		p := reflect.New(t.Elem())
		w.value(n, p.Elem(), path)
		v.Set(p)
		return
	}
	switch t.Kind() {
	case reflect.String:
		switch n.kind {
		case kString:
			v.SetString(n.text)
		case kNull:
			v.SetString("")
		case kNumber:
			w.add(n, path, newProblem(model.ErrBadValue, "应为带双引号的文字，实际是数字 %s；编码是文字，请写 %q (want text in double quotes, got the number %s; codes are text: write %q)", n.text, n.text, n.text, n.text))
		default:
			w.add(n, path, newProblem(model.ErrBadValue, "应为带双引号的文字，实际是%s (want text in double quotes, got %s)", n.kind.chinese(), n.kind))
		}
	case reflect.Int:
		if n.kind != kNumber {
			w.add(n, path, newProblem(model.ErrBadValue, "应为整数，实际是 %s (want a whole number, got %s)", describeZH(n), describe(n)))
			return
		}
		i, err := strconv.Atoi(n.text)
		if err != nil {
			w.add(n, path, newProblem(model.ErrBadValue, "应为整数，实际是 %s (want a whole number, got %s)", n.text, n.text))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		switch n.kind {
		case kBool:
			v.SetBool(n.text == "true")
		case kNull:
			v.SetBool(false)
		default:
			w.add(n, path, newProblem(model.ErrBadValue, "应为 true 或 false，实际是 %s (want true or false, got %s)", describeZH(n), describe(n)))
		}
	case reflect.Struct:
		w.object(n, v, path)
	case reflect.Slice:
		switch n.kind {
		case kNull:
			v.SetZero()
		case kArray:
			s := reflect.MakeSlice(t, len(n.elems), len(n.elems))
			for i, e := range n.elems {
				w.value(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
			v.Set(s)
		default:
			w.add(n, path, newProblem(model.ErrBadValue, "应为列表 [...]，实际是 %s (want a list [...], got %s)", describeZH(n), describe(n)))
		}
	case reflect.Map:
		switch n.kind {
		case kNull:
			v.SetZero()
		case kObject:
			m := reflect.MakeMapWithSize(t, len(n.members))
			seen := map[string]bool{}
			for _, mb := range n.members {
				p := mapKey(path, mb.key)
				if seen[mb.key] {
					w.add(mb.at(), p, newProblem(model.ErrBadValue, "键 %q 出现了两次 (key %q given twice)", mb.key, mb.key))
					continue
				}
				seen[mb.key] = true
				e := reflect.New(t.Elem()).Elem()
				w.value(mb.val, e, p)
				m.SetMapIndex(reflect.ValueOf(mb.key).Convert(t.Key()), e)
			}
			v.Set(m)
		default:
			w.add(n, path, newProblem(model.ErrBadValue, "应为对象 {...}，实际是 %s (want an object {...}, got %s)", describeZH(n), describe(n)))
		}
	default:
		panic("jsonin: model type not supported: " + t.String())
	}
}

// describeZH is describe for the Chinese half of a message.
func describeZH(n *node) string {
	switch n.kind {
	case kString, kNumber, kBool:
		return describe(n)
	}
	return n.kind.chinese()
}

func describe(n *node) string {
	switch n.kind {
	case kString:
		return strconv.Quote(n.text)
	case kNumber, kBool:
		return n.text
	}
	return n.kind.String()
}

// amount reads a decimal string, a JSON number (its literal, never a float) or null.
func (w *walker) amount(n *node, v reflect.Value, path string) {
	var s string
	switch n.kind {
	case kNull:
		v.Set(reflect.ValueOf(model.Amount{}))
		return
	case kString, kNumber:
		s = n.text
	default:
		w.add(n, path, newProblem(model.ErrNotAmount, "%s 不是金额 (not an amount)", describeZH(n)))
		return
	}
	a, err := model.ParseAmount(s)
	if err != nil {
		hint := ""
		if t := strings.ReplaceAll(s, ",", ""); t != s {
			if _, err := model.ParseAmount(t); err == nil {
				hint = "；请去掉千位分隔符 (write it without thousands separators)"
			}
		}
		w.add(n, path, newProblem(model.ErrNotAmount, "%q 不是金额 (not an amount)%s", s, hint))
		return
	}
	v.Set(reflect.ValueOf(a))
}

// object fills the struct v from an object node: unknown and repeated
// fields are problems, required fields must be present, and the rules of
// the struct's type (allowed values) are applied.
func (w *walker) object(n *node, v reflect.Value, path string) {
	t := v.Type()
	if n.kind != kObject {
		w.add(n, path, newProblem(model.ErrBadValue, "应为对象 {...}，实际是 %s (want an object {...}, got %s)", describeZH(n), describe(n)))
		return
	}
	fs := fieldsOf(t)
	byName := w.fieldsByName(t, fs)
	given := make(map[string]*node, len(n.members))
	for _, mb := range n.members {
		p := join(path, mb.key)
		if path == "" && mb.key == "$schema" && t == reflect.TypeOf(model.Disclosure{}) {
			if mb.val.kind != kString {
				w.add(mb.val, p, newProblem(model.ErrBadValue, "应为文字形式的 schema 地址 (want the schema's address as text)"))
			}
			continue
		}
		f, ok := byName[mb.key]
		if !ok {
			w.add(mb.at(), p, unknownField(mb.key, fs))
			continue
		}
		if given[mb.key] != nil {
			w.add(mb.at(), p, newProblem(model.ErrBadValue, "字段 %q 出现了两次 (field %q given twice)", mb.key, mb.key))
			continue
		}
		given[mb.key] = mb.val
		w.value(mb.val, v.FieldByIndex(f.index), p)
	}
	r := rulesFor(t)
	for _, name := range r.required {
		if given[name] == nil {
			w.add(n, join(path, name), newProblem(model.ErrMissingField, "缺少必填字段 %q (missing field %q)", name, name))
		}
	}
	for name, allowed := range r.oneOf {
		vn := given[name]
		if vn == nil || vn.kind != kString {
			continue
		}
		s := v.FieldByIndex(byName[name].index).String()
		if !contains(allowed, s) {
			w.add(vn, join(path, name), newProblem(model.ErrBadValue, "此处不能是 %q，应为 %s 之一 (not allowed here)", s, quoteList(allowed)))
		}
	}
	if r.check != nil {
		r.check(w, v, given, path)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteList(list []string) string {
	q := make([]string, 0, len(list))
	for _, s := range list {
		if s == "" {
			q = append(q, `""`)
			continue
		}
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}

func unknownField(key string, fs []field) error {
	best, bestD := "", 4
	names := make([]string, 0, len(fs))
	for _, f := range fs {
		names = append(names, f.name)
		if d := distance(strings.ToLower(key), f.name); d < bestD {
			best, bestD = f.name, d
		}
	}
	if best != "" {
		return newProblem(model.ErrUnknownField, "未知字段 %q，是不是 %q？(unknown field %q; did you mean %q?)", key, best, key, best)
	}
	sort.Strings(names)
	return newProblem(model.ErrUnknownField, "未知字段 %q；此处的字段有：%s (unknown field %q)", key, strings.Join(names, ", "), key)
}

// distance is the Levenshtein distance, for "did you mean" hints.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// rules are the constraints of one model type beyond its JSON shape.
type rules struct {
	required []string            // fields that must be present
	oneOf    map[string][]string // fields whose text must be one of a list
	check    func(w *walker, v reflect.Value, given map[string]*node, path string)
}

var (
	unitLevels  = []string{string(model.LevelTotal), string(model.LevelSection), string(model.LevelDepartment), string(model.LevelUnit), string(model.LevelDetail)}
	basicLevels = []string{string(model.LevelTotal), string(model.LevelClass), string(model.LevelItem)}
	// rowLevels are the levels of tables whose rows are units or function
	// items: 类 (class), 款 (item) and 项 (detail) of Shanghai's tables.
	rowLevels  = append(append([]string(nil), unitLevels...), string(model.LevelClass), string(model.LevelItem))
	incomeKeys = []string{model.IncomeGeneral, model.IncomeGovFund, model.IncomeStateCapital, model.IncomeSpecialAccount, model.IncomeUnitFunds, model.IncomeCarryover, model.IncomeOther,
		model.IncomeFiscal, model.IncomeBusiness, model.IncomeOperating}
	units = []string{model.UnitWanYuan, model.UnitYuan}
)

// ruleTable holds the rules per model type. Documented in docs/input-format.md
// and mirrored in docs/disclosure.schema.json (a test keeps them together).
var ruleTable = map[reflect.Type]rules{
	reflect.TypeOf(model.Disclosure{}): {
		required: []string{"department", "year", "unit"},
		oneOf:    map[string][]string{"unit": units},
		check:    checkDisclosure,
	},
	reflect.TypeOf(model.ExpenditureTable{}): {
		oneOf: map[string][]string{"scheme": {"", model.SchemeCategory, model.SchemeBasicProject}},
	},
	reflect.TypeOf(model.ExpenditureRow{}):     {required: []string{"level"}, oneOf: map[string][]string{"level": rowLevels}},
	reflect.TypeOf(model.IncomeRow{}):          {required: []string{"level"}, oneOf: map[string][]string{"level": rowLevels}},
	reflect.TypeOf(model.ThreePublicRow{}):     {required: []string{"level"}, oneOf: map[string][]string{"level": unitLevels}},
	reflect.TypeOf(model.ProcurementRow{}):     {required: []string{"level"}, oneOf: map[string][]string{"level": unitLevels}},
	reflect.TypeOf(model.BasicRow{}):           {required: []string{"level", "name"}, oneOf: map[string][]string{"level": basicLevels}},
	reflect.TypeOf(model.IncomeLine{}):         {required: []string{"key"}, oneOf: map[string][]string{"key": incomeKeys}},
	reflect.TypeOf(model.FundLine{}):           {required: []string{"name"}},
	reflect.TypeOf(model.FunctionShare{}):      {required: []string{"name"}},
	reflect.TypeOf(model.NamedAmount{}):        {required: []string{"name"}},
	reflect.TypeOf(model.Narrative{}):          {oneOf: map[string][]string{"unit": {"", model.UnitWanYuan, model.UnitYuan}}, check: checkNarrative},
	reflect.TypeOf(model.ExpenditureFigures{}): {check: checkByCategory},
}

func rulesFor(t reflect.Type) rules { return ruleTable[t] }

// Years outside this range are almost certainly typing mistakes.
const minYear, maxYear = 1990, 2100

// A year that is not a whole number was reported by value (want a whole
// number) and is not reported again here.
func checkYear(w *walker, n *node, y int, path string) {
	if n == nil || n.kind != kNumber {
		return
	}
	if _, err := strconv.Atoi(n.text); err != nil {
		return
	}
	if y < minYear || y > maxYear {
		w.add(n, path, newProblem(model.ErrBadValue, "年度 %d 不在 %d–%d 之间 (year %d is out of range %d–%d)", y, minYear, maxYear, y, minYear, maxYear))
	}
}

func checkDisclosure(w *walker, v reflect.Value, given map[string]*node, path string) {
	d := v.Addr().Interface().(*model.Disclosure)
	checkYear(w, given["year"], d.Year, join(path, "year"))
	if n := given["date"]; n != nil && d.Date != "" {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			w.add(n, join(path, "date"), newProblem(model.ErrBadValue, "%q 不是 YYYY-MM-DD 格式的日期 (not a date YYYY-MM-DD)", d.Date))
		}
	}
	if n := given["department"]; n != nil && strings.TrimSpace(d.Department) == "" {
		w.add(n, join(path, "department"), newProblem(model.ErrBadValue, "部门名称不能为空 (department is empty)"))
	}
}

func checkNarrative(w *walker, v reflect.Value, given map[string]*node, path string) {
	nr := v.Addr().Interface().(*model.Narrative)
	if nr.Year != nil {
		checkYear(w, given["year"], *nr.Year, join(path, "year"))
	}
}

var categoryKeys = []string{model.CatPersonnel, model.CatPublic, model.CatOtherOperating, model.CatSpecific, model.CatBasic, model.CatProject}

func checkByCategory(w *walker, v reflect.Value, given map[string]*node, path string) {
	n := given["by_category"]
	if n == nil || n.kind != kObject {
		return
	}
	for _, mb := range n.members {
		if !contains(categoryKeys, mb.key) {
			w.add(mb.at(), mapKey(join(path, "by_category"), mb.key), newProblem(model.ErrBadValue, "%q 不是支出类别，应为 %s 之一 (%q is not a category)", mb.key, quoteList(categoryKeys), mb.key))
		}
	}
}
