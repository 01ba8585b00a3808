package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

// TestInputCells: live totals become SUM formulas over the body cells they
// name, input cells are unlocked and validated by their column's kind, and a
// protected sheet has no password.
func TestInputCells(t *testing.T) {
	in := layout.Cell{Empty: true, Input: true}
	s := layout.Sheet{
		ID: "t", Name: "表", Title: "表", UnitLine: "单位：万元", Decimals: 2, Protect: true,
		Columns:    []layout.Column{{Key: "code", Kind: layout.KindCode, Width: 4, CodeLen: []int{7}}, {Key: "total", Kind: layout.KindAmount, Width: 6}},
		Header:     []layout.HeaderCell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "编码"}, {Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "金额"}},
		HeaderRows: 1,
		Rows: []layout.Row{
			{Cells: []layout.Cell{layout.TextCell("合计"), {Text: "0.00", Numeric: true, Sum: []layout.CellRef{{Row: 1, Col: 1}, {Row: 2, Col: 1}, {Row: 4, Col: 1}}}}},
			{Cells: []layout.Cell{in, in}}, {Cells: []layout.Cell{in, in}}, {Cells: []layout.Cell{in, in}}, {Cells: []layout.Cell{in, in}},
		},
	}
	var b bytes.Buffer
	if err := Write(&b, layout.Document{Sheets: []layout.Sheet{s}}, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Title row 1, units row 2, header row 3: the body starts on row 4.
	if got, _ := f.GetCellFormula("表", "B4"); got != "SUM(B5:B6,B8)" {
		t.Errorf("B4 formula %q, want SUM(B5:B6,B8)", got)
	}
	dvs, err := f.GetDataValidations("表")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type
	}
	if kinds["A5:A8"] != "textLength" || kinds["B5:B8"] != "decimal" {
		t.Errorf("data validations %v, want textLength on A5:A8 and decimal on B5:B8", kinds)
	}
	locked := func(cell string) bool {
		id, _ := f.GetCellStyle("表", cell)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked("A3") || !locked("B4") || locked("B5") || locked("A8") {
		t.Errorf("locked: header %v, total %v, input %v %v; want true true false false", locked("A3"), locked("B4"), locked("B5"), locked("A8"))
	}
	props, err := f.GetSheetProtection("表")
	if err != nil || props.Password != "" {
		t.Errorf("sheet protection %+v, %v: want protected without password", props, err)
	}
}
