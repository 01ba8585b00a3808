package inputs

import (
	"errors"
	"strings"
	"testing"

	"gongkai/importer/ledger"
)

// TestLedgerInputCheck: the values the command line's flags and the web
// page's form both refuse, with the setting named.
func TestLedgerInputCheck(t *testing.T) {
	for _, tc := range []struct {
		name    string
		li      LedgerInput
		setting Setting // "" for accepted
	}{
		{"nothing", LedgerInput{}, ""},
		{"year", LedgerInput{Year: 2027}, ""},
		{"year too early", LedgerInput{Year: 1800}, SetYear},
		{"year of two digits", LedgerInput{Year: 27}, SetYear},
		{"unit 元", LedgerInput{Unit: "元"}, ""},
		{"unit 千元", LedgerInput{Unit: "千元"}, SetUnit},
		{"empty 收入 file", LedgerInput{Income: &File{Name: "收入.csv"}}, SetIncome},
		{"empty prior", LedgerInput{Prior: &File{Name: "上年.csv", Data: []byte{}}}, SetPrior},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.li.Check()
			var se *SettingError
			switch {
			case tc.setting == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.setting != "" && (!errors.As(err, &se) || se.Setting != tc.setting || se.Why == "" || se.WhyEN == ""):
				t.Errorf("got %v, want a SettingError of %s", err, tc.setting)
			case tc.setting != "" && !strings.HasPrefix(err.Error(), tc.setting.Chinese()+"“"):
				t.Errorf("message %q does not start with the setting's name", err)
			}
		})
	}
}

func TestParseYear(t *testing.T) {
	for in, want := range map[string]int{"": 0, "2027": 2027, " 2027年 ": 2027, "1990": 1990} {
		if y, err := ParseYear(in); err != nil || y != want {
			t.Errorf("ParseYear(%q) = %d, %v; want %d", in, y, err, want)
		}
	}
	for _, in := range []string{"明年", "2027.5", "1989", "2201", "0x7eb"} {
		var se *SettingError
		if _, err := ParseYear(in); !errors.As(err, &se) || se.Setting != SetYear || se.Value != strings.TrimSpace(in) {
			t.Errorf("ParseYear(%q): %v", in, err)
		}
	}
}

// TestLedgerInputOptions: the details reach the ledger, last year's data is
// loaded with this year's details a year earlier, a broken one is an error
// of the prior setting with its place, and a missing detail is named.
func TestLedgerInputOptions(t *testing.T) {
	const lines = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
		"901001,测试单位,行政,2010101,30101,人员类,一般公共预算,1000\n"
	li := LedgerInput{Department: "测试局", Year: 2027, Unit: "元", Prior: &File{Name: "上年.csv", Data: []byte(lines)}}
	o, err := li.Options()
	if err != nil {
		t.Fatal(err)
	}
	if o.Ledger.Info.Department != "测试局" || o.Ledger.Info.Year != 2027 || o.Build.Prior == nil ||
		o.Build.Prior.Year != 2026 || o.Build.Prior.Department != "测试局" || o.Build.PriorName != "上年.csv" {
		t.Fatalf("options: %+v, prior %v", o.Ledger.Info, o.Build.Prior != nil)
	}
	r, err := Load("ledger.csv", []byte(lines), o)
	if err != nil || r.Report == nil || r.Disclosure.Unit != "元" {
		t.Fatalf("load: %v", err)
	}

	li.Prior.Data = []byte(strings.Replace(lines, ",1000", ",12元", 1))
	_, err = li.Options()
	var se *SettingError
	if !errors.As(err, &se) || se.Setting != SetPrior || !errors.Is(err, ledger.ErrBadAmount) || !strings.Contains(err.Error(), "上年.csv:2") {
		t.Errorf("broken prior: %v", err)
	}

	_, err = Load("ledger.csv", []byte(lines), Options{Ledger: ledger.ReadOptions{Info: ledger.Info{Year: 2027}}})
	if m := MissingDetails(err); len(m) != 1 || m[0] != SetDepartment || !OnlyMissingDetails(err) {
		t.Errorf("missing department: %v %v", m, err)
	}
	_, err = Load("ledger.csv", []byte(lines+"901001,测试单位,行政,2010101,30101,人员类,一般预算,1\n"), Options{})
	if m := MissingDetails(err); len(m) != 2 || OnlyMissingDetails(err) {
		t.Errorf("missing details and a bad line: %v, only missing %v", m, OnlyMissingDetails(err))
	}
	if g := (LedgerInput{Year: 2027, Region: "天门市", Catalog: map[string]string{}}).Given(); len(g) != 2 || g[0] != SetYear || g[1] != SetRegion {
		t.Errorf("Given %v", g)
	}
}
