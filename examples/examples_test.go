package examples_test

import (
	"bytes"
	"fmt"
	"testing"

	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/model"
)

func TestEveryExampleReads(t *testing.T) {
	names := examples.Names()
	if len(names) < 2 {
		t.Fatalf("Names() = %v, want the 2023 and 2026 examples", names)
	}
	for _, name := range names {
		b, err := examples.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := jsonin.Read(bytes.NewReader(b), name)
		if err != nil {
			t.Errorf("%s:\n%v", name, err)
			continue
		}
		wantDept, wantUnit := "天门市12345公共服务热线中心", model.UnitWanYuan
		if examples.Profile(name) == "shanghai" {
			wantDept, wantUnit = "上海市普陀区人民政府万里街道办事处", model.UnitYuan
		}
		if d.Department != wantDept || d.Unit != wantUnit || d.Narrative == nil || d.Description == "" {
			t.Errorf("%s: department %q unit %q, narrative and description must be present", name, d.Department, d.Unit)
		}
		if d.Narrative != nil && (d.Narrative.Year == nil || *d.Narrative.Year != d.Year) {
			t.Errorf("%s: narrative year differs from the disclosure's %d", name, d.Year)
		}
	}
}

func TestSampleHoldsTheTenTables(t *testing.T) {
	d, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	if d.Year != 2023 || d.DepartmentCode != "526003" {
		t.Errorf("sample is %d %s, want the 2023 example of 526003", d.Year, d.DepartmentCode)
	}
	for _, id := range model.AllTables {
		if !d.Tables.Present(id) {
			t.Errorf("%s %s is missing from the sample", id.Number(), id.Name())
		}
	}
	ts := d.Tables
	// 表八、九、十 are given as empty tables; the others have rows.
	if len(ts.T08.Rows)+len(ts.T09.Rows)+len(ts.T10.Rows) != 0 {
		t.Errorf("表八、九、十 must be empty")
	}
	if len(ts.T03.Rows) != 8 || len(ts.T05.Rows) != 8 || len(ts.T06.Rows) != 25 || len(ts.T04.Functions) != 27 {
		t.Errorf("rows: 表三 %d 表五 %d 表六 %d 表四 functions %d; want 8, 8, 25, 27 as printed in 2023",
			len(ts.T03.Rows), len(ts.T05.Rows), len(ts.T06.Rows), len(ts.T04.Functions))
	}
}

// The seed's three narrative mistakes are corrected in the example (the
// checker's fixtures keep them); the numbers the text states stay as stated.
func TestSampleNarrativeCorrected(t *testing.T) {
	d, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	n := d.Narrative
	checks := []struct {
		what string
		got  model.Amount
		want string
	}{
		{"V1 公务接待费", n.ThreePublic.Reception, "0.12"},
		{"三公 total", n.ThreePublic.Total, "0.12"},
		{"三公 change keeps 5 places", n.ThreePublic.Change, "-0.01356"},
		{"国有资产 keeps 4 places", n.Assets.Total, "194.0179"},
		{"收入 change", n.Income.Change, "-121.52"},
		{"表四 223 row", d.Tables.T04.Functions[25].Total, "0.00"},
	}
	for _, c := range checks {
		if c.got.String() != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if w := n.Words["expenditure.change"]; w != "减少" {
		t.Errorf("V2: expenditure change word %q, want 减少", w)
	}
	var housing bool
	for _, f := range n.Expenditure.ByFunction {
		housing = housing || f.Name == "住房保障支出" && f.Amount.String() == "3.87" && f.Percent.String() == "1.67"
	}
	if !housing {
		t.Errorf("V3: 本年支出构成 lacks 住房保障支出 3.87 (1.67%%)")
	}
	if c := d.Tables.T04.Functions[25].Code; c != "223" {
		t.Errorf("表四 row 26 code %s, want 223 (OCR 228 corrected)", c)
	}
}

func TestGet(t *testing.T) {
	a, err := examples.Get("tianmen-12345-2026")
	if err != nil || len(a) == 0 {
		t.Errorf("Get without .json: %v", err)
	}
	if _, err := examples.Get("nope.json"); err == nil {
		t.Errorf("Get of an unknown name gave no error")
	}
}

func ExampleNames() {
	for _, n := range examples.Names() {
		fmt.Println(n)
	}
	// Output:
	// shanghai-wanli-2025.json
	// tianmen-12345-2023.json
	// tianmen-12345-2026.json
}
