package check

import (
	"encoding/json"
	"testing"

	"gongkai/internal/testenv"
	"gongkai/model"
)

// FuzzDisclosure: any disclosure JSON can hold is checked without a panic,
// and twice with the same result.
//
//	go test ./check -run '^$' -fuzz FuzzDisclosure -fuzztime 60s
//
// The seeds are small (one table of the example with at most four entries
// in each list, or the narrative alone; each under 4 KB): whole 32 KB
// documents made the fuzzer spend its time minimising.
func FuzzDisclosure(f *testing.F) {
	for _, s := range testenv.SmallSeeds(f, "../examples/tianmen-12345-2023.json") {
		f.Add(s)
	}
	f.Add([]byte(`{"tables":{"t04":{"functions":[{"name":"2"}],"economic":[{"code":"x"}]},"t06":{"rows":[{"level":"item","code":"3"}]}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d model.Disclosure
		if json.Unmarshal(b, &d) != nil {
			return
		}
		fs := Disclosure(&d, Options{})
		if len(fs) != len(Disclosure(&d, Options{})) {
			t.Fatal("two runs differ")
		}
	})
}

// The seeds stay small, and there is one per table and the narrative.
func TestFuzzSeedsSmall(t *testing.T) {
	seeds := testenv.SmallSeeds(t, "../examples/tianmen-12345-2023.json")
	if len(seeds) != 11 {
		t.Errorf("%d seeds, want 11 (ten tables and the narrative)", len(seeds))
	}
	for i, s := range seeds {
		if len(s) > 4096 {
			t.Errorf("seed %d is %d bytes", i, len(s))
		}
	}
}
