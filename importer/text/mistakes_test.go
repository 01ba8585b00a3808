package text

import (
	"testing"

	"gongkai/check"
	"gongkai/model"
)

// The seed mistakes of spec/forms.md §8 that are about numbers and wording
// come out as findings once the parsed seeds go through the check package
// (as `gongkai parse` and `gongkai convert` do): the parser keeps what the
// text states, check reports what does not agree.
func TestSeedMistakesBecomeFindings(t *testing.T) {
	r23, err := ParseFile(seedPath(t, seed2023))
	if err != nil {
		t.Fatal(err)
	}
	r26, err := ParseFile(seedPath(t, seed2026))
	if err != nil {
		t.Fatal(err)
	}
	f23 := append(append([]model.Finding{}, r23.Findings...), check.Disclosure(r23.Disclosure, check.Options{})...)
	f26 := append(append([]model.Finding{}, r26.Findings...), check.Disclosure(r26.Disclosure, check.Options{})...)
	has := func(fs []model.Finding, sev model.Severity, field string, line int) bool {
		for _, f := range fs {
			if f.Severity == sev && (field == "" || f.Field == field) && (line == 0 || f.Line == line) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		v     string
		fs    []model.Finding
		sev   model.Severity
		field string
		line  int
	}{
		{"V1 公务接待费 1.2 > 三公 0.12", f23, model.SeverityError, "three_public.reception", 74},
		{"V2 增加减少", f23, model.SeverityError, "expenditure.change", 66},
		{"V3 支出构成 omits 住房保障", f23, model.SeverityError, "expenditure.by_function", 0},
		{"V8 编制 7 vs 事业编制 6", f23, model.SeverityWarning, "", 58},
		{"V11 增加0万元", f23, model.SeverityInfo, "procurement.change", 78},
		{"V13 % and ％ mixed", f26, model.SeverityInfo, "", 0},
	} {
		if !has(c.fs, c.sev, c.field, c.line) {
			t.Errorf("%s: no %s finding (field %q, line %d)", c.v, c.sev, c.field, c.line)
		}
	}
	// V5, V6, V7 are rounding differences within tolerance: no error.
	for _, f := range f23 {
		if f.Severity == model.SeverityError && (f.Table == model.T03 || f.Table == model.T04 || f.Table == model.T05) {
			t.Errorf("V5/V6: rounding reported as an error: %v", f)
		}
	}
	for _, f := range f26 {
		if f.Severity == model.SeverityError {
			t.Errorf("V7: the 2026 seed has no error, got %v", f)
		}
	}
}
