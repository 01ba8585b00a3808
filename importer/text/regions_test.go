package text

import (
	"strings"
	"testing"

	"gongkai/model"
)

// regionCase is one structure seen in real disclosures of another region
// (the corpus document it comes from in brackets), written with our own
// wording and numbers. want maps a key to its value: a narrative field
// (narrativeValue) or, for keys without a field, a Figure key. missing
// lists keys that the text does not state and that must stay unread.
type regionCase struct {
	name    string
	text    string
	dept    string
	year    int
	want    map[string]string
	missing []string
	unread  int // sentences with numbers left unread
	check   func(t *testing.T, r *Result)
}

var regionCases = []regionCase{
	{
		name: "CQ income list with zeros, per-class change reasons [07]",
		text: `某某区统计局2025年单位预算情况说明
一、收支预算总体情况
2025年年初预算数1,234.56万元,其中:一般公共预算拨款1,200.00万元,政府性基金预算拨款0万元,国有资本经营预算收入0万元,事业收入34.56万元,其他收入0万元。收入较2024年减少88.10万元,主要是一般公共服务经费拨款减少90.00万元,卫生健康经费拨款增加1.90万元。`,
		dept: "某某区统计局", year: 2025,
		want: map[string]string{
			"income.total": "1234.56", "income.change": "-88.10",
			"income.sources[一般公共预算拨款]": "1200.00", "income.sources[政府性基金预算拨款]": "0",
			"income.sources[事业收入]": "34.56", "income.sources[其他收入]": "0",
		},
	},
	{
		name: "CQ classes inside the 支出预算 sentence, 支出 written twice [11]",
		text: `某某镇卫生院2025年单位预算情况说明
二、支出预算情况
2025年支出预算1,234.56万元,其中:一般公共服务支出支出预算1,000.00万元,社会保障和就业支出预算100.00万元,卫生健康支出预算50.00万元,住房保障支出预算84.56万元。`,
		dept: "某某镇卫生院", year: 2025,
		want: map[string]string{
			"expenditure.total":          "1234.56",
			"expenditure.by_function[0]": "1000.00", "expenditure.by_function[1]": "100.00",
			"expenditure.by_function[2]": "50.00", "expenditure.by_function[3]": "84.56",
		},
	},
	{
		name: "CQ 基本支出 and 项目支出 in the 一般公共预算 section, 持平 without amount [10]",
		text: `某某县测绘中心2026年单位预算情况说明
三、一般公共预算财政拨款支出情况
2026年一般公共预算财政拨款支出300.50万元,比2025年增加10.50万元。其中:基本支出298.70万元,比2025年增加10.50万元;项目支出与2025年持平。`,
		dept: "某某县测绘中心", year: 2026,
		want: map[string]string{
			"expenditure.by_category[基本支出]":        "298.70",
			"expenditure.by_category[基本支出].change": "10.50",
			"expenditure.by_category[项目支出].change": "0",
		},
		missing: []string{"expenditure.by_category[项目支出]", "expenditure.total"},
	},
	{
		name: "no heading, year without 年 before a short name, prior year first [18]",
		text: `索引号:000000000/2022-00001
关于2022区政务办财政拨款三公经费预算的说明
2022年“三公”经费预算9万元,下降40%,减少6万元。其中:因公出国(境)经费0万元;公务接待费1万元;公务用车购置及运行维护费8万元。`,
		year: 2022,
		want: map[string]string{
			"three_public.total": "9", "three_public.change": "-6", "three_public.change_percent": "-40",
			"three_public.abroad": "0", "three_public.reception": "1", "three_public.vehicle": "8",
		},
	},
	{
		name: "prior year stated first in the sentence [16]",
		text: `某市2025年“三公”经费预算说明
全市2025年“三公”经费预算1969万元,较2024年的2190万元减少221万元,下降10.1%。`,
		year: 2025,
		want: map[string]string{
			"three_public.total": "1969", "three_public.prior_total": "2190",
			"three_public.change": "-221", "three_public.change_percent": "-10.1",
		},
	},
	{
		name: "thousands separators inside a sentence, full-width commas [01]",
		text: `某某街道办事处2025年部门预算
一、收支预算总体情况
2025年收入预算18,976.76万元，比2024年预算增加1,270.82万元。`,
		year: 2025,
		want: map[string]string{"income.total": "18976.76", "income.change": "1270.82"},
	},
	{
		name: "三公 items 与上年一致 and 持平 without amount [26] [29]",
		text: `某某县司法局2022年“三公”经费预算情况
2022年“三公”经费预算75.00万元,比2021年预算减少46.50万元,下降38.28%。其中:因公出国(境)费0万元,与2021年预算一致;公务接待费5.00万元,与上年持平;公务用车购置及运行费70.00万元。`,
		dept: "某某县司法局", year: 2022,
		want: map[string]string{
			"three_public.total": "75.00", "three_public.change": "-46.50", "three_public.change_percent": "-38.28",
			"three_public.abroad": "0", "three_public.abroad_change": "0",
			"three_public.reception": "5.00", "three_public.reception_change": "0",
			"three_public.vehicle": "70.00",
		},
	},
	{
		name: "三公 basically unchanged, district aggregate [13]",
		text: `2021年区本级“三公”经费预算情况
2021年区本级“三公”经费预算4432万元,与2020年预算基本持平。`,
		year: 2021,
		want: map[string]string{"three_public.total": "4432", "three_public.change": "0"},
	},
	{
		name: "only two 三公 items stated: the others stay missing [29]",
		text: `某高新区2024年财政拨款“三公”经费预算汇总说明
2024 年公务接待费预算12.50万元,公务用车运行维护费预算30.00万元,同口径与上年持平。`,
		year:    2024,
		want:    map[string]string{"three_public.reception": "12.50", "three_public.vehicle_operation": "30.00"},
		missing: []string{"three_public.abroad", "three_public.vehicle_purchase", "three_public.total"},
	},
	{
		name: "amounts in 元 inside a 万元 document are not taken as 万元",
		text: `某某中心2025年部门预算公开
2025年收入预算总额100.00万元。其中:一般公共预算财政拨款收入99.50万元,其他收入5000元。`,
		dept: "某某中心", year: 2025,
		want:    map[string]string{"income.total": "100.00", "income.sources[一般公共预算财政拨款收入]": "99.50"},
		missing: []string{"income.sources[其他收入]"},
		check: func(t *testing.T, r *Result) {
			// listed with its own unit and flagged, never converted or taken as 万元
			found := false
			for _, f := range r.Figures {
				if f.Key == "income.sources[其他收入]" && f.Unit == "元" && f.Value.String() == "5000" {
					found = true
				}
			}
			if !found {
				t.Errorf("5000元 not listed as a figure in 元")
			}
			if !hasRule(r.Findings, "P3") {
				t.Errorf("no P3 finding for the 元 amount in a 万元 text")
			}
		},
	},
	{
		name: "a percent stated with zero change: 减少0万元,下降0% [27]",
		text: `某某工委2020年“三公”经费预算情况
2020年“三公”经费预算0.38万元,比2019年减少0万元,下降0%。`,
		year: 2020,
		want: map[string]string{"three_public.total": "0.38", "three_public.change": "0", "three_public.change_percent": "0"},
	},
	{
		name: "one decimal, 年初预算数 with the 年 left out [08]",
		text: `某某镇人民政府2025年部门预算情况说明
一、收支预算总体情况
2025年初预算数2752.8万元,其中:一般公共预算拨款2700.0万元,政府性基金预算拨款52.8万元。`,
		dept: "某某镇人民政府", year: 2025,
		want: map[string]string{"income.total": "2752.8", "income.sources[一般公共预算拨款]": "2700.0", "income.sources[政府性基金预算拨款]": "52.8"},
	},
	{
		name: "truncated before the total: total missing, never the sum [32]",
		text: `某某镇人民政府2023年部门预算
一、收支预算总体情况
收入包括:一般公共预算拨款收入 120.00 万元、政府性基金预算拨款收入 0 万元、上级补助收入 3.00 万元`,
		dept: "某某镇人民政府", year: 2023,
		want:    map[string]string{"income.sources[一般公共预算拨款收入]": "120.00", "income.sources[上级补助收入]": "3.00"},
		missing: []string{"income.total"},
	},
	{
		name: "Shanghai 编制说明: 收入预算…其中:财政拨款收入…, 比上年预算持平 [01]",
		text: `上海市某区2025年区级部门预算
预算主管部门:上海市某区某某街道办事处
2025年部门预算编制说明
2025年,某某街道办事处收入预算5,000.00万元,其中:财政拨款收入4,900.00万元,比2024年预算增加100.00万元;事业收入0万元,比2024年预算持平;其他收入100.00万元。`,
		year: 2025,
		want: map[string]string{
			"income.total": "5000.00", "income.sources[财政拨款收入]": "4900.00",
			"income.sources[事业收入]": "0", "income.sources[其他收入]": "100.00",
		},
	},
	{
		name: "Shanghai cover label names the department; 项 list with 执行数 and a percent change [01] [03]",
		text: `上海市某区2024年区级部门预算
预算主管部门：上海市某区某某街道办事处
部门预算编制说明
支出预算80.00万元。
财政拨款支出主要内容如下：
1. “一般公共服务支出（类）统计信息事务（款）统计管理（项）”3.20万元，主要用于统计工作。2023年当年预算执行数为2.00万元，2024年预算安排3.20万元，比2023年预算执行数增加60.00%。主要原因是：普查工作增加。
2. “公共安全支出（类）司法（款）公共法律服务（项）”12.00万元，主要用于法律服务。2023年当年预算执行数为12.00万元，2024年预算安排12.00万元，比2023年预算执行数持平。主要原因是：保持不变。`,
		dept: "上海市某区某某街道办事处", year: 2024,
		want: map[string]string{
			"expenditure.total": "80.00",
			"expenditure.items[一般公共服务支出(类)统计信息事务(款)统计管理(项)]":                "3.20",
			"expenditure.items[一般公共服务支出(类)统计信息事务(款)统计管理(项)].prior_actual":   "2.00",
			"expenditure.items[一般公共服务支出(类)统计信息事务(款)统计管理(项)].change_percent": "60.00",
			"expenditure.items[公共安全支出(类)司法(款)公共法律服务(项)].change":             "0",
		},
		missing: []string{"expenditure.change_percent", "expenditure.change"},
	},
	{
		name: "a no-change sentence after the item's own sentence; 一致 with 0万元 [01] [05]",
		text: `某某局2025年部门预算
2025年“三公”经费预算数为8.00万元，比2024年预算减少2.00万元。其中：
（一）公务用车购置费0万元，与2024年预算一致0万元，主要原因是无车辆购置。
（二）公务接待费3.00万元。比2024年预算持平，主要原因是接待保持不变。`,
		dept: "某某局", year: 2025,
		want: map[string]string{
			"three_public.total": "8.00", "three_public.change": "-2.00",
			"three_public.vehicle_purchase": "0", "three_public.vehicle_purchase_change": "0",
			"three_public.reception": "3.00", "three_public.reception_change": "0",
		},
	},
	{
		name: "政府采购 reserved for small firms is not the total [01]",
		text: `某某局2025年部门预算
2025年政府采购预算总额120.00万元，其中：货物20.00万元，服务100.00万元。面向中小企业预留政府采购项目预算金额48.00万元，其中预留给小型和微型企业的政府采购项目预算为30.00万元。`,
		dept: "某某局", year: 2025,
		want: map[string]string{
			"procurement.total": "120.00", "procurement.goods": "20.00", "procurement.services": "100.00",
			"procurement.sme_reserved": "48.00", "procurement.small_micro_reserved": "30.00",
		},
	},
	{
		name: "三公 item sub-headings, amounts under them, a date stamp line, 减少 as its own sentence [18]",
		text: `某区某办“三公”经费2022年预算情况的说明
2022-04-15 14:08 文章来源: 某办
一、2022年“三公”经费预算总体情况
2022年“三公”经费预算数12万元,较2021年预算下降20%,减少3万元。
二、2022年“三公”经费预算具体情况
(一)因公出国(境)经费
2022年预算安排0万元,与2021年预算持平
(二)公务接待费
2022年预算安排2万元,与2021年预算持平。
(三)公务用车购置及运行维护费
2022年预算安排10万元,较2021年预算下降23.08%。
公务用车运行维护费预算安排10万元,较2021年预算下降23.08%。减少3万元。`,
		year: 2022,
		want: map[string]string{
			"three_public.total": "12", "three_public.change": "-3", "three_public.change_percent": "-20",
			"three_public.abroad": "0", "three_public.abroad_change": "0",
			"three_public.reception": "2", "three_public.reception_change": "0",
			"three_public.vehicle": "10", "three_public.vehicle_operation": "10", "three_public.vehicle_operation_change": "-3",
		},
	},
	{
		name: "change reasons naming income sources, carry-over as a source [10] [11]",
		text: `某某中心2026年单位预算情况说明
二、单位收支总体情况
(一)收入预算:2026年年初预算数50.00万元,其中:一般公共预算拨款48.00万元,事业收入0万元;上年结转结余资金2.00万元;收入较去年增加6.00万元,主要是一般公共预算拨款增加4.00万元,上年结转结余资金增加2.00万元。
(二)支出预算:2026年年初预算数50.00万元,其中:一般公共服务支出10.00万元,住房保障支出40.00万元;支出较去年增加6.00万元,主要是基本支出增加6.00万元。
三、单位预算情况说明
2026年一般公共预算财政拨款支出48.00万元,比2025年增加4.00万元。`,
		dept: "某某中心", year: 2026,
		want: map[string]string{
			"income.total": "50.00", "income.change": "6.00",
			"income.sources[上年结转结余资金]": "2.00", "income.sources[一般公共预算拨款].change": "4.00",
			"income.sources[上年结转结余资金].change": "2.00",
			"expenditure.total": "50.00", "expenditure.change": "6.00",
			"expenditure.by_category[基本支出].change": "6.00",
			"expenditure.by_fund[一般公共预算财政拨款支出]":    "48.00", "expenditure.by_fund[一般公共预算财政拨款支出].change": "4.00",
		},
	},
	{
		name: "a year in a cited regulation is not the budget year; prior year amount in the sentence [16]",
		text: "根据《某省预决算公开操作规程(2022年修订)》的有关规定,经某市财政局汇总,2025年全市各单位“三公”经费预算总额为500万元,较2024年的520万元减少20万元,下降3.8%;其中:因公出国(境)经费10万元,较上年持平;公务接待费90万元,较上年减少5万元,下降5.3%;公务用车购置及运行维护费400万元,较上年减少15万元,下降3.6%。",
		year: 2025,
		want: map[string]string{
			"three_public.total": "500", "three_public.prior_total": "520", "three_public.change": "-20", "three_public.change_percent": "-3.8",
			"three_public.abroad": "10", "three_public.abroad_change": "0",
			"three_public.reception": "90", "three_public.reception_change": "-5", "three_public.reception_change_percent": "-5.3",
			"three_public.vehicle": "400", "three_public.vehicle_change": "-15",
		},
		// the citation's 2022年 is a year near the budget year: not a figure, not unread
	},
	{
		name: "table of contents and 概况 only: nothing opened on a TOC line, every budget figure missing [19] [20] [34] [39]",
		text: "某某镇卫生院2024年部门预算公开\n目 录\n第一部分 部门概况\n第二部分 2024年部门预算情况说明\n第三部分 附件\n一、部门收支总表\n二、部门收入总表\n七、一般公共预算“三公”经费支出表\n十、政府采购预算表\n第一部分 部门概况\n二、部门预算单位构成\n本院设有4个科室,开放床位30张,在职职工42人。",
		dept: "某某镇卫生院", year: 2024,
		want:    map[string]string{"staffing.offices": "4"},
		missing: []string{"income.total", "expenditure.total", "three_public.total", "procurement.total"},
		unread:  1, // 床位 and 职工 are not budget figures: listed
		check: func(t *testing.T, r *Result) {
			for _, id := range model.AllTables {
				if r.Disclosure.Tables.Present(id) {
					t.Errorf("%s opened on a table-of-contents line", id.Number())
				}
			}
		},
	},
	{
		name:    "TOC before the text, 收入包括 list with spaces, cut before the total [32]",
		text:    "\n目 录\n第一部分 概 况\n二、机构设置情况\n第二部分 2023年部门预算情况说明\n某镇人民政府内设 12 个职能处室。\n收入包括:一般公共预算拨款收入 820.5万元、政府性基金预算拨款收入 0 万元、上级补助收入 0 万元、其他收入 0",
		year:    2023,
		want:    map[string]string{"staffing.offices": "12", "income.sources[一般公共预算拨款收入]": "820.5", "income.sources[政府性基金预算拨款收入]": "0", "income.sources[上级补助收入]": "0"},
		missing: []string{"income.total", "income.sources[其他收入]"},
		unread:  1, // 其他收入 0 is cut off before its unit: listed, never guessed
		check: func(t *testing.T, r *Result) {
			if r.Disclosure.Department != "" {
				t.Errorf("department %q taken from a TOC line", r.Disclosure.Department)
			}
		},
	},
	{
		name: "a site's metadata grid (索引号, 成文日期) as tab rows before the title, title printed twice [10] [37]",
		text: "[ 索引号 ]\t11500000MB0000000X/2026-00012\t[ 发文字号 ]\t\n[ 成文日期 ]\t2026-02-10\t[ 发布日期 ]\t2026-02-10\n某某中心2026年单位预算情况说明\n某某中心\n2026年单位预算情况说明\n(一)收入预算:2026年年初预算数30.50万元,其中:一般公共预算拨款30.50万元。",
		dept: "某某中心", year: 2026,
		want: map[string]string{"income.total": "30.50", "income.sources[一般公共预算拨款]": "30.50"},
	},
}

