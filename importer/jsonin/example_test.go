package jsonin_test

import (
	"fmt"
	"strings"

	"gongkai/importer/jsonin"
)

func ExampleRead() {
	d, err := jsonin.Read(strings.NewReader(`{
  "department": "天门市12345公共服务热线中心",
  "year": 2023,
  "unit": "万元",
  "tables": {
    "t07": {"rows": [{"level": "total", "unit_name": "合计", "total": "0.12", "abroad": "0.00", "reception": "0.12"}]}
  }
}`), "budget.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := d.Tables.T07.Rows[0]
	fmt.Println(d.Department, d.Year, d.Unit)
	fmt.Printf("合计 %s 出国 %s 接待 %s 车辆 %q\n", r.Total, r.Abroad, r.Reception, r.VehicleSubtotal)
	// Output:
	// 天门市12345公共服务热线中心 2023 万元
	// 合计 0.12 出国 0.00 接待 0.12 车辆 ""
}

func ExampleRead_errors() {
	_, err := jsonin.Read(strings.NewReader(`{
  "department": "天门市12345公共服务热线中心",
  "year": 2023,
  "unit": "千元",
  "tables": {"t05": {"rows": [{"level": "total", "totl": "231.79", "personnel": "44,54x"}]}}
}`), "budget.json")
	fmt.Println(err)
	// Output:
	// budget.json:4:11: unit: 此处不能是 "千元"，应为 "万元", "元" 之一 (not allowed here)
	// budget.json:5:50: tables.t05.rows[0].totl: 未知字段 "totl"，是不是 "total"？(unknown field "totl"; did you mean "total"?)
	// budget.json:5:81: tables.t05.rows[0].personnel: "44,54x" 不是金额 (not an amount)
}
