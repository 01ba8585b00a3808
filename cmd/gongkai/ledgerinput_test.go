package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// sampleLedger is the text of 'gongkai sample --ledger'.
func sampleLedger(t *testing.T) string {
	t.Helper()
	var sample bytes.Buffer
	if code := run([]string{"sample", "--ledger"}, strings.NewReader(""), &sample, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("sample --ledger: exit %d", code)
	}
	return sample.String()
}

// runIn runs gongkai with args and returns its exit status and output.
func runIn(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A UTF-8 CSV ledger longer than the part of a file looked at to tell its
// kind is read as a ledger by validate and export, wherever that part ends.
func TestLongCSVLedger(t *testing.T) {
	s := sampleLedger(t)
	head, body, _ := strings.Cut(s, "\n\n")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	dir := t.TempDir()
	for pad := 0; pad < 3; pad++ {
		// Pad the department name so the cut falls at each byte of a
		// three-byte character; repeat the lines (amounts add up) past 4 KB.
		text := strings.Replace(head, "部门名称,", "部门名称,"+strings.Repeat(" ", pad), 1) + "\n\n" + lines[0] + "\n"
		for len(text) < 16<<10 {
			text += strings.Join(lines[1:], "\n") + "\n"
		}
		in := writeFile(t, dir, "预算明细.csv", text)
		code, _, stderr := runIn("validate", in)
		if code == exitUsage || strings.Contains(stderr, "已公开") {
			t.Errorf("pad %d: validate of a %d-byte UTF-8 ledger: exit %d, %s", pad, len(text), code, stderr)
		}
	}
}

// A ledger with a 事业单位 spending 一般公共预算 公用经费 builds a
// budget.json whose 机关运行经费 covers only some units (partial: true);
// validate and export read that JSON.
func TestBuiltPartialOperatingCostsReads(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "预算明细.csv", strings.ReplaceAll(sampleLedger(t), ",参公,", ",事业,"))
	js := filepath.Join(dir, "budget.json")
	if code, _, stderr := runIn("build", in, "-o", js); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(js)
	if !bytes.Contains(b, []byte(`"partial": true`)) {
		t.Fatal("the built JSON has no partial operating costs: the test does not test them")
	}
	if code, stdout, stderr := runIn("validate", js); code != exitOK {
		t.Errorf("validate of the built JSON: exit %d: %s%s", code, stdout, stderr)
	}
	if code, _, stderr := runIn("export", js, "-o", filepath.Join(dir, "out"), "--format", "xlsx"); code != exitOK {
		t.Errorf("export of the built JSON: exit %d: %s", code, stderr)
	}
}

