package ledger_test

import (
	"errors"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/importer/ledger"
	"gongkai/model"
)

// codeLedger is a correct ledger built in code, as a program embedding
// the package would build it: two units, no positions.
func codeLedger() *ledger.Ledger {
	line := func(unit, name string, t ledger.UnitType, fn, econ string, c ledger.Category, f ledger.Fund, fen int64) ledger.Line {
		return ledger.Line{UnitCode: unit, UnitName: name, UnitType: t, FuncCode: fn, EconCode: econ, Category: c, Fund: f, Amount: fen}
	}
	return &ledger.Ledger{
		Info: ledger.Info{Department: "测试局", Year: 2027},
		Lines: []ledger.Line{
			line("901001", "测试局", ledger.UnitAdmin, "2012601", "30101", ledger.CatPersonnel, ledger.FundGeneral, 30_000_000),
			line("901001", "测试局", ledger.UnitAdmin, "2012601", "30201", ledger.CatPublic, ledger.FundGeneral, 5_000_000),
			line("901002", "测试中心", ledger.UnitInstitution, "2012650", "30201", ledger.CatPublic, ledger.FundGeneral, 2_000_000),
			line("901002", "测试中心", ledger.UnitInstitution, "2120801", "30905", ledger.CatSpecific, ledger.FundGovFund, 1_000_000),
		},
		Carryovers: []ledger.Carryover{{UnitCode: "901001", Fund: ledger.FundGeneral, Amount: 1_000_000}},
	}
}

