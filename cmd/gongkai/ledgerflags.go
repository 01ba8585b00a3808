package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"gongkai/importer/ledger"
	"gongkai/inputs"
)

// ledgerFlags give a ledger of budget lines what it does not hold itself:
// the department's details, a 收入 file, a file of the written texts (说明),
// last year's data and a function catalog. They are defined once, here, for build, export and validate
// (every flag) and batch (the flags that hold for every department of a
// run), so that the same flags give the same disclosure everywhere.
//
// --catalog applies to every kind of input (the checks know its codes);
// the others only to a ledger: given with a JSON disclosure, a workbook of
// the tables or a published text they are an error, not ignored.
type ledgerFlags struct {
	Department     string
	DepartmentCode string
	Region         string
	Year           int
	Unit           string
	Income         string
	Texts          string
	Prior          string
	Catalog        string

	// files are the file flags (--income, --texts, --prior, --catalog), which
	// remember every value given.
	files []*fileFlag
}

// fileFlag is a string flag naming one file. pflag keeps the last value
// of a flag given twice; for a file that would silently drop the first
// (two 收入 files, two catalogs), so every value is kept and options
// refuses more than one.
type fileFlag struct {
	name string
	p    *string
	seen []string
}

func (f *fileFlag) String() string { return *f.p }
func (f *fileFlag) Type() string   { return "string" }
func (f *fileFlag) Set(v string) error {
	*f.p = v
	f.seen = append(f.seen, v)
	return nil
}

func (o *ledgerFlags) fileVar(fs *pflag.FlagSet, p *string, name, usage string) {
	f := &fileFlag{name: name, p: p}
	o.files = append(o.files, f)
	fs.Var(f, name, usage)
}

// twice is the error of a file flag given more than once.
func (o *ledgerFlags) twice() error {
	for _, f := range o.files {
		if len(f.seen) > 1 {
			return &flagsError{fmt.Sprintf("--%s 给了 %d 次（%s）：只能给一个文件，请只保留一个 / --%s given %d times: give one file",
				f.name, len(f.seen), strings.Join(f.seen, "、"), f.name, len(f.seen))}
		}
	}
	return nil
}

// ledgerScope says which of the ledger flags a command takes.
type ledgerScope int

const (
	// oneDepartment: build, export, validate, narrative read one
	// department's input and take every flag.
	oneDepartment ledgerScope = iota
	// everyDepartment: batch takes the flags that hold for a whole run
	// (--year, --region, --unit, --catalog); a name, a code, a 收入 file or
	// last year's data belongs to one department.
	everyDepartment
	// everyUpload: serve takes --catalog only. The web page reads uploads
	// of every kind, and a ledger-only flag would refuse all but ledgers:
	// the page asks for a ledger's settings with each ledger instead.
	everyUpload
)

// addLedgerFlags registers the ledger flags of scope on fs.
func addLedgerFlags(fs *pflag.FlagSet, scope ledgerScope) *ledgerFlags {
	o := &ledgerFlags{}
	one, run := scope == oneDepartment, scope != everyUpload
	if one {
		fs.StringVar(&o.Department, "department", "", "部门（公开主体）名称，覆盖预算明细的“基本信息” / department name of a ledger")
	}
	if run {
		fs.IntVar(&o.Year, "year", 0, "预算明细的预算年度，如 2027 / budget year of a ledger")
	}
	if one {
		fs.StringVar(&o.DepartmentCode, "department-code", "", "预算明细的部门编码，如 526003 / department code of a ledger")
	}
	if run {
		fs.StringVar(&o.Region, "region", "", "预算明细的地区，如 天门市 / region of a ledger")
		fs.StringVar(&o.Unit, "unit", "", "预算明细生成的公开表金额单位：万元（默认）或 元 / display unit of a ledger's tables: 万元 (default) or 元")
	}
	if one {
		o.fileVar(fs, &o.Income, "income", "预算明细的收入文件（CSV 或 .xlsx）：单位编码、资金性质、上年结转和/或本年收入 / income file of a ledger: 上年结转 and/or stated 本年收入")
		o.fileVar(fs, &o.Texts, "texts", "预算明细的文字说明文件（两列 CSV/TSV 或 .xlsx：项目、内容）：主要职责、机构设置、增减原因、绩效目标 / texts of a ledger (two columns 项目,内容): duties, organisation, reasons, performance")
		o.fileVar(fs, &o.Prior, "prior", "上年的预算明细或 budget.json，用于增减变化 / last year's ledger or budget.json, for a ledger")
	}
	o.fileVar(fs, &o.Catalog, "catalog", "功能科目目录（TSV：编码<TAB>名称）：预算明细的科目名称，核对时视为已知的编码 / function catalog code<TAB>name: names for a ledger, known codes for the checks")
	return o
}

