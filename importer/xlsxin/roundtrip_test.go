package xlsxin

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/importer/jsonin"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// export writes d as the official workbook.
func export(t testing.TB, d *model.Disclosure) []byte {
	t.Helper()
	return exportWith(t, d, nil)
}

// exportWith writes d as the official workbook of profile p (nil: the default).
func exportWith(t testing.TB, d *model.Disclosure, p *profiles.Profile) []byte {
	t.Helper()
	doc, err := templates.Document(d, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func loadExample(t testing.TB, name string) *model.Disclosure {
	t.Helper()
	b, err := examples.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := jsonin.Read(bytes.NewReader(b), name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// normalise clears what a workbook does not carry (narrative, description,
// codes of the department and region, date) and gives equal forms to what
// prints the same: the 一体化 scheme named or not, a table not given and a
// table given empty without a note of its own.
func normalise(d *model.Disclosure) *model.Disclosure {
	c := *d
	c.Narrative, c.Description, c.DepartmentCode, c.Region, c.Date = nil, "", "", "", ""
	t := &c.Tables
	exp := func(e *model.ExpenditureTable) *model.ExpenditureTable {
		if e == nil || (len(e.Rows) == 0 && e.Note == "") {
			return nil
		}
		x := *e
		if x.Scheme == "" {
			x.Scheme = model.SchemeCategory
		}
		return &x
	}
	t.T03, t.T05, t.T08, t.T10 = exp(t.T03), exp(t.T05), exp(t.T08), exp(t.T10)
	prof := profiles.Default()
	for id, st := range map[model.TableID]**model.SummaryTable{model.T01: &t.T01, model.T04: &t.T04} {
		if *st != nil && defaultLines((*st).CarryoverLines, prof.TableFor(id).CarryoverLabels()) {
			x := **st
			x.CarryoverLines = nil
			*st = &x
		}
	}
	if t.T02 != nil && len(t.T02.Rows) == 0 && t.T02.Note == "" {
		t.T02 = nil
	}
	if t.T06 != nil && len(t.T06.Rows) == 0 && t.T06.Note == "" {
		t.T06 = nil
	}
	if t.T07 != nil && len(t.T07.Rows) == 0 && t.T07.Note == "" {
		t.T07 = nil
	}
	if t.T09 != nil && len(t.T09.Rows) == 0 && t.T09.Note == "" {
		t.T09 = nil
	}
	return &c
}

// diff lists the differences between two disclosures. Amounts compare by
// value; a blank amount equals a zero one only where zeroOK (the layout
// prints some zeros as empty cells, so a stated 0 reads back blank).
func diff(a, b any) []string {
	var out []string
	amountType := reflect.TypeOf(model.Amount{})
	var walk func(x, y reflect.Value, path string)
	walk = func(x, y reflect.Value, path string) {
		if len(out) > 20 {
			return
		}
		if x.Type() == amountType {
			p, q := x.Interface().(model.Amount), y.Interface().(model.Amount)
			if !p.Equal(q) && !(p.IsZero() && q.IsZero()) {
				out = append(out, fmt.Sprintf("%s: %q != %q", path, p.String(), q.String()))
			}
			return
		}
		switch x.Kind() {
		case reflect.Pointer:
			if x.IsNil() != y.IsNil() {
				out = append(out, fmt.Sprintf("%s: nil %v != nil %v", path, x.IsNil(), y.IsNil()))
				return
			}
			if !x.IsNil() {
				walk(x.Elem(), y.Elem(), path)
			}
		case reflect.Struct:
			for i := 0; i < x.NumField(); i++ {
				walk(x.Field(i), y.Field(i), path+"."+x.Type().Field(i).Name)
			}
		case reflect.Slice:
			if x.Len() != y.Len() {
				out = append(out, fmt.Sprintf("%s: %d items != %d", path, x.Len(), y.Len()))
				return
			}
			for i := 0; i < x.Len(); i++ {
				walk(x.Index(i), y.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		default:
			if !reflect.DeepEqual(x.Interface(), y.Interface()) {
				out = append(out, fmt.Sprintf("%s: %v != %v", path, x.Interface(), y.Interface()))
			}
		}
	}
	walk(reflect.ValueOf(a), reflect.ValueOf(b), "")
	return out
}

// sameLayout: the read-back disclosure lays out exactly as the input.
func sameLayout(t *testing.T, want, got *model.Disclosure) {
	t.Helper()
	sameLayoutWith(t, want, got, nil)
}

func sameLayoutWith(t *testing.T, want, got *model.Disclosure, p *profiles.Profile) {
	t.Helper()
	dw, err := templates.Document(want, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	dg, err := templates.Document(got, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []*layout.Document{&dw, &dg} {
		for i := range doc.Sheets {
			for k := range doc.Sheets[i].Rows {
				doc.Sheets[i].Rows[k].Ref = "" // positions in the data, not printed
			}
		}
	}
	for i := range dw.Sheets {
		if !reflect.DeepEqual(dw.Sheets[i], dg.Sheets[i]) {
			t.Errorf("%s lays out differently after the round trip", dw.Sheets[i].Name)
		}
	}
}

func TestRoundTripExamples(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			p, err := profiles.Open(examples.Profile(name))
			if err != nil {
				t.Fatal(err)
			}
			in := loadExample(t, name)
			got, fs, err := Read(bytes.NewReader(exportWith(t, in, p)), "表.xlsx", Options{Profile: p})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				t.Errorf("finding: %s", f)
			}
			if d := diff(printedOnly(normalise(in), p), printedOnly(normalise(got), p)); len(d) > 0 {
				t.Errorf("model differs after the round trip:\n%s", strings.Join(d, "\n"))
			}
			// The narrative is not in the workbook, but the figures of it
			// that a profile prints beside a table (Shanghai 表9:
			// 机关运行经费) are read back, in the unit they are printed in.
			printedFiguresReadBack(t, in, got, p)
			sameLayoutWith(t, in, got, p)
		})
	}
}

// printedOnly clears what profile p does not print, so that a round trip
// compares what the workbook can carry: row fields no column shows (Shanghai
// 表2 has 财政拨款收入 but not 一般公共预算), function codes of numbered
// labels (一、一般公共服务支出), summary totals without a footer row.
func printedOnly(d *model.Disclosure, p *profiles.Profile) *model.Disclosure {
	c := *d
	tables := reflect.ValueOf(&c.Tables).Elem()
	for i := 0; i < tables.NumField(); i++ {
		tv := tables.Field(i)
		if tv.IsNil() {
			continue
		}
		id := model.TableID(strings.Split(tables.Type().Field(i).Tag.Get("json"), ",")[0])
		pt := p.TableFor(id)
		cp := reflect.New(tv.Elem().Type())
		cp.Elem().Set(tv.Elem())
		tv.Set(cp)
		if pt == nil {
			continue
		}
		if st, ok := cp.Interface().(*model.SummaryTable); ok {
			st.Functions = append([]model.FundLine(nil), st.Functions...)
			if pt.Summary.FunctionLabel == "ordinal" {
				for k := range st.Functions {
					st.Functions[k].Code = ""
				}
			}
			if pt.FooterIncomeLabel("income_total") == "" {
				st.IncomeTotal, st.ExpenditureTotal = model.Amount{}, model.FundAmounts{}
			}
			if pt.FooterIncomeLabel("carryover") == "" {
				st.Carryover, st.CarryForward, st.CarryoverLines = model.Amount{}, model.FundAmounts{}, nil
			}
			continue
		}
		rows := cp.Elem().FieldByName("Rows")
		if !rows.IsValid() {
			continue
		}
		shown := map[string]bool{"level": true}
		var scheme string
		if f := cp.Elem().FieldByName("Scheme"); f.IsValid() {
			scheme = f.String()
		}
		leaves, _, _ := pt.ForScheme(scheme)
		for _, l := range leaves {
			base, _, _ := profiles.CodePart(l.Field, "")
			shown[base] = true
		}
		out := reflect.MakeSlice(rows.Type(), rows.Len(), rows.Len())
		reflect.Copy(out, rows)
		for k := 0; k < out.Len(); k++ {
			r := out.Index(k)
			for f := 0; f < r.NumField(); f++ {
				if !shown[strings.Split(r.Type().Field(f).Tag.Get("json"), ",")[0]] {
					r.Field(f).Set(reflect.Zero(r.Field(f).Type()))
				}
			}
		}
		rows.Set(out)
	}
	return &c
}

// TestDetectProfile: without a profile, a workbook in the Shanghai layout is
// read in that layout, and the reader says so.
func TestDetectProfile(t *testing.T) {
	p, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	in := loadExample(t, "shanghai-wanli-2025.json")
	data := exportWith(t, in, p)
	got, fs, err := Read(bytes.NewReader(data), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "shanghai 版式") {
		t.Errorf("findings:\n%swant the one saying the shanghai layout was chosen", list(fs))
	}
	if d := diff(printedOnly(normalise(in), p), printedOnly(normalise(got), p)); len(d) > 0 {
		t.Errorf("read without a profile differs:\n%s", strings.Join(d, "\n"))
	}
	// What 表1 does not print is derived: function codes from the 类 rows
	// of the other tables, the year's totals from the grand totals.
	for _, pair := range [][2]*model.SummaryTable{{in.Tables.T01, got.Tables.T01}, {in.Tables.T04, got.Tables.T04}} {
		if d := diff(pair[0].Functions, pair[1].Functions); len(d) > 0 {
			t.Errorf("function lines:\n%s", strings.Join(d, "\n"))
		}
	}
	if !got.Tables.T01.IncomeTotal.Equal(in.Tables.T01.IncomeTotal) {
		t.Errorf("表1 本年收入合计 %s, want %s", got.Tables.T01.IncomeTotal, in.Tables.T01.IncomeTotal)
	}
}

// TestNotPrintedStaysBlank: Shanghai 表2 does not print 一般公共预算, so it
// reads back not stated (blank), and validating the workbook gives no X12;
// Hubei 表二 prints a 0 there as an empty cell, so an empty cell reads as 0.
func TestNotPrintedStaysBlank(t *testing.T) {
	sh, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Read(bytes.NewReader(exportWith(t, loadExample(t, "shanghai-wanli-2025.json"), sh)), "表.xlsx", Options{Profile: sh})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got.Tables.T02.Rows {
		if !r.General.IsBlank() {
			t.Errorf("Shanghai 表2 row %d: 一般公共预算 %q, want not stated", i, r.General)
		}
	}
	for _, f := range check.Disclosure(got, check.Options{}) {
		if f.Rule == "X12" {
			t.Errorf("finding on a figure the layout does not print: %s", f)
		}
	}

	in := loadExample(t, "tianmen-12345-2026.json")
	for i := range in.Tables.T02.Rows {
		in.Tables.T02.Rows[i].GovFund = model.Amount{}
	}
	hb, _, err := Read(bytes.NewReader(export(t, in)), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range hb.Tables.T02.Rows {
		if r.GovFund.IsBlank() || !r.GovFund.IsZero() {
			t.Errorf("Hubei 表二 row %d: 政府性基金预算 %q, want 0 (printed as an empty cell)", i, r.GovFund)
		}
	}

	// Hubei 表四 with 一般公共预算 0 (printed as an empty cell) while 表二
	// states it: read back as 0, so X12 still reports the difference.
	in = loadExample(t, "tianmen-12345-2026.json")
	for i := range in.Tables.T04.Income {
		if in.Tables.T04.Income[i].Key == model.IncomeGeneral {
			in.Tables.T04.Income[i].Amount = model.MustAmount("0.00")
		}
	}
	hb, _, err = Read(bytes.NewReader(export(t, in)), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	x12 := 0
	for _, f := range check.Disclosure(hb, check.Options{}) {
		if f.Rule == "X12" {
			x12++
		}
	}
	if x12 != 1 {
		t.Errorf("Hubei 表四 一般公共预算 0 printed as an empty cell against 表二's: %d X12 findings, want 1", x12)
	}
}

// printedFiguresReadBack: every narrative figure profile p prints is read
// back with the value the input states (converted to the input's narrative
// unit), and a figure not printed is not invented.
func printedFiguresReadBack(t *testing.T, in, got *model.Disclosure, p *profiles.Profile) {
	t.Helper()
	n := 0
	for _, pt := range p.Tables {
		leaves, _, _ := pt.ForScheme("")
		for _, l := range leaves {
			if !strings.HasPrefix(l.Field, "narrative.") {
				continue
			}
			want, _ := profiles.NarrativeAmount(in.Narrative, l.Field)
			have, _ := profiles.NarrativeAmount(got.Narrative, l.Field)
			if want.IsBlank() {
				if !have.IsBlank() {
					t.Errorf("%s: read %s, the input states nothing", l.Field, have)
				}
				continue
			}
			n++
			if got.Narrative == nil || got.Narrative.Unit != in.Narrative.Unit && !(got.Narrative.Unit == "" && in.Narrative.Unit == in.Unit) {
				t.Errorf("%s read back in unit %q, want %q", l.Field, unitOf(got.Narrative), in.Narrative.Unit)
			}
			if !have.Equal(want) && have.Decimal().Cmp(want.Decimal()) != 0 {
				t.Errorf("%s read back as %q, want %q", l.Field, have, want)
			}
		}
	}
	if got.Narrative != nil && n == 0 {
		t.Errorf("a narrative was read from a workbook that prints none of its figures")
	}
}

func unitOf(n *model.Narrative) string {
	if n == nil {
		return "(no narrative)"
	}
	return n.Unit
}
