package atomicfile

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAllAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "b.txt")
	boom := errors.New("boom")
	err := WriteAll([]File{
		{Path: a, Write: func(w *bufio.Writer) error { _, err := w.WriteString("A"); return err }},
		{Path: b, Write: func(w *bufio.Writer) error { w.WriteString("half"); return boom }},
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "sub")} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			if !e.IsDir() {
				t.Errorf("left behind after a failure: %s", filepath.Join(d, e.Name()))
			}
		}
	}
	if err := WriteAll([]File{
		{Path: a, Write: func(w *bufio.Writer) error { _, err := w.WriteString("A"); return err }},
		{Path: b, Write: func(w *bufio.Writer) error { _, err := w.WriteString("B"); return err }},
	}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "A", b: "B"} {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", p, got, err, want)
		}
	}
}