func TestRegionalWording(t *testing.T) {
	for _, tc := range regionCases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse(strings.NewReader(tc.text), Options{Name: "case.txt"})
			if err != nil {
				t.Fatal(err)
			}
			d := r.Disclosure
			if tc.dept != "" && d.Department != tc.dept {
				t.Errorf("department %q, want %q", d.Department, tc.dept)
			}
			if tc.year != 0 && d.Year != tc.year {
				t.Errorf("year %d, want %d", d.Year, tc.year)
			}
			figs := map[string]string{}
			for _, f := range r.Figures {
				if isAmountUnit(f.Unit) && f.Unit != d.Unit {
					continue // kept in its own unit, not a narrative figure
				}
				if _, ok := figs[f.Key]; !ok {
					figs[f.Key] = f.Value.String()
				}
			}
			value := func(k string) (string, bool) {
				if d.Narrative != nil {
					if v, ok := narrativeValue(t, d.Narrative, k); ok && v != "null" {
						return v, true
					}
				}
				v, ok := figs[k]
				return v, ok
			}
			for k, want := range tc.want {
				got, ok := value(k)
				if !ok {
					t.Errorf("%s missing, want %s", k, want)
					continue
				}
				g, err1 := model.ParseAmount(got)
				w, err2 := model.ParseAmount(want)
				if err1 != nil || err2 != nil || !g.Equal(w) {
					t.Errorf("%s = %s, want %s", k, got, want)
				}
			}
			for _, k := range tc.missing {
				if v, ok := value(k); ok {
					t.Errorf("%s = %s, but the text does not state it", k, v)
				}
			}
			if len(r.Unread) != tc.unread {
				t.Errorf("unread %d, want %d: %v", len(r.Unread), tc.unread, r.Unread)
			}
			for _, f := range r.Findings {
				if f.Rule == "P2" {
					t.Errorf("figure stated twice with different values: %s", f.Message)
				}
			}
			if tc.check != nil {
				tc.check(t, r)
			}
			if t.Failed() {
				for _, f := range r.Figures {
					t.Logf("figure %s = %s %s (line %d, %q)", f.Key, f.Value.String(), f.Unit, f.Line, f.Label)
				}
			}
		})
	}
}

func hasRule(fs []model.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
