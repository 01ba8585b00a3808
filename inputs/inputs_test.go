package inputs

import (
	"bytes"
	"errors"
	"io/fs"
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
		{"a.txt", "2\x000\x002\x003\x00\x74\x5e", Text}, // UTF-16LE without BOM
		{"a.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x39\x00\x00\x02\x40\x08\x06\x00\x00\x00", Unknown},
		{"a.json", "\x01\x02\x03\x04\x05\x06\x07\x08abc", Unknown},
	}
	for _, c := range cases {
		if got := Sniff(c.name, []byte(c.data)); got != c.want {
			t.Errorf("Sniff(%q, %q) = %q, want %q", c.name, c.data, got, c.want)
		}
	}
}

// TestLoadBadFiles: what a user who gives the wrong file reads names the
// file and says what is wrong with it, in Chinese.
func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "missing.json: 文件不存在"},
		{write("empty.json", " \n"), "empty.json: 文件是空的"},
		{write("cut.xlsx", "PK\x03\x04\x14\x00\x06\x00"), "cut.xlsx: 压缩文件（.xlsx 或 .docx）已损坏或不完整"},
		{write("photo.json", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x39\x00\x00"), "photo.json: 不是文本"},
	} {
		_, err := LoadFile(c.path, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadFile(%s) = %v, want %q", filepath.Base(c.path), err, c.want)
		}
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.json"), Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file's error is not fs.ErrNotExist: %v", err)
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
