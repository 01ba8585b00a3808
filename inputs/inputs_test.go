package inputs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/exporter/xlsx"
	"gongkai/internal/testenv"
	"gongkai/templates"
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

func TestLoadWorkbook(t *testing.T) {
	dir := t.TempDir()
	json := testenv.Root(t) + "/examples/tianmen-12345-2023.json"
	r, err := LoadFile(json, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(r.Disclosure, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "表.xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := LoadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Kind != Workbook || w.Disclosure.Department != r.Disclosure.Department || w.Disclosure.Year != 2023 || len(w.Findings) != 0 {
		t.Fatalf("got kind %q, department %q, year %d, findings %v", w.Kind, w.Disclosure.Department, w.Disclosure.Year, w.Findings)
	}
	if got := w.Disclosure.Tables.T05.Rows[0].Total; !got.Equal(r.Disclosure.Tables.T05.Rows[0].Total) {
		t.Errorf("表五 合计 = %s, want %s", got, r.Disclosure.Tables.T05.Rows[0].Total)
	}
}
