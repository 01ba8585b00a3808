package xlsxin

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/model"
)

// TestMadeElsewhere: a workbook of the same layout typed by hand in another
// program — the department and year in the title, a preparer line above
// the units line, "单位:万元" with an ASCII colon, header words with spaces,
// no column-number row, a blank row and a signature line under the table,
// codes typed as text, the author the program's user — reads with only the
// findings those differences deserve, the department from the preparer line.
func TestMadeElsewhere(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	rows := [][]any{
		{"天门市某某局2025年一般公共预算支出表"},
		{"编制单位：天门市某某局"},
		{"单位:万元"},
		{"功能科目 编码", "功能科目名称", "单位编码", "单位名称", "总 计", "人员类项目支出", "运转类项目支出", nil, "特定目标类项目支出"},
		{nil, nil, nil, nil, nil, nil, "公用经费项目支出", "其他运转类项目支出"},
		{nil, nil, nil, "合计", 150.5, 100, 20.5, nil, 30},
		{"2010350", "事业运行", "526003", "某某中心", 150.5, 100, 20.5, nil, 30},
		{},
		{"单位负责人：张三　　制表人：李四"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}, {"E4", "E5"}, {"F4", "F5"}, {"G4", "H4"}, {"I4", "I5"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	d, fs, err := Read(&b, "手工表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"提示 XL-HEADER 手工表.xlsx Sheet1: 表头下没有列序号行（1 2 3 …），按表头 2 行读取",
	}
	if got := list(fs); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("findings:\n%swant:\n%s", got, strings.Join(want, "\n"))
	}
	if d.Department != "天门市某某局" || d.Year != 2025 || d.Unit != model.UnitWanYuan {
		t.Errorf("department %q, year %d, unit %q", d.Department, d.Year, d.Unit)
	}
	t5 := d.Tables.T05
	if t5 == nil || len(t5.Rows) != 2 || t5.Rows[0].Level != model.LevelTotal || t5.Rows[1].FuncCode != "2010350" ||
		t5.Rows[1].Level != model.LevelDetail || t5.Rows[1].Public.String() != "20.50" || t5.Note != "单位负责人：张三　　制表人：李四" {
		t.Errorf("表五 read as %+v", t5)
	}
}
