package check_test

import (
	"gongkai/internal/testenv"

	"testing"

	"gongkai/check"
	"gongkai/importer/text"
	"gongkai/model"
)

// TestSeedsEndToEnd reads the two seed texts with importer/text and checks
// them: the mistakes of spec/forms.md §8 that live in data are found, and
// nothing else is an error. The seeds sit in ../shared beside the
// repository; without them the test is skipped.
func TestSeedsEndToEnd(t *testing.T) {
	type key struct {
		rule  string
		sev   model.Severity
		table model.TableID
		where string // Field for the narrative, Row for a table ("" = any)
	}
	E, W, I := model.SeverityError, model.SeverityWarning, model.SeverityInfo
	tests := []struct {
		file   string
		want   map[key]string // → the §8 mistake
		errors int
	}{
		{"000_f97d38f6104f5813.txt", map[key]string{
			{"N7", E, "", "three_public.reception"}:                "V1",
			{"N9", E, "", "expenditure.change"}:                    "V2",
			{"N5", E, "", "expenditure.by_function"}:               "V3",
			{"N5", W, "", "expenditure.by_function[2]"}:            "V4",
			{"N11", W, "", "staffing.authorized"}:                  "V8",
			{"PREC", I, "", ""}:                                    "V10",
			{"N9", I, "", "procurement.change"}:                    "V11",
			{"C-NAME", W, model.T04, "209 教育支出"}:                   "V15",
			{"C-FUNC", W, model.T04, "228 国有资本经营支出"}:               "V15",
			{"C-LABEL", W, model.T04, ""}:                          "V16",
			{"C-UNIT", W, model.T03, ""}:                           "V17",
			{"T-MISS", W, "", ""}:                                  "V20",
			{"N9", E, "", "three_public.reception_change_percent"}: "V1 (10.15% of 1.2)",
		}, 4},
		{"001_afc552fd0bb8e3bc.txt", map[key]string{
			{"N5", W, "", "expenditure.by_function[2]"}: "V4",
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p := testenv.Seed(t, tc.file)
			res, err := text.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fs := check.Disclosure(res.Disclosure, check.Options{})
			errs := 0
			for _, f := range fs {
				if f.Severity == model.SeverityError {
					errs++
				}
			}
			if errs != tc.errors {
				t.Errorf("%d errors, want %d", errs, tc.errors)
			}
			for k, v := range tc.want {
				found := false
				for _, f := range fs {
					where := f.Row
					if f.Table == "" {
						where = f.Field
					}
					found = found || f.Rule == k.rule && f.Severity == k.sev && f.Table == k.table && (k.where == "" || where == k.where)
				}
				if !found {
					t.Errorf("%s not found: want %s %s %s %q", v, k.sev, k.rule, k.table, k.where)
				}
			}
			if t.Failed() {
				for _, f := range fs {
					t.Logf("got %s [%s|%s|%s]", f, f.Table, f.Row, f.Field)
				}
			}
		})
	}
}