func TestBuildInCode(t *testing.T) {
	d, _, err := ledger.Build(codeLedger(), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 机关运行经费 is the 公用经费 of the 行政 unit only: 50,000 元.
	if got := d.Narrative.OperatingCosts.Total.Fixed(2); got != "5.00" {
		t.Errorf("机关运行经费 %s, want 5.00", got)
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("findings: %v", fs)
	}
}

// Each mistake a program can make in a Ledger is a located error of Build,
// as Read gives for the same mistake in a file.
func TestBuildInCodeMistakes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(l *ledger.Ledger)
		err    error
		path   string // ParseError.Path of the problem
		line   int    // ParseError.Line (the program's Pos.Row)
	}{
		{"unit type 0", func(l *ledger.Ledger) { l.Lines[1].UnitType = 0 }, model.ErrMissingField, "Lines[1]", 0},
		{"unit 千元", func(l *ledger.Ledger) { l.Info.Unit = "千元" }, ledger.ErrUnknownValue, "Info.Unit", 0},
		{"year 12", func(l *ledger.Ledger) { l.Info.Year = 12 }, model.ErrBadValue, "Info.Year", 0},
		{"no year", func(l *ledger.Ledger) { l.Info.Year = 0 }, ledger.ErrNoYear, "Info.Year", 0},
		{"no department", func(l *ledger.Ledger) { l.Info.Department = " " }, ledger.ErrNoDepartment, "Info.Department", 0},
		{"bad date", func(l *ledger.Ledger) { l.Info.Date = "2027/1/5" }, model.ErrBadValue, "Info.Date", 0},
		{"201 with 政府性基金", func(l *ledger.Ledger) { l.Lines[0].Fund = ledger.FundGovFund }, ledger.ErrFundClass, "Lines[0]", 0},
		{"unknown 款 not named", func(l *ledger.Ledger) { l.Lines[0].EconCode = "30188" }, ledger.ErrBadCode, "Lines[0]", 0},
		{"economic class 5xx", func(l *ledger.Ledger) { l.Lines[0].EconCode = "50101" }, ledger.ErrBadCode, "Lines[0]", 0},
		{"function 6 digits", func(l *ledger.Ledger) { l.Lines[2].FuncCode = "201265" }, ledger.ErrBadCode, "Lines[2]", 0},
		{"function class unknown", func(l *ledger.Ledger) { l.Lines[2].FuncCode = "2992650" }, ledger.ErrBadCode, "Lines[2]", 0},
		{"unit code 12", func(l *ledger.Ledger) { l.Lines[3].UnitCode = "12"; l.Lines[3].Pos.Row = 17 }, ledger.ErrLostZero, "Lines[3]", 17},
		{"unit code empty", func(l *ledger.Ledger) { l.Lines[3].UnitCode = "" }, model.ErrMissingField, "Lines[3]", 0},
		{"no unit name", func(l *ledger.Ledger) { l.Lines[3].UnitName = "" }, model.ErrMissingField, "Lines[3]", 0},
		{"fund out of range", func(l *ledger.Ledger) { l.Lines[1].Fund = 9 }, ledger.ErrUnknownValue, "Lines[1]", 0},
		{"category out of range", func(l *ledger.Ledger) { l.Lines[1].Category = 9 }, ledger.ErrUnknownValue, "Lines[1]", 0},
		{"三公 of another 款", func(l *ledger.Ledger) { l.Lines[1].EconCode = "30217"; l.Lines[1].ThreePublic = ledger.TPAbroad }, model.ErrBadValue, "Lines[1]", 0},
		{"三公 on 政府性基金", func(l *ledger.Ledger) { l.Lines[3].ThreePublic = ledger.TPReception }, ledger.ErrFundClass, "Lines[3]", 0},
		{"采购数量 not a number", func(l *ledger.Ledger) { l.Lines[3].ProcQty = "三台" }, ledger.ErrBadAmount, "Lines[3]", 0},
		{"no lines", func(l *ledger.Ledger) { l.Lines = nil; l.Carryovers = nil }, ledger.ErrNoLines, "Lines", 0},
		{"carry-over negative", func(l *ledger.Ledger) { l.Carryovers[0].Amount = -1 }, ledger.ErrBadAmount, "Carryovers[0]", 0},
		{"income without HasIncome", func(l *ledger.Ledger) { l.Carryovers[0].Income = 100 }, model.ErrBadValue, "Carryovers[0]", 0},
		// Build's own checks of the lines against each other name the
		// line in the value too.
		{"unit with two names", func(l *ledger.Ledger) { l.Lines[1].UnitName = "别的局" }, model.ErrBadValue, "Lines[1]", 0},
		{"net negative", func(l *ledger.Ledger) { l.Lines[1].Amount = -1 }, ledger.ErrNegativeNet, "Lines[1]", 0},
		{"carry-over over spending", func(l *ledger.Ledger) { l.Carryovers[0].Amount = 99_000_000 }, model.ErrBadValue, "Carryovers[0]", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := codeLedger()
			tc.break_(l)
			_, _, err := ledger.Build(l, ledger.Options{})
			var pes model.ParseErrors
			if !errors.As(err, &pes) {
				t.Fatalf("Build: %v, want model.ParseErrors", err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("Build: %v, want %v", err, tc.err)
			}
			if !ledger.ContentError(err) {
				t.Errorf("ContentError(%v) false", err)
			}
			found := false
			for _, pe := range pes {
				if errors.Is(pe, tc.err) && pe.Path == tc.path && pe.Line == tc.line && pe.Value == ledger.ValueName && pe.File == "" {
					found = true
				}
				msg := pe.Error()
				// No invented file, cell or CLI flag.
				if strings.Contains(msg, "<stdin>") || strings.Contains(msg, "!A") || strings.Contains(msg, "--") {
					t.Errorf("message %q names a file, cell or flag the program does not have", msg)
				}
				if !strings.HasPrefix(msg, ledger.ValueName+"."+pe.Path) {
					t.Errorf("message %q does not start with its place", msg)
				}
			}
			if !found {
				t.Errorf("no %v at %s (line %d) in\n%v", tc.err, tc.path, tc.line, err)
			}
		})
	}
}

// Every problem is reported at once, in the order of the value.
func TestValidateAllAtOnce(t *testing.T) {
	l := codeLedger()
	l.Info.Unit = "千元"
	l.Lines[0].UnitType = 0
	l.Lines[2].Fund = ledger.FundGovFund
	l.Lines[3].UnitCode = "12"
	var paths []string
	for _, pe := range l.Validate() {
		paths = append(paths, pe.Path)
	}
	if got := strings.Join(paths, " "); got != "Info.Unit Lines[0] Lines[2] Lines[3]" {
		t.Errorf("problems at %s", got)
	}
	if errs := codeLedger().Validate(); errs != nil {
		t.Errorf("a correct ledger: %v", errs)
	}
}

// 39999 其他支出 is a 款 of the 部门预算支出经济分类 (399 其他支出): a line
// may use it.
func TestBuildInCode39999(t *testing.T) {
	if _, ok := check.EconomicName("39999"); !ok {
		t.Fatal("39999 not in the catalog")
	}
	l := codeLedger()
	l.Lines[2].EconCode = "39999"
	if _, _, err := ledger.Build(l, ledger.Options{}); err != nil {
		t.Fatal(err)
	}
}

