package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parse and convert take PDF, Word and web page files, recognised by
// content: a PDF renamed .txt is still read as a PDF.
func TestParsePublishedFormats(t *testing.T) {
	td := filepath.Join("..", "..", "importer", "published", "testdata")
	dir := t.TempDir()
	pdfAsTxt := filepath.Join(dir, "disclosure.txt")
	b, err := os.ReadFile(filepath.Join(td, "lo-docx.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdfAsTxt, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{filepath.Join(td, "lo-docx.pdf"), filepath.Join(td, "disclosure.docx"), filepath.Join(td, "disclosure.html"), pdfAsTxt} {
		t.Run(filepath.Base(in), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			out := filepath.Join(dir, "out.json")
			if code := run([]string{"parse", in, "-o", out}, strings.NewReader(""), &stdout, &stderr); code == exitUsage {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var d struct {
				Department string
				Year       int
				Narrative  struct {
					Income struct{ Total string }
				}
			}
			if err := json.Unmarshal(raw, &d); err != nil {
				t.Fatal(err)
			}
			if d.Department != "东湖市文化馆" || d.Year != 2025 || d.Narrative.Income.Total != "512.40" {
				t.Errorf("read %+v", d)
			}
		})
	}
	t.Run("convert pdf", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		out := filepath.Join(dir, "out.xlsx")
		if code := run([]string{"convert", filepath.Join(td, "lo-xlsx.pdf"), "-o", out}, strings.NewReader(""), &stdout, &stderr); code == exitUsage {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Fatalf("no workbook: %v", err)
		}
	})
	t.Run("encrypted", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"parse", filepath.Join(td, "encrypted.pdf")}, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "密码") || !strings.Contains(stderr.String(), "encrypted.pdf") {
			t.Errorf("exit %d, stderr %s", code, stderr.String())
		}
	})
	t.Run("json refused", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"parse", filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")}, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "gongkai validate") {
			t.Errorf("exit %d, stderr %s", code, stderr.String())
		}
	})
}
