package jsonin

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"gongkai/model"
)

// marker shows where an expected error points (csv-style position markers):
// it is removed from the input before reading, and its line and column are
// the expected position, so nothing is counted by hand.
const marker = "∑"

// markers strips the markers from in and returns their positions in order.
func markers(in string) (string, [][2]int) {
	var pos [][2]int
	var out strings.Builder
	line, col := 1, 1
	for len(in) > 0 {
		if strings.HasPrefix(in, marker) {
			pos = append(pos, [2]int{line, col})
			in = in[len(marker):]
			continue
		}
		r, n := utf8.DecodeRuneInString(in)
		out.WriteString(in[:n])
		in = in[n:]
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return out.String(), pos
}

// head is a valid start of a disclosure for the cases below.
const head = `"department": "天门市12345公共服务热线中心", "year": 2023, "unit": "万元"`

type want struct {
	path string
	err  error
}

func TestReadBadInput(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"bad amount with its path", `{` + head + `, "tables": {"t05": {"rows": [
  {"level": "total"}, {"level": "section"}, {"level": "department"},
  {"level": "detail", "total": ∑"12,3x"}]}}}`,
			[]want{{"tables.t05.rows[3].total", model.ErrNotAmount}}},
		{"thousands separator in a string", `{` + head + `, "tables": {"t02": {"rows": [{"level": "total", "general": ∑"1,234.00"}]}}}`,
			[]want{{"tables.t02.rows[0].general", model.ErrNotAmount}}},
		{"amount that is true", `{` + head + `, "narrative": {"income": {"total": ∑true}}}`,
			[]want{{"narrative.income.total", model.ErrNotAmount}}},
		{"amount with an exponent", `{` + head + `, "narrative": {"assets": {"total": ∑1e3}}}`,
			[]want{{"narrative.assets.total", model.ErrNotAmount}}},
		{"unknown top-level field", `{` + head + `, ∑"departement_code": "526003"}`,
			[]want{{"departement_code", model.ErrUnknownField}}},
		{"unknown field in a row", `{` + head + `, "tables": {"t06": {"rows": [{"level": "total", "name": "合计", ∑"totl": "1.00"}]}}}`,
			[]want{{"tables.t06.rows[0].totl", model.ErrUnknownField}}},
		{"unknown table", `{` + head + `, "tables": {∑"t11": {"rows": []}}}`,
			[]want{{"tables.t11", model.ErrUnknownField}}},
		{"missing year and unit", `∑∑{"department": "x"}`,
			[]want{{"year", model.ErrMissingField}, {"unit", model.ErrMissingField}}},
		{"missing level", `{` + head + `, "tables": {"t03": {"rows": [∑{"total": "1.00"}]}}}`,
			[]want{{"tables.t03.rows[0].level", model.ErrMissingField}}},
		{"unit not 万元 or 元", `{"department": "x", "year": 2023, "unit": ∑"千元"}`,
			[]want{{"unit", model.ErrBadValue}}},
		{"level not a model level", `{` + head + `, "tables": {"t07": {"rows": [{"level": ∑"subtotal"}]}}}`,
			[]want{{"tables.t07.rows[0].level", model.ErrBadValue}}},
		{"level no table has", `{` + head + `, "tables": {"t05": {"rows": [{"level": ∑"subunit"}]}}}`,
			[]want{{"tables.t05.rows[0].level", model.ErrBadValue}}},
		{"bad scheme", `{` + head + `, "tables": {"t03": {"scheme": ∑"basic", "rows": []}}}`,
			[]want{{"tables.t03.scheme", model.ErrBadValue}}},
		{"bad income key", `{` + head + `, "tables": {"t04": {"income": [{"key": ∑"general_budget", "label": "一、…"}]}}}`,
			[]want{{"tables.t04.income[0].key", model.ErrBadValue}}},
		{"bad category key", `{` + head + `, "narrative": {"expenditure": {"by_category": {∑"人员支出": "1"}}}}`,
			[]want{{`narrative.expenditure.by_category["人员支出"]`, model.ErrBadValue}}},
		{"code given as a number", `{` + head + `, "department_code": ∑526003}`,
			[]want{{"department_code", model.ErrBadValue}}},
		{"year as text", `{"department": "x", "year": ∑"2023", "unit": "元"}`,
			[]want{{"year", model.ErrBadValue}}},
		{"year out of range", `{"department": "x", "year": ∑223, "unit": "元"}`,
			[]want{{"year", model.ErrBadValue}}},
		{"bad date", `{` + head + `, "date": ∑"2023-02-30"}`,
			[]want{{"date", model.ErrBadValue}}},
		{"field given twice", `{` + head + `, ∑"year": 2024}`,
			[]want{{"year", model.ErrBadValue}}},
		{"flag that is text", `{` + head + `, "narrative": {"operating_costs": {"partial": ∑"yes"}}}`,
			[]want{{"narrative.operating_costs.partial", model.ErrBadValue}}},
		{"rows not a list", `{` + head + `, "tables": {"t08": {"rows": ∑{}}}}`,
			[]want{{"tables.t08.rows", model.ErrBadValue}}},
		{"not an object", `∑["x"]`, []want{{"", model.ErrBadValue}}},
		{"every problem at once", `{"department": "x", "year": 2023, "unit": ∑"元元",
  "tables": {"t05": {"rows": [{"level": "total", "total": ∑"abc", ∑"x": 1}]}},
  "narrative": {"three_public": {"reception": ∑"1.2万元"}}}`,
			[]want{{"unit", model.ErrBadValue}, {"tables.t05.rows[0].total", model.ErrNotAmount},
				{"tables.t05.rows[0].x", model.ErrUnknownField}, {"narrative.three_public.reception", model.ErrNotAmount}}},
		// Syntax and encoding: one error with its line and column.
		{"missing comma", "{\n  \"department\": \"x\",\n  \"year\": 2023\n  ∑\"unit\": \"万元\"\n}", []want{{"", model.ErrSyntax}}},
		{"trailing comma", `{"department": "x",∑}`, []want{{"", model.ErrSyntax}}},
		{"thousands separator in a number", `{"a": 1,∑234}`, []want{{"", model.ErrSyntax}}},
		{"full-width colon", `{"department"∑：“x”}`, []want{{"", model.ErrSyntax}}},
		{"unterminated string", "{\"department\": ∑\"x\n}", []want{{"", model.ErrSyntax}}},
		{"empty input", `∑`, []want{{"", model.ErrSyntax}}},
		{"text after the object", `{` + head + `} ∑x`, []want{{"", model.ErrSyntax}}},
		{"invalid UTF-8", "{\"department\": ∑\"\xff\"}", []want{{"", model.ErrEncoding}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, pos := markers(tc.in)
			if len(pos) != len(tc.want) {
				t.Fatalf("test case has %d markers for %d errors", len(pos), len(tc.want))
			}
			d, err := Read(strings.NewReader(in), "budget.json")
			if d != nil {
				t.Errorf("got a disclosure with an error")
			}
			var pes model.ParseErrors
			if !errors.As(err, &pes) {
				t.Fatalf("error %v (%T) is not model.ParseErrors", err, err)
			}
			if len(pes) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(pes), len(tc.want), err)
			}
			for i, w := range tc.want {
				pe := pes[i]
				if pe.File != "budget.json" || pe.Path != w.path || !errors.Is(pe, w.err) ||
					pe.Line != pos[i][0] || pe.Column != pos[i][1] {
					t.Errorf("error %d = %v\n(file %q line %d col %d path %q), want line %d col %d path %q, errors.Is %v",
						i, pe, pe.File, pe.Line, pe.Column, pe.Path, pos[i][0], pos[i][1], w.path, w.err)
				}
			}
			if !errors.Is(err, tc.want[0].err) {
				t.Errorf("errors.Is(err, %v) = false on the list", tc.want[0].err)
			}
		})
	}
}

