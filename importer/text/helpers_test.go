package text

import (
	"gongkai/internal/testenv"

	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/model"
)

// seedPath returns the path of a seed disclosure in ../shared/seeds beside
// the repository root, or skips the test when it is absent.
func seedPath(t testing.TB, name string) string { return testenv.Seed(t, name) }

const (
	seed2023 = "000_f97d38f6104f5813.txt"
	seed2026 = "001_afc552fd0bb8e3bc.txt"
)

// fig is an expected narrative figure: source line, key, value as stated, unit.
type fig struct {
	line       int
	key, value string
	unit       string
}

var reIndex = regexp.MustCompile(`^(.*?)\[(.*)\]$`)

// narrativeValue looks a key up in the narrative as JSON, the way a user of
// `gongkai parse` reads it: income.sources[X], expenditure.by_function[0],
// expenditure.by_function[0].percent, operating_costs.items[3] …
func narrativeValue(t testing.TB, n *model.Narrative, key string) (string, bool) {
	t.Helper()
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var cur any = m
	parts := strings.Split(key, ".")
	for i := 0; i < len(parts); i++ {
		part := parts[i]
		// keys like income.sources[一般公共预算财政拨款] may hold dots? they do not.
		idx := ""
		if mm := reIndex.FindStringSubmatch(part); mm != nil {
			part, idx = mm[1], mm[2]
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return "", false
		}
		cur, ok = obj[part]
		if !ok {
			return "", false
		}
		if idx != "" {
			switch c := cur.(type) {
			case map[string]any:
				cur, ok = c[idx]
				if !ok {
					return "", false
				}
			case []any:
				k, err := strconv.Atoi(idx)
				if err != nil || k >= len(c) {
					return "", false
				}
				cur = c[k]
				if el, ok := cur.(map[string]any); ok && i == len(parts)-1 {
					cur = el["amount"]
				}
			default:
				return "", false
			}
		}
	}
	if cur == nil {
		return "null", true
	}
	s, ok := cur.(string)
	return s, ok
}

// assertFigures checks that every expected figure was read with its key,
// value, unit and line, into Figures and into the narrative (value and
// Lines), and that nothing else was read.
func assertFigures(t *testing.T, r *Result, want []fig, checkLines bool) {
	t.Helper()
	got := r.Figures
	if len(got) != len(want) {
		t.Errorf("read %d figures, want %d", len(got), len(want))
	}
	for i := 0; i < len(want) && i < len(got); i++ {
		w, g := want[i], got[i]
		if g.Key != w.key || g.Value.String() != w.value || g.Unit != w.unit || (checkLines && g.Line != w.line) {
			t.Errorf("figure %d = line %d %s %s %s; want line %d %s %s %s", i, g.Line, g.Key, g.Value, g.Unit, w.line, w.key, w.value, w.unit)
		}
	}
	for i := len(want); i < len(got); i++ {
		t.Errorf("extra figure: line %d %s %s %s (%s)", got[i].Line, got[i].Key, got[i].Value, got[i].Unit, got[i].Label)
	}
	n := r.Disclosure.Narrative
	if n == nil {
		t.Fatal("no narrative")
	}
	seen := map[string]bool{}
	for _, w := range want {
		if seen[w.key] {
			continue // a repeated key keeps its first value
		}
		seen[w.key] = true
		v, ok := narrativeValue(t, n, w.key)
		if !ok || v != w.value {
			t.Errorf("narrative %s = %q (found %v), want %q", w.key, v, ok, w.value)
		}
		if checkLines && n.Lines[w.key] != w.line {
			t.Errorf("narrative.lines[%s] = %d, want %d", w.key, n.Lines[w.key], w.line)
		}
	}
}

func hasFinding(fs []model.Finding, rule string, line int) bool {
	for _, f := range fs {
		if f.Rule == rule && (line == 0 || f.Line == line) {
			return true
		}
	}
	return false
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func containsAnyStr(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func asParseError(err error, pe **model.ParseError) bool { return errors.As(err, pe) }

func isErr(err, target error) bool { return errors.Is(err, target) }
