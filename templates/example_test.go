package templates_test

import (
	"fmt"
	"strings"

	"gongkai/model"
	"gongkai/templates"
)

// Print the header grid of 表五 and its first body rows: zeros are empty
// cells in 表五.
func ExampleSheet() {
	a := model.MustAmount
	d := &model.Disclosure{
		Department: "天门市12345公共服务热线中心",
		Year:       2023,
		Unit:       model.UnitWanYuan,
		Tables: model.Tables{T05: &model.ExpenditureTable{Rows: []model.ExpenditureRow{
			{Level: model.LevelTotal, UnitName: "合计", Total: a("231.79"), Personnel: a("44.54"), Public: a("7.25"), OtherOperating: a("0"), Specific: a("180")},
			{Level: model.LevelDetail, FuncCode: "2010350", FuncName: "事业运行", UnitCode: "526003", UnitName: "天门市12345公共服务热线中心",
				Total: a("218.925"), Personnel: a("32.57"), Public: a("6.35"), Specific: a("180.00")},
		}}},
	}
	s, err := templates.Sheet(d, model.T05, templates.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name, "|", s.Title, "|", s.UnitLine)
	for _, h := range s.Header {
		if h.RowSpan > 1 || h.ColSpan > 1 {
			fmt.Printf("(%d,%d) %dx%d %s\n", h.Row+1, h.Col+1, h.RowSpan, h.ColSpan, h.Text)
		}
	}
	for _, r := range s.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		fmt.Println(strings.Join(cells, "|"), "["+r.Emphasis+"]")
	}
	// Output:
	// 表五 一般公共预算支出表 | 一般公共预算支出表 | 单位：万元
	// (1,1) 2x1 功能科目编码
	// (1,2) 2x1 功能科目名称
	// (1,3) 2x1 单位编码
	// (1,4) 2x1 单位名称
	// (1,5) 2x1 总计
	// (1,6) 2x1 人员类项目支出
	// (1,7) 1x2 运转类项目支出
	// (1,9) 2x1 特定目标类项目支出
	// |||合计|231.79|44.54|7.25||180.00 [bold]
	// 2010350|事业运行|526003|天门市12345公共服务热线中心|218.93|32.57|6.35||180.00 []
}

// 表六 prints every zero as 0.00 and its 合计 and 类 rows bold.
func ExampleDocument() {
	a := model.MustAmount
	d := &model.Disclosure{
		Department: "示例单位",
		Year:       2024,
		Date:       "2024-02-01",
		Tables: model.Tables{T06: &model.BasicTable{Rows: []model.BasicRow{
			{Level: model.LevelTotal, Name: "合计", Total: a("7.25"), Personnel: a("0"), Public: a("7.25")},
			{Level: model.LevelClass, Code: "302", Name: "商品和服务支出", Total: a("7.25"), Personnel: a("0"), Public: a("7.25")},
			{Level: model.LevelItem, Code: "30226", Name: "劳务费", Total: a("0"), Public: a("0")},
		}}},
	}
	doc, err := templates.Document(d, templates.Options{OnlyPresent: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title, doc.Date.Format("2006-01-02"), len(doc.Sheets))
	for _, r := range doc.Sheets[0].Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		fmt.Println(strings.Join(cells, "|"), "["+r.Emphasis+"]")
	}
	// Without OnlyPresent the tables not given print empty with their note.
	doc, _ = templates.Document(d, templates.Options{})
	fmt.Println(len(doc.Sheets), doc.Sheets[7].Notes[0])
	// Output:
	// 示例单位2024年部门预算公开表 2024-02-01 1
	// |合计|7.25|0.00|7.25 [bold]
	// 302|商品和服务支出|7.25|0.00|7.25 [bold]
	// 30226|劳务费|0.00|0.00|0.00 []
	// 10 注：本部门2024年无政府性基金预算财政拨款安排的支出，此表为空表。
}
