package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongkai/exporter/xlsx"
	"gongkai/model"
	"gongkai/templates"
)

// Write the 表九 of a department without procurement: the workbook keeps
// the header and carries the empty-table note.
func ExampleWrite() {
	d := &model.Disclosure{Department: "示例单位", Year: 2024, Unit: "万元",
		Tables: model.Tables{T09: &model.ProcurementTable{}}}
	doc, err := templates.Document(d, templates.Options{OnlyPresent: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, doc, xlsx.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&buf)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	for _, ref := range []string{"A1", "A2", "G3", "A5", "B6", "A7"} {
		v, _ := f.GetCellValue(sheet, ref)
		fmt.Printf("%s %s\n", ref, v)
	}
	// Output:
	// A1 政府采购预算表
	// A2 单位：万元
	// G3 采购预算金额
	// A5 1
	// B6 合计
	// A7 注：本部门2024年无政府采购预算，此表为空表。
}
