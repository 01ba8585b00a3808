package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// command is one subcommand. The list in commands() is the order of the help.
//
// Help is in Chinese first, for the finance staff who run gongkai: Short and
// Long are Chinese (or already bilingual), ShortEN and LongEN their English,
// printed after them, or alone when the locale is English (LANG=en…, see
// englishHelp). Flag usages are written "中文 / English".
type command struct {
	Name    string
	Usage   string // after "gongkai NAME"
	Short   string // one line, Chinese
	ShortEN string // one line, English (optional)
	Long    string // the manual text, Chinese
	LongEN  string // the manual text, English (optional)
	Flags   func(fs *pflag.FlagSet) any
	Run     func(e env, opts any, args []string) int
}

func commands() []*command {
	return []*command{
		exportCommand(),
		narrativeCommand(),
		batchCommand(),
		validateCommand(),
		templateCommand(),
		buildCommand(),
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
	en := englishHelp(os.Getenv)
	usage := func(w io.Writer) { usageLang(w, en) }
	commandHelp := func(w io.Writer, c *command) { commandHelpLang(w, c, en) }
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
			fmt.Fprintf(stderr, "gongkai: 没有命令 %q (no such command)\n", args[1])
			return exitUsage
		}
		usage(stdout)
		return exitOK
	case "--version", "-version":
		args = []string{"version"}
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "gongkai: 没有命令 %q (unknown command)\n", args[0])
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
		fmt.Fprintf(stderr, "用法 usage: gongkai %s %s\n", c.Name, c.Usage)
		return exitUsage
	}
	return c.Run(e, opts, fs.Args())
}

// englishHelp reports whether the locale asks for English help: the first
// of LC_ALL, LC_MESSAGES and LANG that is set starts with "en".
func englishHelp(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return strings.HasPrefix(v, "en")
		}
	}
	return false
}

// usage prints the command list, Chinese first and English after.
func usage(w io.Writer) { usageLang(w, false) }

// usageLang prints the command list; en prints English only.
func usageLang(w io.Writer, en bool) {
	if en {
		fmt.Fprint(w, "gongkai makes, checks and converts department budget disclosures (部门预算公开).\n\n")
		fmt.Fprint(w, "Usage:\n\n\tgongkai <command> [arguments]\n\nCommands:\n\n")
	} else {
		fmt.Fprint(w, "gongkai 制作、核对和转换部门预算公开（公开表和文字说明）。\n")
		fmt.Fprint(w, "gongkai makes, checks and converts department budget disclosures.\n\n")
		fmt.Fprint(w, "用法 Usage:\n\n\tgongkai <命令 command> [参数 arguments]\n\n命令 Commands:\n\n")
	}
	for _, c := range commands() {
		short := c.Short
		if en && c.ShortEN != "" {
			short = c.ShortEN
		}
		fmt.Fprintf(w, "\t%-9s %s\n", c.Name, short)
		if !en && c.ShortEN != "" {
			fmt.Fprintf(w, "\t%-9s %s\n", "", c.ShortEN)
		}
	}
	if en {
		fmt.Fprint(w, "\nRun 'gongkai help <command>' or 'gongkai <command> --help' for details.\n")
		fmt.Fprint(w, "Exit status: 0 clean, 1 findings at error severity (or text left unread), 2 bad usage or I/O error.\n")
		return
	}
	fmt.Fprint(w, "\n运行 'gongkai help <命令>' 或 'gongkai <命令> --help' 查看说明。\n")
	fmt.Fprint(w, "退出状态：0 无错误；1 核对发现错误（或有未读懂的文字）；2 用法错误或读写失败。\n")
	fmt.Fprint(w, "\nRun 'gongkai help <command>' for details; with LANG=en the help is in English only.\n")
	fmt.Fprint(w, "Exit status: 0 clean, 1 findings at error severity (or text left unread), 2 bad usage or I/O error.\n")
}

// commandHelp prints a command's manual, Chinese first and English after.
func commandHelp(w io.Writer, c *command) { commandHelpLang(w, c, false) }

// commandHelpLang prints a command's manual; en prints English only (the
// Chinese text when a command has no English).
func commandHelpLang(w io.Writer, c *command, en bool) {
	long := strings.TrimSpace(c.Long)
	switch {
	case en && c.LongEN != "":
		long = strings.TrimSpace(c.LongEN)
	case !en && c.LongEN != "":
		long += "\n\nEnglish:\n\n" + strings.TrimSpace(c.LongEN)
	}
	head, flags := "用法 usage", "选项 Flags"
	if en {
		head, flags = "usage", "Flags"
	}
	fmt.Fprintf(w, "%s: gongkai %s %s\n\n%s\n", head, c.Name, c.Usage, long)
	fs := pflag.NewFlagSet(c.Name, pflag.ContinueOnError)
	fs.SortFlags = false
	if c.Flags != nil {
		c.Flags(fs)
	}
	if fs.HasFlags() {
		fmt.Fprintf(w, "\n%s:\n%s", flags, fs.FlagUsages())
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
