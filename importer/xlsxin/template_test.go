package xlsxin

import (
	"bytes"
	"flag"
	"fmt"
	"gongkai/internal/testenv"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/check"
	"gongkai/exporter/xlsx"
	"gongkai/internal/gendisclosure"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// blank returns the blank template for the year and department, as layout
// and as workbook bytes.
func blank(t testing.TB, rows int) (layout.Document, []byte) {
	t.Helper()
	d := &model.Disclosure{Department: "某某局", Year: 2027, Unit: model.UnitWanYuan}
	doc, err := templates.Blank(d, templates.Options{}, templates.BlankOptions{Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	return doc, b.Bytes()
}

// filler types a disclosure into the blank template the way a user does:
// detail rows into the input cells, nothing into the totals. It returns
// what the workbook then states: the typed rows, and every total as the sum
// of what was typed.
type filler struct {
	t     testing.TB
	f     *excelize.File
	doc   layout.Document
	names []string
}

func bodyTop(s layout.Sheet) int {
	top := 2 + s.HeaderRows
	if s.UnitLine != "" {
		top++
	}
	return top
}

func (fl *filler) put(sheet string, s layout.Sheet, row, col int, v any) {
	ref, _ := excelize.CoordinatesToCellName(col+1, bodyTop(s)+row)
	var err error
	switch v := v.(type) {
	case string:
		err = fl.f.SetCellStr(sheet, ref, v)
	case model.Amount:
		if v.IsBlank() {
			return
		}
		err = fl.f.SetCellFloat(sheet, ref, v.Decimal().InexactFloat64(), -1, 64)
	}
	if err != nil {
		fl.t.Fatal(err)
	}
}

// inputRows lists the rows of s with an input cell in column c.
func inputRows(s layout.Sheet, c int) []int {
	var out []int
	for i, r := range s.Rows {
		if c < len(r.Cells) && r.Cells[c].Input {
			out = append(out, i)
		}
	}
	return out
}

func colOf(s layout.Sheet, key string) int {
	for i, c := range s.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// fill types d and returns the expected disclosure.
func (fl *filler) fill(d *model.Disclosure) *model.Disclosure {
	want := &model.Disclosure{Department: "某某局", Year: 2027, Unit: model.UnitWanYuan}
	for i, s := range fl.doc.Sheets {
		name := fl.names[i]
		switch model.TableID(s.ID) {
		case model.T01:
			want.Tables.T01 = fl.summary(name, s, d.Tables.T01)
		case model.T04:
			want.Tables.T04 = fl.summary(name, s, d.Tables.T04)
		case model.T02, model.T03, model.T05, model.T07, model.T08, model.T09, model.T10:
			fl.rows(name, s, d, want)
		case model.T06:
			want.Tables.T06 = fl.basic(name, s, d.Tables.T06)
		}
	}
	return want
}

// rows types the detail rows (unit rows of 表二, 表七, 表九) of a table of rows.
func (fl *filler) rows(name string, s layout.Sheet, d, want *model.Disclosure) {
	id := model.TableID(s.ID)
	src := reflect.ValueOf(&d.Tables).Elem().FieldByName(strings.ToUpper(s.ID))
	dst := reflect.ValueOf(&want.Tables).Elem().FieldByName(strings.ToUpper(s.ID))
	if src.IsNil() {
		return
	}
	rows := src.Elem().FieldByName("Rows")
	slots := inputRows(s, 0)
	out := reflect.MakeSlice(rows.Type(), 1, rows.Len()+1)
	total := out.Index(0)
	total.FieldByName("Level").SetString(string(model.LevelTotal))
	label := "UnitName"
	if id == model.T06 {
		label = "Name"
	}
	total.FieldByName(label).SetString("合计")
	k := 0
	for i := 0; i < rows.Len(); i++ {
		r := rows.Index(i)
		lv := model.Level(r.FieldByName("Level").String())
		if lv != model.LevelDetail && lv != model.LevelUnit {
			continue
		}
		fl.typeRow(name, s, slots[k], r)
		k++
		out = reflect.Append(out, r)
		addAmounts(out.Index(0), r)
	}
	if k == 0 {
		return // an empty table: the template's 合计 row only
	}
	t := reflect.New(src.Elem().Type())
	t.Elem().FieldByName("Rows").Set(out)
	if f := t.Elem().FieldByName("Scheme"); f.IsValid() {
		f.SetString(model.SchemeCategory)
	}
	dst.Set(t)
}

// typeRow writes the fields of r that the sheet's columns show into layout row at.
func (fl *filler) typeRow(name string, s layout.Sheet, at int, r reflect.Value) {
	for c, col := range s.Columns {
		f := fieldByTag(r, col.Key)
		if !f.IsValid() || !s.Rows[at].Cells[c].Input {
			continue
		}
		switch v := f.Interface().(type) {
		case string:
			fl.put(name, s, at, c, v)
		case model.Amount:
			fl.put(name, s, at, c, v)
		}
	}
}

func fieldByTag(v reflect.Value, tag string) reflect.Value {
	for i := 0; i < v.NumField(); i++ {
		if strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0] == tag {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

// addAmounts adds every amount field of r to sum.
func addAmounts(sum, r reflect.Value) {
	at := reflect.TypeOf(model.Amount{})
	for i := 0; i < r.NumField(); i++ {
		if r.Field(i).Type() == at && r.Type().Field(i).Name != "Quantity" {
			a := sum.Field(i).Interface().(model.Amount)
			sum.Field(i).Set(reflect.ValueOf(a.Add(r.Field(i).Interface().(model.Amount))))
		}
	}
}

// basic types the 款 rows of 表六 under their 类 and clears the classes it
// does not use.
func (fl *filler) basic(name string, s layout.Sheet, in *model.BasicTable) *model.BasicTable {
	codeCol := colOf(s, "code")
	out := &model.BasicTable{Rows: []model.BasicRow{{Level: model.LevelTotal, Name: "合计"}}}
	for i, r := range s.Rows {
		if r.Cells[codeCol].Text == "" || !r.Cells[codeCol].Input {
			continue
		}
		class := r.Cells[codeCol].Text
		var items []model.BasicRow
		for _, b := range in.Rows {
			if b.Level == model.LevelItem && strings.HasPrefix(b.Code, class) {
				items = append(items, b)
			}
		}
		if len(items) == 0 {
			fl.put(name, s, i, codeCol, "")
			fl.put(name, s, i, colOf(s, "name"), "")
			continue
		}
		cr := model.BasicRow{Level: model.LevelClass, Code: class, Name: r.Cells[colOf(s, "name")].Text}
		for k, b := range items {
			fl.typeRow(name, s, i+1+k, reflect.ValueOf(b))
			addAmounts(reflect.ValueOf(&cr).Elem(), reflect.ValueOf(b))
		}
		addAmounts(reflect.ValueOf(&out.Rows[0]).Elem(), reflect.ValueOf(cr))
		out.Rows = append(out.Rows, cr)
		out.Rows = append(out.Rows, items...)
	}
	return out
}

// summary types 表一 or 表四: income amounts, function lines, the level 2
// category lines, economic lines and 结转下年 (and 上年结余结转 of 表一).
func (fl *filler) summary(name string, s layout.Sheet, in *model.SummaryTable) *model.SummaryTable {
	inItem, inAmt := colOf(s, "income_item"), colOf(s, "income_amount")
	fnItem, clItem := colOf(s, "function_item"), colOf(s, "class_item")
	funds := func(prefix string) []int {
		var out []int
		for i, c := range s.Columns {
			if strings.HasPrefix(c.Key, prefix+"_") && c.Kind == layout.KindAmount {
				out = append(out, i)
			}
		}
		return out
	}
	fn, cl := funds("function"), funds("class")
	putFunds := func(row int, cols []int, a model.FundAmounts) {
		for k, v := range []model.Amount{a.Total, a.General, a.GovFund, a.StateCapital} {
			if k < len(cols) {
				fl.put(name, s, row, cols[k], v)
			}
		}
	}
	addFunds := func(x, y model.FundAmounts) model.FundAmounts {
		return model.FundAmounts{Total: x.Total.Add(y.Total), General: x.General.Add(y.General), GovFund: x.GovFund.Add(y.GovFund), StateCapital: x.StateCapital.Add(y.StateCapital)}
	}
	want := &model.SummaryTable{}
	// Income: the template's rows, in order, by key.
	for i, r := range s.Rows {
		c := r.Cells[inAmt]
		if !c.Input {
			continue
		}
		label := r.Cells[inItem].Text
		if strings.HasPrefix(label, "(") {
			continue // carry-over lines, below
		}
		line := model.IncomeLine{Key: incomeKeyOf(label), Label: label}
		if line.Key == model.IncomeCarryover {
			// 表一's 上年结余结转 row is typed
			want.Carryover = in.Carryover
			fl.put(name, s, i, inAmt, in.Carryover)
			continue
		}
		for _, x := range in.Income {
			if x.Key == line.Key {
				line.Amount = x.Amount
			}
		}
		fl.put(name, s, i, inAmt, line.Amount)
		want.Income = append(want.Income, line)
		want.IncomeTotal = want.IncomeTotal.Add(line.Amount)
	}
	for k, r := range inputRows(s, fnItem) {
		if k >= len(in.Functions) {
			break
		}
		f := in.Functions[k]
		fl.put(name, s, r, fnItem, f.Code+f.Name)
		putFunds(r, fn, f.FundAmounts)
		want.Functions = append(want.Functions, model.FundLine{Code: f.Code, Name: f.Name, FundAmounts: f.FundAmounts})
		want.ExpenditureTotal = addFunds(want.ExpenditureTotal, f.FundAmounts)
	}
	// Categories: the template's lines; level 2 typed, level 1 summed.
	level1 := -1
	for i, r := range s.Rows {
		label := r.Cells[clItem].Text
		if label == "" || r.Cells[cl[0]].Input == false && len(r.Cells[cl[0]].Sum) == 0 {
			continue
		}
		var lv int
		for _, c := range []string{"一、", "二、", "三、"} {
			if strings.HasPrefix(label, c) {
				lv = 1
			}
		}
		if label == "支出类别分类" || label == "部门预算支出经济分类" || label == "本年支出合计" || label == "结转下年" || label == "支出总计" {
			continue
		}
		if lv == 1 {
			want.Categories = append(want.Categories, model.FundLine{Name: label, Level: 1})
			level1 = len(want.Categories) - 1
			continue
		}
		line := model.FundLine{Name: label, Level: 2}
		for _, x := range in.Categories {
			if x.Name == label && x.Level == 2 {
				line.FundAmounts = x.FundAmounts
			}
		}
		putFunds(i, cl, line.FundAmounts)
		want.Categories = append(want.Categories, line)
		want.Categories[level1].FundAmounts = addFunds(want.Categories[level1].FundAmounts, line.FundAmounts)
		want.CategoryTotal = addFunds(want.CategoryTotal, line.FundAmounts)
	}
	for k, r := range inputRows(s, clItem) {
		if k >= len(in.Economic) {
			break
		}
		e := in.Economic[k]
		fl.put(name, s, r, clItem, e.Code+e.Name)
		putFunds(r, cl, e.FundAmounts)
		want.Economic = append(want.Economic, model.FundLine{Code: e.Code, Name: e.Name, FundAmounts: e.FundAmounts})
		want.EconomicTotal = addFunds(want.EconomicTotal, e.FundAmounts)
	}
	// 结转下年 is typed in the middle block of the carry-over row.
	for i, r := range s.Rows {
		if r.Cells[fnItem].Text == "结转下年" {
			putFunds(i, fn, in.CarryForward)
			want.CarryForward = in.CarryForward
		}
	}
	if !want.Carryover.IsBlank() || len(in.CarryoverLines) > 0 || s.ID == "t04" {
		want.Carryover = want.Carryover.Add(model.Amount{})
	}
	want.IncomeGrandTotal = want.IncomeTotal.Add(want.Carryover)
	want.ExpenditureGrandTotal = addFunds(want.ExpenditureTotal, want.CarryForward)
	return want
}

func incomeKeyOf(label string) string {
	for _, k := range []struct{ word, key string }{
		{"一般公共预算", model.IncomeGeneral}, {"政府性基金", model.IncomeGovFund}, {"国有资本", model.IncomeStateCapital},
		{"财政专户", model.IncomeSpecialAccount}, {"单位资金", model.IncomeUnitFunds}, {"上年结余", model.IncomeCarryover},
	} {
		if strings.Contains(label, k.word) {
			return k.key
		}
	}
	return model.IncomeOther
}

// filled returns the template filled with a generated disclosure, and the
// disclosure the filled workbook states.
func filled(t testing.TB, seed uint64) ([]byte, *model.Disclosure) {
	return fillWith(t, gendisclosure.Generate(rand.New(rand.NewPCG(seed, 7)), funcName))
}

// fillWith returns the template filled with in, and the disclosure the
// filled workbook states.
func fillWith(t testing.TB, in *model.Disclosure) ([]byte, *model.Disclosure) {
	doc, b := blank(t, 40)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fl := &filler{t: t, f: f, doc: doc, names: f.GetSheetList()}
	want := fl.fill(in)
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), want
}

var filledTrips = flag.Int("filled", 60, "generated disclosures the filled-template test types into the template")

// TestFilledTemplate: the template filled as a user fills it reads back as
// what was typed, with every 合计 and subtotal the sum of the typed rows
// (formulas without stored values, evaluated by the reader): the 2023
// example and generated disclosures (-filled, 60 by default, 300 for the
// full run; two parallel halves).
func TestFilledTemplate(t *testing.T) {
	check := func(t *testing.T, name string, data []byte, want *model.Disclosure) {
		got, fs, err := Read(bytes.NewReader(data), "填报模板.xlsx", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) > 0 {
			t.Errorf("%s: findings:\n%s", name, list(fs))
		}
		if d := diff(normalise(want), normalise(got)); len(d) > 0 {
			t.Fatalf("%s: filled template reads back differently:\n%s", name, strings.Join(d, "\n"))
		}
	}
	t.Run("example", func(t *testing.T) {
		data, want := fillWith(t, loadExample(t, "tianmen-12345-2023.json"))
		check(t, "2023 example", data, want)
	})
	n := *filledTrips
	if testing.Short() {
		n = 6
	}
	for part := 0; part < 2; part++ {
		t.Run(fmt.Sprint("generated", part), func(t *testing.T) {
			t.Parallel()
			for seed := uint64(1 + part); seed <= uint64(n); seed += 2 {
				data, want := filled(t, seed)
				check(t, fmt.Sprint("seed ", seed), data, want)
			}
		})
	}
}

// TestBlankTemplateReads: the blank template itself reads without findings,
// as tables without rows and summary tables whose totals are 0.
func TestBlankTemplateReads(t *testing.T) {
	_, b := blank(t, 20)
	d, fs, err := Read(bytes.NewReader(b), "填报模板.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) > 0 {
		t.Errorf("findings:\n%s", list(fs))
	}
	if d.Department != "某某局" || d.Year != 2027 {
		t.Errorf("department %q, year %d", d.Department, d.Year)
	}
	ts := reflect.ValueOf(d.Tables)
	for i := 0; i < ts.NumField(); i++ {
		v := ts.Field(i)
		if v.IsNil() {
			continue
		}
		if rows := v.Elem().FieldByName("Rows"); rows.IsValid() && rows.Len() > 0 {
			t.Errorf("%s: %d rows read from the blank template", ts.Type().Field(i).Name, rows.Len())
		}
	}
	for _, st := range []*model.SummaryTable{d.Tables.T01, d.Tables.T04} {
		if st != nil && (!st.IncomeGrandTotal.IsZero() || !st.ExpenditureGrandTotal.Total.IsZero() || len(st.Functions) > 0) {
			t.Errorf("summary table read from the blank template: %+v", st)
		}
	}
}

// TestFilledTemplateLibreOffice: LibreOffice computes the template's
// formulas: the filled template saved by LibreOffice (with the totals it
// computed stored as cached values) reads back as the same disclosure.
func TestFilledTemplateLibreOffice(t *testing.T) {
	t.Parallel() // LibreOffice's start-up overlaps the round trips
	data, want := filled(t, 3)
	saved := testenv.LibreOfficeResave(t, "filled.xlsx", data)
	// The totals are now stored values computed by LibreOffice.
	f, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("表五 一般公共预算支出表", "E6", excelize.Options{RawCellValue: true})
	formula, _ := f.GetCellFormula("表五 一般公共预算支出表", "E6")
	f.Close()
	if v == "" || !strings.HasPrefix(formula, "SUM(") {
		t.Fatalf("表五!E6 after LibreOffice: value %q, formula %q; want a computed SUM", v, formula)
	}
	got, fs, err := Read(bytes.NewReader(saved), "filled.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Severity != model.SeverityInfo {
			t.Errorf("finding: %s", f)
		}
	}
	if d := diff(normalise(want), normalise(got)); len(d) > 0 {
		t.Fatalf("LibreOffice's totals differ:\n%s", strings.Join(d, "\n"))
	}
}

// TestTemplateStatesDepartment: a template written without --department and
// --year is told them on its 填表说明 sheet, and the reader takes them from
// there.
func TestTemplateStatesDepartment(t *testing.T) {
	doc, err := templates.Blank(&model.Disclosure{}, templates.Options{}, templates.BlankOptions{Rows: 3})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	// Rows 2 and 3 of 填表说明 are the department and year lines.
	if err := f.SetCellStr(templates.InstructionsTitle, "A2", templates.InstructionsDepartment+"测试局"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(templates.InstructionsTitle, "A3", templates.InstructionsYear+"2028"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	d, fs, err := Read(&out, "模板.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department != "测试局" || d.Year != 2028 || len(fs) != 0 {
		t.Errorf("department %q, year %d, findings:\n%s", d.Department, d.Year, list(fs))
	}
}

// TestBlankShanghaiReads: the blank Shanghai template reads without a
// profile (its titles choose it) and without any other finding.
func TestBlankShanghaiReads(t *testing.T) {
	p, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Blank(&model.Disclosure{Department: "某街道", Year: 2026, Unit: model.UnitYuan}, templates.Options{Profile: p}, templates.BlankOptions{Rows: 5})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	d, fs, err := Read(&b, "上海模板.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "shanghai 版式") {
		t.Errorf("findings:\n%s", list(fs))
	}
	if d.Department != "某街道" || d.Year != 2026 || d.Unit != model.UnitYuan {
		t.Errorf("department %q, year %d, unit %q", d.Department, d.Year, d.Unit)
	}
}

// TestFilledShanghaiTemplate: the blank Shanghai template (gongkai template
// --profile shanghai) with 表9 typed as the example prints it (万元, the
// 机关运行经费 in its last column) reads back without a profile: 表9 in the
// disclosure's 元, the 机关运行经费 as the narrative figure in 万元, and no
// error when checked.
func TestFilledShanghaiTemplate(t *testing.T) {
	p, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	in := loadExample(t, "shanghai-wanli-2025.json")
	doc, err := templates.Blank(&model.Disclosure{Department: "某街道", Year: 2025, Unit: model.UnitYuan}, templates.Options{Profile: p}, templates.BlankOptions{Rows: 5})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fl := &filler{t: t, f: f, doc: doc, names: f.GetSheetList()}
	var src model.ThreePublicRow
	for _, r := range in.Tables.T07.Rows {
		if r.Level == model.LevelTotal {
			src = r
		}
	}
	wan := func(a model.Amount) model.Amount { return model.A(a.Decimal().Shift(-4)) }
	typed := 0
	for i, s := range doc.Sheets {
		if s.ID != "t07" {
			continue
		}
		for c, v := range map[string]model.Amount{
			"total": wan(src.Total), "abroad": wan(src.Abroad), "reception": wan(src.Reception),
			"vehicle_subtotal": wan(src.VehicleSubtotal), "vehicle_purchase": wan(src.VehiclePurchase),
			"vehicle_operation":               wan(src.VehicleOperation),
			"narrative_operating_costs_total": in.Narrative.OperatingCosts.Total,
		} {
			fl.put(fl.names[i], s, 0, colOf(s, c), v)
			typed++
		}
	}
	if typed != 7 {
		t.Fatalf("typed %d cells of 表9, want 7", typed)
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	got, fs, err := Read(&out, "上海模板.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "shanghai 版式") {
		t.Errorf("findings:\n%swant only the one naming the shanghai layout", list(fs))
	}
	if got.Tables.T07 == nil || len(got.Tables.T07.Rows) != 1 {
		t.Fatalf("表9 read back as %+v, want its one row", got.Tables.T07)
	}
	r := got.Tables.T07.Rows[0]
	for name, pair := range map[string][2]model.Amount{
		"合计": {r.Total, src.Total}, "因公出国(境)费": {r.Abroad, src.Abroad}, "公务接待费": {r.Reception, src.Reception},
		"公务用车 小计": {r.VehicleSubtotal, src.VehicleSubtotal}, "购置费": {r.VehiclePurchase, src.VehiclePurchase}, "运行费": {r.VehicleOperation, src.VehicleOperation},
	} {
		if pair[0].Decimal().Cmp(pair[1].Decimal()) != 0 || pair[0].IsBlank() != pair[1].IsBlank() {
			t.Errorf("表9 %s: read %q 元, typed %q 元", name, pair[0], pair[1])
		}
	}
	if got.Narrative == nil || !got.Narrative.OperatingCosts.Total.Equal(in.Narrative.OperatingCosts.Total) || got.Narrative.Unit != model.UnitWanYuan {
		t.Errorf("机关运行经费: narrative %+v, want %s 万元", got.Narrative, in.Narrative.OperatingCosts.Total)
	}
	for _, f := range check.Disclosure(got, check.Options{Tables: p.DataTables()}) {
		if f.Severity == model.SeverityError {
			t.Errorf("check: %s", f)
		}
	}
}
