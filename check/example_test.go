package check_test

import (
	"encoding/json"
	"fmt"

	"gongkai/check"
	"gongkai/model"
)

// A 表六 whose 合计 does not match 表五: the finding says where and by how much.
func ExampleDisclosure() {
	d := &model.Disclosure{
		Department: "示例单位",
		Year:       2023,
		Unit:       model.UnitWanYuan,
		Tables: model.Tables{
			T05: &model.ExpenditureTable{Rows: []model.ExpenditureRow{
				{Level: model.LevelTotal, UnitName: "合计", Total: model.MustAmount("51.78"), Personnel: model.MustAmount("44.54"), Public: model.MustAmount("7.24")},
			}},
			T06: &model.BasicTable{Rows: []model.BasicRow{
				{Level: model.LevelTotal, Name: "合计", Total: model.MustAmount("51.90"), Personnel: model.MustAmount("44.54"), Public: model.MustAmount("7.36")},
			}},
		},
	}
	for _, f := range check.Disclosure(d, check.Options{}) {
		if f.Rule != "T-MISS" {
			fmt.Println(f)
		}
	}
	// Output:
	// 错误 X6 表六 合计 51.90 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.12)
	// 错误 X7 表六 合计 公用经费 7.36 ≠ 表五 合计 公用经费项目支出 7.24 (差 0.12)
}

// Parts that differ from their total only by rounding are not reported
// (spec §3.6: 32.57 + 6.35 + 180.00 = 218.92 against 218.93); a larger
// difference is an error.
func ExampleOptions() {
	row := func(total string) *model.Disclosure {
		return &model.Disclosure{Tables: model.Tables{T05: &model.ExpenditureTable{Rows: []model.ExpenditureRow{{
			Level: model.LevelDetail, UnitCode: "526003", FuncCode: "2010350", FuncName: "事业运行",
			Total: model.MustAmount(total), Personnel: model.MustAmount("32.57"), Public: model.MustAmount("6.35"), Specific: model.MustAmount("180.00"),
		}}}}}
	}
	show := func(fs []model.Finding) {
		n := 0
		for _, f := range fs {
			if f.Rule == "R-ROW" {
				fmt.Println(f)
				n++
			}
		}
		if n == 0 {
			fmt.Println("无错误")
		}
	}
	show(check.Disclosure(row("218.93"), check.Options{}))
	show(check.Disclosure(row("218.93"), check.Options{Exact: true}))
	show(check.Disclosure(row("219.03"), check.Options{}))
	// Output:
	// 无错误
	// 错误 R-ROW 表五 2010350 事业运行 总计 218.93 ≠ 人员类项目支出 32.57 + 公用经费项目支出 6.35 + 特定目标类项目支出 180.00 = 218.92 (差 0.01)
	// 错误 R-ROW 表五 2010350 事业运行 总计 219.03 ≠ 人员类项目支出 32.57 + 公用经费项目支出 6.35 + 特定目标类项目支出 180.00 = 218.92 (差 0.11)
}

// The narrative is checked against itself and the tables: here a component
// of the "三公" total is larger than the total (seed mistake V1), and the
// change word says both 增加 and 减少 (V2).
func ExampleDisclosure_narrative() {
	d := &model.Disclosure{Department: "测试中心", Year: 2023, Unit: model.UnitWanYuan, Narrative: &model.Narrative{
		Expenditure: model.ExpenditureFigures{Total: model.MustAmount("231.79"), Change: model.MustAmount("-121.52")},
		ThreePublic: model.ThreePublic{Total: model.MustAmount("0.12"), Reception: model.MustAmount("1.2")},
		Words:       map[string]string{"expenditure.change": "增加减少"},
	}}
	fs := check.Disclosure(d, check.Options{})
	for _, f := range fs {
		fmt.Println(f)
	}
	fmt.Println(check.SummaryLine(fs))
	// Output:
	// 错误 N7 文中“三公”经费公务接待费 1.2 > “三公”经费合计 0.12（分项不能大于合计）
	// 错误 N9 文中预算支出的增减用词“增加减少”同时表示增加和减少
	// 核对完成：错误 2 项，警告 0 项，提示 0 项
}

// Findings marshal with plain encoding/json, for `gongkai validate --format json`.
func ExampleSummary() {
	fs := []model.Finding{{Severity: model.SeverityWarning, Rule: "N11", Field: "staffing.authorized", Message: "编制人数 7 人 ≠ 事业编制 6 人（有 1 人的编制类别未说明）"}}
	e, w, i := check.Summary(fs)
	fmt.Println(e, w, i, check.Failed(fs, false), check.Failed(fs, true))
	b, _ := json.Marshal(fs)
	fmt.Println(string(b))
	// Output:
	// 0 1 0 false true
	// [{"severity":"warning","rule":"N11","field":"staffing.authorized","message":"编制人数 7 人 ≠ 事业编制 6 人（有 1 人的编制类别未说明）"}]
}
