package batch

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRun is the batch target: full packages (ten-sheet workbook and
// ten-table PDF, with load and checks) through Run with two workers, the
// way 'gongkai batch -j 2' works. pkgs/s is departments per second of wall
// time; cpu-ms/op is CPU per department (GC included), the figure that does
// not depend on what else the machine is doing.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	paths := corpus(b, dir, 64)
	out := filepath.Join(dir, "out")
	o := Options{Out: out, Jobs: 2}
	b.ReportAllocs()
	b.ResetTimer()
	t0 := cpuTime()
	w0 := time.Now()
	n := 0
	for n < b.N {
		k := min(len(paths), b.N-n)
		rep, err := Run(context.Background(), paths[:k], o)
		if err != nil {
			b.Fatal(err)
		}
		rep.Close()
		n += k
	}
	b.ReportMetric(float64(b.N)/time.Since(w0).Seconds(), "pkgs/s")
	if d := cpuTime() - t0; d > 0 {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkDepartment is one department after another on one worker.
func BenchmarkDepartment(b *testing.B) {
	dir := b.TempDir()
	paths := corpus(b, dir, 1)
	r, err := newRunner(Options{Out: filepath.Join(dir, "out")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	t0 := cpuTime()
	for b.Loop() {
		if res := r.one(paths[0]); res.Status != StatusOK {
			b.Fatal(res.Error)
		}
	}
	if d := cpuTime() - t0; d > 0 {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
