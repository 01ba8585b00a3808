package text

import (
	"strings"
	"testing"

	"gongkai/model"
)

// A disclosure of another department and region, written the way other
// Hubei and national 部门预算公开 documents are: no markdown, 一、 headings,
// the older 基本支出/项目支出 wording with shares, the 三公 parts with their
// own changes, 政府采购 by kind, 国有资产 with vehicles, several 编制 kinds.
const genreDoc = `湖北省某某县自然资源和规划局2025年部门预算
一、部门基本情况
（一）机构设置
本部门内设机构8个。
（二）人员情况
编制人数45人，其中：行政编制30人，事业编制12人，工勤编制3人。实有人数43人，离退休人员12人。
二、收支预算情况
2025年部门收入预算1,270.82万元，比上年减少35.6万元，下降2.73%。
2025年部门支出预算1,270.82万元，其中：基本支出870.82万元，占68.52%；项目支出400万元，占31.48%。
三、“三公”经费预算情况
2025年“三公”经费预算15.5万元，比上年减少2万元，下降11.43%。其中：因公出国（境）费0万元，与上年持平；公务用车购置及运行维护费10.5万元，其中：公务用车购置费0万元，公务用车运行维护费10.5万元；公务接待费5万元，比上年减少0.5万元。
四、政府采购预算情况
2025年政府采购预算总额85万元，其中：货物类30万元、工程类0万元、服务类55万元。
五、国有资产占用情况
截至2024年12月31日，本部门共有车辆3辆。
六、其他说明
本部门办公楼维修费用为3000元。
`

func TestGenre(t *testing.T) {
	r, err := Parse(strings.NewReader(genreDoc), Options{Name: "genre.txt"})
	if err != nil {
		t.Fatal(err)
	}
	d := r.Disclosure
	if d.Department != "湖北省某某县自然资源和规划局" || d.Year != 2025 || d.Unit != "万元" {
		t.Errorf("department %q year %d unit %q", d.Department, d.Year, d.Unit)
	}
	want := []fig{
		{4, "staffing.offices", "8", "个"},
		{6, "staffing.authorized", "45", "人"},
		{6, "staffing.kinds[行政编制]", "30", "人"},
		{6, "staffing.kinds[事业编制]", "12", "人"},
		{6, "staffing.kinds[工勤编制]", "3", "人"},
		{6, "staffing.actual", "43", "人"},
		{6, "staffing.retired", "12", "人"},
		{8, "income.total", "1270.82", "万元"},
		{8, "income.change", "-35.6", "万元"},
		{8, "income.change_percent", "-2.73", "%"},
		{9, "expenditure.total", "1270.82", "万元"},
		{9, "expenditure.by_category[基本支出]", "870.82", "万元"},
		{9, "expenditure.by_category[基本支出].share", "68.52", "%"},
		{9, "expenditure.by_category[项目支出]", "400", "万元"},
		{9, "expenditure.by_category[项目支出].share", "31.48", "%"},
		{11, "three_public.total", "15.5", "万元"},
		{11, "three_public.change", "-2", "万元"},
		{11, "three_public.change_percent", "-11.43", "%"},
		{11, "three_public.abroad", "0", "万元"},
		{11, "three_public.abroad_change", "0", "万元"}, // 与上年持平
		{11, "three_public.vehicle", "10.5", "万元"},
		{11, "three_public.vehicle_purchase", "0", "万元"},
		{11, "three_public.vehicle_operation", "10.5", "万元"},
		{11, "three_public.reception", "5", "万元"},
		{11, "three_public.reception_change", "-0.5", "万元"},
		{13, "procurement.total", "85", "万元"},
		{13, "procurement.goods", "30", "万元"},
		{13, "procurement.works", "0", "万元"},
		{13, "procurement.services", "55", "万元"},
		{15, "assets.vehicles", "3", "辆"},
	}
	// figure-only keys (no field in the model) are listed but not looked up
	var inModel []fig
	for _, f := range want {
		if !strings.HasSuffix(f.key, ".share") {
			inModel = append(inModel, f)
		}
	}
	got := r.Figures
	if len(got) != len(want) {
		t.Errorf("%d figures, want %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i].Key != want[i].key || got[i].Value.String() != want[i].value || got[i].Line != want[i].line || got[i].Unit != want[i].unit {
			t.Errorf("figure %d = %d %s %s %s, want %v", i, got[i].Line, got[i].Key, got[i].Value, got[i].Unit, want[i])
		}
	}
	for _, f := range inModel {
		if v, ok := narrativeValue(t, d.Narrative, f.key); !ok || v != f.value {
			t.Errorf("narrative %s = %q, want %q", f.key, v, f.value)
		}
	}
	// 3000元 in a 万元 document: not read as 万元, not converted; reported
	if len(r.Unread) != 1 || r.Unread[0].Line != 17 {
		t.Errorf("unread = %v, want line 17 (3000元)", r.Unread)
	}
	if d.Narrative.Words["three_public.abroad_change"] != "持平" {
		t.Errorf("words: %v", d.Narrative.Words)
	}
}