// A line's own FuncName and EconName name its codes when Ledger.FuncNames
// and EconNames do not (a ledger built in code rarely fills the maps); the
// maps win where both are given.
func TestBuildInCodeLineNames(t *testing.T) {
	l := codeLedger()
	l.Lines[2].FuncCode, l.Lines[2].FuncName = "2012688", "测试项名称"
	l.Lines[1].EconCode, l.Lines[1].EconName = "30288", "测试款名称" // not in the catalog: named
	l.FuncNames = map[string]string{"2012601": "行政运行（地区目录）"}
	l.Lines[0].FuncName = "别的名称"
	d, rep, err := ledger.Build(l, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range d.Tables.T03.Rows {
		names[r.FuncCode] = r.FuncName
	}
	if names["2012688"] != "测试项名称" || names["2012601"] != "行政运行（地区目录）" {
		t.Errorf("表三 names %v", names)
	}
	econ := ""
	for _, r := range d.Tables.T06.Rows {
		if r.Code == "30288" {
			econ = r.Name
		}
	}
	if econ != "测试款名称" {
		t.Errorf("表六 30288 named %q", econ)
	}
	for _, n := range rep.Notes {
		if n.FuncCode == "2012688" {
			t.Errorf("note %v: the line names its code", n)
		}
	}
}

// A line built in code with a "三公" 款 (30217 公务接待费) and no
// ThreePublic counts in 表七, as Read's line does.
func TestBuildInCodeThreePublicFromEconomic(t *testing.T) {
	l := codeLedger()
	l.Lines = append(l.Lines, ledger.Line{UnitCode: "901001", UnitName: "测试局", UnitType: ledger.UnitAdmin, FuncCode: "2012601",
		EconCode: "30217", Category: ledger.CatPublic, Fund: ledger.FundGeneral, Amount: 120_000})
	d, _, err := ledger.Build(l, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Narrative.ThreePublic.Reception.Fixed(2); got != "0.12" {
		t.Errorf("公务接待费 %s, want 0.12", got)
	}
}

// Read and Validate apply one rule: a file with the mistake fails Read
// with the sentinel Build gives for the same line built in code.
func TestReadAndValidateAgree(t *testing.T) {
	info := ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}}
	for _, tc := range []struct {
		name, csv string
		err       error
	}{
		{"fund class", "901001,测试局,行政,2012601,30101,人员类,政府性基金预算,,100\n", ledger.ErrFundClass},
		{"short unit", "12,测试局,行政,2012601,30101,人员类,一般公共预算,,100\n", ledger.ErrLostZero},
		{"三公 on 政府性基金", "901001,测试局,行政,2120801,30201,特定目标类,政府性基金预算,公务接待费,100\n", ledger.ErrFundClass},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ledger.Read("ledger.csv", []byte(header+tc.csv), info)
			if !errors.Is(err, tc.err) {
				t.Errorf("Read: %v, want %v", err, tc.err)
			}
		})
	}
	// Info.Year 12 given in ReadOptions is refused by Read as by Build.
	_, err := ledger.Read("ledger.csv", []byte(header+"901001,测试局,行政,2012601,30101,人员类,一般公共预算,,100\n"),
		ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 12}})
	if !errors.Is(err, model.ErrBadValue) {
		t.Errorf("Read with year 12: %v", err)
	}
}

// A ledger Read from standard input (name "") keeps its rows: Build's
// errors name <stdin>:N as Read's do, not the value.
func TestBuildStdinPositions(t *testing.T) {
	csv := header +
		"901001,测试局,行政,2012601,30101,人员类,一般公共预算,,100\n" +
		"901001,别的局,行政,2012601,30201,公用经费,一般公共预算,,100\n"
	l, err := ledger.Read("", []byte(csv), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = ledger.Build(l, ledger.Options{})
	var pes model.ParseErrors
	if !errors.As(err, &pes) || pes[0].Line != 3 || pes[0].Value != "" || !strings.HasPrefix(pes[0].Error(), "<stdin>:3: ") {
		t.Errorf("Build: %v (%#v)", err, pes)
	}
}

// A note of a line built in code names no invented file: the program's
// row if it gave one, else nothing.
func TestNotePlaceInCode(t *testing.T) {
	l := codeLedger()
	l.Lines[3].Pos = ledger.Pos{Row: 5} // 2120801: no name anywhere
	_, rep, err := ledger.Build(l, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range rep.Notes {
		if n.FuncCode == "2120801" {
			got = append(got, n.String())
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "第 5 行: 功能科目 2120801 没有名称") {
		t.Errorf("notes %q", got)
	}
}
