//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillsLeaveNoTemp repeats the experiment that left 92 temporary files
// after 100 kills: gongkai export is started and signalled (SIGTERM and
// SIGINT, at delays spread over an export's run). Afterwards there is no
// .*.tmp-* file, and every output present is whole: byte-identical to an
// export that was not interrupted (the output is deterministic).
func TestKillsLeaveNoTemp(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts 24 processes")
	}
	bin := filepath.Join(t.TempDir(), "gongkai")
	if err := os.Symlink(os.Args[0], bin); err != nil {
		t.Skipf("skipped: cannot link the test binary: %v", err)
	}
	example, _ := filepath.Abs(filepath.Join("..", "..", "examples", "tianmen-12345-2023.json"))
	ref := t.TempDir()
	if out, err := exec.Command(bin, "export", example, "-o", ref).CombinedOutput(); err != nil {
		t.Fatalf("reference export: %v\n%s", err, out)
	}
	dir := t.TempDir()
	for i := 0; i < 24; i++ {
		cmd := exec.Command(bin, "export", example, "-o", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(i*i) * time.Millisecond) // 0 … 529 ms
		sig := syscall.SIGTERM
		if i%2 == 1 {
			sig = syscall.SIGINT
		}
		cmd.Process.Signal(sig)
		cmd.Wait()
		// Checked after each kill: the next export would also remove
		// what a dead process left (its pid is in the name).
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("kill %d (%v after %d ms): temporary file left: %s", i+1, sig, i*i, e.Name())
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
			continue
		}
		got, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		want, err := os.ReadFile(filepath.Join(ref, e.Name()))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not a whole export (%d bytes, want %d)", e.Name(), len(got), len(want))
		}
	}
}
