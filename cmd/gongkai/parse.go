package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"gongkai/check"
	"gongkai/exporter/xlsx"
	"gongkai/importer/text"
	"gongkai/inputs"
	"gongkai/model"
	"gongkai/templates"
)

type parseOptions struct {
	Out   string
	Quiet bool
}

func parseFlags(what string) func(fs *pflag.FlagSet) any {
	return func(fs *pflag.FlagSet) any {
		o := &parseOptions{}
		fs.StringVarP(&o.Out, "out", "o", "", what)
		fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print only errors and unread text, not warnings and notes")
		return o
	}
}

const parseLong = `
It reads a text disclosure such as a published web page, a PDF run through OCR or
a Word file saved as text, in UTF-8 (with or without BOM), GB18030/GBK or UTF-16:
the department, year and amount unit, every figure the narrative states, and every
table present as text (tab-separated, pipe/markdown, or one cell per line).

It prints to standard error every sentence holding a number that no rule read,
with its line number, so that nothing is dropped silently, and the consistency
findings of 'gongkai validate'.

Exit status: 0 when everything was read and no finding is an error, 1 when some
text was left unread or a finding is an error, 2 when the file cannot be read or
the output cannot be written.`

func parseCommand() *command {
	return &command{
		Name:  "parse",
		Usage: "[-o OUTPUT.json] DISCLOSURE.txt",
		Short: "read a text disclosure into the JSON model",
		Long: `
Parse turns a text disclosure into the JSON format that 'gongkai export' reads
(standard output unless -o is given).
` + parseLong,
		Flags: parseFlags("write the JSON here instead of standard output"),
		Run:   runParse,
	}
}

func convertCommand() *command {
	return &command{
		Name:  "convert",
		Usage: "-o OUTPUT.xlsx DISCLOSURE.txt",
		Short: "turn a text disclosure into a workbook of its tables and figures",
		Long: `
Convert reads a text disclosure as 'gongkai parse' does and writes a workbook: the
tables the text contains in official format, a sheet 文中数据 listing every figure
extracted (label, value, unit, source line) and the text left unread, and a sheet
核对结果 with the consistency findings.
` + parseLong,
		Flags: parseFlags("the workbook to write (default: DISCLOSURE.xlsx beside the input)"),
		Run:   runConvert,
	}
}

// readText reads a published disclosure (text, PDF, web page or Word file,
// recognised by content), parses it and reports what it could not read. The
// findings are the parser's own and those of the check package.
func readText(e env, cmd, path string, quiet bool) (*text.Result, []model.Finding, bool) {
	name := path
	var data []byte
	var err error
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(e.stdin, inputs.MaxSize+1))
	} else {
		data, err = readInput(path)
	}
	if err == nil && len(data) > inputs.MaxSize {
		err = fmt.Errorf("%s: 文件超过 %d MB", name, inputs.MaxSize>>20)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai %s: %v\n", cmd, err)
		return nil, nil, false
	}
	res, pub, err := inputs.ParsePublished(name, data)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai %s: %v\n", cmd, err)
		return nil, nil, false
	}
	for _, u := range res.Unread {
		where := fmt.Sprintf("%s:%d", name, u.Line)
		if pg := pub.Page(u.Line); pg > 0 {
			where = fmt.Sprintf("%s:第%d页:%d", name, pg, u.Line)
		}
		fmt.Fprintf(e.stderr, "%s: 未识别：%s\n", where, strings.TrimSpace(u.Text))
	}
	fs := combineFindings(res.Findings, check.Disclosure(res.Disclosure, check.Options{}))
	printFindings(e.stderr, fs, quiet)
	return res, fs, true
}

// readInput reads a file, refusing directories and files over the input
// limit.
func readInput(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: 是目录，不是文件", path)
	}
	return io.ReadAll(io.LimitReader(f, inputs.MaxSize+1))
}

func parseExit(res *text.Result, fs []model.Finding) int {
	if len(res.Unread) > 0 || model.HasErrors(fs) {
		return exitFindings
	}
	return exitOK
}

func runParse(e env, opts any, args []string) int {
	o := opts.(*parseOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "usage: gongkai parse [-o OUTPUT.json] DISCLOSURE.txt")
		return exitUsage
	}
	res, fs, ok := readText(e, "parse", args[0], o.Quiet)
	if !ok {
		return exitUsage
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res.Disclosure)
	}
	if o.Out == "" || o.Out == "-" {
		if err := write(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "gongkai parse: %v\n", err)
			return exitUsage
		}
	} else {
		if err := writeAll(e, []output{{Path: o.Out, Write: func(w *bufio.Writer) error { return write(w) }}}, args[0]); err != nil {
			fmt.Fprintf(e.stderr, "gongkai parse: %v\n", err)
			return exitUsage
		}
		if regular(o.Out) {
			fmt.Fprintf(e.stdout, "wrote %s\n", o.Out)
		}
	}
	return parseExit(res, fs)
}

func runConvert(e env, opts any, args []string) int {
	o := opts.(*parseOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "usage: gongkai convert -o OUTPUT.xlsx DISCLOSURE.txt")
		return exitUsage
	}
	out := o.Out
	if out == "" {
		if args[0] == "-" {
			fmt.Fprintln(e.stderr, "gongkai convert: reading standard input needs -o OUTPUT.xlsx")
			return exitUsage
		}
		out = filepath.Join(filepath.Dir(args[0]), baseName(args[0])+".xlsx")
	}
	if regular(out) && !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		fmt.Fprintf(e.stderr, "gongkai convert: -o %s: the workbook name must end in .xlsx\n", out)
		return exitUsage
	}
	res, fs, ok := readText(e, "convert", args[0], o.Quiet)
	if !ok {
		return exitUsage
	}
	doc, err := templates.Document(res.Disclosure, templates.Options{OnlyPresent: true})
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai convert: %v\n", err)
		return exitUsage
	}
	doc.Sheets = append(doc.Sheets, templates.FiguresSheet(res.Figures, res.Unread), templates.FindingsSheet(fs))
	if err := writeAll(e, []output{{Path: out, Write: func(w *bufio.Writer) error { return xlsx.Write(w, doc, xlsx.Options{}) }}}, args[0]); err != nil {
		fmt.Fprintf(e.stderr, "gongkai convert: %v\n", err)
		return exitUsage
	}
	if regular(out) {
		fmt.Fprintf(e.stdout, "wrote %s\n", out)
	}
	return parseExit(res, fs)
}

// combineFindings puts the parser's findings before the checks'. The parser's
// P1 (contradictory change words) and P4 (a zero change worded 增加) say what
// the check's N9 says about the same sentence, so they are left out when N9
// reports that line.
func combineFindings(parsed, checked []model.Finding) []model.Finding {
	n9 := map[int]bool{}
	for _, f := range checked {
		if f.Rule == "N9" && f.Line > 0 {
			n9[f.Line] = true
		}
	}
	out := make([]model.Finding, 0, len(parsed)+len(checked))
	for _, f := range parsed {
		if (f.Rule == "P1" || f.Rule == "P4") && n9[f.Line] {
			continue
		}
		out = append(out, f)
	}
	return append(out, checked...)
}
