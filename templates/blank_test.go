package templates

import (
	"testing"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

func sheetByID(doc layout.Document, id string) *layout.Sheet {
	for i := range doc.Sheets {
		if doc.Sheets[i].ID == id {
			return &doc.Sheets[i]
		}
	}
	return nil
}

// TestBlank: the template starts with 填表说明; a table of rows has its
// 合计 adding up every input row; every table is protected.
func TestBlank(t *testing.T) {
	doc, err := Blank(&model.Disclosure{Department: "某某局", Year: 2027}, Options{}, BlankOptions{Rows: 5})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Sheets[0].Title != InstructionsTitle || doc.Sheets[0].Rows[0].Cells[0].Text != InstructionsDepartment+"某某局" {
		t.Errorf("first sheet %q, first line %q", doc.Sheets[0].Title, doc.Sheets[0].Rows[0].Cells[0].Text)
	}
	s := sheetByID(doc, "t05")
	total := s.Rows[0]
	if total.Cells[4].Sum == nil || len(total.Cells[4].Sum) != 5 || !s.Rows[5].Cells[4].Input || !s.Protect {
		t.Errorf("表五: 合计 sums %v, last row input %v, protected %v", total.Cells[4].Sum, s.Rows[5].Cells[4].Input, s.Protect)
	}
	for _, r := range s.Rows[1:] {
		if !r.Cells[0].Input || s.Columns[0].CodeLen == nil {
			t.Fatalf("表五: a detail row's code cell is not an input with a length rule")
		}
	}
}

// TestBlankShanghai: the 合计 printed last still adds up the rows above it;
// a table of amounts only is one input row; 收入总计 adds up the top income
// lines, 一、财政拨款收入 its numbered lines.
func TestBlankShanghai(t *testing.T) {
	p, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Blank(&model.Disclosure{Year: 2026}, Options{Profile: p}, BlankOptions{Rows: 4})
	if err != nil {
		t.Fatal(err)
	}
	t2 := sheetByID(doc, "t02")
	last := t2.Rows[len(t2.Rows)-1]
	if len(last.Cells[5].Sum) != 4 || last.Cells[5].Sum[0].Row != 0 {
		t.Errorf("表2 合计 (last row) sums %v, want the 4 rows above", last.Cells[5].Sum)
	}
	t9 := sheetByID(doc, "t07")
	if len(t9.Rows) != 1 || !t9.Rows[0].Cells[0].Input {
		t.Errorf("表9: %d rows, first input %v; want one input row", len(t9.Rows), t9.Rows[0].Cells[0].Input)
	}
	t1 := sheetByID(doc, "t01")
	var fiscal, grand layout.Cell
	for _, r := range t1.Rows {
		switch r.Cells[0].Text {
		case "一、财政拨款收入":
			fiscal = r.Cells[1]
		case "收入总计":
			grand = r.Cells[1]
		}
	}
	if len(fiscal.Sum) != 3 || len(grand.Sum) != 4 {
		t.Errorf("表1: 一、财政拨款收入 sums %v (want its 3 lines), 收入总计 sums %v (want the 4 top lines)", fiscal.Sum, grand.Sum)
	}
}
