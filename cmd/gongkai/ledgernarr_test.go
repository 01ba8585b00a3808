package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A department of a 行政 unit and a 事业单位, both with 一般公共预算 公用经费
// (302): 机关运行经费 counts only the 行政 unit (5.00 + 1.80 + 1.87 = 8.67
// 万元), while 表六 302 holds both (9.78 万元).
const partialLedger = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,经济科目名称,支出类别,资金性质,金额\n" +
	"901001,测试局机关,行政,2010101,30101,基本工资,人员类,一般公共预算,300000\n" +
	"901001,测试局机关,行政,2010101,30201,办公费,公用经费,一般公共预算,50000\n" +
	"901001,测试局机关,行政,2010101,30213,维修（护）费,公用经费,一般公共预算,18000\n" +
	"901001,测试局机关,行政,2010101,30299,其他商品和服务支出,公用经费,一般公共预算,18700\n" +
	"901002,测试中心,事业,2010150,30201,办公费,公用经费,一般公共预算,11100\n"

var spaces = regexp.MustCompile(`\s+`)

// TestPartialOperatingCostsInDocument: the whole document (export --format
// html, the text of --format doc) and the narrative command print the
// 机关运行经费 of the 行政 and 参公 units that build computes, not 表六 302,
// and name its items as the published documents do (维护费, 其他商品和服务).
func TestPartialOperatingCostsInDocument(t *testing.T) {
	dir := t.TempDir()
	led := filepath.Join(dir, "ledger.csv")
	if err := os.WriteFile(led, []byte(partialLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--department", "测试局", "--year", "2027"}
	built := filepath.Join(dir, "budget.json")
	if code, _, stderr := gk(append([]string{"build", led, "-o", built}, flags...)...); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := gk("export", built, "--format", "html", "-o", out); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(pages) != 1 {
		t.Fatalf("export --format html wrote %v", pages)
	}
	html, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	code, text, stderr := gk(append([]string{"narrative", led}, flags...)...)
	if code != exitOK {
		t.Fatalf("narrative: exit %d\n%s", code, stderr)
	}
	shown := map[string]string{"export --format html": string(html), "narrative": text}
	// The PDF of the whole document, as its reader copies the text.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) not installed, the PDF is not read: make deps installs it")
	} else {
		if code, _, stderr := gk("export", built, "--format", "doc", "-o", out); code != exitOK {
			t.Fatalf("export --format doc: exit %d\n%s", code, stderr)
		}
		pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(pdfs) != 1 {
			t.Fatalf("export --format doc wrote %v", pdfs)
		}
		b, err := exec.Command("pdftotext", pdfs[0], "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		shown["export --format doc"] = string(b)
	}
	for name, s := range shown {
		// The paragraph on 机关运行经费 (the tables print 表六's names).
		s = spaces.ReplaceAllString(s, "")
		i := strings.Index(s, "机关运行经费预算总额")
		if i < 0 {
			t.Errorf("%s: no 机关运行经费 paragraph", name)
			continue
		}
		s = s[i:]
		if j := strings.Index(s, "“三公”"); j > 0 {
			s = s[:j]
		}
		for _, want := range []string{"机关运行经费预算总额8.67万元", "办公费5.00万元", "维护费1.80万元", "其他商品和服务1.87万元"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		for _, not := range []string{"机关运行经费预算总额9.78万元", "维修（护）费1.80", "维修(护)费1.80", "其他商品和服务支出1.87"} {
			if strings.Contains(s, not) {
				t.Errorf("%s: prints %q", name, not)
			}
		}
	}
}

// TestProcurementKinds: the 政府采购预算 is split into 货物类, 工程类 and
// 服务类 by the 品目's code or name; a 品目 that decides none leaves the
// split out (never 0) and build names it, with its line, as a 提示.
func TestProcurementKinds(t *testing.T) {
	head := "单位编码,单位名称,单位类型,功能科目编码,功能科目名称,经济科目编码,支出类别,资金性质,政府采购品目,金额\n" +
		"901001,测试局,行政,2010101,行政运行,30201,公用经费,一般公共预算,A02010104 台式计算机,30000\n" +
		"901001,测试局,行政,2010101,行政运行,30209,公用经费,一般公共预算,物业管理服务,20000\n" +
		"901001,测试局,行政,2010102,一般行政管理事务,31006,特定目标类,一般公共预算,房屋修缮,10000\n"
	dir := t.TempDir()
	flags := []string{"--department", "测试局", "--year", "2027"}
	for _, tc := range []struct {
		name, ledger string
		want, not    []string // in the text
		notes        []string // on build's standard error
	}{
		{"decided", head,
			[]string{"政府采购预算6.00万元，其中：货物类3.00万元，工程类1.00万元，服务类2.00万元"}, nil, nil},
		{"undecided", head + "901001,测试局,行政,2010101,行政运行,30299,公用经费,一般公共预算,杂项,5000\n",
			[]string{"政府采购预算6.50万元。"}, []string{"货物类", "工程类", "服务类"},
			[]string{"提示：" + filepath.Join(dir, "undecided.csv") + ":5: 政府采购品目“杂项”无法判断是货物、工程还是服务"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			led := filepath.Join(dir, tc.name+".csv")
			if err := os.WriteFile(led, []byte(tc.ledger), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := gk(append([]string{"build", led, "-o", filepath.Join(dir, tc.name+".json")}, flags...)...)
			if code != exitOK {
				t.Fatalf("build: exit %d\n%s", code, stderr)
			}
			for _, w := range tc.notes {
				if !strings.Contains(stderr, w) {
					t.Errorf("build says\n%s\nwant %q", stderr, w)
				}
			}
			if len(tc.notes) == 0 && strings.Contains(stderr, "政府采购品目") {
				t.Errorf("build says\n%s", stderr)
			}
			code, text, stderr := gk(append([]string{"narrative", led}, flags...)...)
			if code != exitOK {
				t.Fatalf("narrative: exit %d\n%s", code, stderr)
			}
			sec := text[strings.Index(text, "政府采购预算安排情况"):]
			sec = sec[:strings.Index(sec, "\n\n")+1]
			for _, w := range tc.want {
				if !strings.Contains(sec, w) {
					t.Errorf("text\n%s\nlacks %q", sec, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(sec, w) {
					t.Errorf("text\n%s\nprints %q", sec, w)
				}
			}
		})
	}
}

// TestUnnamedFunctionNote: a 项 that neither the ledger nor a catalog names
// prints with a blank 科目名称; build names the code and its first line.
func TestUnnamedFunctionNote(t *testing.T) {
	dir := t.TempDir()
	led := filepath.Join(dir, "ledger.csv")
	data := "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
		"901001,测试局,行政,2010101,30101,人员类,一般公共预算,1000\n" +
		"901001,测试局,行政,2010188,30201,公用经费,一般公共预算,1000\n" +
		"901001,测试局,行政,2010188,30202,公用经费,一般公共预算,1000\n"
	if err := os.WriteFile(led, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := gk("build", led, "--department", "测试局", "--year", "2027", "-o", filepath.Join(dir, "b.json"))
	if code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if want := "提示：" + led + ":3: 功能科目 2010188 没有名称"; !strings.Contains(stderr, want) {
		t.Errorf("build says\n%s\nwant %q", stderr, want)
	}
	if strings.Contains(stderr, "2010101 没有名称") || strings.Contains(stderr, "功能科目 20101 ") || strings.Contains(stderr, "功能科目 201 ") {
		t.Errorf("build names a named code:\n%s", stderr)
	}
	if n := strings.Count(stderr, "2010188"); n != 1 {
		t.Errorf("2010188 named %d times:\n%s", n, stderr)
	}
}
