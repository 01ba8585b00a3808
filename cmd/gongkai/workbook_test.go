package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/xlsxcases"
)

// TestExportBadWorkbook: each bad workbook gives its located message on
// standard error, exit 1 (2 when the file cannot be read), and no output.
func TestExportBadWorkbook(t *testing.T) {
	cases, err := xlsxcases.Cases("表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Info {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "表.xlsx")
			if err := os.WriteFile(in, c.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := run([]string{"export", in, "-o", out}, strings.NewReader(""), &stdout, &stderr)
			want := exitFindings
			if c.Unreadable {
				want = exitUsage
			}
			if code != want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr.String())
			}
			for _, w := range c.Want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr does not contain %q:\n%s", w, stderr.String())
				}
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("export wrote %d files from a bad workbook", len(entries))
			}
		})
	}
}
