package main

import (
	"io"
	"os"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 && startedFromFileManager() {
		// Double-clicked: there is no terminal to read usage in, so start
		// the web page and open it in the browser.
		args = doubleClickArgs()
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK       = 0 // clean
	exitFindings = 1 // findings at error severity, or text left unread
	exitUsage    = 2 // bad usage, unreadable input, or output that could not be written
)

// env is what a command sees of the world; tests give it buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}
