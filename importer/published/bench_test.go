package published

import (
	"os"
	"path/filepath"
	"testing"
)

func benchPDF(b *testing.B, name string) {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		b.Fatal(err)
	}
	if err := StartEngine(EngineOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PDF(data, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFWorkbook extracts the ten tables LibreOffice printed from the
// official workbook (10 pages); the engine's start is not included.
func BenchmarkPDFWorkbook(b *testing.B) { benchPDF(b, "lo-xlsx.pdf") }

// BenchmarkPDFWord extracts a one-page Word document printed by LibreOffice.
func BenchmarkPDFWord(b *testing.B) { benchPDF(b, "lo-docx.pdf") }

func BenchmarkDOCX(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "disclosure.docx"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := DOCX(data, DOCXOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