// ledgerWorkbook turns a CSV ledger (details above the header) into a
// workbook. With split, the details go to a 基本信息 sheet and the lines
// to a 明细 sheet (codes as text, amounts as numbers); edit may change it
// further. Without split, one sheet holds every row where the CSV has it,
// as LibreOffice saves the CSV as .xlsx.
func ledgerWorkbook(t *testing.T, csvText string, split bool, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	head, body, _ := strings.Cut(csvText, "\n\n")
	put := func(sheet string, r int, cells []string) {
		for c, v := range cells {
			name, _ := excelize.CoordinatesToCellName(c+1, r)
			if n, err := strconv.ParseFloat(v, 64); err == nil && c == len(cells)-1 && r > 1 && split {
				f.SetCellValue(sheet, name, n)
			} else if v != "" {
				f.SetCellStr(sheet, name, v)
			}
		}
	}
	if split {
		f.SetSheetName("Sheet1", "基本信息")
		for i, line := range strings.Split(head, "\n") {
			put("基本信息", i+1, strings.Split(line, ","))
		}
		f.NewSheet("明细")
		for i, line := range strings.Split(strings.TrimSpace(body), "\n") {
			put("明细", i+1, strings.Split(line, ","))
		}
	} else {
		for i, line := range strings.Split(strings.TrimRight(csvText, "\n"), "\n") {
			put("Sheet1", i+1, strings.Split(line, ","))
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A 公开日期 typed as a date cell in the 基本信息 sheet: build writes the
// date, and export of the workbook works. A date that is not one is named
// at its cell, exit 1, nothing written.
func TestLedgerDateCell(t *testing.T) {
	dir := t.TempDir()
	s := sampleLedger(t)
	good := writeFile(t, dir, "good.xlsx", string(ledgerWorkbook(t, s, true, func(f *excelize.File) {
		f.SetCellStr("基本信息", "A11", "公开日期")
		f.SetCellValue("基本信息", "B11", time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC))
	})))
	js := filepath.Join(dir, "budget.json")
	if code, _, stderr := runIn("build", good, "-o", js); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(js); !bytes.Contains(b, []byte(`"date": "2023-03-15"`)) {
		t.Errorf("build wrote no date 2023-03-15")
	}
	if code, _, stderr := runIn("export", good, "-o", filepath.Join(dir, "out"), "--format", "xlsx"); code != exitOK {
		t.Errorf("export good.xlsx: exit %d: %s", code, stderr)
	}
	bad := writeFile(t, dir, "bad.xlsx", string(ledgerWorkbook(t, s, true, func(f *excelize.File) {
		f.SetCellStr("基本信息", "A11", "公开日期")
		f.SetCellStr("基本信息", "B11", "2023-02-30")
	})))
	out := filepath.Join(dir, "badout")
	for _, args := range [][]string{{"build", bad, "-o", filepath.Join(out, "b.json")}, {"validate", bad}, {"export", bad, "-o", out}} {
		code, _, stderr := runIn(args...)
		if code != exitFindings || !strings.Contains(stderr, "bad.xlsx: 基本信息!B11: 公开日期“2023-02-30”不是日期") {
			t.Errorf("%s bad.xlsx: exit %d, %s", args[0], code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written from a ledger with a bad date", out)
	}
}

// One exit rule for a ledger's content, whichever command reads it: build,
// validate and export exit 1, list every problem with its place, end with
// a count line, and write nothing.
func TestLedgerContentOneRule(t *testing.T) {
	s := sampleLedger(t)
	line := func(n int) string { return strings.Split(s, "\n")[n-1] }
	lines := strings.Split(s, "\n")
	edit := func(n int, old, new string) string {
		ls := append([]string(nil), lines...)
		ls[n-1] = strings.Replace(ls[n-1], old, new, 1)
		return strings.Join(ls, "\n")
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"unit with two names", edit(13, "天门市12345公共服务热线中心,参公", "热线中心,参公"), "预算明细.csv:13: 单位 526003 的名称“热线中心”"},
		// named at the negative line (appended last), not the cell's first
		{"cell netting negative", s + strings.Replace(line(12), ",178740", ",-200000", 1) + "\n",
			"预算明细.csv:" + strconv.Itoa(len(lines)) + ": 单位 526003、功能科目 2010350、经济科目 30101、人员类项目支出、一般公共预算 各行合计为负数 -21260.00 元（负数行：第 " + strconv.Itoa(len(lines)) + " 行）"},
		{"unit outside the department", strings.Replace(s, "主管部门编码,526", "主管部门编码,527", 1), "预算明细.csv:12: 单位 526003 天门市12345公共服务热线中心 不属于主管部门 527"},
		{"both category schemes", edit(14, ",人员类,", ",基本支出,"), "预算明细.csv:14: 支出类别“基本支出”与第 12 行的“人员类项目支出”是两种口径"},
		{"no department name", strings.Replace(s, "部门名称,", "名称,", 1), "预算明细.csv: 缺少部门名称"},
		{"no year", strings.Replace(s, "年度,2023", "年度,", 1), "预算明细.csv: 缺少预算年度"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeFile(t, dir, "预算明细.csv", tc.text)
			out := filepath.Join(dir, "out")
			for _, args := range [][]string{{"build", in, "-o", filepath.Join(out, "b.json")}, {"validate", in}, {"export", in, "-o", out}, {"narrative", in}} {
				code, _, stderr := runIn(args...)
				if code != exitFindings || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "gongkai "+args[0]+": 共 1 处问题") {
					t.Errorf("gongkai %s: exit %d, stderr:\n%s\nwant exit 1, %q and a count line", args[0], code, stderr, tc.want)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written from a ledger with problems", out)
			}
		})
	}
}

// A workbook with its own 收入 sheet and --income: refused (exit 1), the
// two are not added together.
func TestIncomeTwice(t *testing.T) {
	dir := t.TempDir()
	book := writeFile(t, dir, "预算明细.xlsx", string(ledgerWorkbook(t, sampleLedger(t), true, func(f *excelize.File) {
		f.NewSheet("收入")
		f.SetSheetRow("收入", "A1", &[]any{"单位编码", "资金性质", "上年结转"})
		f.SetSheetRow("收入", "A2", &[]any{"526003", "一般公共预算", "100"})
	})))
	inc := writeFile(t, dir, "收入.csv", "单位编码,资金性质,上年结转\n526003,一般公共预算,100\n")
	for _, args := range [][]string{{"build", book, "--income", inc}, {"validate", book, "--income", inc}} {
		code, _, stderr := runIn(args...)
		if code != exitFindings || !strings.Contains(stderr, "预算明细.xlsx: 收入: 工作簿已有“收入”表，又给了收入文件") {
			t.Errorf("%s: exit %d, %s", args[0], code, stderr)
		}
	}
}

// build checks the disclosure before writing it: one that check finds an
// error in (here a name with a character that reverses the text) is not
// written, exit 1.
func TestBuildChecksBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "预算明细.csv", strings.Replace(sampleLedger(t), ",事业运行,", ",事业\u202e运行,", 1))
	out := filepath.Join(dir, "budget.json")
	code, stdout, stderr := runIn("build", in, "-o", out)
	if code != exitFindings || !strings.Contains(stderr, "TEXT") || !strings.Contains(stderr, "未写入任何文件") {
		t.Errorf("build: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("build wrote a disclosure its own check found an error in")
	}
	if code, stdout, _ := runIn("build", in); code != exitFindings || stdout != "" {
		t.Errorf("build to standard output: exit %d, wrote %d bytes", code, len(stdout))
	}
}

// The sample ledger saved as .xlsx as a spreadsheet program saves the CSV
// (one sheet, details above, header on row 11) builds the same disclosure
// as the CSV.
func TestSampleLedgerAsOneSheet(t *testing.T) {
	dir := t.TempDir()
	s := sampleLedger(t)
	csvIn := writeFile(t, dir, "预算明细.csv", s)
	book := writeFile(t, dir, "预算明细.xlsx", string(ledgerWorkbook(t, s, false, nil)))
	code, fromCSV, stderr := runIn("build", csvIn)
	if code != exitOK {
		t.Fatalf("build csv: exit %d: %s", code, stderr)
	}
	code, fromBook, stderr := runIn("build", book)
	if code != exitOK {
		t.Fatalf("build of the sample saved as one sheet: exit %d: %s", code, stderr)
	}
	if fromBook != fromCSV {
		t.Error("the one-sheet workbook builds another disclosure than the CSV")
	}
}

// --prior must be last year's: one of another year is refused (exit 1,
// both years named, nothing written), also when --year is given; one of
// another department is built with a warning (a renamed department
// compares with its predecessor).
func TestPriorYearAndDepartment(t *testing.T) {
	dir := t.TempDir()
	s := sampleLedger(t) // 2023
	this := writeFile(t, dir, "本年.csv", strings.Replace(s, "年度,2023", "年度,2024", 1))
	sameYear := writeFile(t, dir, "同年.csv", strings.Replace(s, "年度,2023", "年度,2024", 1))
	other := writeFile(t, dir, "他部门.csv", strings.Replace(s, "部门名称,天门市12345公共服务热线中心", "部门名称,天门市档案馆", 1))
	out := filepath.Join(dir, "out.json")
	for _, args := range [][]string{
		{"build", this, "--prior", sameYear, "-o", out},
		{"build", this, "--year", "2024", "--prior", sameYear, "-o", out},
		{"validate", this, "--prior", sameYear},
	} {
		code, _, stderr := runIn(args...)
		if code != exitFindings || !strings.Contains(stderr, "--prior "+filepath.Join(dir, "同年.csv")+": year: 上年数据是 2024 年的，本年预算是 2024 年：上年数据应为 2023 年") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("built with last year's data of the same year")
	}
	code, _, stderr := runIn("build", this, "--prior", other, "-o", out)
	if code != exitOK || !strings.Contains(stderr, "警告：") || !strings.Contains(stderr, "上年数据的部门是“天门市档案馆”") {
		t.Errorf("prior of another department: exit %d, %s", code, stderr)
	}
	code, stdout, _ := runIn("validate", this, "--prior", other)
	if code != exitOK || !strings.Contains(stdout, "PRIOR") || !strings.Contains(stdout, "天门市档案馆") {
		t.Errorf("validate with a prior of another department: exit %d, %s", code, stdout)
	}
}
