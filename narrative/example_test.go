package narrative_test

import (
	"fmt"
	"strings"

	"gongkai/model"
	"gongkai/narrative"
)

// A figure the data does not give is left out, never written as 0, and a
// reason the data does not give is named in a 提示 finding.
func ExampleText() {
	d := &model.Disclosure{Department: "示例中心", Year: 2024, Unit: model.UnitWanYuan,
		Tables: model.Tables{T01: &model.SummaryTable{
			Income: []model.IncomeLine{
				{Key: model.IncomeGeneral, Label: "一、一般公共预算财政拨款收入", Amount: model.MustAmount("120.50")},
				{Key: model.IncomeGovFund, Label: "二、政府性基金预算财政拨款收入"}, // blank: not stated
			},
			IncomeTotal: model.MustAmount("120.50"), IncomeGrandTotal: model.MustAmount("120.50"),
		}},
		Narrative: &model.Narrative{Income: model.IncomeFigures{PriorTotal: model.MustAmount("100")}},
	}
	text, findings, err := narrative.Text(d, narrative.Options{Style: "2023"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range narrative.Parts(text) {
		for _, b := range p.Blocks {
			if strings.HasPrefix(b.Text, "1．") {
				fmt.Println(b.Text)
			}
		}
	}
	fmt.Println(findings[0])
	// Output:
	// 1．预算收入情况：2024年预算收入总额120.50万元，比上年（100.00万元）增加20.50万元，增长20.50%。其中：一般公共预算财政拨款收入120.50万元。
	// 提示 TXT 情况说明未写预算收入增加的原因：输入没有给出（texts.reasons.income）
}
