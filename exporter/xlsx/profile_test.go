package xlsx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gongkai/internal/golden"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// TestGoldenDumpShanghai keeps a text dump of every sheet of the Shanghai
// example's workbook, laid out by the shanghai profile, in
// testdata/shanghai-<id>.golden: the 编制部门 line beside the units, #,##0
// amounts, General in 表9, 合计 merged over the code columns, no
// column-number row.
func TestGoldenDumpShanghai(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "shanghai-wanli-2025.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(&d, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, write(t, doc))
	defer f.Close()
	list := f.GetSheetList()
	if len(list) != 9 {
		t.Fatalf("%d sheets, want 9", len(list))
	}
	for i, s := range doc.Sheets {
		golden.Assert(t, "shanghai-"+s.ID, []byte(dumpSheet(t, f, list[i])))
	}
	if v, _ := f.GetCellValue(list[0], "A2"); v != "编制部门：上海市普陀区人民政府万里街道办事处" {
		t.Errorf("表1!A2 = %q, want the 编制部门 line", v)
	}
	if v, _ := f.GetCellValue(list[0], "C2"); v != "单位：元" {
		t.Errorf("表1!C2 = %q, want the units line", v)
	}
}
