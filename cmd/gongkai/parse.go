package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
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
	Out     string
	Quiet   bool
	Profile string
}

func parseFlags(what string) func(fs *pflag.FlagSet) any {
	return func(fs *pflag.FlagSet) any {
		o := &parseOptions{}
		fs.StringVarP(&o.Out, "out", "o", "", what)
		fs.BoolVarP(&o.Quiet, "quiet", "q", false, "只打印错误和未识别的文字，不打印警告和提示 / print only errors and unread text, not warnings and notes")
		return o
	}
}

// convertFlags are parse's flags and --profile, the layout of the tables
// in the workbook.
func convertFlags(what string) func(fs *pflag.FlagSet) any {
	return func(fs *pflag.FlagSet) any {
		o := parseFlags(what)(fs).(*parseOptions)
		profileFlag(fs, &o.Profile)
		return o
	}
}

const parseLong = `
读取已公开的部门预算文件：纯文本（UTF-8、GB18030/GBK、UTF-16）、PDF、从浏览器保存的网页
（.html/.htm，UTF-8 或 GB18030）和 Word 文件（.docx），按内容识别，不看扩展名。读出部门、
年度、金额单位、文字说明中的每个数字，以及文件中的每张表（制表符分隔、竖线/markdown、每格
一行；PDF 按字符位置和表格线还原行列，空格子保留为空）。扫描件（PDF 无文字层）、有密码的或
已损坏的 PDF 会给出明确的错误。

凡是含有数字而没有被任何规则读出的句子，都连同行号（PDF 还有页码）打印到标准错误，
不会悄悄丢掉；随后打印与 'gongkai validate' 相同的核对结果。

退出状态：0 全部读出且没有错误级的问题；1 有未识别的文字或有错误级的问题；2 文件无法读取
或输出无法写入。`

const parseLongEN = `
It reads a published disclosure: plain text (UTF-8, GB18030/GBK, UTF-16), PDF, a web
page saved from a browser (.html/.htm, UTF-8 or GB18030) or a Word file (.docx),
recognised by its content, not its extension: the department, year and amount unit,
every figure the narrative states, and every table (tab-separated, pipe/markdown, one
cell per line; in a PDF, rows and columns rebuilt from character positions and ruling
lines, blank cells kept blank). A scanned PDF (no text layer), a password-protected or
a damaged PDF gives a clear error.

It prints to standard error every sentence holding a number that no rule read, with
its line number (and page, for a PDF), so that nothing is dropped silently, and the
consistency findings of 'gongkai validate'.

Exit status: 0 when everything was read and no finding is an error, 1 when some text
was left unread or a finding is an error, 2 when the file cannot be read or the output
cannot be written.`

func parseCommand() *command {
	return &command{
		Name:    "parse",
		Usage:   "[-o OUTPUT.json] DISCLOSURE.txt|.pdf|.html|.docx",
		Short:   "读取已公开的文件（文本、PDF、网页、Word）为 JSON",
		ShortEN: "read a published disclosure (text, PDF, web page, Word) into the JSON model",
		Long: `
Parse 把已公开的文件读成 'gongkai export' 使用的 JSON（不加 -o 时写到标准输出）。
` + parseLong,
		LongEN: `
Parse turns a published disclosure into the JSON format that 'gongkai export' reads
(standard output unless -o is given).
` + parseLongEN,
		Flags: parseFlags("JSON 写到这里，而不是标准输出 / write the JSON here instead of standard output"),
		Run:   runParse,
	}
}

func convertCommand() *command {
	return &command{
		Name:    "convert",
		Usage:   "[-o OUTPUT.xlsx] DISCLOSURE.txt|.pdf|.html|.docx",
		Short:   "把已公开的文件转成工作簿（公开表、文中数据、核对结果）",
		ShortEN: "turn a published disclosure into a workbook (tables, figures, findings)",
		Long: `
Convert 像 'gongkai parse' 一样读取文件，写出一个工作簿：文件中的公开表（官方格式）、
“文中数据”表（读出的每个数字：名称、数值、单位、所在行，以及未识别的文字）和“核对结果”表。
` + parseLong,
		LongEN: `
Convert reads a published disclosure as 'gongkai parse' does and writes a workbook: the
tables the file contains in official format, a sheet 文中数据 listing every figure
extracted (label, value, unit, source line) and the text left unread, and a sheet
核对结果 with the consistency findings.
` + parseLongEN,
		Flags: convertFlags("要写的工作簿（默认：输入文件旁的 同名.xlsx） / the workbook to write (default: DISCLOSURE.xlsx beside the input)"),
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
	// a scanned page of a PDF is content not read: listed like unread text
	for _, pg := range pub.Scanned {
		line := 0
		if pg-1 < len(pub.Pages) {
			line = pub.Pages[pg-1]
		}
		res.Unread = append(res.Unread, model.Unread{Line: line, Text: fmt.Sprintf("第%d页没有文字层（扫描页），内容未读入，需先做文字识别（OCR） / page %d has no text layer (scanned): not read", pg, pg)})
	}
	sort.SliceStable(res.Unread, func(i, j int) bool { return res.Unread[i].Line < res.Unread[j].Line })
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
		return nil, inputs.OpenError(err)
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
		fmt.Fprintln(e.stderr, "用法 usage: gongkai parse [-o OUTPUT.json] DISCLOSURE.txt|.pdf|.html|.docx")
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
		fmt.Fprintln(e.stderr, "用法 usage: gongkai convert [-o OUTPUT.xlsx] DISCLOSURE.txt|.pdf|.html|.docx")
		return exitUsage
	}
	out := o.Out
	if out == "" {
		if args[0] == "-" {
			fmt.Fprintln(e.stderr, "gongkai convert: 从标准输入读取时需要用 -o 指定工作簿 / reading standard input needs -o OUTPUT.xlsx")
			return exitUsage
		}
		out = filepath.Join(filepath.Dir(args[0]), baseName(args[0])+".xlsx")
	}
	if regular(out) && !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		fmt.Fprintf(e.stderr, "gongkai convert: -o %s: 写出的是 .xlsx 工作簿，文件名应以 .xlsx 结尾 / the workbook name must end in .xlsx\n", out)
		return exitUsage
	}
	prof, err := loadProfile(o.Profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai convert: %v\n", err)
		return exitUsage
	}
	res, fs, ok := readText(e, "convert", args[0], o.Quiet)
	if !ok {
		return exitUsage
	}
	doc, err := templates.Document(res.Disclosure, templates.Options{OnlyPresent: true, Profile: prof})
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
	// The parser's P8 (department, year or unit not found, or nothing
	// found) and the check's D-META say the same: keep the parser's.
	p8 := map[string]bool{}
	for _, f := range parsed {
		if f.Rule == "P8" {
			p8[f.Field] = true
		}
	}
	for _, f := range checked {
		// P8 with no field (nothing of a disclosure found) covers every
		// D-META: an empty file is one mistake.
		if f.Rule == "D-META" && (p8[f.Field] || p8[""]) {
			continue
		}
		out = append(out, f)
	}
	return out
}
