package inputs

import (
	"strings"
	"testing"

	"gongkai/internal/testenv"
)

func TestSniff(t *testing.T) {
	cases := []struct {
		name, data string
		want       Kind
	}{
		{"a.json", `{"department":"x"}`, JSON},
		{"a.txt", "\xef\xbb\xbf  {\n", JSON},
		{"a.bin", "%PDF-1.7\n", PDF},
		{"a.htm", "<!DOCTYPE html><html>", HTML},
		{"a.txt", "某某局2023年部门预算公开\n", Text},
		{"a.csv", "单位编码,单位名称,功能科目编码,金额\n", Ledger},
		{"a.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", XLS},
		{"a", "", Unknown},
	}
	for _, c := range cases {
		if got := Sniff(c.name, []byte(c.data)); got != c.want {
			t.Errorf("Sniff(%q, %q) = %q, want %q", c.name, c.data, got, c.want)
		}
	}
}

func TestLoadExample(t *testing.T) {
	r, err := LoadFile(testenv.Root(t)+"/examples/tianmen-12345-2023.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != JSON || r.Disclosure == nil || r.Disclosure.Department == "" {
		t.Fatalf("got %+v", r)
	}
}

func TestLoadRefusesXLS(t *testing.T) {
	_, err := Load("old.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1...."), Options{})
	if err == nil || !strings.Contains(err.Error(), "另存为 .xlsx") || !strings.Contains(err.Error(), "old.xls") {
		t.Fatalf("err = %v", err)
	}
}
