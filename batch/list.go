package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gongkai/importer/ledger"
	"gongkai/inputs"
	"gongkai/model"
)

// A List (部门清单) gives each ledger of budget lines of a run what it does
// not hold itself, as the flags of 'gongkai build' give one ledger: its
// department's details and its companion files (收入, 说明, last year's
// data). It is a CSV file (UTF-8 or GB18030) or a workbook, one ledger a
// row, its columns found by their header words (ListColumns); only 文件 is
// required. Each row means what the same flags mean for build: its values
// go through inputs.LedgerInput, so they are refused for the same reasons.
type List struct {
	Name    string  // the list file, as given
	Entries []Entry // in the list's order

	byPath     map[string]int    // absolute path of a ledger → its entry
	companions map[string]string // absolute path of a companion file → its place
}

// An Entry is one row of a List.
type Entry struct {
	Path  string // the ledger, as found: relative to the list's folder or to an input folder
	Place string // the row: 清单.csv:7
	// Input holds the row's details (Department, DepartmentCode, Region,
	// Year, Unit); its files are read when the department is worked on.
	Input inputs.LedgerInput
	// Income, Texts and Prior are the companion files ("" none), found as
	// Path is; they are not departments of the run.
	Income, Texts, Prior string
}

// ListFile is the column of a List that names the ledger.
const ListFile = "文件"

// ListColumns are the header words of a List: 文件 and the settings of a
// ledger (inputs.Settings, by their Chinese names: 部门名称, 年度, 部门编码,
// 地区, 金额单位, 收入文件, 说明文件, 上年数据). A setting's English name
// (department, year …) is accepted too.
func ListColumns() []string {
	out := []string{ListFile}
	for _, s := range inputs.Settings {
		out = append(out, s.Chinese())
	}
	return out
}

// listColumn finds a header's column: -1 for 文件, the index of its
// setting in inputs.Settings, or ok false.
func listColumn(h string) (int, bool) {
	h = strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("\u3000", " ", "\ufeff", "").Replace(h)), ""))
	switch h {
	case ListFile, "明细文件", "文件名", "明细", "预算明细", "file":
		return -1, true
	}
	for i, s := range inputs.Settings {
		if h == s.Chinese() || h == string(s) {
			return i, true
		}
	}
	aliases := map[string]inputs.Setting{"部门": inputs.SetDepartment, "预算年度": inputs.SetYear, "单位编码": inputs.SetDepartmentCode,
		"收入": inputs.SetIncome, "说明": inputs.SetTexts, "文字说明": inputs.SetTexts, "上年明细": inputs.SetPrior, "上年": inputs.SetPrior}
	if s, ok := aliases[h]; ok {
		for i, t := range inputs.Settings {
			if t == s {
				return i, true
			}
		}
	}
	return 0, false
}

