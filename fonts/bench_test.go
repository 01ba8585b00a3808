package fonts_test

import (
	"bytes"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
)

// benchRunes returns about 300 distinct runes like a ten-table disclosure's:
// the sample text and further hanzi spread over the CJK block.
func benchRunes(f *fonts.Font) []rune {
	seen := map[rune]bool{}
	var rs []rune
	for _, r := range sampleRunes() {
		if !seen[r] {
			seen[r] = true
			rs = append(rs, r)
		}
	}
	for r := rune(0x4E00); len(rs) < 300 && r < 0x9FA5; r += 97 {
		if f.Has(r) && !seen[r] {
			seen[r] = true
			rs = append(rs, r)
		}
	}
	return rs
}

func BenchmarkParse(b *testing.B) {
	ttf := wqymicrohei.TTF()
	b.SetBytes(int64(len(ttf)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fonts.Parse(ttf, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSubset(b *testing.B) {
	f := defaultFont(b)
	rs := benchRunes(f)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		sub, err := f.Subset(rs)
		if err != nil {
			b.Fatal(err)
		}
		n = len(sub)
	}
	b.ReportMetric(float64(len(rs)), "runes")
	b.ReportMetric(float64(n), "bytes")
}

// reportCPU reports the process CPU time per operation since start (the
// garbage collector's included): wall time alone misleads on a busy machine.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := processCPU() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// onePage is what the PDF library costs per document apart from drawing:
// add the font, one page of text, Output.
func onePage(b *testing.B, ttf []byte, text string) int {
	p := fpdf.New("L", "mm", "A4", "")
	when := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(when)
	p.SetModificationDate(when)
	p.AddUTF8FontFromBytes("cjk", "", ttf)
	p.SetFont("cjk", "", 10)
	p.AddPage()
	p.SetXY(10, 10)
	p.CellFormat(0, 8, text, "", 0, "L", false, 0, "")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}

// BenchmarkFpdfFullFont hands fpdf the whole 4.6 MB face, as the library is
// used without this package.
func BenchmarkFpdfFullFont(b *testing.B) {
	f := defaultFont(b)
	text := string(benchRunes(f))
	ttf := f.TTF()
	b.ReportAllocs()
	var n int
	cpu := processCPU()
	for b.Loop() {
		n = onePage(b, ttf, text)
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(n), "pdf-bytes")
}

// BenchmarkFpdfSubset cuts the document's runes from the face parsed once
// (included in the time) and hands fpdf only that subset.
func BenchmarkFpdfSubset(b *testing.B) {
	f := defaultFont(b)
	rs := benchRunes(f)
	text := string(rs)
	b.ReportAllocs()
	var n int
	cpu := processCPU()
	for b.Loop() {
		sub, err := f.Subset(rs)
		if err != nil {
			b.Fatal(err)
		}
		n = onePage(b, sub, text)
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(n), "pdf-bytes")
}