// A figure stated twice with different values keeps the first and gets a
// finding naming both lines; stated twice alike, no finding.
func TestDuplicateKey(t *testing.T) {
	doc := "某局2025年部门预算公开\n" +
		"2025年预算收入总额100万元。\n" +
		"2025年预算收入总额100万元。\n" +
		"2025年预算收入总额120万元。\n"
	r, err := Parse(strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := r.Disclosure.Narrative
	if n.Income.Total.String() != "100" || n.Lines["income.total"] != 2 {
		t.Errorf("income.total = %s (line %d), want the first: 100 on line 2", n.Income.Total, n.Lines["income.total"])
	}
	var p2 []model.Finding
	for _, f := range r.Findings {
		if f.Rule == "P2" {
			p2 = append(p2, f)
		}
	}
	if len(p2) != 1 || p2[0].Line != 4 || !strings.Contains(p2[0].Message, "第2行") || !strings.Contains(p2[0].Message, "第4行") {
		t.Errorf("P2 findings = %v", p2)
	}
	if len(r.Figures) != 3 {
		t.Errorf("every statement is listed: %d figures", len(r.Figures))
	}
}

// A document cut off in the middle gives blank for what it does not state,
// never a wrong value.
func TestTruncated(t *testing.T) {
	full := "某局2025年部门预算公开\n" +
		"2025年预算收入总额296.01万元，比上年251.79万元预算增加44.22万元，增长17.56%。\n" +
		"2025年机关运行经费预算总额7.31万元，比上年预算增加0.03万元。\n"
	for cut := 0; cut <= len(full); cut++ {
		r, err := Parse(strings.NewReader(full[:cut]), Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := r.Disclosure.Narrative
		if n == nil {
			continue
		}
		for key, want := range map[string]string{
			"income.total": "296.01", "income.prior_total": "251.79", "income.change": "44.22",
			"income.change_percent": "17.56", "operating_costs.total": "7.31", "operating_costs.change": "0.03",
		} {
			v, _ := narrativeValue(t, n, key)
			if v != "null" && v != want {
				t.Errorf("cut at %d: %s = %q, want %q or null", cut, key, v, want)
			}
		}
	}
}

// Encodings that are not text are an error with the file name; empty input
// is not.
func TestErrors(t *testing.T) {
	_, err := Parse(strings.NewReader("\x00\x01\x02\xff\xfe\xfd\x80\x81\x00\x00\x00binary"), Options{Name: "x.bin"})
	if err == nil {
		t.Fatal("binary input must fail")
	}
	var pe *model.ParseError
	if !asParseError(err, &pe) || pe.File != "x.bin" || !isErr(err, model.ErrEncoding) {
		t.Errorf("err = %v", err)
	}
	if _, err := ParseFile("testdata/does-not-exist.txt"); err == nil || !isErr(err, ErrRead) {
		t.Errorf("missing file: %v", err)
	}
	r, err := Parse(strings.NewReader(""), Options{})
	if err != nil || r.Disclosure == nil || len(r.Figures) != 0 {
		t.Errorf("empty input: %v %v", r, err)
	}
}

// Wordings that must not produce a wrong value: a share after an unread
// figure, vehicles by kind, a value that belongs to another clause, the
// 一般公共预算 part of the expenditure.
func TestGenreTraps(t *testing.T) {
	doc := "某局2025年部门预算公开\n" +
		"一、收支预算情况\n" +
		"2025年部门支出预算500万元。一般公共预算财政拨款支出预算450万元。\n" +
		"二、政府采购预算情况\n" +
		"2025年政府采购预算总额85万元，其中：服务类55万元。授予中小企业合同金额40万元，占政府采购预算的47.06%。\n" +
		"三、国有资产占用情况\n" +
		"截至2024年底，本部门共有车辆3辆，其中：一般公务用车2辆、执法执勤用车1辆；单位价值50万元以上通用设备0台（套）。\n"
	r, err := Parse(strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := r.Disclosure.Narrative
	if n.Expenditure.Total.String() != "500" {
		t.Errorf("expenditure.total = %s, want 500 (450 is the 一般公共预算 part)", n.Expenditure.Total)
	}
	if n.Assets.Vehicles.String() != "3" {
		t.Errorf("vehicles = %s", n.Assets.Vehicles)
	}
	if hasFinding(r.Findings, "P2", 0) {
		t.Errorf("no figure is stated twice: %v", r.Findings)
	}
	var unread []int
	for _, u := range r.Unread {
		unread = append(unread, u.Line)
	}
	// line 5: 授予中小企业合同金额 (and its share); line 7: 单位价值50万元 …
	if !equalInts(unread, []int{5, 7}) {
		t.Errorf("unread lines %v, want [5 7]", unread)
	}
	for _, f := range r.Figures {
		if strings.HasSuffix(f.Key, ".share") || strings.Contains(f.Key, "vehicles.value") {
			t.Errorf("misattributed figure %s = %s", f.Key, f.Value)
		}
	}
}

// The layout of many county disclosures: 收支总预算, 本年收入中 … 占, a
// 财政拨款 section that lists function classes with shares, one fund's
// expenditure apart from the total.
func TestGenreCounty(t *testing.T) {
	doc := "某县农业农村局2024年部门预算\n" +
		"一、收支预算总体情况\n" +
		"某县农业农村局2024年收支总预算1,234.56万元。\n" +
		"二、收入预算情况\n" +
		"2024年收入预算1,234.56万元，其中：上年结转0万元，本年收入1,234.56万元。本年收入中，一般公共预算拨款收入1,200万元，占97.2%；事业收入34.56万元，占2.8%。\n" +
		"三、支出预算情况\n" +
		"2024年支出预算1,234.56万元，其中：基本支出800万元，占64.8%；项目支出434.56万元，占35.2%。\n" +
		"四、一般公共预算支出情况\n" +
		"2024年一般公共预算拨款支出1,200万元，比上年增加100万元，增长9.09%。\n" +
		"一般公共服务支出800万元，占66.67%；农林水支出400万元，占33.33%。\n"
	r, err := Parse(strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := r.Disclosure.Narrative
	for key, want := range map[string]string{
		"income.total":                       "1234.56",
		"income.sources[上年结转]":               "0",
		"income.sources[一般公共预算拨款收入]":         "1200",
		"income.sources[事业收入]":               "34.56",
		"expenditure.total":                  "1234.56",
		"expenditure.by_category[基本支出]":      "800",
		"expenditure.by_category[项目支出]":      "434.56",
		"expenditure.by_function[0]":         "800",
		"expenditure.by_function[0].percent": "66.67",
		"expenditure.by_function[1]":         "400",
		"expenditure.by_function[1].percent": "33.33",
		"expenditure.change":                 "null", // the +100 is the 一般公共预算 part's
	} {
		if v, ok := narrativeValue(t, n, key); !ok || v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
	if hasFinding(r.Findings, "P2", 0) {
		t.Errorf("findings: %v", r.Findings)
	}
	if len(r.Unread) != 0 {
		t.Errorf("unread: %v", r.Unread)
	}
	keys := map[string]bool{}
	for _, f := range r.Figures {
		keys[f.Key] = true
	}
	for _, k := range []string{"expenditure.by_fund[一般公共预算拨款支出]", "expenditure.by_fund[一般公共预算拨款支出].change", "expenditure.by_fund[一般公共预算拨款支出].change_percent"} {
		if !keys[k] {
			t.Errorf("figure %s missing; have %v", k, keys)
		}
	}
}

// 年初预算数, and 支出构成 without shares.
func TestGenreYearStartAndComposition(t *testing.T) {
	r := parseString(t, "某中心2025年部门预算公开\n"+
		"一、预算收支情况\n"+
		"2025年年初预算数为88.5万元，较2024年增加16.26万元。\n"+
		"2025年预算支出总额88.5万元。本年支出构成为：一般公共服务支出80万元、社会保障和就业支出8.5万元。\n")
	n := r.Disclosure.Narrative
	fs := n.Expenditure.ByFunction
	if n.Income.Total.String() != "88.5" || n.Income.Change.String() != "16.26" || n.Words["income.change"] != "增加" ||
		len(fs) != 2 || fs[0].Name != "一般公共服务支出" || fs[0].Amount.String() != "80" || !fs[0].Percent.IsBlank() || fs[1].Amount.String() != "8.5" {
		t.Errorf("narrative: income %s %s, functions %+v", n.Income.Total, n.Income.Change, fs)
	}
	if len(r.Unread) != 0 {
		t.Errorf("unread %v", r.Unread)
	}
}
