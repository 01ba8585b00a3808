package inputs

import (
	"errors"
	"strconv"
	"strings"

	"gongkai/importer/ledger"
	"gongkai/model"
)

// A Setting is one thing a ledger of budget lines may be given besides
// itself. Its value is the name of the command line's flag (--department)
// and of the web page's and the API's form field (department).
type Setting string

// The settings of LedgerInput, in the order of the help and the form.
const (
	SetDepartment     Setting = "department"
	SetYear           Setting = "year"
	SetDepartmentCode Setting = "department-code"
	SetRegion         Setting = "region"
	SetUnit           Setting = "unit"
	SetIncome         Setting = "income"
	SetTexts          Setting = "texts"
	SetPrior          Setting = "prior"
)

// Settings lists the settings in the order of the help and the form.
var Settings = []Setting{SetDepartment, SetYear, SetDepartmentCode, SetRegion, SetUnit, SetIncome, SetTexts, SetPrior}

// Chinese is the setting's name as the web page and messages show it
// (部门名称, 年度 …), the names LedgerSettings uses.
func (s Setting) Chinese() string {
	switch s {
	case SetDepartment:
		return "部门名称"
	case SetYear:
		return "年度"
	case SetDepartmentCode:
		return "部门编码"
	case SetRegion:
		return "地区"
	case SetUnit:
		return "金额单位"
	case SetIncome:
		return "收入文件"
	case SetTexts:
		return "说明文件"
	case SetPrior:
		return "上年数据"
	}
	return string(s)
}

// File is a file given with a ledger: its name (for messages, never opened)
// and its content.
type File struct {
	Name string
	Data []byte
}

// LedgerInput is what a ledger of budget lines may be given besides itself:
// the department's details it lacks (they win over its 基本信息), a 收入
// file with 上年结转, last year's ledger or disclosure for the changes the
// narrative states, and a function catalog. The command line's flags
// (build, export, validate, narrative, batch) and the web page's form both
// turn what the user gave into Options through it, so that a setting means
// the same and is refused for the same reasons everywhere.
type LedgerInput struct {
	Department     string
	DepartmentCode string
	Region         string
	Year           int // 0: not given
	// YearDefault is a year that only fills in (batch's --year, which
	// never overrides a ledger's own): when Year is 0, last year's data
	// (Prior) without a year of its own is taken as of YearDefault − 1.
	YearDefault int
	Unit        string // display unit of the tables: 万元, 元, or "" (the ledger's own, 万元 by default)
	Income      *File  // nil: none
	Texts       *File  // the written texts (说明: 项目,内容; ledger.TextLabels); nil: none
	Prior       *File  // nil: none
	// Catalog is a function catalog (ledger.ReadCatalog): names for the
	// ledger's codes, and codes the checks know. It holds for every kind
	// of input.
	Catalog map[string]string
}

// SettingError is a setting given with a value it does not take (Why says
// why), or a file given for a setting that cannot be used (Err says why,
// with its place).
type SettingError struct {
	Setting Setting
	Value   string // the value refused ("" for a file)
	Why     string // why the value is refused, in Chinese
	WhyEN   string // the same in English
	Err     error  // the file's error
}

func (e *SettingError) Error() string {
	if e.Err != nil {
		return e.Setting.Chinese() + "：" + e.Err.Error()
	}
	return e.Setting.Chinese() + "“" + e.Value + "”：" + e.Why
}

func (e *SettingError) Unwrap() error { return e.Err }

// ParseYear reads a year as a person types it (2027, or 2027年) and checks
// it as LedgerInput.Check does; "" is 0, not given.
func ParseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s, "年")))
	if err != nil {
		return 0, yearError(s)
	}
	return y, checkYear(y)
}

func checkYear(y int) error {
	if y != 0 && (y < ledger.MinYear || y > ledger.MaxYear) {
		return yearError(strconv.Itoa(y))
	}
	return nil
}

func yearError(v string) error {
	return &SettingError{Setting: SetYear, Value: v,
		Why:   "应为四位年份，如 2027（" + strconv.Itoa(ledger.MinYear) + "–" + strconv.Itoa(ledger.MaxYear) + "）",
		WhyEN: "a four-digit budget year such as 2027"}
}

