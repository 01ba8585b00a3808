package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/ledgergen"
)

// A ledger of two lines, each with a problem of its own.
const twoBadLines = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
	"901001,测试单位,行政,2012601,30101,人员类,一般预算,100\n" +
	"901001,测试单位,行政,2012601,30101,人员类,一般公共预算,一百\n"

func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// summarySheet reads a sheet of 核对汇总.xlsx: its header row and its rows
// by the base name of their first text column (输入文件).
type summarySheet struct {
	header []string
	rows   [][]string
}

func readSummary(t *testing.T, out, sheet string) summarySheet {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(out, "核对汇总.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var s summarySheet
	for _, r := range rows {
		if s.header == nil && len(r) > 2 && (r[0] == "序号" || r[0] == "输入文件") {
			s.header = r
			continue
		}
		if s.header != nil {
			s.rows = append(s.rows, r)
		}
	}
	if s.header == nil {
		t.Fatalf("%s: no header row", sheet)
	}
	return s
}

// cell is the value of column col in the first row whose input is name
// (col "" counts the rows of name instead, as a string).
func (s summarySheet) cell(t *testing.T, name, col string) string {
	t.Helper()
	c := -1
	for i, h := range s.header {
		if h == col {
			c = i
		}
	}
	if c < 0 {
		t.Fatalf("no column %s in %q", col, s.header)
	}
	for _, r := range s.rows {
		for i, v := range r {
			if i < 2 && filepath.Base(v) == name {
				if c < len(r) {
					return r[c]
				}
				return ""
			}
		}
	}
	t.Fatalf("no row of %s", name)
	return ""
}

// rowsOf returns the rows of 全部发现 of the input name.
func (s summarySheet) rowsOf(name string) [][]string {
	var out [][]string
	for _, r := range s.rows {
		if len(r) > 0 && filepath.Base(r[0]) == name {
			out = append(out, r)
		}
	}
	return out
}

// TestBatchList: a list gives bare CSV ledgers (header and lines only) their
// details and companion files; each is written exactly as export with the
// same flags writes it; the companion files and the list are not
// departments; a ledger with two wrong lines counts 2 errors; a ledger not
// in the list is run as without a list; the build's report reaches
// report.jsonl and 核对汇总.xlsx.
func TestBatchList(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	var gen bytes.Buffer
	if err := ledgergen.WriteCSV(&gen, ledgergen.Rows(ledgergen.Options{Lines: 300, Units: 10})); err != nil {
		t.Fatal(err)
	}
	list := "文件,部门名称,年度,收入文件,说明文件,金额单位\n" +
		"d000.csv,测试局,2027,d000-收入.csv,d000-说明.csv,\n" +
		"d001.csv,其他局,2027年,,,元\n" +
		"d002.csv,错误局,2027,,,\n"
	gbList, err := simplifiedchinese.GB18030.NewEncoder().String(list)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, map[string]string{
		filepath.Join(in, "d000.csv"):    bareLedger,
		filepath.Join(in, "d000-收入.csv"): "单位编码,资金性质,上年结转\n901001,一般公共预算,1000\n",
		filepath.Join(in, "d000-说明.csv"): "项目,内容\n主要职责,负责测试工作。\n",
		filepath.Join(in, "d001.csv"):    bareLedger,
		filepath.Join(in, "d002.csv"):    twoBadLines,
		filepath.Join(in, "gen.csv"):     gen.String(), // has 基本信息; not in the list
		filepath.Join(in, "部门清单.csv"):    gbList,
	})
	out := filepath.Join(dir, "out")
	code, stdout, stderr := gk("batch", in, "--list", filepath.Join(in, "部门清单.csv"), "-o", out, "--format", "xlsx", "-j", "2")
	if code != exitFindings || !strings.Contains(stdout, "4 个部门：3 通过，0 有错误，1 失败") {
		t.Fatalf("batch: exit %d, want 1 and 4 departments (3 passed, d002 failed)\n%s%s", code, stdout, stderr)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "d000.xlsx d001.xlsx gen.xlsx report.jsonl 核对汇总.xlsx"; got != want {
		t.Errorf("files written: %s\nwant %s (the companion files and the list are not departments; d002 failed)", got, want)
	}

	// The list means what export's flags mean: the same workbook, byte for
	// byte; and the 收入 file was used (without it the workbook differs).
	ex, exBare := filepath.Join(dir, "ex"), filepath.Join(dir, "exbare")
	if code, _, stderr := gk("export", filepath.Join(in, "d000.csv"), "--department", "测试局", "--year", "2027",
		"--income", filepath.Join(in, "d000-收入.csv"), "--texts", filepath.Join(in, "d000-说明.csv"), "-o", ex, "--format", "xlsx"); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := gk("export", filepath.Join(in, "d000.csv"), "--department", "测试局", "--year", "2027", "-o", exBare, "--format", "xlsx"); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	batchOut, _ := os.ReadFile(filepath.Join(out, "d000.xlsx"))
	exported, _ := os.ReadFile(filepath.Join(ex, "d000.xlsx"))
	bare, _ := os.ReadFile(filepath.Join(exBare, "d000.xlsx"))
	if !bytes.Equal(batchOut, exported) {
		t.Error("d000.xlsx of batch --list differs from export with the same flags")
	}
	if bytes.Equal(batchOut, bare) {
		t.Error("d000.xlsx is the same without the 收入 file: the list's 收入文件 was not used")
	}

	rep := readReport(t, filepath.Join(out, "report.jsonl"))
	if len(rep) != 4 {
		t.Errorf("report.jsonl has %d departments, want 4", len(rep))
	}
	if r := rep["d001"]; r["department"] != "其他局" || r["year"] != float64(2027) || r["unit"] != "元" {
		t.Errorf("d001: %v; want 其他局, 2027 and 元 from the list", r)
	}
	if r := rep["d002"]; r["status"] != "failed" || r["errors"] != float64(2) || r["department"] != "错误局" || !strings.Contains(r["error"].(string), "d002.csv:2") ||
		!strings.Contains(r["error"].(string), "d002.csv:3") {
		t.Errorf("d002: %v; want failed with 2 errors, each located, named as the list names it", r)
	}
	// The build's report, as the web page's findings JSON has it.
	led, _ := rep["d000"]["ledger"].(map[string]any)
	notes, _ := led["notes"].([]any)
	if len(notes) != 3 || !strings.HasSuffix(notes[0].(map[string]any)["place"].(string), "d000.csv:2") ||
		!strings.Contains(notes[0].(map[string]any)["text"].(string), "2012601 没有名称") {
		t.Errorf("d000's ledger report: %v; want its 3 notes with their places", led)
	}
	genMoved, _ := rep["gen"]["ledger"].(map[string]any)["moved"].([]any)
	if len(genMoved) == 0 || rep["gen"]["moved"] != float64(len(genMoved)) {
		t.Errorf("gen: moved %v, ledger.moved has %d cells; want the same count, more than 0", rep["gen"]["moved"], len(genMoved))
	}

	sum := readSummary(t, out, "部门汇总")
	if got := sum.cell(t, "d002.csv", "错误"); got != "2" {
		t.Errorf("核对汇总 错误 of d002 (two wrong lines): %q, want 2", got)
	}
	if got, want := sum.cell(t, "gen.csv", "舍入调整格数"), len(genMoved); got != strconv.Itoa(want) {
		t.Errorf("核对汇总 舍入调整格数 of gen: %q, want %d", got, want)
	}
	if got := sum.cell(t, "d000.csv", "提示"); got != "3" {
		t.Errorf("核对汇总 提示 of d000: %q, want its 3 notes", got)
	}
	all := readSummary(t, out, "全部发现")
	var failed, notesShown int
	for _, r := range all.rowsOf("d002.csv") {
		if len(r) > 7 && r[2] == "失败" {
			failed++
		}
	}
	for _, r := range all.rowsOf("d000.csv") {
		if len(r) > 7 && r[2] == "提示" && strings.Contains(r[7], "没有名称") && strings.Contains(r[7], "d000.csv:") {
			notesShown++
		}
	}
	if failed != 2 || notesShown != 3 {
		t.Errorf("全部发现: %d rows of d002's problems (want 2), %d of d000's notes (want 3)", failed, notesShown)
	}
}

// TestBatchMissingDetails: without a list, a bare ledger fails with batch's
// advice (the list or 基本信息), not build's flag; its two missing details
// are two errors in the summary.
func TestBatchMissingDetails(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFiles(t, map[string]string{filepath.Join(in, "d000.csv"): bareLedger})
	out := filepath.Join(dir, "out")
	code, _, stderr := gk("batch", in, "-o", out)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	r := readReport(t, filepath.Join(out, "report.jsonl"))["d000"]
	msg, _ := r["error"].(string)
	for _, want := range []string{"d000.csv: 缺少部门名称", "d000.csv: 缺少年度", "--list 部门清单.csv", "“基本信息”"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "gongkai build --") || strings.Contains(stderr, "gongkai build --") {
		t.Errorf("batch gives build's advice: %s", msg)
	}
	if r["errors"] != float64(2) {
		t.Errorf("errors %v, want 2", r["errors"])
	}
	if got := readSummary(t, out, "部门汇总").cell(t, "d000.csv", "错误"); got != "2" {
		t.Errorf("核对汇总 错误 %q, want 2", got)
	}
}

// TestBatchListErrors: a bad list is reported row by row, with places,
// before anything runs: exit 2, no output.
func TestBatchListErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFiles(t, map[string]string{
		filepath.Join(in, "d000.csv"):    bareLedger,
		filepath.Join(in, "d001.csv"):    bareLedger,
		filepath.Join(dir, "header.csv"): "文件,部门名称,备注\nd000.csv,测试局,x\n",
		filepath.Join(dir, "rows.csv"): "文件,部门名称,年度,金额单位,上年数据\n" +
			"d000.csv,测试局,2027,,\n" +
			"missing.csv,测试局,2027,,\n" +
			"d000.csv,测试局,2027,,\n" +
			"d001.csv,测试局,27,千元,d000.csv\n" +
			",测试局,2027,,\n",
	})
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]string{"部门名称", "文件"})
	book.SetSheetRow("Sheet1", "A2", &[]string{"测试局", "nosuch.csv"})
	if err := book.SaveAs(filepath.Join(dir, "清单.xlsx")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		list string
		want []string
	}{
		{"header.csv", []string{"header.csv:1: 表头“备注”不是部门清单的列；可用的列：文件、部门名称、年度"}},
		{"rows.csv", []string{
			"rows.csv:3: 文件“missing.csv”不存在",
			"rows.csv:4: 文件“d000.csv”已在 " + filepath.Join(dir, "rows.csv") + ":2 列出",
			"rows.csv:5: 年度“27”：应为四位年份",
			"rows.csv:5: 金额单位“千元”：应为 万元 或 元",
			"rows.csv:5: 上年数据是 " + filepath.Join(dir, "rows.csv") + ":2 列出的明细",
			"rows.csv:6: 没有填写文件",
			"共 6 处问题",
		}},
		{"清单.xlsx", []string{"清单.xlsx: Sheet1!B2: 文件“nosuch.csv”不存在"}},
	} {
		out := filepath.Join(dir, "out-"+strings.TrimSuffix(tc.list, filepath.Ext(tc.list)))
		code, _, stderr := gk("batch", in, "--list", filepath.Join(dir, tc.list), "-o", out)
		if code != exitUsage {
			t.Errorf("%s: exit %d, want 2\n%s", tc.list, code, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.list, w, stderr)
			}
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: the output folder was made: nothing should run", tc.list)
		}
	}
}

