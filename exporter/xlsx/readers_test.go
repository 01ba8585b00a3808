package xlsx

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"gongkai/internal/testenv"
)

// TestExcelJSOpensWorkbook opens the example's workbook with ExcelJS, a second
// reader that refused every gongkai workbook while excelize wrote an
// unprefixed lastModifiedBy into docProps/core.xml. It must see the same
// sheets, properties and cell texts as excelize.
func TestExcelJSOpensWorkbook(t *testing.T) {
	node, script := testenv.NodeTool(t, "read-xlsx.js", "exceljs")
	doc := example2023(t)
	b := write(t, doc)
	file := filepath.Join(t.TempDir(), "example.xlsx")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, file).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("ExcelJS cannot open the workbook: %v %s", err, msg)
	}
	var got struct {
		Creator, LastModifiedBy, Title, Subject, Created string
		Sheets                                           []struct {
			Name  string
			Cells map[string]string
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != doc.Title || got.Creator != doc.Author || got.LastModifiedBy != doc.Author || got.Subject != doc.Subject {
		t.Errorf("core properties seen by ExcelJS: %+v; want title %q, author %q, subject %q", got, doc.Title, doc.Author, doc.Subject)
	}
	if got.Created[:10] != doc.Date.UTC().Format("2006-01-02") {
		t.Errorf("created %s, want %s", got.Created, doc.Date)
	}
	f := open(t, b)
	names := f.GetSheetList()
	if len(got.Sheets) != len(names) {
		t.Fatalf("ExcelJS sees %d sheets, excelize %d", len(got.Sheets), len(names))
	}
	compared := 0
	for i, s := range got.Sheets {
		if s.Name != names[i] {
			t.Errorf("sheet %d: ExcelJS %q, excelize %q", i+1, s.Name, names[i])
			continue
		}
		for ref, text := range s.Cells {
			want, err := f.GetCellValue(names[i], ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if !sameText(text, want) {
				t.Errorf("%s!%s: ExcelJS %q, excelize %q", s.Name, ref, text, want)
			}
			compared++
		}
	}
	if compared < 100 {
		t.Errorf("only %d cells compared: ExcelJS saw almost nothing", compared)
	}
}

// sameText compares a cell as two readers print it: numbers by value
// (ExcelJS prints 180 where the cell shows 180.00).
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	da, err1 := decimal.NewFromString(a)
	db, err2 := decimal.NewFromString(b)
	if err1 == nil && err2 == nil {
		return da.Equal(db)
	}
	return false
}

// A cell text longer than Excel's tallest row (409 points) used to make
// Write fail ("the height of the row must be less than or equal to 409
// points"); the row is now as tall as Excel allows and the text is whole.
func TestVeryLongTextKeptWhole(t *testing.T) {
	doc := example2023(t)
	sh := &doc.Sheets[4]
	long := strings.Repeat("很长的名称", 2000)
	sh.Rows[len(sh.Rows)-1].Cells[1].Text = long
	f := open(t, write(t, doc))
	name := f.GetSheetList()[4]
	rows, err := f.GetRows(name)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		for _, c := range r {
			found = found || c == long
		}
	}
	if !found {
		t.Error("the long text is not whole in any cell")
	}
}
