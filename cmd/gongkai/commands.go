package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// command is one subcommand. The list in commands() is the order of the help.
type command struct {
	Name  string
	Usage string // after "gongkai NAME"
	Short string // one line
	Long  string // the manual text
	Flags func(fs *pflag.FlagSet) any
	Run   func(e env, opts any, args []string) int
}

func commands() []*command {
	return []*command{
		exportCommand(),
		narrativeCommand(),
		batchCommand(),
		validateCommand(),
		templateCommand(),
		parseCommand(),
		convertCommand(),
		serveCommand(),
		sampleCommand(),
		profilesCommand(),
		profileCommand(),
		versionCommand(),
	}
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// run runs one command line. A failed write to standard output (a full disk,
// a closed pipe) is exit status 2 whatever the command found.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &errWriter{w: stdout}
	code := runCommand(args, stdin, out, stderr)
	if out.err != nil {
		fmt.Fprintf(stderr, "gongkai: 写标准输出失败 (writing standard output): %v\n", out.err)
		return exitUsage
	}
	return code
}

func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 {
			if c := findCommand(args[1]); c != nil {
				commandHelp(stdout, c)
				return exitOK
			}
			fmt.Fprintf(stderr, "gongkai: no command %q\n", args[1])
			return exitUsage
		}
		usage(stdout)
		return exitOK
	case "--version", "-version":
		args = []string{"version"}
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "gongkai: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	fs := pflag.NewFlagSet("gongkai "+c.Name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	var opts any
	if c.Flags != nil {
		opts = c.Flags(fs)
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			commandHelp(stdout, c)
			return exitOK
		}
		fmt.Fprintf(stderr, "gongkai %s: %v\n", c.Name, err)
		fmt.Fprintf(stderr, "usage: gongkai %s %s\n", c.Name, c.Usage)
		return exitUsage
	}
	return c.Run(e, opts, fs.Args())
}

func usage(w io.Writer) {
	fmt.Fprint(w, "gongkai makes, checks and converts department budget disclosures (部门预算公开).\n\n")
	fmt.Fprint(w, "Usage:\n\n\tgongkai <command> [arguments]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-9s %s\n", c.Name, c.Short)
	}
	fmt.Fprint(w, "\nRun 'gongkai help <command>' or 'gongkai <command> --help' for details.\n")
	fmt.Fprint(w, "Exit status: 0 clean, 1 findings at error severity (or text left unread), 2 bad usage or I/O error.\n")
}

func commandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: gongkai %s %s\n\n%s\n", c.Name, c.Usage, strings.TrimSpace(c.Long))
	fs := pflag.NewFlagSet(c.Name, pflag.ContinueOnError)
	fs.SortFlags = false
	if c.Flags != nil {
		c.Flags(fs)
	}
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}

// manual is the text of doc.go: the usage and every command's help.
func manual() string {
	var b strings.Builder
	usage(&b)
	for _, c := range commands() {
		fmt.Fprintf(&b, "\n# gongkai %s\n\n", c.Name)
		commandHelp(&b, c)
	}
	return b.String()
}
