//go:build !windows

package main

import (
	"os"

	"golang.org/x/term"
)

// startedWithoutTerminal: standard input is a character device that is not
// a terminal (what a file manager gives: /dev/null) and standard output is
// not a pipe. A pipe or a file redirected into gongkai, or its output read
// through a pipe, is a script's doing, not a double-click: the script gets
// the usage and exit status 2 rather than a server that never ends.
func startedWithoutTerminal() bool {
	fd := int(os.Stdin.Fd())
	if term.IsTerminal(fd) {
		return false
	}
	st, err := os.Stdin.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if out, err := os.Stdout.Stat(); err == nil && out.Mode()&os.ModeNamedPipe != 0 {
		return false
	}
	return true
}
