package batch

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"testing"
)

// The report's spool has no name on disk while the run goes on (where the
// system allows it), so a run killed before Close leaves no file behind;
// its lines can still be read back.
func TestSpoolLeavesNothingBehind(t *testing.T) {
	rep, err := newReport()
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	if err := rep.add(Result{Input: "甲.json"}); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if _, err := os.Stat(rep.spool.Name()); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("spool %s still has a name on disk (%v)", rep.spool.Name(), err)
		}
	}
	line, err := rep.line(0)
	if err != nil || len(line) == 0 {
		t.Fatalf("line 0: %q, %v", line, err)
	}
	if err := rep.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
