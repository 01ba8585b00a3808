package profiles

import "testing"

// BenchmarkParse measures reading and validating the largest embedded
// profile (hubei, ten tables), what `--profile my.yaml` costs per run.
func BenchmarkParse(b *testing.B) {
	src, err := Source("hubei")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("hubei.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}
