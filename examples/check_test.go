package examples_test

import (
	"bytes"
	"testing"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/model"
)

// The 2023 example is consistent: the checker finds no error in it (the
// rounding differences of spec §3.6 are within tolerance; warnings such as
// the outdated class name 医疗卫生支出 are allowed).
func TestSampleHasNoCheckErrors(t *testing.T) {
	d, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	fs := check.Disclosure(d, check.Options{})
	for _, f := range fs {
		if f.Severity == model.SeverityError {
			t.Errorf("%s", f)
		} else {
			t.Logf("%s", f)
		}
	}
}

// The Shanghai example states the published figures of 万里街道 2025: the
// checker finds no error in them (the tables in 元 add up within whole-元
// rounding; the narrative in 万元 is not compared with the tables).
func TestShanghaiHasNoCheckErrors(t *testing.T) {
	b, err := examples.Get("shanghai-wanli-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := jsonin.Read(bytes.NewReader(b), "shanghai-wanli-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range check.Disclosure(d, check.Options{}) {
		if f.Severity == model.SeverityError {
			t.Errorf("%s", f)
		}
	}
}

// The Shanghai narrative (万元) is compared with its tables (元) converted
// exactly: the stated 18976.76 agrees with 189,767,551 元, a changed figure
// does not.
func TestShanghaiNarrativeComparedAcrossUnits(t *testing.T) {
	b, _ := examples.Get("shanghai-wanli-2025.json")
	d, err := jsonin.Read(bytes.NewReader(b), "shanghai-wanli-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	d.Narrative.Income.Total = model.MustAmount("18977.76")
	d.Narrative.ThreePublic.Reception = model.MustAmount("1.53")
	rules := map[string]bool{}
	for _, f := range check.Disclosure(d, check.Options{}) {
		if f.Severity == model.SeverityError {
			rules[f.Rule+" "+f.Field] = true
		}
	}
	for _, want := range []string{"N1 income.total", "N7 three_public.reception"} {
		if !rules[want] {
			t.Errorf("no %s error for a figure that differs from the converted table (got %v)", want, rules)
		}
	}
}
