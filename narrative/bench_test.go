package narrative

import (
	"bytes"
	"io"
	"testing"

	"gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
)

// BenchmarkText: the 2023 example's text (facts, template, output).
func BenchmarkText(b *testing.B) {
	d := loadExample(b, "tianmen-12345-2023.json")
	for b.Loop() {
		if _, _, err := Text(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentHTML: the whole document laid out and written as one page.
func BenchmarkDocumentHTML(b *testing.B) {
	d := loadExample(b, "tianmen-12345-2023.json")
	for b.Loop() {
		doc, _, err := Document(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := html.WriteDocument(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentPDF: the whole document laid out and written as a PDF
// (two layout passes for the 目录's page numbers, font subset).
func BenchmarkDocumentPDF(b *testing.B) {
	d := loadExample(b, "tianmen-12345-2023.json")
	font, err := wqymicrohei.Font()
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	for b.Loop() {
		doc, _, err := Document(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		out.Reset()
		if err := pdf.Write(&out, doc, pdf.Options{Font: font}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "bytes/file")
}
