package profiles

import (
	"errors"
	"strings"
	"testing"

	"gongkai/model"
)

func TestEmbeddedProfilesLoad(t *testing.T) {
	names := Names()
	if len(names) < 1 || !contains(names, DefaultName) {
		t.Fatalf("embedded profiles %v, want %s among them", names, DefaultName)
	}
	for _, n := range names {
		p, err := Embedded(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if p.Name != n {
			t.Errorf("%s.yaml has name %q", n, p.Name)
		}
	}
	if _, err := Embedded("atlantis"); !errors.Is(err, ErrUnknownProfile) {
		t.Errorf("unknown profile: %v", err)
	}
}

func TestLeafColumnsForReaders(t *testing.T) {
	p := Default()
	t07 := p.Table("t07")
	if t07 == nil {
		t.Fatal("hubei has no t07")
	}
	var got []string
	for _, l := range t07.LeafColumns() {
		got = append(got, l.Field+"="+strings.Join(l.Words, "/"))
	}
	want := "unit_code=单位编码 unit_name=单位名称 total=合计 abroad=因公出国（境）费 " +
		"vehicle_subtotal=公务用车购置及运行维护费/小计 vehicle_purchase=公务用车购置及运行维护费/公务用车购置费 " +
		"vehicle_operation=公务用车购置及运行维护费/公务用车运行维护费 reception=公务接待费"
	if strings.Join(got, " ") != want {
		t.Errorf("leaf columns\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	leaves, _, rows := p.Table("t05").ForScheme(model.SchemeBasicProject)
	if rows != 1 || len(leaves) != 7 || leaves[5].Field != "basic" {
		t.Errorf("basic_project variant: %d rows, %d leaves", rows, len(leaves))
	}
	if p.TableFor(model.T06).ID != "t06" {
		t.Error("TableFor(t06)")
	}
}

// A minimal valid profile; the cases below break one line of it.
const good = `name: test
tables:
  - id: t07
    columns:
      - {text: 单位名称, field: unit_name}
      - text: 公务用车
        columns:
          - {text: 小计, field: vehicle_subtotal}
          - {text: 购置, field: vehicle_purchase}
      - {text: 合计, field: total}
`

func TestParseErrorsAreLocated(t *testing.T) {
	if _, err := Parse("good.yaml", []byte(good)); err != nil {
		t.Fatalf("the base profile is invalid: %v", err)
	}
	cases := []struct {
		name, text string
		line       int
		kind       error
		msg        string
	}{
		{"span too tall", strings.Replace(good, "{text: 合计, field: total}", "{text: 合计, field: total, rows: 3}", 1),
			10, ErrSpan, "column “合计” has span 3 but the header has 2 rows"},
		{"group leaves no row", strings.Replace(strings.Replace(good, "text: 公务用车\n", "text: 公务用车\n        rows: 2\n", 1), "  - id: t07\n", "  - id: t07\n    header_rows: 2\n", 1),
			7, ErrSpan, "column “公务用车” has span 2 but the header has 2 rows, leaving none"},
		{"unknown model field", strings.Replace(good, "field: vehicle_purchase", "field: vehicle_buy", 1),
			9, ErrUnknownField, `"vehicle_buy" is not a field of t07`},
		{"unknown key", strings.Replace(good, "{text: 合计, field: total}", "{text: 合计, field: total, colour: red}", 1),
			10, ErrUnknownKey, `unknown key "colour"`},
		{"duplicate id", good + "  - id: t07\n    columns: [{text: 合计, field: total}]\n",
			11, ErrDuplicateID, `table id "t07" is used twice (first at line 3)`},
		{"missing table", "name: test\ntables: []\n", 1, ErrMissingTable, "the profile has no tables"},
		{"not a model table", strings.Replace(good, "id: t07", "id: t11", 1), 3, ErrMissingTable, `data "t11" is not a model table`},
		{"no columns", "name: test\ntables:\n  - id: t06\n", 3, ErrMissingTable, `table "t06" has no columns`},
		{"bad zero", strings.Replace(good, "field: total}", "field: total, zero: maybe}", 1), 10, ErrBadValue, `zero "maybe"`},
		{"syntax", "name: test\ntables:\n  - id: [\n", 3, ErrSyntax, ""},
		{"wrong type", strings.Replace(good, "name: test", "name: [a, b]", 1), 1, ErrSyntax, "cannot unmarshal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("my.yaml", []byte(tc.text))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %v is not %v", err, tc.kind)
			}
			var pe *model.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not located", err)
			}
			if pe.File != "my.yaml" || pe.Line != tc.line {
				t.Errorf("located at %s:%d, want my.yaml:%d (%v)", pe.File, pe.Line, tc.line, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q does not say %q", err.Error(), tc.msg)
			}
		})
	}
}

func TestIssueExampleMessage(t *testing.T) {
	text := strings.Replace(good, "{text: 合计, field: total}", "{text: 合计, field: total, rows: 3}", 1)
	_, err := Parse("my.yaml", []byte(text))
	if want := "my.yaml:10: column “合计” has span 3 but the header has 2 rows"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestFields(t *testing.T) {
	var names []string
	for _, f := range Fields(model.T05) {
		names = append(names, f.Name)
	}
	for _, want := range []string{"func_code", "func_code.class", "func_code.item", "func_code.subitem", "unit_name", "basic", "narrative.operating_costs.total"} {
		if !contains(names, want) {
			t.Errorf("t05 fields lack %s", want)
		}
	}
	if _, part, ok := CodePart("func_code.item", "2010350"); !ok || part != "03" {
		t.Errorf("func_code.item of 2010350 = %q", part)
	}
	n := &model.Narrative{OperatingCosts: model.OperatingCosts{Total: model.MustAmount("464.64")}}
	if a, ok := NarrativeAmount(n, "narrative.operating_costs.total"); !ok || a.String() != "464.64" {
		t.Errorf("narrative amount %v %v", a, ok)
	}
}

func TestOpen(t *testing.T) {
	if p, err := Open(""); err != nil || p.Name != DefaultName {
		t.Errorf("Open(\"\") = %v, %v", p, err)
	}
	if _, err := Open("missing.yaml"); err == nil {
		t.Error("a missing file gives no error")
	}
}
