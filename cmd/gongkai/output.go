package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// output is one file a command writes.
type output struct {
	Path  string
	Write func(w *bufio.Writer) error
}

// writeAll writes every output to a temporary file beside its target and
// renames them into place only when all of them were written, so that a
// failure leaves no half-written or partial set of files behind.
func writeAll(outs []output) error {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, o := range outs {
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
	for i, o := range outs {
		if err := os.Rename(temps[i], o.Path); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}
