package main

import (
	"os"
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
	for name, s := range map[string]string{"export --format html": string(html), "narrative": text} {
		s = spaces.ReplaceAllString(s, "")
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
