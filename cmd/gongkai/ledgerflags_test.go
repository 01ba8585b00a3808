package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A ledger without 基本信息 rows whose 项 (of 20126 档案事务, 20701 文化和旅游)
// the embedded catalog lacks and whose names only the catalog gives.
const (
	bareLedger = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
		"901001,测试单位,行政,2012601,30101,人员类,一般公共预算,12345.67\n" +
		"901001,测试单位,行政,2070101,30201,公用经费,一般公共预算,2345.60\n" +
		"901001,测试单位,行政,2012604,30201,特定目标类,一般公共预算,5000\n"
	regionCatalog = "编码\t名称\n2012601\t行政运行\n2012604\t档案馆\n2070101\t行政运行\n"
)

type ledgerFixture struct {
	dir, ledger, catalog, prior string
}

func newLedgerFixture(t *testing.T) ledgerFixture {
	t.Helper()
	dir := t.TempDir()
	f := ledgerFixture{dir: dir,
		// named like the JSON build writes, so that export names its
		// outputs the same from both
		ledger:  filepath.Join(dir, "ledger", "budget.csv"),
		catalog: filepath.Join(dir, "项.tsv"),
		prior:   filepath.Join(dir, "last.csv"),
	}
	var sample bytes.Buffer
	if code := run([]string{"sample", "--ledger"}, strings.NewReader(""), &sample, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("sample --ledger: exit %d", code)
	}
	// Last year's ledger: the sample, as this department's of 2026.
	prior := strings.NewReplacer("年度,2023", "年度,2026", "部门名称,天门市12345公共服务热线中心", "部门名称,测试局", "部门编码,526003", "部门编码,901").Replace(sample.String())
	for name, data := range map[string]string{f.ledger: bareLedger, f.catalog: regionCatalog, f.prior: prior} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// gk runs one command line and returns its exit status, stdout and stderr.
func gk(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestLedgerFlagsSameResult: the flags a user built with give export and
// validate of the ledger itself the same result as the built JSON: the same
// files byte for byte, the same findings.
func TestLedgerFlagsSameResult(t *testing.T) {
	f := newLedgerFixture(t)
	flags := []string{"--department", "测试局", "--year", "2027", "--department-code", "901", "--region", "天门市",
		"--unit", "元", "--prior", f.prior, "--catalog", f.catalog}
	built := filepath.Join(f.dir, "budget.json")
	if code, _, stderr := gk(append([]string{"build", f.ledger, "-o", built}, flags...)...); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	// Every flag took effect in the build, so equal outputs below mean
	// export and validate used them too.
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		DepartmentCode string `json:"department_code"`
		Region, Unit   string
		Year           int
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if d.DepartmentCode != "901" || d.Region != "天门市" || d.Unit != "元" || d.Year != 2027 ||
		!strings.Contains(string(b), `"func_name": "档案馆"`) || !strings.Contains(string(b), `"prior_total"`) {
		t.Fatalf("the build did not use the flags: %s…", b[:min(len(b), 300)])
	}

	formats := "xlsx,pdf,doc,html"
	fromJSON, fromLedger := filepath.Join(f.dir, "json"), filepath.Join(f.dir, "ledger-out")
	if code, _, stderr := gk("export", built, "--catalog", f.catalog, "--format", formats, "-o", fromJSON); code != exitOK {
		t.Fatalf("export budget.json: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := gk(append([]string{"export", f.ledger, "--format", formats, "-o", fromLedger}, flags...)...); code != exitOK {
		t.Fatalf("export budget.csv with the flags: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"budget.xlsx", "budget.pdf", "budget-公开.pdf", "budget.html"} {
		a, errA := os.ReadFile(filepath.Join(fromJSON, name))
		b, errB := os.ReadFile(filepath.Join(fromLedger, name))
		if errA != nil || errB != nil {
			t.Errorf("%s: %v, %v", name, errA, errB)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s from the ledger with the flags differs from %s exported from the built JSON", name, name)
		}
	}

	for _, format := range []string{"text", "json"} {
		codeJ, outJ, errJ := gk("validate", "--format", format, built, "--catalog", f.catalog)
		codeL, outL, errL := gk(append([]string{"validate", "--format", format, f.ledger}, flags...)...)
		if codeJ != codeL || outJ != outL {
			t.Errorf("validate --format %s: the JSON gives exit %d\n%s%s\nthe ledger with the flags exit %d\n%s%s", format, codeJ, outJ, errJ, codeL, outL, errL)
		}
	}
}

// TestValidateCatalog: a 项 code in the region's catalog is neither 警告 nor
// 提示, for a ledger and for a JSON disclosure, nor is a 项 of a 款 the
// embedded catalog holds; a catalog that lists a 款's 项 makes another 项 of
// it a 提示, never a 警告.
func TestValidateCatalog(t *testing.T) {
	f := newLedgerFixture(t)
	built := filepath.Join(f.dir, "budget.json")
	if code, _, stderr := gk("build", f.ledger, "--department", "测试局", "--year", "2027", "--catalog", f.catalog, "-o", built); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	info := []string{"--department", "测试局", "--year", "2027"}
	for _, input := range [][]string{append([]string{f.ledger}, info...), {built}} {
		name := filepath.Base(input[0])
		code, out, stderr := gk(append([]string{"validate"}, input...)...)
		// 20126 档案事务 and 20701 文化和旅游 are valid 款 of the embedded
		// catalog: their 项 give neither 警告 nor 提示.
		if code != exitOK || strings.Contains(out, "C-FUNC") || hasLine(out, "警告") {
			t.Errorf("validate %s without --catalog: exit %d, want 0 and no C-FUNC finding:\n%s%s", name, code, out, stderr)
		}
		code, out, stderr = gk(append([]string{"validate", "--catalog", f.catalog}, input...)...)
		if code != exitOK || strings.TrimSpace(out) != "核对通过：未发现问题" {
			t.Errorf("validate %s --catalog: exit %d, want a clean result:\n%s%s", name, code, out, stderr)
		}
	}
	// A code the catalog does not hold stays a 提示.
	other := filepath.Join(f.dir, "other.tsv")
	if err := os.WriteFile(other, []byte("2012601\t行政运行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := gk("validate", "--catalog", other, built)
	if code != exitOK || strings.Contains(out, "2070101") ||
		!strings.Contains(out, "提示 C-FUNC 表五 2012604 档案馆：所给目录列出了 20126 款的项，但没有 2012604") || hasLine(out, "警告") || strings.Contains(out, "2012601") {
		t.Errorf("validate --catalog with a partial catalog: exit %d\n%s", code, out)
	}
}

// hasLine reports whether a line of out starts with prefix.
func hasLine(out, prefix string) bool {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// TestLedgerFlagsRefused: a flag that only a ledger uses, given with another
// kind of input, is a usage error that names the flag and the file and says
// what the file is; nothing is written. --catalog is taken by every input.
func TestLedgerFlagsRefused(t *testing.T) {
	f := newLedgerFixture(t)
	built := filepath.Join(f.dir, "budget.json")
	if code, _, stderr := gk("build", f.ledger, "--department", "测试局", "--year", "2027", "-o", built); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	workbook := filepath.Join(f.dir, "填报模板.xlsx")
	if code, _, stderr := gk("template", "-o", workbook, "--year", "2027", "--department", "某某局"); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, stderr)
	}
	text := filepath.Join(f.dir, "公开.txt")
	if err := os.WriteFile(text, []byte("某某局2027年部门预算公开\n收入总计 10.00 万元。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(f.dir, "out")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", built, "--prior", f.prior}, "--prior 只用于预算明细输入：" + built + " 是 JSON 公开数据"},
		{[]string{"export", built, "-o", out, "--unit", "元", "--region", "天门市"}, "--region、--unit 只用于预算明细输入：" + built + " 是 JSON 公开数据"},
		{[]string{"export", workbook, "-o", out, "--department", "某某局"}, "--department 只用于预算明细输入：" + workbook + " 是公开表工作簿"},
		{[]string{"validate", workbook, "--year", "2027"}, "--year 只用于预算明细输入：" + workbook + " 是公开表工作簿"},
		{[]string{"validate", text, "--department-code", "901"}, "--department-code 只用于预算明细输入：" + text + " 是文本，不是预算明细（没有找到明细的表头行"},
		{[]string{"narrative", built, "--income", f.prior}, "--income 只用于预算明细输入：" + built + " 是 JSON 公开数据"},
		// the --prior file is not read: the message is about the input
		{[]string{"validate", built, "--prior", filepath.Join(f.dir, "missing.csv")}, "--prior 只用于预算明细输入：" + built},
	} {
		code, _, stderr := gk(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("gongkai %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("export wrote %s although its flags were refused", out)
	}
	// Last year's budget.json as --prior takes none of this year's ledger
	// flags: they are not refused for it.
	next := filepath.Join(f.dir, "next.json")
	if code, _, stderr := gk("build", f.ledger, "--department", "测试局", "--year", "2028", "--region", "天门市", "--prior", built, "-o", next); code != exitOK {
		t.Errorf("build --prior budget.json: exit %d\n%s", code, stderr)
	} else if b, _ := os.ReadFile(next); !strings.Contains(string(b), `"prior_total"`) {
		t.Errorf("build --prior budget.json: no prior figures in %s", next)
	}
	// Standard input is named as such.
	var stderr bytes.Buffer
	b, _ := os.ReadFile(built)
	if code := run([]string{"validate", "-", "--year", "2027"}, bytes.NewReader(b), &bytes.Buffer{}, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "--year 只用于预算明细输入：标准输入 是 JSON 公开数据") {
		t.Errorf("validate - --year: exit %d, stderr %q", code, stderr.String())
	}
	// --catalog is for every input.
	for _, args := range [][]string{{"validate", built, "--catalog", f.catalog}, {"validate", workbook, "--catalog", f.catalog}, {"export", built, "--catalog", f.catalog, "--format", "xlsx", "-o", out}} {
		if code, stdout, stderr := gk(args...); strings.Contains(stderr+stdout, "只用于预算明细") || code == exitUsage {
			t.Errorf("gongkai %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
	// A bad value is refused whatever the input.
	if code, _, stderr := gk("validate", f.ledger, "--department", "测试局", "--year", "2027", "--unit", "千元"); code != exitUsage || !strings.Contains(stderr, `--unit "千元"：应为 万元 或 元`) {
		t.Errorf("--unit 千元: exit %d, stderr %q", code, stderr)
	}
}

// TestBatchLedgerFlags: batch takes the flags that hold for a whole run;
// they only fill what a ledger does not state: a ledger of another year
// fails naming both years, a ledger's own unit is kept, a bare ledger gets
// them. An input of another kind fails (and only that department) with a
// message that says why.
func TestBatchLedgerFlags(t *testing.T) {
	f := newLedgerFixture(t)
	in := filepath.Join(f.dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := gk("build", f.ledger, "--department", "测试局", "--year", "2027", "-o", filepath.Join(in, "其他局.json")); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	stale, _ := os.ReadFile(f.prior) // the sample ledger of 2026, in 万元: it has 基本信息 rows
	current := strings.Replace(string(stale), "年度,2026", "年度,2027", 1)
	list := filepath.Join(f.dir, "清单.csv")
	for name, data := range map[string]string{
		filepath.Join(in, "热线中心.csv"): string(stale), filepath.Join(in, "本年.csv"): current,
		filepath.Join(in, "bare.csv"): bareLedger, list: "文件,部门名称\nbare.csv,某某局\n",
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(f.dir, "out")
	code, _, stderr := gk("batch", in, "--list", list, "-o", out, "--format", "xlsx", "--year", "2027", "--unit", "元", "--catalog", f.catalog)
	if code != exitFindings {
		t.Errorf("batch: exit %d, want 1 (two departments failed)\n%s", code, stderr)
	}
	got := readReport(t, filepath.Join(out, "report.jsonl"))
	if r := got["热线中心"]; r == nil || r["status"] != "failed" || !strings.Contains(r["error"].(string), "这份明细是 2026 年的，本批为 2027 年") {
		t.Errorf("the ledger of 2026 in a run of 2027: %v; want failed, naming both years", r)
	}
	if _, err := os.Stat(filepath.Join(out, "热线中心.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a file was written for the ledger of another year")
	}
	if r := got["本年"]; r == nil || r["status"] != "ok" || r["year"] != float64(2027) || r["unit"] != "万元" {
		t.Errorf("the ledger stating 万元: %v; want ok, its own unit 万元 kept", r)
	}
	if r := got["bare"]; r == nil || r["status"] != "ok" || r["department"] != "某某局" || r["year"] != float64(2027) || r["unit"] != "元" {
		t.Errorf("the bare ledger: %v; want ok, 某某局 from the list, year 2027 and unit 元 from the flags", r)
	}
	if r := got["其他局"]; r == nil || r["status"] != "failed" || !strings.Contains(r["error"].(string), "年度、金额单位只用于预算明细输入，这个文件是 JSON 公开数据") {
		t.Errorf("the JSON input: %v; want failed, naming the settings", r)
	}
	if _, err := os.Stat(filepath.Join(out, "其他局.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a file was written for the refused input")
	}
}

// readReport reads a report.jsonl into its lines by output name.
func readReport(t *testing.T, path string) map[string]map[string]any {
	t.Helper()
	rep, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	got := map[string]map[string]any{}
	sc := bufio.NewScanner(rep)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		got[r["name"].(string)] = r
	}
	return got
}

// TestLedgerFlagValues: the values inputs.LedgerInput refuses (the web
// page's form refuses the same) are usage errors naming the flag.
func TestLedgerFlagValues(t *testing.T) {
	f := newLedgerFixture(t)
	empty := filepath.Join(f.dir, "收入.csv")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--year", "1800"}, `--year "1800"：应为四位年份`},
		{[]string{"--year", "2027", "--unit", "千元"}, `--unit "千元"：应为 万元 或 元 / use 万元 or 元`},
		{[]string{"--year", "2027", "--income", empty}, "--income \"" + empty + "\"：文件是空的"},
	} {
		for _, cmd := range []string{"build", "validate"} {
			code, _, stderr := gk(append([]string{cmd, f.ledger, "--department", "测试局"}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("%s %v: exit %d, want 2 and %q:\n%s", cmd, tc.args, code, tc.want, stderr)
			}
		}
	}
}

// A file flag given twice (--income a.csv --income b.csv) is refused,
// exit 2, nothing written: pflag would silently use the last one.
func TestFileFlagTwice(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "预算明细.csv", sampleLedger(t))
	a := writeFile(t, dir, "a.csv", "单位编码,资金性质,上年结转\n526003,一般公共预算,100\n")
	b := writeFile(t, dir, "b.csv", "单位编码,资金性质,上年结转\n526003,一般公共预算,200\n")
	out := filepath.Join(dir, "b.json")
	for _, args := range [][]string{
		{"build", in, "--income", a, "--income", b, "-o", out},
		{"validate", in, "--income", a, "--income=" + b},
		{"build", in, "--prior", in, "--prior", in, "-o", out},
		{"build", in, "--texts", a, "--texts", b, "-o", out},
	} {
		code, _, stderr := runIn(args...)
		flag := args[2]
		if code != exitUsage || !strings.HasPrefix(stderr, "gongkai "+args[0]+": "+flag+" 给了 2 次") || !strings.Contains(stderr, "只能给一个文件") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and a Chinese message naming %s", args, code, stderr, flag)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written with a flag given twice", out)
	}
	// Once is fine.
	if code, _, stderr := runIn("build", in, "--income", a, "-o", out); code != exitOK {
		t.Errorf("--income once: exit %d, %s", code, stderr)
	}
}