// TestLedgerNotesInExportAndValidate: export and validate of a ledger print
// build's notes, each with its place, and one line counting the moved
// cells (not the list of them).
func TestLedgerNotesInExportAndValidate(t *testing.T) {
	dir := t.TempDir()
	var gen bytes.Buffer
	if err := ledgergen.WriteCSV(&gen, ledgergen.Rows(ledgergen.Options{Lines: 300, Units: 10})); err != nil {
		t.Fatal(err)
	}
	ledgerPath := filepath.Join(dir, "gen.csv")
	writeFiles(t, map[string]string{ledgerPath: gen.String()})
	code, _, built := gk("build", ledgerPath, "-o", filepath.Join(dir, "budget.json"), "--moves", "0")
	if code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, built)
	}
	var notes []string
	for _, l := range strings.Split(built, "\n") {
		if strings.HasPrefix(l, "提示："+ledgerPath) {
			notes = append(notes, l)
		}
	}
	if len(notes) == 0 {
		t.Fatalf("build printed no notes:\n%s", built)
	}
	for _, args := range [][]string{{"validate", ledgerPath}, {"export", ledgerPath, "-o", filepath.Join(dir, "out"), "--format", "xlsx"}} {
		_, _, stderr := gk(args...)
		for _, n := range notes {
			if !strings.Contains(stderr, n+"\n") {
				t.Errorf("%s: note %q not printed:\n%s", args[0], n, stderr)
			}
		}
		if !strings.Contains(stderr, "个明细格（共 ") || !strings.Contains(stderr, "用 gongkai build 列出各格") {
			t.Errorf("%s: no line counting the moved cells:\n%s", args[0], stderr)
		}
		if strings.Contains(stderr, " 印为 ") {
			t.Errorf("%s: lists the moved cells:\n%s", args[0], stderr)
		}
	}
}

// A list row with last year's data but no 年度: the run's --year (which only
// fills what a ledger lacks) gives last year's bare ledger its year, one
// before, as build's --year does.
func TestBatchListPriorTakesRunYear(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	list := filepath.Join(dir, "清单.csv")
	writeFiles(t, map[string]string{
		filepath.Join(in, "d000.csv"): bareLedger,
		filepath.Join(dir, "上年.csv"):  bareLedger,
		list:                          "文件,部门名称,上年数据\nd000.csv,测试局,../上年.csv\n",
	})
	out := filepath.Join(dir, "out")
	code, _, stderr := gk("batch", in, "--list", list, "--year", "2027", "-o", out, "-q")
	if code != exitOK {
		t.Fatalf("exit %d, want 0\n%s", code, stderr)
	}
	if r := readReport(t, filepath.Join(out, "report.jsonl"))["d000"]; r["error"] != nil {
		t.Errorf("d000 failed: %v", r["error"])
	}
}
