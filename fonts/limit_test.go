package fonts

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// --font /dev/zero used to read without end and crash the program out of
// memory: a device is read at most MaxSize+1 bytes, a regular file larger
// than MaxSize is refused from its size.
func TestLoadRefusesHugeAndEndless(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := Load("/dev/zero", 0)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("Load(/dev/zero): %v, want ErrTooLarge", err)
		}
	}
	big := filepath.Join(t.TempDir(), "big.ttf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(big, 0)
	var fe *Error
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.File != big {
		t.Errorf("Load(%d-byte file): %v, want ErrTooLarge naming the file", MaxSize+1, err)
	}
}
