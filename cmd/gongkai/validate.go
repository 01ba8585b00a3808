package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/pflag"

	"gongkai/check"
	"gongkai/inputs"
	"gongkai/model"
)

type validateOptions struct {
	Format string
	Strict bool
	Exact  bool
}

func validateCommand() *command {
	return &command{
		Name:  "validate",
		Usage: "[--format text|json] [--strict] [--exact] INPUT.json",
		Short: "check that every number agrees with every other (表内、表间、文表勾稽)",
		Long: `
Validate checks a disclosure: every row and subtotal of each table, the identities
between tables (X1–X12), the narrative against the tables (N1–N11), the change words
and percentages, the function and economic codes, and the notes of empty tables.

It prints one finding a line, in Chinese, with its severity (错误 / 警告 / 提示), the rule
id, where it is and the numbers involved. Differences that rounding to two decimals
explains are not errors (see the check package documentation for the tolerance).

Exit status: 0 when there is no error, 1 when there is at least one error (with
--strict, also a warning), 2 when the input cannot be read.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &validateOptions{}
			fs.StringVar(&o.Format, "format", "text", "output format: text or json")
			fs.BoolVar(&o.Strict, "strict", false, "fail (exit 1) on warnings too")
			fs.BoolVar(&o.Exact, "exact", false, "no rounding tolerance: parts must add up to the displayed total exactly")
			return o
		},
		Run: runValidate,
	}
}

func runValidate(e env, opts any, args []string) int {
	o := opts.(*validateOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "usage: gongkai validate [--format text|json] [--strict] INPUT.json")
		return exitUsage
	}
	if o.Format != "text" && o.Format != "json" {
		fmt.Fprintf(e.stderr, "gongkai validate: --format %q: use text or json\n", o.Format)
		return exitUsage
	}
	d, read, err := readDisclosure(e, args[0], inputs.Options{})
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai validate: %v\n", err)
		return exitUsage
	}
	fs := append(read, check.Disclosure(d, check.Options{Exact: o.Exact})...)
	if err := writeFindings(e, fs, o.Format); err != nil {
		fmt.Fprintf(e.stderr, "gongkai validate: %v\n", err)
		return exitUsage
	}
	return findingsExit(fs, o.Strict)
}

func writeFindings(e env, fs []model.Finding, format string) error {
	if format == "json" {
		if fs == nil {
			fs = []model.Finding{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(fs)
	}
	var n [3]int
	for _, f := range fs {
		fmt.Fprintln(e.stdout, f.String())
		switch f.Severity {
		case model.SeverityError:
			n[0]++
		case model.SeverityWarning:
			n[1]++
		default:
			n[2]++
		}
	}
	if len(fs) == 0 {
		fmt.Fprintln(e.stdout, "核对通过：未发现问题")
		return nil
	}
	fmt.Fprintf(e.stdout, "共 %d 项：错误 %d，警告 %d，提示 %d\n", len(fs), n[0], n[1], n[2])
	return nil
}

func findingsExit(fs []model.Finding, strict bool) int {
	for _, f := range fs {
		if f.Severity == model.SeverityError || (strict && f.Severity == model.SeverityWarning) {
			return exitFindings
		}
	}
	return exitOK
}
