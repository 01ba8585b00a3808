package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// What a user sees of a ledger's line that cannot be read right: a code
// written with a decimal point, a 合计 row: the file and line, Chinese
// first, exit 1, nothing written, whichever command reads it.
func TestLedgerLineProblemsCLI(t *testing.T) {
	s := sampleLedger(t)
	lines := strings.Split(s, "\n")
	first := -1 // the first budget line
	for i, l := range lines {
		if strings.HasPrefix(l, "526003,") {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("the sample ledger has no line of unit 526003")
	}
	n := strconv.Itoa(first + 1)
	edit := func(f func(string) string) string {
		ls := append([]string(nil), lines...)
		ls[first] = f(ls[first])
		return strings.Join(ls, "\n")
	}
	for _, tc := range []struct{ name, text, want string }{
		{"unit code with a point", edit(func(l string) string { return strings.Replace(l, "526003,", "526003.5,", 1) }),
			"预算明细.csv:" + n + ": 单位编码“526003.5”含小数点"},
		{"a 合计 row", edit(func(l string) string { return ",合计,,,,,,,,,,,,,1000\n" + l }),
			"预算明细.csv:" + n + ": 第 " + n + " 行像是合计行（“合计”），不是预算明细：请删除（合计由 gongkai 计算）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeFile(t, dir, "预算明细.csv", tc.text)
			out := filepath.Join(dir, "out")
			for _, args := range [][]string{{"build", in, "-o", filepath.Join(out, "b.json")}, {"validate", in}, {"export", in, "-o", out}} {
				code, _, stderr := runIn(args...)
				if code != exitFindings || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "gongkai "+args[0]+": 共 1 处问题") {
					t.Errorf("gongkai %s: exit %d, stderr:\n%s\nwant exit 1, %q and a count line", args[0], code, stderr, tc.want)
				}
				if strings.Contains(stderr, "为空") {
					t.Errorf("gongkai %s: empty-field errors besides the one message:\n%s", args[0], stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written from a ledger with problems", out)
			}
		})
	}
}
