package check

import "testing"

// BenchmarkDisclosure2023 checks the bundled 2023 example (all ten tables
// and the narrative).
func BenchmarkDisclosure2023(b *testing.B) {
	d := loadJSON(b, "../examples/tianmen-12345-2023.json")
	b.ReportAllocs()
	for b.Loop() {
		Disclosure(d, Options{})
	}
}

// BenchmarkDisclosureGenerated checks a generated department of 3 units.
func BenchmarkDisclosureGenerated(b *testing.B) {
	d := generate(newRand(3))
	b.ReportAllocs()
	for b.Loop() {
		Disclosure(d, Options{})
	}
}
