package xlsxin

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/check"
	"gongkai/internal/xlsxcases"
	"gongkai/model"
)

// TestChangedWorkbook: the official workbook changed the way people change
// workbooks — columns widened, a row inserted into a header, sheets
// reordered and renamed, a number typed as text, a total overwritten by hand
// — reads with exactly the findings those changes deserve.
func TestChangedWorkbook(t *testing.T) {
	in, base, err := xlsxcases.Example()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	const t5, t2 = xlsxcases.T05, xlsxcases.T02
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Columns widened.
	must(f.SetColWidth(t5, "A", "I", 30))
	// 表五's first data row (row 6): a personnel amount typed as text.
	must(f.SetCellStr(t5, "F7", "12.50"))
	// The 合计 of 表五 overwritten by hand (E6), before the header moves it.
	must(f.SetCellFloat(t5, "E6", 999.99, 2, 64))
	// A row inserted inside 表五's header: its rows are now 3, 4 (new) and 5.
	must(f.InsertRows(t5, 4, 1))
	// A print area, blank rows and a note under the table.
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'" + t5 + "'!$A$1:$I$30", Scope: t5}))
	must(f.SetCellStr(t5, "A24", "注：本表由财务科填报。"))
	// Sheets renamed and reordered.
	must(f.SetSheetName(t2, "收入"))
	must(f.SetSheetName(t5, "Sheet3"))
	must(f.MoveSheet("Sheet3", "表一 部门收支总表"))
	var b bytes.Buffer
	must(f.Write(&b))
	f.Close()

	d, fs, err := Read(bytes.NewReader(b.Bytes()), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"警告 XL-HEADER 表.xlsx Sheet3!A3: 表头有 3 行（第3–5行），公开格式为 2 行；已按表头文字对应各列",
		"警告 XL-AMOUNT 表.xlsx Sheet3!F8: 金额“12.50”存为文本，已按 12.50 读取（请改为数字）",
	}
	if got := list(fs); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("findings:\n%swant:\n%s", got, strings.Join(want, "\n"))
	}
	// Everything else reads as exported: the renamed 表二 and the moved 表五
	// are found by their titles.
	if !d.Tables.T02.Rows[0].Total.Equal(in.Tables.T02.Rows[0].Total) || len(d.Tables.T05.Rows) != len(in.Tables.T05.Rows) {
		t.Errorf("表二 or 表五 not read as exported")
	}
	if d.Tables.T05.Note != "注：本表由财务科填报。" {
		t.Errorf("表五 note %q", d.Tables.T05.Note)
	}
	if got := d.Tables.T05.Rows[1].Personnel; got.String() != "12.50" {
		t.Errorf("表五 row 2 人员类 = %q, want 12.50", got.String())
	}
	// The 合计 typed over by hand no longer adds up: check reports it on 表五.
	found := false
	for _, c := range check.Disclosure(d, check.Options{}) {
		found = found || c.Severity == model.SeverityError && c.Table == model.T05 && strings.Contains(c.Message, "999.99")
	}
	if !found {
		t.Errorf("no check error on 表五's 合计 999.99")
	}
}
