package main

import (
	"io"
	"os"

	"gongkai/internal/atomicfile"
)

// output is one file a command writes.
type output = atomicfile.File

// writeAll writes a set of outputs all-or-nothing (package atomicfile): "-"
// is the command's standard output, devices and pipes are written directly,
// symbolic links are followed, and an output that is one of the inputs is
// refused.
func writeAll(e env, outs []output, inputs ...string) error {
	// Ctrl-C and SIGTERM while writing remove the temporary files.
	stop := atomicfile.CleanupOnSignal()
	defer stop()
	return atomicfile.WriteAll(outs, atomicfile.Options{Stdout: e.stdout, Inputs: inputs})
}

// regular reports whether path names (or will name) a regular file, so that
// "wrote PATH" is worth printing.
func regular(path string) bool {
	return path != "-" && !atomicfile.IsSpecial(path)
}

// errWriter remembers the first write error of standard output, so that a
// command whose output was lost (a full disk, a closed pipe) does not exit 0.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// osFile returns the *os.File behind w (standard output is wrapped in an
// errWriter), for a command that asks whether it writes to a terminal.
func osFile(w io.Writer) (*os.File, bool) {
	if ew, ok := w.(*errWriter); ok {
		w = ew.w
	}
	f, ok := w.(*os.File)
	return f, ok
}
