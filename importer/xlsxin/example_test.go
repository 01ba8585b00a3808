package xlsxin_test

import (
	"bytes"
	"fmt"

	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/importer/jsonin"
	"gongkai/importer/xlsxin"
	"gongkai/templates"
)

// The official workbook of the bundled example, read back.
func Example() {
	src, _ := examples.Get(examples.SampleName)
	d, _ := jsonin.Read(bytes.NewReader(src), "example.json")
	doc, _ := templates.Document(d, templates.Options{})
	var wb bytes.Buffer
	_ = xlsx.Write(&wb, doc, xlsx.Options{})

	got, findings, err := xlsxin.Read(&wb, "表.xlsx", xlsxin.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t5 := got.Tables.T05
	fmt.Println(got.Department, got.Year, got.Unit)
	fmt.Println("表五", len(t5.Rows), "行，合计", t5.Rows[0].Total)
	fmt.Println("发现", len(findings), "项")
	// Output:
	// 天门市12345公共服务热线中心 2023 万元
	// 表五 8 行，合计 231.79
	// 发现 0 项
}