// Check refuses values no ledger takes: a year outside MinYear–MaxYear, a
// unit other than 万元 and 元, an empty file. It reads no file.
func (li LedgerInput) Check() error {
	if err := checkYear(li.Year); err != nil {
		return err
	}
	if li.Unit != "" && li.Unit != model.UnitWanYuan && li.Unit != model.UnitYuan {
		return &SettingError{Setting: SetUnit, Value: li.Unit, Why: "应为 万元 或 元", WhyEN: "use 万元 or 元"}
	}
	for _, f := range []struct {
		s Setting
		f *File
	}{{SetIncome, li.Income}, {SetTexts, li.Texts}, {SetPrior, li.Prior}} {
		if f.f != nil && len(f.f.Data) == 0 {
			return &SettingError{Setting: f.s, Value: f.f.Name, Why: "文件是空的", WhyEN: "the file is empty"}
		}
	}
	return nil
}

// Given names the settings given, in the order of Settings.
func (li LedgerInput) Given() []Setting {
	var out []Setting
	for _, s := range Settings {
		var set bool
		switch s {
		case SetDepartment:
			set = li.Department != ""
		case SetYear:
			set = li.Year != 0
		case SetDepartmentCode:
			set = li.DepartmentCode != ""
		case SetRegion:
			set = li.Region != ""
		case SetUnit:
			set = li.Unit != ""
		case SetIncome:
			set = li.Income != nil
		case SetTexts:
			set = li.Texts != nil
		case SetPrior:
			set = li.Prior != nil
		}
		if set {
			out = append(out, s)
		}
	}
	return out
}

// Options checks li and turns it into the options of Load. Last year's data
// is loaded here: a ledger takes this year's details, a year earlier, for
// what it does not give itself (its own year and department are kept, so
// that Build can check them against this year's) and not this year's 收入
// file; a disclosure or workbook of the tables takes none of them. A file
// that cannot be used is a *SettingError whose Err is its located error.
func (li LedgerInput) Options() (Options, error) {
	var in Options
	if err := li.Check(); err != nil {
		return in, err
	}
	in.Ledger.Info = ledger.Info{Department: li.Department, DepartmentCode: li.DepartmentCode, Region: li.Region, Year: li.Year, Unit: li.Unit}
	in.Build.Catalog = li.Catalog
	if li.Income != nil {
		in.Ledger.Income, in.Ledger.IncomeName = li.Income.Data, li.Income.Name
	}
	if li.Texts != nil {
		in.Ledger.Texts, in.Ledger.TextsName = li.Texts.Data, li.Texts.Name
	}
	if li.Prior != nil {
		po := in
		po.Ledger.Defaults = in.Ledger.Info
		po.Ledger.Info = ledger.Info{}
		po.Ledger.Defaults.Year = 0
		switch {
		case li.Year != 0:
			po.Ledger.Defaults.Year = li.Year - 1
		case li.YearDefault != 0:
			po.Ledger.Defaults.Year = li.YearDefault - 1
		}
		po.Ledger.Income, po.Ledger.IncomeName = nil, ""
		po.Ledger.Texts, po.Ledger.TextsName = nil, ""
		r, err := Load(li.Prior.Name, li.Prior.Data, po)
		var nl *NotLedgerError
		if errors.As(err, &nl) {
			r, err = Load(li.Prior.Name, li.Prior.Data, Options{Build: ledger.Options{Catalog: li.Catalog}})
		}
		if err != nil {
			return in, &SettingError{Setting: SetPrior, Err: err}
		}
		in.Build.Prior, in.Build.PriorName = r.Disclosure, li.Prior.Name
	}
	return in, nil
}

// MissingDetails names the department details err says a ledger lacks
// (SetDepartment, SetYear), in that order; nil when err says none.
func MissingDetails(err error) []Setting {
	var out []Setting
	if errors.Is(err, ledger.ErrNoDepartment) {
		out = append(out, SetDepartment)
	}
	if errors.Is(err, ledger.ErrNoYear) {
		out = append(out, SetYear)
	}
	return out
}

// OnlyMissingDetails reports whether err is a ledger's list of problems
// that are all missing department details: what a form asking for them
// can put right.
func OnlyMissingDetails(err error) bool {
	var pes model.ParseErrors
	if !errors.As(err, &pes) || len(pes) == 0 {
		return false
	}
	for _, pe := range pes {
		if !errors.Is(pe, ledger.ErrMissingInfo) {
			return false
		}
	}
	return true
}
