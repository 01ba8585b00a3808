package inputs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/importer/published"
)

// A published disclosure is recognised by its content whatever its name:
// a Word file named .txt, a saved page named .dat, a PDF without extension.
func TestReadPublishedByContent(t *testing.T) {
	td := filepath.Join("..", "importer", "published", "testdata")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(td, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	xmlPage := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html><body><p>某局2025年部门预算公开</p><p>2025年收入预算总额10.00万元。</p></body></html>"
	for _, tc := range []struct {
		name string
		data []byte
		kind Kind
	}{
		{"disclosure.txt", read("disclosure.docx"), DOCX},
		{"page.dat", read("disclosure.html"), HTML},
		{"saved", []byte(xmlPage), HTML},
		{"scan", read("lo-docx.pdf"), PDF},
		{"plain.htm", []byte("某局2025年部门预算公开\n2025年收入预算总额10.00万元。\n"), Text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ReadPublished(tc.name, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tc.kind {
				t.Errorf("kind %s, want %s", p.Kind, tc.kind)
			}
			if !strings.Contains(string(p.Text), "2025") {
				t.Errorf("text lacks the year:\n%.300s", p.Text)
			}
			if tc.kind == PDF && (len(p.Pages) == 0 || p.Page(1) != 1) {
				t.Errorf("PDF pages %v", p.Pages)
			}
		})
	}
}

func TestReadPublishedRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"budget.json", `{"department":"x"}`, "gongkai validate"},
		{"lines.csv", "单位编码,单位名称,功能科目编码,金额\n", "gongkai validate"},
		{"old.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", ".xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPublished(tc.name, []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("got %v, want an error naming the file and %q", err, tc.want)
			}
		})
	}
	_, err := ReadPublished("broken.pdf", []byte("%PDF-1.4\nnot really\n"))
	if !errors.Is(err, published.ErrBroken) {
		t.Errorf("broken PDF: %v", err)
	}
}
