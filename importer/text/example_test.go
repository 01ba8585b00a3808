package text_test

import (
	"fmt"
	"strings"

	"gongkai/importer/text"
)

func ExampleParse() {
	doc := "某某县财政局2025年部门预算公开\n" +
		"三、人员构成\n" +
		"某某县财政局编制人数20人，其中：行政编制15人，事业编制5人。\n" +
		"一、预算收支安排及增减变化情况\n" +
		"2025年预算收入总额1,270.82万元，比上年（1,300.00万元）预算减少29.18万元，下降2.24%。\n" +
		"二、“三公”经费\n" +
		"2025年“三公”经费预算5万元，较上年预算无变化。\n" +
		"联系电话：0728-1234567。\n"
	r, err := text.Parse(strings.NewReader(doc), text.Options{Name: "demo.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := r.Disclosure
	fmt.Println(d.Department, d.Year, d.Unit, r.Encoding)
	for _, f := range r.Figures {
		fmt.Printf("第%d行 %s = %s%s\n", f.Line, f.Key, f.Value, f.Unit)
	}
	for _, u := range r.Unread {
		fmt.Printf("未读 第%d行 %s\n", u.Line, u.Text)
	}
	fmt.Println(d.Narrative.Words["three_public.change"])
	// Output:
	// 某某县财政局 2025 万元 UTF-8
	// 第3行 staffing.authorized = 20人
	// 第3行 staffing.kinds[行政编制] = 15人
	// 第3行 staffing.kinds[事业编制] = 5人
	// 第5行 income.total = 1270.82万元
	// 第5行 income.prior_total = 1300.00万元
	// 第5行 income.change = -29.18万元
	// 第5行 income.change_percent = -2.24%
	// 第7行 three_public.total = 5万元
	// 第7行 three_public.change = 0万元
	// 未读 第8行 联系电话:0728-1234567。
	// 无变化
}
