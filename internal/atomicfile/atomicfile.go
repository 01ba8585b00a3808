// Package atomicfile writes a set of output files so that a failure or an
// interruption leaves either every file of the set in place or none of them,
// and never a half-written file or a temporary one. The CLI (export, parse,
// convert), the batch runner and the web server write their outputs through
// it, so the rules for replacing files live in one place.
package atomicfile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// File is one file of a set.
type File struct {
	Path  string
	Write func(w *bufio.Writer) error
}

// WriteAll writes every file to a temporary file beside its target and
// renames them into place only when all of them were written, so that a
// failure leaves no half-written or partial set of files behind.
func WriteAll(files []File) error {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, o := range files {
		dir := filepath.Dir(o.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			cleanup()
			return err
		}
		f, err := os.CreateTemp(dir, "."+filepath.Base(o.Path)+".tmp-*")
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, f.Name())
		bw := bufio.NewWriterSize(f, 64<<10)
		err = o.Write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %w", o.Path, err)
		}
		if err := os.Chmod(f.Name(), 0o644); err != nil {
			cleanup()
			return err
		}
	}
	for i, o := range files {
		if err := os.Rename(temps[i], o.Path); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}
