package text

import (
	"strings"
	"testing"

	"gongkai/model"
)

// Every number of the 2023 narrative (spec/forms.md §7.6), with its line.
var want2023 = []fig{
	{50, "staffing.offices", "3", "个"},
	{58, "staffing.authorized", "7", "人"},
	{58, "staffing.kinds[事业编制]", "6", "人"},
	{58, "staffing.retired", "0", "人"}, // 无离退休人员
	{64, "income.total", "231.79", "万元"},
	{64, "income.prior_total", "353.31", "万元"},
	{64, "income.change", "-121.52", "万元"},
	{64, "income.change_percent", "-34.39", "%"},
	{64, "income.sources[一般公共预算财政拨款]", "231.79", "万元"},
	{64, "income.sources[政府性基金预算财政拨款收入]", "0", "万元"},
	{64, "income.sources[国有资本经营预算财政拨款收入]", "0", "万元"},
	{64, "income.sources[财政专户管理资金收入]", "0", "万元"},
	{64, "income.sources[单位资金收入]", "0", "万元"},
	{64, "income.sources[上年结余结转]", "0", "万元"},
	{66, "expenditure.total", "231.79", "万元"},
	{66, "expenditure.change", "-121.52", "万元"}, // "增加减少": kept, the last word decides the sign, P1
	{66, "expenditure.change_percent", "-34.39", "%"},
	{66, "expenditure.by_category[人员类项目支出]", "44.54", "万元"},
	{66, "expenditure.by_category[公用经费项目支出]", "7.25", "万元"},
	{66, "expenditure.by_category[其他运转类项目支出]", "0", "万元"},
	{66, "expenditure.by_category[特定目标类项目支出]", "180", "万元"},
	{66, "expenditure.by_function[0]", "219.83", "万元"},
	{66, "expenditure.by_function[0].percent", "94.84", "%"},
	{66, "expenditure.by_function[1]", "4.8", "万元"},
	{66, "expenditure.by_function[1].percent", "2.07", "%"},
	{66, "expenditure.by_function[2]", "3.3", "万元"},
	{66, "expenditure.by_function[2].percent", "1.42", "%"},
	{70, "operating_costs.total", "7.25", "万元"},
	{70, "operating_costs.change", "-0.56", "万元"},
	{70, "operating_costs.change_percent", "-7.17", "%"},
	{70, "operating_costs.items[0]", "1.5", "万元"},
	{70, "operating_costs.items[1]", "0.3", "万元"},
	{70, "operating_costs.items[2]", "0.12", "万元"},
	{70, "operating_costs.items[3]", "0.48", "万元"},
	{70, "operating_costs.items[4]", "0.6", "万元"},
	{70, "operating_costs.items[5]", "0.18", "万元"},
	{70, "operating_costs.items[6]", "1.2", "万元"},
	{70, "operating_costs.items[7]", "0.18", "万元"},
	{70, "operating_costs.items[8]", "0.3", "万元"},
	{70, "operating_costs.items[9]", "0.12", "万元"},
	{70, "operating_costs.items[10]", "0.12", "万元"},
	{70, "operating_costs.items[11]", "0.35", "万元"},
	{70, "operating_costs.items[12]", "0.9", "万元"},
	{70, "operating_costs.items[13]", "0.9", "万元"},
	{74, "three_public.total", "0.12", "万元"},
	{74, "three_public.change", "-0.01356", "万元"},
	{74, "three_public.change_percent", "-10.15", "%"},
	{74, "three_public.reception", "1.2", "万元"}, // V1: kept as stated
	{74, "three_public.reception_change", "-0.01356", "万元"},
	{74, "three_public.reception_change_percent", "-10.15", "%"},
	{74, "three_public.abroad", "0", "万元"},
	{74, "three_public.vehicle_operation", "0", "万元"},
	{78, "procurement.total", "0", "万元"},
	{78, "procurement.change", "0", "万元"}, // "较上年增加0万元", P4
	{82, "assets.total", "194.0179", "万元"},
	{82, "assets.fixed_count", "111", "件(套)"},
	{82, "assets.fixed", "23.6529", "万元"},
	{82, "assets.intangible_count", "6", "件(套)"},
	{82, "assets.intangible", "170.365", "万元"},
}