// The message a user sees names the file, the place, the path and the value.
func TestReadMessage(t *testing.T) {
	in := `{` + head + `, "tables": {"t05": {"rows": [{"level": "total"}, {"level": "section"}, {"level": "department"}, {"level": "detail", "total": "12,3x"}]}}}`
	_, err := Read(strings.NewReader(in), "budget.json")
	if err == nil {
		t.Fatal("no error")
	}
	const want = `budget.json:1:`
	msg := err.Error()
	if !strings.HasPrefix(msg, want) || !strings.Contains(msg, `: tables.t05.rows[3].total: "12,3x" 不是金额`) {
		t.Errorf("message %q", msg)
	}
}

func TestReadValues(t *testing.T) {
	in := "\uFEFF" + `{"$schema": "../docs/disclosure.schema.json", ` + head + `,
	  "tables": {"t03": {"rows": [{"level": "total", "unit_name": "合计", "total": 180.00, "personnel": "", "public": null, "specific": "0.00"}]},
	             "t08": {"rows": []}},
	  "narrative": {"year": null, "three_public": {"change": "-0.01356"}, "staffing": {"kinds": {"事业编制": 6}},
	                "words": {"income.change": "减少"}, "lines": {"income.total": 12}}}`
	d, err := Read(strings.NewReader(in), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	r := d.Tables.T03.Rows[0]
	if got := r.Total.String(); got != "180.00" {
		t.Errorf("JSON number 180.00 read as %q, want the stated precision", got)
	}
	if !r.Personnel.IsBlank() || !r.Public.IsBlank() || !r.OtherOperating.IsBlank() {
		t.Errorf(`"" / null / absent must be blank cells`)
	}
	if r.Specific.IsBlank() || !r.Specific.IsZero() {
		t.Errorf(`"0.00" must be a stated zero, not blank`)
	}
	if d.Tables.T08 == nil || d.Tables.T08.Rows == nil || len(d.Tables.T08.Rows) != 0 {
		t.Errorf("rows: [] must give a present, empty table")
	}
	if d.Tables.T01 != nil {
		t.Errorf("an absent table must be nil")
	}
	n := d.Narrative
	if n.Year != nil || n.ThreePublic.Change.String() != "-0.01356" || n.Staffing.Kinds["事业编制"].String() != "6" ||
		n.Words["income.change"] != "减少" || n.Lines["income.total"] != 12 {
		t.Errorf("narrative read as %+v", n)
	}
}

func TestReadEncodings(t *testing.T) {
	src := `{"department": "天门市", "year": 2023, "unit": "万元"}`
	u := utf16.Encode([]rune(src))
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, c := range u {
		le = append(le, byte(c), byte(c>>8))
		be = append(be, byte(c>>8), byte(c))
	}
	for name, b := range map[string][]byte{"utf8": []byte(src), "bom": append([]byte("\uFEFF"), src...), "utf16le": le, "utf16be": be} {
		d, err := Read(bytes.NewReader(b), name)
		if err != nil || d.Department != "天门市" {
			t.Errorf("%s: %v %+v", name, err, d)
		}
	}
}

func examplePaths(t testing.TB) []string {
	ps, err := filepath.Glob("../../examples/*.json")
	if err != nil || len(ps) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return ps
}

// Reading an example, writing it with encoding/json and reading that again
// gives the same disclosure; encoding/json reads the example the same way.
func TestRoundTrip(t *testing.T) {
	for _, p := range examplePaths(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d1, err := ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b1, err := json.MarshalIndent(d1, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			d2, err := Read(bytes.NewReader(b1), "marshalled.json")
			if err != nil {
				t.Fatal(err)
			}
			b2, _ := json.MarshalIndent(d2, "", "  ")
			if !bytes.Equal(b1, b2) {
				t.Errorf("round trip changed the disclosure")
			}
			raw, _ := os.ReadFile(p)
			var d3 model.Disclosure
			if err := json.Unmarshal(raw, &d3); err != nil {
				t.Fatal(err)
			}
			b3, _ := json.MarshalIndent(&d3, "", "  ")
			if !bytes.Equal(b1, b3) {
				t.Errorf("jsonin and encoding/json read the example differently")
			}
		})
	}
}

func TestReadFileNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "budget.json")
	if err := os.WriteFile(p, []byte(`{"department": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p)
	var pe *model.ParseError
	if !errors.As(err, &pe) || pe.File != p {
		t.Errorf("error %v does not name %s", err, p)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func BenchmarkRead(b *testing.B) {
	raw, err := os.ReadFile("../../examples/tianmen-12345-2023.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(raw), "x.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// The worked example in docs/input-format.md reads without error.
func TestDocExampleReads(t *testing.T) {
	b, err := os.ReadFile("../../docs/input-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```json\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no ```json block in docs/input-format.md")
	}
	d, err := Read(strings.NewReader(block), "input-format.md")
	if err != nil {
		t.Fatal(err)
	}
	if d.Tables.T08 == nil || d.Tables.T06.Rows[2].Total.String() != "1.50" {
		t.Errorf("doc example read as %+v", d.Tables)
	}
}

// TestReadPartialFlag: the 机关运行经费 of only the 行政 and 参公 units, as
// build writes it ("partial": true), reads back.
func TestReadPartialFlag(t *testing.T) {
	for in, want := range map[string]bool{`true`: true, `false`: false, `null`: false} {
		d, err := ReadBytes([]byte(`{`+head+`, "narrative": {"operating_costs": {"total": "8.67", "partial": `+in+`}}}`), "budget.json")
		if err != nil {
			t.Fatalf("partial %s: %v", in, err)
		}
		if got := d.Narrative.OperatingCosts.Partial; got != want {
			t.Errorf("partial %s: read %v", in, got)
		}
	}
}
