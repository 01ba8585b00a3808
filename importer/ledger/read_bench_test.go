package ledger_test

import (
	"bytes"
	"testing"

	"gongkai/importer/ledger"
	"gongkai/internal/ledgergen"
)

// BenchmarkReadWorkbook100k reads a 100,000-line ledger workbook written by
// excelize (a 基本信息 and a 明细 sheet), and BenchmarkReadCSV100k the same
// lines as CSV. Record the figures in the README:
//
//	go test ./importer/ledger -run '^$' -bench 'Read(Workbook|CSV)100k' -benchmem
func BenchmarkReadWorkbook100k(b *testing.B) {
	var buf bytes.Buffer
	if err := ledgergen.WriteXLSX(&buf, ledgergen.Rows(ledgergen.Options{})); err != nil {
		b.Fatal(err)
	}
	benchRead(b, "预算明细.xlsx", buf.Bytes())
}

func BenchmarkReadCSV100k(b *testing.B) {
	var buf bytes.Buffer
	if err := ledgergen.WriteCSV(&buf, ledgergen.Rows(ledgergen.Options{})); err != nil {
		b.Fatal(err)
	}
	benchRead(b, "预算明细.csv", buf.Bytes())
}

func benchRead(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := ledger.Read(name, data, ledger.ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Lines) != 100_000 {
			b.Fatalf("%d lines", len(l.Lines))
		}
	}
}
