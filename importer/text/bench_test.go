package text

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSeed2023 parses seed 000 (narrative, project sheet, four tables).
func BenchmarkParseSeed2023(b *testing.B) { benchFile(b, seedPath(b, seed2023)) }

// BenchmarkParseGB18030 parses the same document in GB18030 (decoding included).
func BenchmarkParseGB18030(b *testing.B) {
	benchFile(b, filepath.Join("testdata", "variants", "2023-gb18030.txt"))
}

// longLine builds one line of about n bytes: a single sentence listing
// function classes with amounts and shares, with no full stop until the end.
func longLine(n int) []byte {
	var b bytes.Buffer
	b.WriteString("某某局2025年部门预算公开\n本年支出预算100万元，其中")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "一般公共服务支出%d.%02d万元，占%d.%d%%，比上年增加 %d 万元、", i%997, i%100, i%90, i%10, i%50)
	}
	b.WriteString("。\n")
	return b.Bytes()
}

// BenchmarkParseLongLine parses one 1 MB line (a sentence of about 15,000
// numbers): parse time must grow linearly with the line.
func BenchmarkParseLongLine(b *testing.B) { benchBytes(b, longLine(1<<20)) }

// BenchmarkParseLongLineNoMarks parses a 1 MB line of numbers with no clause
// mark at all.
func BenchmarkParseLongLineNoMarks(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("某某局2025年部门预算公开\n支出预算")
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, "项目%d 万元 %d%% ", i, i%100)
	}
	buf.WriteString("\n")
	benchBytes(b, buf.Bytes())
}

// BenchmarkParseLargeText parses a 50 MB text: the 2023 seed repeated.
func BenchmarkParseLargeText(b *testing.B) {
	seed, err := os.ReadFile(seedPath(b, seed2023))
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(seed, 50<<20/len(seed))
	benchBytes(b, data)
}

func benchBytes(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
