package text

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: no input makes Parse panic (run it with a short
// -fuzzminimizetime: the seeds are whole documents, and minimising each new
// input at the default 60 s stalls the run), and what it returns is consistent
// (an error, or a result whose figures and unread lines point into the text).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "variants", "2026-*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("部门支出总表\n单位：万元\n单位编码\t单位名称\t总计\n\t合计\t1.00\n"))
	f.Add([]byte("| 科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费 |\n|---|---|---|---|---|\n| 301 | 工资 | 1 | 1 | 0 |\n"))
	f.Add([]byte("某局2025年部门预算\n2025年“三公”经费预算0.5万元，较上年增加减少0.1万元。\n"))
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Parse(bytes.NewReader(b), Options{Name: "fuzz.txt"})
		if err != nil {
			if r != nil {
				t.Fatal("result and error")
			}
			return
		}
		lines := bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) + 1
		for _, fg := range r.Figures {
			if fg.Line < 1 || fg.Line > lines {
				t.Fatalf("figure line %d outside 1..%d", fg.Line, lines)
			}
		}
		for _, u := range r.Unread {
			if u.Line < 1 || u.Line > lines {
				t.Fatalf("unread line %d outside 1..%d", u.Line, lines)
			}
		}
	})
}
