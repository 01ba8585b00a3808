package text

import (
	"bytes"
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
