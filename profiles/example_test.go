package profiles_test

import (
	"fmt"
	"strings"

	"gongkai/model"
	"gongkai/profiles"
)

// A reader of official workbooks finds a table's columns through the
// profile: each leaf column with the model field it shows and the header
// words above it.
func ExampleTable_LeafColumns() {
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		fmt.Println(err)
		return
	}
	t := p.TableFor(model.T07) // Shanghai prints 表七's data as its 表9
	fmt.Println(t.Sheet)
	for _, l := range t.LeafColumns() {
		fmt.Printf("%d %-32s %s\n", l.Index+1, l.Field, strings.Join(l.Words, "/"))
	}
	// Output:
	// 表9 “三公”经费和机关运行经费预算表
	// 1 total                            “三公”经费预算数/合计
	// 2 abroad                           “三公”经费预算数/因公出国(境)费
	// 3 reception                        “三公”经费预算数/公务接待费
	// 4 vehicle_subtotal                 “三公”经费预算数/公务用车购置及运行费/小计
	// 5 vehicle_purchase                 “三公”经费预算数/公务用车购置及运行费/购置费
	// 6 vehicle_operation                “三公”经费预算数/公务用车购置及运行费/运行费
	// 7 narrative.operating_costs.total  机关运行经费预算数
}

// Every problem of a profile file is reported at once, each with its file
// and line.
func ExampleParse() {
	_, err := profiles.Parse("my.yaml", []byte(`name: my
tables:
  - id: t07
    columns:
      - {text: 单位名称, field: unit_name}
      - text: 公务用车
        columns:
          - {text: 小计, field: vehicle_subtotal}
          - {text: 购置, field: vehicle_buy}
      - {text: 合计, field: total, rows: 3}
`))
	fmt.Println(err)
	// Output:
	// my.yaml:9: column “购置”: "vehicle_buy" is not a field of t07 (一般公共预算“三公”经费支出表); see `gongkai profile fields t07`
	// my.yaml:10: column “合计” has span 3 but the header has 2 rows
}
