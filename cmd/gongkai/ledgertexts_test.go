package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Three function classes of 1.00 万元 each: rounded each to the nearest,
// the shares are 33.33% three times (99.99%); the document prints them
// adding up to 100.00%, and budget.json must state the same. The 201
// class holds the 公务用车 lines (purchase 0.20, running 0.20 万元).
const sharesLedger = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,经济科目名称,支出类别,资金性质,项目名称,三公类别,金额\n" +
	"901001,测试局,行政,2010101,30101,基本工资,人员类,一般公共预算,,,6000\n" +
	"901001,测试局,行政,2010101,30231,公务用车运行维护费,公用经费,一般公共预算,,公务用车运行维护费,2000\n" +
	"901001,测试局,行政,2010101,31013,公务用车购置,特定目标类,一般公共预算,车辆更新,公务用车购置费,2000\n" +
	"901001,测试局,行政,2080505,30108,机关事业单位基本养老保险缴费,人员类,一般公共预算,,,10000\n" +
	"901001,测试局,行政,2101101,30110,职工基本医疗保险缴费,人员类,一般公共预算,,,10000\n"

// exportHTML runs export --format html with args and returns the page's text
// with the markup and spaces removed.
func exportHTML(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := gk(append([]string{"export", "--format", "html", "-o", out}, args...)...); code != exitOK {
		t.Fatalf("export %v: exit %d\n%s", args, code, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(pages) != 1 {
		t.Fatalf("export --format html wrote %v", pages)
	}
	b, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), "")
	return spaces.ReplaceAllString(s, "")
}