// Every number of the 2026 narrative.
var want2026 = []fig{
	{9, "staffing.offices", "3", "个"},
	{13, "staffing.authorized", "7", "人"},
	{13, "staffing.kinds[事业编制]", "7", "人"},
	{13, "staffing.retired", "0", "人"},
	{17, "income.total", "296.01", "万元"},
	{17, "income.prior_total", "251.79", "万元"},
	{17, "income.change", "44.22", "万元"},
	{17, "income.change_percent", "17.56", "%"},
	{17, "income.sources[一般公共预算财政拨款]", "296.01", "万元"},
	{17, "income.sources[政府性基金预算财政拨款收入]", "0", "万元"},
	{17, "income.sources[国有资本经营预算财政拨款收入]", "0", "万元"},
	{17, "income.sources[财政专户管理资金收入]", "0", "万元"},
	{17, "income.sources[单位资金收入]", "0", "万元"},
	{17, "income.sources[上年结余结转]", "0", "万元"},
	{18, "expenditure.total", "296.01", "万元"},
	{18, "expenditure.change", "44.22", "万元"},
	{18, "expenditure.change_percent", "17.56", "%"},
	{18, "expenditure.by_category[人员类项目支出]", "70.7", "万元"},
	{18, "expenditure.by_category[公用经费项目支出]", "7.31", "万元"},
	{18, "expenditure.by_category[其他运转类项目支出]", "0", "万元"},
	{18, "expenditure.by_category[特定目标类项目支出]", "218", "万元"},
	{18, "expenditure.by_function[0]", "278.39", "万元"},
	{18, "expenditure.by_function[0].percent", "94.05", "%"},
	{18, "expenditure.by_function[1]", "8", "万元"},
	{18, "expenditure.by_function[1].percent", "2.70", "%"},
	{18, "expenditure.by_function[2]", "3.3", "万元"},
	{18, "expenditure.by_function[2].percent", "1.11", "%"},
	{18, "expenditure.by_function[3]", "6.33", "万元"},
	{18, "expenditure.by_function[3].percent", "2.14", "%"},
	{20, "operating_costs.total", "7.31", "万元"},
	{20, "operating_costs.change", "0.03", "万元"},
	{20, "operating_costs.change_percent", "0.41", "%"},
	{20, "operating_costs.items[0]", "1.5", "万元"},
	{20, "operating_costs.items[1]", "0.3", "万元"},
	{20, "operating_costs.items[2]", "0.12", "万元"},
	{20, "operating_costs.items[3]", "0.48", "万元"},
	{20, "operating_costs.items[4]", "0.6", "万元"},
	{20, "operating_costs.items[5]", "0.18", "万元"},
	{20, "operating_costs.items[6]", "1.2", "万元"},
	{20, "operating_costs.items[7]", "0.18", "万元"},
	{20, "operating_costs.items[8]", "0.3", "万元"},
	{20, "operating_costs.items[9]", "0.12", "万元"},
	{20, "operating_costs.items[10]", "0.12", "万元"},
	{20, "operating_costs.items[11]", "0.41", "万元"},
	{20, "operating_costs.items[12]", "1.8", "万元"},
	{22, "three_public.total", "0.12", "万元"},
	{22, "three_public.change", "0", "万元"}, // 较上年预算无变化
	{22, "three_public.reception", "0.12", "万元"},
	{22, "three_public.reception_change", "0", "万元"}, // 较上年无变化
	{22, "three_public.abroad", "0", "万元"},
	{22, "three_public.vehicle_operation", "0", "万元"},
	{24, "procurement.total", "0", "万元"},
	{26, "assets.total", "553.16", "万元"},
	{26, "assets.fixed", "24.13", "万元"},
	{26, "assets.intangible", "529.03", "万元"},
}

// The 2023 project sheet (项目申报表, section 六) has no place in the model
// (spec/forms.md §7.5): its numbered lines are reported as unread, so that
// the user sees them. Nothing else of the seed is unread.
var unread2023 = []int{88, 94, 95, 96, 97, 98, 99, 101, 102, 103, 106, 107, 113, 114, 117, 118, 126, 132, 135, 145}