// ReadList reads a list file. A path in it is relative to the list's
// folder, or else to one of dirs (the run's input folders). Every problem
// is reported at once, each with its place (清单.csv:7: …), as
// model.ParseErrors: a header that is not a column of ListColumns, a row
// without 文件, a file that does not exist, a 文件 named twice, a ledger
// named as another's companion file, a value inputs.LedgerInput refuses.
func ReadList(name string, data []byte, dirs ...string) (*List, error) {
	rows, pos, err := ledger.ReadTable(name, data)
	if err != nil {
		return nil, err
	}
	l := &List{Name: name, byPath: map[string]int{}, companions: map[string]string{}}
	var errs model.ParseErrors
	at := func(p ledger.Pos, col int, format string, args ...any) {
		pe := &model.ParseError{File: p.File, Line: p.Row, Err: errors.New(fmt.Sprintf(format, args...))}
		if p.Sheet != "" {
			pe.Line, pe.Sheet, pe.Cell = 0, p.Sheet, colName(col)+strconv.Itoa(p.Row)
		}
		errs = append(errs, pe)
	}
	if len(rows) == 0 {
		return nil, &model.ParseError{File: name, Err: errors.New("部门清单是空的：第一行应为表头（" + strings.Join(ListColumns(), "、") + "），其下每个明细文件一行")}
	}
	cols := map[int]int{} // column → setting (-1 文件)
	seenCol := map[int]int{}
	fileCol := -2
	for c, h := range rows[0] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		k, ok := listColumn(h)
		if !ok {
			at(pos[0], c, "表头“%s”不是部门清单的列；可用的列：%s", strings.TrimSpace(h), strings.Join(ListColumns(), "、"))
			continue
		}
		if prev, dup := seenCol[k]; dup {
			at(pos[0], c, "表头“%s”与第 %s 列重复", strings.TrimSpace(h), colName(prev))
			continue
		}
		seenCol[k], cols[c] = c, k
		if k == -1 {
			fileCol = c
		}
	}
	if fileCol == -2 {
		at(pos[0], 0, "部门清单没有“文件”列（每行的预算明细文件）")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	base := filepath.Dir(name)
	find := func(p string) (string, bool) {
		if filepath.IsAbs(p) {
			_, err := os.Stat(p)
			return p, err == nil
		}
		for _, d := range append([]string{base}, dirs...) {
			q := filepath.Join(d, p)
			if st, err := os.Stat(q); err == nil && !st.IsDir() {
				return q, true
			}
		}
		return p, false
	}
	where := func() string {
		s := "清单所在的文件夹（" + base + "）"
		if len(dirs) > 0 {
			s += "和 " + strings.Join(dirs, "、") + " "
		}
		return s
	}
	listed := map[string]string{} // absolute path of a row's 文件 → its place
	type companion struct {
		abs     string
		pos     ledger.Pos
		col     int
		setting inputs.Setting
	}
	var comps []companion
	for i, row := range rows[1:] {
		p := pos[i+1]
		e := Entry{Place: p.String()}
		var li inputs.LedgerInput
		bad := false
		cell := func(c int) string {
			if c < len(row) {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		for c := range rows[0] {
			k, ok := cols[c]
			if !ok {
				continue
			}
			v := cell(c)
			if k == -1 || v == "" {
				continue
			}
			s := inputs.Settings[k]
			switch s {
			case inputs.SetDepartment:
				li.Department = v
			case inputs.SetDepartmentCode:
				li.DepartmentCode = v
			case inputs.SetRegion:
				li.Region = v
			case inputs.SetUnit:
				li.Unit = v
			case inputs.SetYear:
				y, err := inputs.ParseYear(v)
				if err != nil {
					at(p, c, "%v", err)
					bad = true
					continue
				}
				li.Year = y
			case inputs.SetIncome, inputs.SetTexts, inputs.SetPrior:
				f, ok := find(v)
				if !ok {
					at(p, c, "%s“%s”不存在（在%s中都没有找到）", s.Chinese(), v, where())
					bad = true
					continue
				}
				switch s {
				case inputs.SetIncome:
					e.Income = f
				case inputs.SetTexts:
					e.Texts = f
				default:
					e.Prior = f
				}
				comps = append(comps, companion{abs: absPath(f), pos: p, col: c, setting: s})
			}
		}
		if err := li.Check(); err != nil {
			at(p, 0, "%v", err)
			bad = true
		}
		e.Input = li
		f := cell(fileCol)
		if f == "" {
			at(p, fileCol, "没有填写文件（预算明细文件的路径）")
			continue
		}
		path, ok := find(f)
		if !ok {
			at(p, fileCol, "文件“%s”不存在（在%s中都没有找到）", f, where())
			continue
		}
		abs := absPath(path)
		if first, dup := listed[abs]; dup {
			at(p, fileCol, "文件“%s”已在 %s 列出，同一个明细只能有一行", f, first)
			continue
		}
		listed[abs] = p.String()
		if bad {
			continue
		}
		e.Path = filepath.Clean(path)
		l.byPath[abs] = len(l.Entries)
		l.Entries = append(l.Entries, e)
	}
	for _, c := range comps {
		if first, ok := listed[c.abs]; ok {
			at(c.pos, c.col, "%s是 %s 列出的明细：一个文件不能既是部门的明细又是另一个部门的%s", c.setting.Chinese(), first, c.setting.Chinese())
		}
		l.companions[c.abs] = c.pos.String()
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

// Inputs returns the departments of a run with this list: the files paths
// (Expand's) and the list's ledgers, without the list itself and the
// companion files (a 收入 file in the input folder is not a department),
// sorted. A nil List returns paths.
func (l *List) Inputs(paths []string) []string {
	if l == nil {
		return paths
	}
	self := absPath(l.Name)
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		a := absPath(p)
		if a == self || l.companions[a] != "" || seen[a] {
			continue
		}
		seen[a] = true
		out = append(out, p)
	}
	for _, e := range l.Entries {
		if a := absPath(e.Path); !seen[a] {
			seen[a] = true
			out = append(out, e.Path)
		}
	}
	sort.Strings(out)
	return out
}

// Entry returns the list's row of the ledger at path, or nil.
func (l *List) Entry(path string) *Entry {
	if l == nil {
		return nil
	}
	if i, ok := l.byPath[absPath(path)]; ok {
		return &l.Entries[i]
	}
	return nil
}

// options are the run's options of Load with the row's details and files:
// the row's details win over the ledger's own (as build's flags do), its
// files are read here. Errors name the row.
func (e *Entry) options(base inputs.Options) (inputs.Options, error) {
	li := e.Input
	li.Catalog = base.Build.Catalog
	li.YearDefault = base.Ledger.Defaults.Year // the run's --year
	for _, f := range []struct {
		s    inputs.Setting
		path string
		to   **inputs.File
	}{{inputs.SetIncome, e.Income, &li.Income}, {inputs.SetTexts, e.Texts, &li.Texts}, {inputs.SetPrior, e.Prior, &li.Prior}} {
		if f.path == "" {
			continue
		}
		b, err := inputs.ReadFile(f.path)
		if err != nil {
			return base, fmt.Errorf("%s: %s: %w", e.Place, f.s.Chinese(), err)
		}
		*f.to = &inputs.File{Name: f.path, Data: b}
	}
	lo, err := li.Options()
	if err != nil {
		return base, fmt.Errorf("%s: %w", e.Place, err)
	}
	base.Ledger.Info = lo.Ledger.Info
	base.Ledger.Income, base.Ledger.IncomeName = lo.Ledger.Income, lo.Ledger.IncomeName
	base.Ledger.Texts, base.Ledger.TextsName = lo.Ledger.Texts, lo.Ledger.TextsName
	base.Build.Prior, base.Build.PriorName = lo.Build.Prior, lo.Build.PriorName
	return base, nil
}

// load loads one department's input with the run's options and, for a
// ledger of the list, its row's.
func (r *runner) load(path string) (*inputs.Result, error) {
	o := r.o.Inputs
	e := r.o.List.Entry(path)
	if e != nil {
		var err error
		if o, err = e.options(o); err != nil {
			return nil, err
		}
	}
	in, err := inputs.LoadFile(path, o)
	if err != nil {
		return nil, missingAdvice(err, e != nil)
	}
	return in, nil
}

// missingAdvice words the problems of a ledger that lacks its department's
// name or year for a batch: the importer's advice (a flag of build) does not
// apply to a run of many ledgers. listed tells whether the list has a row
// for the ledger.
func missingAdvice(err error, listed bool) error {
	var pes model.ParseErrors
	if !errors.As(err, &pes) || len(inputs.MissingDetails(err)) == 0 {
		return err
	}
	out := make(model.ParseErrors, len(pes))
	for i, pe := range pes {
		out[i] = pe
		var what, example string
		switch {
		case errors.Is(pe, ledger.ErrNoDepartment):
			what, example = inputs.SetDepartment.Chinese(), "部门名称,某某局"
		case errors.Is(pe, ledger.ErrNoYear):
			what, example = inputs.SetYear.Chinese(), "年度,2027"
		default:
			continue
		}
		list := "或在部门清单（gongkai batch --list 部门清单.csv）中给这个文件一行，填写“" + what + "”列"
		if listed {
			list = "或在部门清单中这个文件的一行填写“" + what + "”列"
		}
		if what == inputs.SetYear.Chinese() {
			list += "（整批同一年度也可用 --year）"
		}
		c := *pe
		c.Err = &adviceError{msg: "缺少" + what + "：请在明细的“基本信息”（CSV 为表头上方的“" + example + "”行）填写，" + list, err: pe.Err}
		out[i] = &c
	}
	return out
}

// adviceError is an error of the importer reworded; errors.Is still sees
// the importer's error.
type adviceError struct {
	msg string
	err error
}

func (e *adviceError) Error() string { return e.msg }
func (e *adviceError) Unwrap() error { return e.err }

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// colName is the letters of a 0-based column: 0 A, 26 AA.
func colName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}