// TestSharesSameInBudgetAndDocument: the shares of 本年支出构成 that build
// writes into budget.json are the ones the document prints, and add up to
// 100.00; validate --exact accepts them. The 公务用车 subtotal is stated.
func TestSharesSameInBudgetAndDocument(t *testing.T) {
	dir := t.TempDir()
	led := writeFile(t, dir, "ledger.csv", sharesLedger)
	built := filepath.Join(dir, "budget.json")
	if code, _, stderr := gk("build", led, "--department", "测试局", "--year", "2027", "-o", built); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Narrative struct {
			Expenditure struct {
				ByFunction []struct{ Name, Percent string } `json:"by_function"`
			}
			ThreePublic map[string]*string `json:"three_public"`
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	stated := map[string]string{}
	sum := decimal.Zero
	for _, f := range d.Narrative.Expenditure.ByFunction {
		stated[f.Name] = f.Percent
		sum = sum.Add(decimal.RequireFromString(f.Percent))
	}
	if len(stated) != 3 || !sum.Equal(decimal.NewFromInt(100)) {
		t.Errorf("budget.json by_function %+v: want 3 shares adding up to 100.00, sum %s", d.Narrative.Expenditure.ByFunction, sum)
	}
	html := exportHTML(t, built)
	printed := map[string]string{}
	for _, m := range regexp.MustCompile(`([^：；。，]+?)[0-9.]+万元，占本年支出([0-9.]+)%`).FindAllStringSubmatch(html, -1) {
		printed[m[1]] = m[2]
	}
	if len(printed) != 3 {
		t.Fatalf("the document prints %d shares: %v", len(printed), printed)
	}
	for name, p := range printed {
		if stated[name] != p {
			t.Errorf("%s: budget.json states %s%%, the document prints %s%%", name, stated[name], p)
		}
	}
	if code, out, stderr := gk("validate", "--exact", built); code != exitOK {
		t.Errorf("validate --exact: exit %d\n%s%s", code, out, stderr)
	}
	// 公务用车购置及运行费 = 0.2 + 0.2.
	tp := d.Narrative.ThreePublic
	if tp["vehicle"] == nil || *tp["vehicle"] != "0.4" || tp["vehicle_purchase"] == nil || *tp["vehicle_purchase"] != "0.2" {
		t.Errorf("three_public vehicle %v, purchase %v: want 0.4 and 0.2", tp["vehicle"], tp["vehicle_purchase"])
	}

	// A share that is neither the nearest rounding nor the document's is an
	// error of validate, located at its field.
	bad := strings.Replace(string(b), `"percent": "`+stated["一般公共服务支出"]+`"`, `"percent": "30.00"`, 1)
	if bad == string(b) {
		t.Fatalf("share of 一般公共服务支出 %q not found in budget.json", stated["一般公共服务支出"])
	}
	badPath := writeFile(t, dir, "bad.json", bad)
	code, out, _ := gk("validate", "--format", "json", badPath)
	if code != exitFindings || !strings.Contains(out, `"rule": "N5"`) || !strings.Contains(out, `"field": "expenditure.by_function[0]"`) {
		t.Errorf("validate of a wrong share: exit %d\n%s", code, out)
	}
}

// TestTextsInDocument: the texts of --texts (a CSV ledger) and of a 说明
// sheet (a workbook ledger) are in budget.json and in the document; a
// reason is printed where the figure changed against --prior.
func TestTextsInDocument(t *testing.T) {
	dir := t.TempDir()
	led := writeFile(t, dir, "ledger.csv", sharesLedger)
	prior := writeFile(t, dir, "prior.csv", strings.Replace(sharesLedger, ",6000\n", ",4000\n", 1))
	texts := writeFile(t, dir, "说明.csv", "项目,内容\n"+
		"主要职责,\"1．负责受理热线诉求。\n2．负责督办回访。\"\n"+
		"机构设置,内设综合科和受理科。\n"+
		"支出增减原因,人员工资标准调整。\n"+
		"绩效目标,热线接通率达到百分之九十五。\n"+
		"其他需要说明的情况,本年没有其他需要说明的事项。\n"+
		"收入增减原因,\n")
	flags := []string{"--department", "测试局", "--year", "2027", "--prior", prior}
	html := exportHTML(t, append([]string{led, "--texts", texts}, flags...)...)
	for _, want := range []string{"1．负责受理热线诉求。", "2．负责督办回访。", "内设综合科和受理科。",
		"支出增长的主要原因：人员工资标准调整。", "热线接通率达到百分之九十五。",
		"其他需要说明的情况本年没有其他需要说明的事项。"} {
		if !strings.Contains(html, want) {
			t.Errorf("--texts: the document lacks %q", want)
		}
	}
	// 收入增减原因 was left empty: nothing is written in its place.
	if strings.Contains(html, "收入增长的主要原因") {
		t.Error("an empty 收入增减原因 printed a reason")
	}
	// The same texts in a 说明 sheet of a workbook ledger.
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "明细")
	for i, line := range strings.Split(strings.TrimSpace(sharesLedger), "\n") {
		row := []any{}
		for _, c := range strings.Split(line, ",") {
			row = append(row, c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("明细", cell, &row)
	}
	f.NewSheet("说明")
	for i, r := range [][]any{{"项目", "内容"}, {"主要职责", "负责受理热线诉求。\n负责督办回访。"}, {"机构设置", "内设综合科和受理科。"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("说明", cell, &r)
	}
	book := filepath.Join(dir, "明细.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	html = exportHTML(t, book, "--department", "测试局", "--year", "2027")
	for _, want := range []string{"1．负责受理热线诉求。", "2．负责督办回访。", "内设综合科和受理科。"} {
		if !strings.Contains(html, want) {
			t.Errorf("说明 sheet: the document lacks %q", want)
		}
	}
	// A 说明 sheet and --texts are one too many; a bad label is located.
	code, _, stderr := gk("build", book, "--department", "测试局", "--year", "2027", "--texts", texts, "-o", filepath.Join(dir, "x.json"))
	if code != exitFindings || !strings.Contains(stderr, "工作簿已有“说明”表") {
		t.Errorf("说明 sheet and --texts: exit %d\n%s", code, stderr)
	}
	badTexts := writeFile(t, dir, "bad.csv", "项目,内容\n主要职责,x\n职能,y\n")
	code, _, stderr = gk("build", led, "--department", "测试局", "--year", "2027", "--texts", badTexts, "-o", filepath.Join(dir, "x.json"))
	if code != exitFindings || !strings.Contains(stderr, badTexts+":3: 说明的项目“职能”不认识：应为 主要职责、机构设置") {
		t.Errorf("bad label: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Error("build wrote its output despite the errors")
	}
	// --texts belongs to a ledger.
	code, _, stderr = gk("validate", writeFile(t, dir, "budget.json", `{"department": "测试局", "year": 2027}`), "--texts", texts)
	if code != exitUsage || !strings.Contains(stderr, "--texts 只用于预算明细输入") {
		t.Errorf("--texts with a JSON input: exit %d\n%s", code, stderr)
	}
}

// TestSampleTexts: 'gongkai sample --texts' is a texts file that build
// takes with 'gongkai sample --ledger', every text it gives ends up in
// budget.json, and the narrative no longer names those texts as missing.
func TestSampleTexts(t *testing.T) {
	dir := t.TempDir()
	code, texts, stderr := gk("sample", "--texts")
	if code != exitOK {
		t.Fatalf("sample --texts: exit %d\n%s", code, stderr)
	}
	led := writeFile(t, dir, "预算明细.csv", sampleLedger(t))
	tf := writeFile(t, dir, "说明.csv", texts)
	built := filepath.Join(dir, "budget.json")
	if code, _, stderr := gk("build", led, "--texts", tf, "-o", built); code != exitOK {
		t.Fatalf("build --texts: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Texts struct {
			Duties       []string
			Organization string
			Units        string
			Reasons      map[string]string
			Performance  []string
			Other        []string
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	x := d.Texts
	if len(x.Duties) != 3 || x.Organization == "" || x.Units == "" || len(x.Reasons) != 5 || len(x.Performance) != 2 || len(x.Other) != 1 {
		t.Errorf("texts of sample --texts: %+v", x)
	}
	if x.Reasons["procurement"] != "" {
		t.Errorf("an empty 政府采购增减原因 became %q", x.Reasons["procurement"])
	}
	code, out, stderr := gk("narrative", led, "--texts", tf)
	if code != exitOK {
		t.Fatalf("narrative: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(out, x.Duties[0]) || strings.Contains(stderr, "texts.duties") || strings.Contains(stderr, "texts.organization") {
		t.Errorf("narrative --texts: duties not printed or still named missing\n%s\n%s", out, stderr)
	}
	if code, _, _ := gk("sample", "--texts", "--ledger"); code != exitUsage {
		t.Errorf("sample --texts --ledger: exit %d, want %d", code, exitUsage)
	}
}