func TestSeed2023(t *testing.T) {
	r, err := ParseFile(seedPath(t, seed2023))
	if err != nil {
		t.Fatal(err)
	}
	d := r.Disclosure
	if d.Department != "天门市12345公共服务热线中心" || d.Year != 2023 || d.Unit != "万元" || r.Encoding != EncUTF8 {
		t.Errorf("department %q year %d unit %q encoding %q", d.Department, d.Year, d.Unit, r.Encoding)
	}
	n := d.Narrative
	if n.Department != d.Department || n.Year == nil || *n.Year != 2023 || n.Unit != "万元" {
		t.Errorf("narrative header: %q %v %q", n.Department, n.Year, n.Unit)
	}
	assertFigures(t, r, want2023, true)
	if n.Words["expenditure.change"] != "增加减少" || n.Words["income.change"] != "减少" || n.Words["income.change_percent"] != "下降" {
		t.Errorf("words = %v", n.Words)
	}
	var lines []int
	for _, u := range r.Unread {
		lines = append(lines, u.Line)
	}
	if !equalInts(lines, unread2023) {
		t.Errorf("unread lines = %v, want the project sheet %v", lines, unread2023)
	}
	assertTables2023(t, d)
	// parsing findings: V2 (P1), V11 (P4), V13 (P5), V14 (P6 twice)
	for _, w := range []struct {
		rule string
		line int
	}{{"P1", 66}, {"P4", 78}, {"P6", 164}} {
		if !hasFinding(r.Findings, w.rule, w.line) {
			t.Errorf("no finding %s on line %d; findings: %v", w.rule, w.line, r.Findings)
		}
	}
	if model.HasErrors(r.Findings) != true {
		t.Error("the contradictory 增加减少 must be an error")
	}
}