// ledgerOnly names the flags given that only a ledger uses, in the order of
// the help.
func (o *ledgerFlags) ledgerOnly() []string {
	var out []string
	for _, f := range []struct {
		set  bool
		name string
	}{
		{o.Department != "", "--department"},
		{o.Year != 0, "--year"},
		{o.DepartmentCode != "", "--department-code"},
		{o.Region != "", "--region"},
		{o.Unit != "", "--unit"},
		{o.Income != "", "--income"},
		{o.Texts != "", "--texts"},
		{o.Prior != "", "--prior"},
	} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

// flagsError is a ledger flag given where it does not apply, or with a
// value it does not take: a usage error (exit 2).
type flagsError struct{ msg string }

func (e *flagsError) Error() string { return e.msg }

// notLedger is the error of ledger-only flags given for input, which is of
// kind k; nil when k is a ledger or no such flag is given.
func (o *ledgerFlags) notLedger(input string, k inputs.Kind) error {
	given := o.ledgerOnly()
	if len(given) == 0 || k == inputs.Ledger {
		return nil
	}
	if input == "-" || input == "" {
		input = "标准输入"
	}
	return &flagsError{fmt.Sprintf("%s 只用于预算明细输入：%s %s / only for a ledger of budget lines",
		strings.Join(given, "、"), input, k.NotLedger())}
}

// options turns the flags into the options of inputs.Load and the function
// catalog for check.Options, through inputs.LedgerInput (the web page's form
// goes through it too, so the values mean the same): a value no ledger
// takes is refused before any file is read; the 收入 file, the catalog and
// last year's data are read here. Errors name the flag and the file.
func (o *ledgerFlags) options() (in inputs.Options, catalog map[string]string, err error) {
	if err := o.twice(); err != nil {
		return in, nil, err
	}
	li := inputs.LedgerInput{Department: o.Department, DepartmentCode: o.DepartmentCode, Region: o.Region, Year: o.Year, Unit: o.Unit}
	if err := li.Check(); err != nil {
		return in, nil, flagError(err)
	}
	if o.Catalog != "" {
		b, err := inputs.ReadFile(o.Catalog)
		if err != nil {
			return in, nil, fmt.Errorf("--catalog: %w", err)
		}
		if catalog, err = ledger.ReadCatalog(o.Catalog, b); err != nil {
			return in, nil, err
		}
		li.Catalog = catalog
	}
	for _, f := range []struct {
		flag, path string
		to         **inputs.File
	}{{"--income", o.Income, &li.Income}, {"--texts", o.Texts, &li.Texts}, {"--prior", o.Prior, &li.Prior}} {
		if f.path == "" {
			continue
		}
		b, err := inputs.ReadFile(f.path)
		if err != nil {
			return in, nil, fmt.Errorf("%s: %w", f.flag, err)
		}
		*f.to = &inputs.File{Name: f.path, Data: b}
	}
	if in, err = li.Options(); err != nil {
		return in, nil, flagError(err)
	}
	if o.Prior != "" {
		// Messages about last year's data name the flag with the file
		// (the library's words serve a Go program and the web page too).
		in.Build.PriorName = "--prior " + o.Prior
	}
	return in, catalog, nil
}

// flagError words an error of inputs.LedgerInput with the flag's name: a
// value refused is a usage error (--unit "x"：应为 万元 或 元), a file that
// cannot be used keeps its own error (--prior: last.csv:3: …).
func flagError(err error) error {
	var se *inputs.SettingError
	if !errors.As(err, &se) {
		return err
	}
	if se.Err != nil {
		return fmt.Errorf("--%s: %w", se.Setting, se.Err)
	}
	return &flagsError{fmt.Sprintf("--%s %q：%s / %s", se.Setting, se.Value, se.Why, se.WhyEN)}
}

// readInputData reads a command's input: a file, or standard input for "-".
func readInputData(e env, path string) (name string, data []byte, err error) {
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(e.stdin, inputs.MaxSize+1))
		if err == nil && len(data) > inputs.MaxSize {
			err = fmt.Errorf("标准输入超过 %d MB，不是一个部门的公开数据", inputs.MaxSize>>20)
		}
		return "", data, err
	}
	data, err = inputs.ReadFile(path)
	return path, data, err
}

// loadWithLedgerFlags loads one input of any kind package inputs recognises
// ("-" is standard input) with the ledger flags: ledger-only flags given
// for another kind of input are refused before any other file is read. The
// catalog is returned for the checks.
func loadWithLedgerFlags(e env, path string, lf *ledgerFlags, in inputs.Options) (*inputs.Result, map[string]string, error) {
	name, data, err := readInputData(e, path)
	if err != nil {
		return nil, nil, err
	}
	// Sniff is cheap; a workbook is told apart (ledger or tables) by Load,
	// whose NotLedgerError is turned into the same message below.
	if k := inputs.Sniff(name, data); k != inputs.Workbook && k != inputs.XLS && k != inputs.Unknown {
		if err := lf.notLedger(path, k); err != nil {
			return nil, nil, err
		}
	}
	lin, catalog, err := lf.options()
	if err != nil {
		return nil, nil, err
	}
	lin.Profile = in.Profile
	r, err := inputs.Load(name, data, lin)
	var nl *inputs.NotLedgerError
	if errors.As(err, &nl) {
		return nil, nil, lf.notLedger(path, nl.Kind)
	}
	return r, catalog, err
}

// flagsExit is the exit status of an error of options: 2 for flags misused
// or files that cannot be read, 1 for a catalog or prior ledger whose lines
// are wrong (as build reports a ledger's).
func flagsExit(err error) int {
	var fe *flagsError
	if errors.As(err, &fe) {
		return exitUsage
	}
	return inputExit(err)
}
