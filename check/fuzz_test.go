package check

import (
	"encoding/json"
	"os"
	"testing"

	"gongkai/model"
)

// FuzzDisclosure: any disclosure JSON can hold is checked without a panic,
// and twice with the same result.
//
//	go test ./check -run '^$' -fuzz FuzzDisclosure -fuzztime 60s
func FuzzDisclosure(f *testing.F) {
	for _, p := range []string{"testdata/seed-2023.json", "testdata/seed-2026.json", "../examples/tianmen-12345-2023.json"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
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
