package pdf

import (
	"io"
	"testing"
	"time"
)

// BenchmarkWrite is one ten-table PDF of the 2023 example, the font cut to
// the document's runes (the default way).
func BenchmarkWrite(b *testing.B) {
	doc := example2023(b)
	o := testOpts() // the font parsed once per process, as in the CLI
	b.ReportAllocs()
	t0 := cpuTime()
	for b.Loop() {
		if err := Write(io.Discard, doc, o); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, t0)
}

// reportCPU adds the metric the target is stated in: CPU milliseconds per
// document, garbage collection included.
func reportCPU(b *testing.B, t0 time.Duration) {
	if d := cpuTime() - t0; d > 0 {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkWriteParallel keeps both cores busy; docs/s is documents per
// second.
func BenchmarkWriteParallel(b *testing.B) {
	doc := example2023(b)
	o := testOpts()
	b.ReportAllocs()
	b.ResetTimer()
	t0 := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := Write(io.Discard, doc, o); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	reportCPU(b, t0)
}

// BenchmarkWriteFullFont is the old way, for the before/after figure: the
// whole face handed to the library, which parses it per document.
func BenchmarkWriteFullFont(b *testing.B) {
	doc := example2023(b)
	o := testOpts()
	o.fullFont = true
	b.ReportAllocs()
	t0 := cpuTime()
	for b.Loop() {
		if err := Write(io.Discard, doc, o); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, t0)
}
