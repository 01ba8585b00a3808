package xlsxin

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"gongkai/internal/gendisclosure"
)

var roundTrips = flag.Int("roundtrips", 300, "generated disclosures the round-trip test exports and reads back")

// funcName names generated function codes so that names travel too.
func funcName(code string) string { return "科目" + code }

// TestRoundTripGenerated: generated disclosures exported as the official
// workbook read back as the same model (tables and amounts exactly) and lay
// out identically, without a finding.
//
// The disclosures are split over two parallel subtests (two cores).
func TestRoundTripGenerated(t *testing.T) {
	n := *roundTrips
	if testing.Short() {
		n = 30
	}
	for part := 0; part < 2; part++ {
		t.Run(fmt.Sprint("part", part), func(t *testing.T) {
			t.Parallel()
			roundTrip(t, uint64(part), (n+1-part)/2)
		})
	}
}

func roundTrip(t *testing.T, seed uint64, n int) {
	r := rand.New(rand.NewPCG(9+seed, 2027))
	for i := 0; i < n; i++ {
		in := gendisclosure.Generate(r, funcName)
		got, fs, err := Read(bytes.NewReader(export(t, in)), "表.xlsx", Options{})
		if err != nil {
			t.Fatalf("disclosure %d: %v", i, err)
		}
		if len(fs) > 0 {
			t.Fatalf("disclosure %d: findings:\n%s", i, list(fs))
		}
		if d := diff(normalise(in), normalise(got)); len(d) > 0 {
			t.Fatalf("disclosure %d differs after the round trip:\n%s", i, strings.Join(d, "\n"))
		}
		sameLayout(t, in, got)
		if t.Failed() {
			t.Fatalf("disclosure %d", i)
		}
	}
}
