package testenv

import (
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// SmallSeeds cuts the disclosure at path into one seed per table and one for
// the narrative, every list cut to four entries: small fuzz seeds (a whole
// 32 KB document makes the fuzzer spend its time minimising).
func SmallSeeds(tb testing.TB, path string) [][]byte {
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var whole map[string]any
	if err := json.Unmarshal(b, &whole); err != nil {
		tb.Fatal(err)
	}
	var cut func(v any) any
	cut = func(v any) any {
		switch x := v.(type) {
		case []any:
			if len(x) > 4 {
				x = x[:4]
			}
			for i := range x {
				x[i] = cut(x[i])
			}
			return x
		case map[string]any:
			for k := range x {
				x[k] = cut(x[k])
			}
		}
		return v
	}
	head := func() map[string]any {
		return map[string]any{"department": whole["department"], "year": whole["year"], "unit": whole["unit"]}
	}
	tables, _ := whole["tables"].(map[string]any)
	ids := make([]string, 0, len(tables))
	for id := range tables {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var seeds [][]byte
	for _, id := range ids {
		d := head()
		d["tables"] = map[string]any{id: cut(tables[id])}
		s, _ := json.Marshal(d)
		seeds = append(seeds, s)
	}
	if n, ok := whole["narrative"]; ok {
		d := head()
		d["narrative"] = cut(n)
		s, _ := json.Marshal(d)
		seeds = append(seeds, s)
	}
	return seeds
}
