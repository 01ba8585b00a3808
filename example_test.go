package gongkai_test

import (
	"bytes"
	"errors"
	"fmt"

	"gongkai"
	"gongkai/examples"
	"gongkai/model"
)

// The common case in two calls: read, then check and write.
func Example() {
	d, err := gongkai.Read(bytes.NewReader(examples.Clean()), "budget.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var workbook bytes.Buffer
	findings, err := gongkai.Export(&workbook, d, gongkai.Options{})
	fmt.Println(len(findings), err, string(workbook.Bytes()[:2]))
	// Output: 0 <nil> PK
}

// A disclosure whose numbers disagree is refused with the findings.
func ExampleExport_findings() {
	d := &model.Disclosure{Department: "测试单位", Year: 2024, Unit: model.UnitWanYuan, Tables: model.Tables{
		T07: &model.ThreePublicTable{Rows: []model.ThreePublicRow{{Level: model.LevelTotal, UnitName: "合计",
			Total: model.MustAmount("1.00"), Abroad: model.MustAmount("0.00"), VehicleSubtotal: model.MustAmount("0.00"),
			VehiclePurchase: model.MustAmount("0.00"), VehicleOperation: model.MustAmount("0.00"), Reception: model.MustAmount("2.00")}}},
	}}
	var pdf bytes.Buffer
	findings, err := gongkai.Export(&pdf, d, gongkai.Options{Format: gongkai.PDF})
	var fe *gongkai.FindingsError
	fmt.Println(errors.As(err, &fe), pdf.Len())
	for _, f := range findings {
		if f.Severity == model.SeverityError {
			fmt.Println(f)
		}
	}
	// Output:
	// true 0
	// 错误 R-ROW 表七 合计 合计 1.00 ≠ 因公出国（境）费 0.00 + 公务用车购置及运行费 小计 0.00 + 公务接待费 2.00 = 2.00 (差 1.00)
}
