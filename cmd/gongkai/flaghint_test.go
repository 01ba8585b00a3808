package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The library's messages name no flag (a program has none); the CLI adds
// the flag that gives a missing detail, for every command that reads a
// ledger.
func TestMissingDetailNamesFlag(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "预算明细.csv", "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n"+
		"901001,测试局,行政,2012601,30101,人员类,一般公共预算,100\n")
	for _, args := range [][]string{{"build", in, "-o", filepath.Join(dir, "b.json")}, {"validate", in}} {
		code, _, stderr := runIn(args...)
		if code != exitFindings || !strings.Contains(stderr, "填写“部门名称”，或用 --department 给出") || !strings.Contains(stderr, "填写“年度”，或用 --year 给出") {
			t.Errorf("gongkai %s: exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
}
