package xlsxin

import (
	"bytes"
	"testing"

	"gongkai/internal/xlsxcases"
)

// BenchmarkRead reads the 2023 example's official workbook (ten tables).
func BenchmarkRead(b *testing.B) {
	_, data, err := xlsxcases.Example()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read(bytes.NewReader(data), "表.xlsx", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadFilledTemplate reads a filled template whose totals are
// formulas without stored values (each evaluated by the reader).
func BenchmarkReadFilledTemplate(b *testing.B) {
	data, _ := filled(b, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read(bytes.NewReader(data), "表.xlsx", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlank lays out and writes the blank template.
func BenchmarkBlank(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		blank(b, 20)
	}
}
