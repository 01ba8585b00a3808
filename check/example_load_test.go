package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gongkai/model"
)

// loadJSON reads a disclosure from a path relative to the check package.
func loadJSON(t testing.TB, path string) *model.Disclosure {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("%s is not there yet: %v", path, err)
		}
		t.Fatal(err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &d
}

func TestPrintExamples(t *testing.T) {
	for _, p := range []string{"../examples/tianmen-12345-2023.json", "../examples/tianmen-12345-2026.json"} {
		d := loadJSON(t, p)
		for _, f := range Disclosure(d, Options{}) {
			t.Logf("%s | %s %s %s %s", p, f.Table, f.Row, f.Column, f.String())
		}
	}
}