func TestSeed2026(t *testing.T) {
	r, err := ParseFile(seedPath(t, seed2026))
	if err != nil {
		t.Fatal(err)
	}
	d := r.Disclosure
	if d.Department != "天门市12345公共服务热线中心" || d.Year != 2026 || d.Unit != "万元" {
		t.Errorf("department %q year %d unit %q", d.Department, d.Year, d.Unit)
	}
	assertFigures(t, r, want2026, true)
	if len(r.Unread) != 0 {
		t.Errorf("unread: %v", r.Unread)
	}
	if w := d.Narrative.Words["three_public.change"]; w != "无变化" {
		t.Errorf("three_public.change word = %q", w)
	}
	if countTables(&d.Tables) != 0 {
		t.Error("the 2026 seed has no tables")
	}
	// V13: mixed % and ％, spaces before units
	if !hasFinding(r.Findings, "P5", 0) || model.HasErrors(r.Findings) {
		t.Errorf("findings: %v", r.Findings)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// dumpExp writes an ExpenditureTable one row a line: level|unit code|unit
// name|func code|func name|总计|人员类|公用经费|其他运转类|特定目标类.
func dumpExp(t *model.ExpenditureTable) string {
	var b strings.Builder
	for _, r := range t.Rows {
		b.WriteString(strings.Join([]string{string(r.Level), r.UnitCode, r.UnitName, r.FuncCode, r.FuncName, r.Total.String(), r.Personnel.String(), r.Public.String(), r.OtherOperating.String(), r.Specific.String()}, "|"))
		b.WriteByte('\n')
	}
	return b.String()
}

func dumpBasic(t *model.BasicTable) string {
	var b strings.Builder
	for _, r := range t.Rows {
		b.WriteString(strings.Join([]string{string(r.Level), r.Code, r.Name, r.Total.String(), r.Personnel.String(), r.Public.String()}, "|"))
		b.WriteByte('\n')
	}
	return b.String()
}

func dumpFund(name string, f model.FundAmounts) string {
	return strings.Join([]string{name, f.Total.String(), f.General.String(), f.GovFund.String(), f.StateCapital.String()}, "|") + "\n"
}

func dumpSummary(t *model.SummaryTable) string {
	var b strings.Builder
	for _, l := range t.Income {
		b.WriteString("income|" + l.Key + "|" + l.Label + "|" + l.Amount.String() + "\n")
	}
	b.WriteString("income_total|" + t.IncomeTotal.String() + "\n")
	b.WriteString("carryover|" + t.Carryover.String() + "\n")
	for _, l := range t.CarryoverLines {
		b.WriteString("carryover_line|" + l.Key + "|" + l.Label + "|" + l.Amount.String() + "\n")
	}
	b.WriteString("income_grand_total|" + t.IncomeGrandTotal.String() + "\n")
	for _, l := range t.Functions {
		b.WriteString(dumpFund("function|"+l.Code+"|"+l.Name, l.FundAmounts))
	}
	b.WriteString(dumpFund("category_total", t.CategoryTotal))
	for _, l := range t.Categories {
		b.WriteString(dumpFund("category|"+string(rune('0'+l.Level))+"|"+l.Name, l.FundAmounts))
	}
	b.WriteString(dumpFund("economic_total", t.EconomicTotal))
	for _, l := range t.Economic {
		b.WriteString(dumpFund("economic|"+l.Code+"|"+l.Name, l.FundAmounts))
	}
	b.WriteString(dumpFund("expenditure_total", t.ExpenditureTotal))
	b.WriteString(dumpFund("carry_forward", t.CarryForward))
	b.WriteString(dumpFund("expenditure_grand_total", t.ExpenditureGrandTotal))
	return b.String()
}

// Every cell of the four 2023 tables, as stated (blank cells blank, "0.00"
// and the one "0" kept).
const (
	want2023T03 = `total||合计|||231.79|44.54|7.25||180.00
section|04|行政政法科|||231.79|44.54|7.25||180.00
department|526|天门市政务服务和大数据管理局|||231.79|44.54|7.25||180.00
detail|52600|天门市12345公共|2010350|事业运行|218.93|32.57|6.35||180.00
detail|52600|天门市12345公共|2013150|事业运行|0.90||0.90||
detail|52600|天门市12345公共|2080505|机关事业单位基本养老保险缴费|4.80|4.80|||
detail|52600|天门市12345公共|2101102|事业单位医疗|3.30|3.30|||
detail|52600|天门市12345公共|2210201|住房公积金|3.87|3.87|||
`
	want2023T05 = `total||合计|||231.79|44.54|7.25||180.00
section|04|行政政法科|||231.79|44.54|7.25||180.00
department|526|天门市政务服务和大数据|||231.79|44.54|7.25||180.00
detail|526003|天门市12345公共服务|2010350|事业运行|218.93|32.57|6.35||180.00
detail|526003|天门市12345公共服务|2013150|事业运行|0.90||0.90||
detail|526003|天门市12345公共服务|2080505|机关事业单位基本养老保险|4.80|4.80|||
detail|526003|天门市12345公共服务|2101102|事业单位医疗|3.30|3.30|||
detail|526003|天门市12345公共服务|2210201|住房公积金|3.87|3.87|||
`
	want2023T06 = `total||合计|51.79|44.54|7.25
class|301|工资福利支出|44.54|44.54|0.00
item|30101|基本工资|17.87|17.87|0.00
item|30102|津贴补贴|2.68|2.68|0.00
item|30107|绩效工资|11.70|11.70|0.00
item|30108|机关事业单位基本养老保险缴费|4.80|4.80|0.00
item|30110|职工基本医疗保险缴费|3.30|3.30|0.00
item|30112|其他社会保障缴费|0.32|0.32|0.00
item|30113|住房公积金|3.87|3.87|0.00
class|302|商品和服务支出|7.25|0.00|7.25
item|30201|办公费|1.50|0.00|1.50
item|30202|印刷费|0.30|0.00|0.30
item|30205|水费|0.12|0.00|0.12
item|30206|电费|0.48|0.00|0.48
item|30207|邮电费|0.60|0.00|0.60
item|30209|物业管理费|0.18|0.00|0.18
item|30211|差旅费|1.20|0.00|1.20
item|30213|维修(护)费|0.18|0.00|0.18
item|30215|会议费|0.30|0.00|0.30
item|30216|培训费|0.12|0.00|0.12
item|30217|公务接待费|0.12|0.00|0.12
item|30226|劳务费|0.00|0.00|0.00
item|30228|工会经费|0.35|0.00|0.35
item|30229|福利费|0.90|0.00|0.90
item|30299|其他商品和服务支出|0.90|0.00|0.90
`
	want2023T04 = `income|general|二、一般公共预算财政拨款收入|231.79
income|gov_fund|三、政府性基金预算财政拨款收入|
income|state_capital|三、国有资本经营预算财政拨款收入|
income_total|231.79
carryover|
carryover_line|general|(一)一般公共预算|
carryover_line|gov_fund|(二)政府性基金预算|
carryover_line|state_capital|(三)国有资本经营预算|
income_grand_total|231.79
function|201|一般公共服务支出|219.83|219.83||
function|204|公共安全支出|0.00|||
function|209|教育支出|0.00|||
function|206|科学技术支出|0.00|||
function|207|文化旅游体育与传媒支出|0.00|||
function|208|社会保障和就业支出|4.80|4.80||
function|210|卫生健康支出|3.30|3.30||
function|211|节能环保支出|0.00|||
function|212|城乡社区支出|0.00|||
function|213|农林水支出|0.00|||
function|214|交通运输支出|0.00|||
function|215|资源勘探信息等支出|0.00|||
function|216|商业服务业等支出|0.00|||
function|217|金融支出|0.00|||
function|219|援助其他地区支出|0.00|||
function|220|自然资源海洋气象等支出|0.00|||
function|221|住房保障支出|3.87|3.87||
function|222|粮油物资储备支出|0.00|||
function|224|灾害防治及应急管理支出|0.00|||
function|227|预备费|0.00|||
function|229|其他支出|0.00|||
function|230|转移性支出|0.00|||
function|231|债务还本支出|0.00|||
function|232|债务付息支出|0.00|||
function|233|债务发行费用支出|0.00|||
function|228|国有资本经营支出|0|||
function|203|国防支出|0.00|||
category_total|231.79|231.79|0.00|0.00
category|1|一、人员类项目支出|44.54|44.54||
category|2|工资福利支出|44.54|44.54||
category|2|对个人和家庭的补助|0.00|||
category|1|二、运转类项目支出|7.25|7.25||
category|2|公用经费项目支出|7.25|7.25||
category|2|其他运转类项目支出|0.00|||
category|1|三、特定目标类项目支出|180.00|180.00||
category|2|本级支出项目|180.00|180.00||
category|2|转移性支出项目|0.00|||
economic_total|231.79|231.79|0.00|0.00
economic|501|工资福利支出|44.54|44.54||
economic|502|商品和服务支出|187.25|187.25||
economic|503|对个人和家庭的补助|0.00|||
economic|507|债务利息及费用支出|0.00|||
economic|509|资本性支出(基本建设)|0.00|||
economic|510|资本性支出|0.00|||
economic|511|对企业补助(基本建设)|0.00|||
economic|512|对企业补助|0.00|||
economic|513|对社会保障基金补助|0.00|||
economic|599|其他支出|0.00|||
expenditure_total|231.79|231.79|0.00|0.00
carry_forward|0.00|0.00|0.00|0.00
expenditure_grand_total|231.79|231.79|0.00|0.00
`
)

func assertTables2023(t *testing.T, d *model.Disclosure) {
	t.Helper()
	ts := d.Tables
	for _, id := range []model.TableID{model.T01, model.T02, model.T07, model.T08, model.T09, model.T10} {
		if ts.Present(id) {
			t.Errorf("%s is not in the 2023 text but was read", id)
		}
	}
	if ts.T03 == nil || ts.T04 == nil || ts.T05 == nil || ts.T06 == nil {
		t.Fatalf("tables 三 四 五 六 must be read: %v %v %v %v", ts.T03 != nil, ts.T04 != nil, ts.T05 != nil, ts.T06 != nil)
	}
	for _, c := range []struct{ name, got, want string }{
		{"表三", dumpExp(ts.T03), want2023T03},
		{"表五", dumpExp(ts.T05), want2023T05},
		{"表六", dumpBasic(ts.T06), want2023T06},
		{"表四", dumpSummary(ts.T04), want2023T04},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n%s", c.name, lineDiff(c.want, c.got))
		}
	}
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("- " + a + "\n+ " + c + "\n")
		}
	}
	return b.String()
}
