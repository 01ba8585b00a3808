package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/ledgergen"
)

// TestLedgerWorkbookOverLimit: a 2 MB workbook whose 明细 sheet unpacks to
// 348 MB is refused by build, export and validate at once, with exit 2 and a
// Chinese-first message naming the file and the limit; nothing is written,
// and nothing is unpacked to disk.
func TestLedgerWorkbookOverLimit(t *testing.T) {
	dir := t.TempDir()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	in := filepath.Join(dir, "预算明细.xlsx")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := ledgergen.Bomb(f, 348<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"build", in, "-o", filepath.Join(out, "b.json")}, {"export", in, "-o", out}, {"validate", in}} {
		code, _, stderr := gk(args...)
		if code != exitUsage || !strings.Contains(stderr, in+": 工作簿的部件 xl/worksheets/sheet2.xml 解压后 347 MB，超过每个部件 200 MB 的上限") {
			t.Errorf("gongkai %s: exit %d, stderr %q; want exit 2 and the limit", args[0], code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written from a workbook over the limit")
	}
	if es, _ := os.ReadDir(tmp); len(es) > 0 {
		t.Errorf("%d files unpacked to the temporary directory", len(es))
	}
}
