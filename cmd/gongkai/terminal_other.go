//go:build !windows

package main

import (
	"os"

	"golang.org/x/term"
)

// startedWithoutTerminal: standard input is a character device that is not
// a terminal (what a file manager gives: /dev/null). A pipe or a file
// redirected into gongkai is a script's doing, not a double-click.
func startedWithoutTerminal() bool {
	fd := int(os.Stdin.Fd())
	if term.IsTerminal(fd) {
		return false
	}
	st, err := os.Stdin.Stat()
	if err != nil {
		return false
	}
	return st.Mode()&os.ModeCharDevice != 0
}
