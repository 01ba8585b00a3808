package ledger_test

import (
	"math/rand/v2"
	"testing"

	"gongkai/importer/ledger"
)

// BenchmarkBuild100k builds a department of 50 units from 100,000 budget
// lines (every fund and category, 三公 and procurement lines): the rounding
// and all ten tables. Record the figure in the README:
//
//	go test ./importer/ledger -run '^$' -bench Build100k -benchmem
func BenchmarkBuild100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(42, 1))
	l := randomLedgerN(rng, 50, 100_000, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, rep, err := ledger.Build(l, ledger.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(len(rep.Off)), "off")
			b.ReportMetric(float64(rep.Cells), "cells")
		}
	}
}
