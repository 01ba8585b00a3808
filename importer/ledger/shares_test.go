package ledger_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gongkai/check"
	"gongkai/importer/ledger"
	"gongkai/model"
)

// Three function classes of 1.00 万元 each: the shares of 本年支出构成 are
// the document's (largest remainder, 33.34 + 33.33 + 33.33 = 100.00), which
// check accepts in exact mode; shares off that rule are N5 errors in exact
// mode (within 0.01 of the exact share and adding up to 100, the tolerant
// check still takes them as another remainder rounding).
func TestSharesRule(t *testing.T) {
	text := hdr + "\n" +
		"901001,测试单位,行政,2010101,行政运行,30101,基本工资,人员类,一般公共预算,,,,,,10000\n" +
		"901001,测试单位,行政,2080505,机关事业单位基本养老保险缴费支出,30108,机关事业单位基本养老保险缴费,人员类,一般公共预算,,,,,,10000\n" +
		"901001,测试单位,行政,2101101,行政单位医疗,30110,职工基本医疗保险缴费,人员类,一般公共预算,,,,,,10000\n"
	d, _, err := ledger.Load("ledger.csv", []byte(text), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range d.Narrative.Expenditure.ByFunction {
		got = append(got, f.Percent.String())
	}
	if strings.Join(got, " ") != "33.34 33.33 33.33" {
		t.Errorf("shares %v, want 33.34 33.33 33.33", got)
	}
	n5 := func(o check.Options) []string {
		var out []string
		for _, f := range check.Disclosure(d, o) {
			if f.Rule == "N5" {
				out = append(out, f.Field+": "+f.Message)
			}
		}
		return out
	}
	if fs := n5(check.Options{Exact: true}); len(fs) != 0 {
		t.Errorf("exact check of the built shares: %v", fs)
	}
	bf := d.Narrative.Expenditure.ByFunction
	cent := decimal.New(1, -2)
	bf[0].Percent, bf[2].Percent = model.A(bf[0].Percent.Decimal().Add(cent)), model.A(bf[2].Percent.Decimal().Sub(cent))
	fs := n5(check.Options{Exact: true})
	if len(fs) != 2 || !strings.HasPrefix(fs[0], "expenditure.by_function[0]: ") || !strings.HasPrefix(fs[1], "expenditure.by_function[2]: ") {
		t.Errorf("exact check of 33.35 33.33 33.32: %v", fs)
	}
	if fs := n5(check.Options{}); len(fs) != 0 {
		t.Errorf("tolerant check of 33.35 33.33 33.32: %v", fs)
	}
}
