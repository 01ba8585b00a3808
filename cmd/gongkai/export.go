package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"gongkai/check"
	"gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/exporter/xlsx"
	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
	"gongkai/inputs"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/narrative"
	"gongkai/profiles"
	"gongkai/templates"
)

type exportOptions struct {
	Out       string
	Formats   []string
	Font      string
	FontIndex int
	Force     bool
	Quiet     bool
	Profile   string
	Style     string
	Templates string
	Ledger    *ledgerFlags
}

func exportCommand() *command {
	return &command{
		Name:    "export",
		Usage:   "[flags] INPUT.json|表.xlsx|预算明细.csv",
		Short:   "把公开表写成官方格式的工作簿（.xlsx）和 PDF，或整份公开文件",
		ShortEN: "write the 公开表 as an official-format workbook (.xlsx) and PDF, or the whole document",
		Long: `
Export 读取一个部门的公开数据（docs/input-format.md 所述的 JSON；'gongkai sample' 打印
一份完整的例子；也可以是公开表格式的工作簿 .xlsx，如填好的 'gongkai template' 模板，或预算明细
.csv/.xlsx，见 'gongkai help build'），像 'gongkai validate' 一样核对，然后按版式（--profile；默认 hubei，
即湖北的十张表；'gongkai profiles' 列出其他版式）的顺序写出部门预算公开表：
OUT/NAME.xlsx 和 OUT/NAME.pdf，NAME 是输入文件名去掉扩展名（-o 是目录，不是文件名）。

核对结果打印到标准错误。只要有“错误”，就不写出任何文件，退出状态为 1；加 --force
则照样写出。预算明细本身有误（无法识别的编码、相互矛盾的明细行等）时同 'gongkai build'：
一次列出全部问题及其位置和问题数，不写文件，退出状态 1；文件无法读取时为 2。所有文件先写到临时文件，全部写好后才改名替换：失败时不留下写了一半的
文件，也不会只替换其中一部分。-o 指向的目标若是目录、输入文件本身，则拒绝；符号链接
会被跟随（替换它指向的文件，链接保留）。按 Ctrl-C 中断时不留下临时文件。

PDF 默认使用内置的文泉驿微米黑字体；--font 可指定 TrueType 字体（.ttf）或字体集
（.ttc，用 --font-index 选第几个），如宋体 SimSun、黑体 SimHei。字体文件不超过 64 MB。
字体中没有的字会报错，并指出所在的表和行；一格文字长到一页放不下时也报错。

--format doc 写出整份公开文件 OUT/NAME-公开.pdf：封面、带页码的目录、第一部分 概况、
第二部分 情况说明（按数据生成，与 'gongkai narrative' 相同）、十张公开表和名词解释，
带书签和页码。--format html 把同一份文件写成一个独立的网页 OUT/NAME.html，供部门的
公开网页使用。--style 和 --text-templates 选择文字的写法（见 'gongkai help narrative'）。

预算明细输入接受与 'gongkai build' 相同的参数（--department、--year、--department-code、--region、
--unit、--income、--texts、--prior、--catalog），写出的文件与先 build 再 export 所得逐字节相同。除 --catalog
外，这些参数只用于预算明细：输入是 JSON、公开表工作簿或已公开的文件时报错（退出状态 2），不会
悄悄忽略。--catalog（功能科目目录，TSV：编码<TAB>名称）对任何输入都有效：核对时目录中的编码
视为已知，不再作为“警告”或“提示”。`,
		LongEN: `
Export reads one department's disclosure (the JSON format of docs/input-format.md;
'gongkai sample' prints a complete example; or a workbook in the official layout, such
as a filled 'gongkai template'; or a ledger of budget lines, .csv/.xlsx, see 'gongkai help
build'), checks it as 'gongkai validate' does,
and writes the 部门预算公开表 in the order of the layout profile (--profile; hubei, the
default, prints the ten Hubei tables; 'gongkai profiles' lists the others): OUT/NAME.xlsx and OUT/NAME.pdf,
where NAME is the input's file name without its extension.

The findings are printed to standard error. When any is an error (错误) nothing is
written and the exit status is 1, unless --force is given. A ledger whose lines are
wrong is reported as build reports it: every problem with its place and a count, nothing
written, exit 1 (2 when the file cannot be read). Files are written to a
temporary name and renamed at the end, so a failure leaves no half-written file.

The PDF uses the embedded WenQuanYi Micro Hei font unless --font names a TrueType
file (.ttf) or a TrueType collection (.ttc, with --font-index) such as SimSun or
SimHei. A character the font cannot show is an error that names the table and row.

--format doc writes the whole disclosure document as OUT/NAME-公开.pdf: a cover, the
目录 with page numbers, 第一部分 概况, 第二部分 情况说明 (written from the data as
'gongkai narrative' prints it), the ten tables and 名词解释, with bookmarks and page
numbers. --format html writes the same document as one self-contained web page,
OUT/NAME.html, for the department's 公开 page. --style and --text-templates choose
the wording of the text (see 'gongkai help narrative').

Outputs are written all-or-nothing; a target that is a directory or the input itself is
refused, symbolic links are followed (the file they point to is replaced, the link kept),
devices and pipes are written directly, Ctrl-C leaves no temporary file. Fonts over 64 MB
are refused; a cell too long to fit on a page is an error.

For a ledger, the flags of 'gongkai build' (--department, --year, --department-code,
--region, --unit, --income, --texts, --prior, --catalog) give files byte-identical to build
followed by export. Except --catalog, they are refused (exit 2) for any other input;
--catalog (a function catalog, code<TAB>name) applies to every input: the checks know
its codes, so they are neither a warning nor a note.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &exportOptions{}
			fs.StringVarP(&o.Out, "out", "o", ".", "输出目录（不存在则创建） / output directory (created if missing)")
			fs.StringSliceVar(&o.Formats, "format", []string{"xlsx", "pdf"}, "写出哪些：xlsx、pdf、doc（整份文件的 PDF）、html / outputs to write: xlsx, pdf, doc (the whole document as PDF), html")
			fs.StringVar(&o.Font, "font", "", "PDF 用的 TrueType 字体（.ttf，或 .ttc 加 --font-index） / TrueType font for the PDF")
			fs.IntVar(&o.FontIndex, "font-index", 0, "字体集（.ttc）中的第几个字体 / face of a .ttc font collection")
			fs.BoolVar(&o.Force, "force", false, "核对有错误也写出 / write the files even when the checks find errors")
			fs.BoolVarP(&o.Quiet, "quiet", "q", false, "只打印错误，不打印警告和提示 / print only errors, not warnings and notes")
			profileFlag(fs, &o.Profile)
			fs.StringVar(&o.Style, "style", "", "doc 和 html 的文字写法：2023、2026、shanghai 或 --text-templates 中的名称（默认：与 --profile 同名的写法，否则按年度） / text style of doc and html (default: the one named like --profile, else by year)")
			fs.StringVar(&o.Templates, "text-templates", "", "文字模板目录（NAME.tmpl），增加或替换写法 / directory of NAME.tmpl text templates that add or replace styles")
			o.Ledger = addLedgerFlags(fs, oneDepartment)
			return o
		},
		Run: runExport,
	}
}

func runExport(e env, opts any, args []string) int {
	o := opts.(*exportOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai export [flags] INPUT.json|表.xlsx|预算明细.csv")
		return exitUsage
	}
	formats, err := parseFormats(o.Formats)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
		return exitUsage
	}
	if err := outDir(o.Out); err != nil {
		fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
		return exitUsage
	}
	prof, err := loadProfile(o.Profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
		return exitUsage
	}
	// A workbook is read in the layout its titles show, unless --profile
	// names another than the default.
	var in inputs.Options
	if o.Profile != profiles.DefaultName {
		in.Profile = o.Profile
	}
	r, catalog, err := loadWithLedgerFlags(e, args[0], o.Ledger, in)
	if err != nil {
		printInputError(e, "export", err, true)
		return flagsExit(err)
	}
	d := r.Disclosure
	prof = layoutFor(o.Profile, prof, r.Profile)
	findings := append(r.Findings, check.Disclosure(d, check.Options{Tables: prof.DataTables(), Catalog: catalog})...)
	if !o.Quiet {
		printLedgerReport(e.stderr, r.Report)
	}
	printFindings(e.stderr, findings, o.Quiet)
	if model.HasErrors(findings) && !o.Force {
		fmt.Fprintf(e.stderr, "gongkai export: %s: 核对发现错误，未写出文件（改正后重试，或用 --force 强制写出）\n", args[0])
		return exitFindings
	}
	doc, err := templates.Document(d, templates.Options{Profile: prof})
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai export: %s: %v\n", args[0], err)
		return exitUsage
	}
	if err := applySourceDateEpoch(&doc); err != nil {
		fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
		return exitUsage
	}
	var whole layout.Document
	if formats["doc"] || formats["html"] {
		var notes []model.Finding
		whole, notes, err = narrative.Document(d, narrative.Options{Style: o.Style, Dir: o.Templates, Tables: templates.Options{Profile: prof}})
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai export: %s: %v\n", args[0], err)
			return exitUsage
		}
		whole.Date = doc.Date
		printFindings(e.stderr, notes, o.Quiet)
	}
	var pdfOpts pdf.Options
	if formats["pdf"] || formats["doc"] {
		f, err := pdfFont(o.Font, o.FontIndex)
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
			return exitUsage
		}
		pdfOpts.Font = f
	}
	name := baseName(args[0])
	var outs []output
	if formats["xlsx"] {
		outs = append(outs, output{Path: filepath.Join(o.Out, name+".xlsx"), Write: func(w *bufio.Writer) error {
			return xlsx.Write(w, doc, xlsx.Options{})
		}})
	}
	if formats["pdf"] {
		outs = append(outs, output{Path: filepath.Join(o.Out, name+".pdf"), Write: func(w *bufio.Writer) error {
			return pdf.Write(w, doc, pdfOpts)
		}})
	}
	if formats["doc"] {
		outs = append(outs, output{Path: filepath.Join(o.Out, name+"-公开.pdf"), Write: func(w *bufio.Writer) error {
			return pdf.Write(w, whole, pdfOpts)
		}})
	}
	if formats["html"] {
		outs = append(outs, output{Path: filepath.Join(o.Out, name+".html"), Write: func(w *bufio.Writer) error {
			return html.WriteDocument(w, whole)
		}})
	}
	if err := writeAll(e, outs, args[0]); err != nil {
		var ge *pdf.GlyphError
		if errors.As(err, &ge) {
			// The data holds characters the font cannot show: a problem of
			// the input, not of usage or I/O.
			printGlyphErrors(e.stderr, args[0], err)
			return exitFindings
		}
		var rt *pdf.RowTooTallError
		if errors.As(err, &rt) {
			// A text too long for a page: also a problem of the input.
			fmt.Fprintf(e.stderr, "gongkai export: %s: %v\n", args[0], err)
			return exitFindings
		}
		fmt.Fprintf(e.stderr, "gongkai export: %v\n", err)
		return exitUsage
	}
	for _, out := range outs {
		if regular(out.Path) {
			fmt.Fprintf(e.stdout, "wrote %s\n", out.Path)
		}
	}
	if model.HasErrors(findings) {
		return exitFindings
	}
	return exitOK
}

// applySourceDateEpoch sets the document date from SOURCE_DATE_EPOCH when it
// is set (reproducible-builds convention); otherwise the date comes from the
// input (its date, or 1 January of its year), never from the clock.
func applySourceDateEpoch(doc *layout.Document) error {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
	}
	doc.Date = time.Unix(sec, 0).UTC()
	return nil
}

// outDir refuses an -o that names a file (out.xlsx, 表.pdf) rather than a
// directory: it would be created as a directory of that name.
func outDir(out string) error {
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx", ".xls", ".pdf", ".html", ".htm", ".json", ".csv":
		if st, err := os.Stat(out); err == nil && st.IsDir() {
			return nil
		}
		return fmt.Errorf("-o %s: -o 是输出目录，文件名取自输入文件名（例如 -o out/ 写出 out/budget.xlsx 和 out/budget.pdf）/ -o names the output directory, not a file", out)
	}
	return nil
}

// pdfFont is the font named by --font, or the embedded WenQuanYi Micro Hei.
func pdfFont(path string, index int) (*fonts.Font, error) {
	if path == "" {
		return wqymicrohei.Font()
	}
	f, err := fonts.Load(path, index)
	return f, inputs.OpenError(err)
}

// printGlyphErrors prints the characters the font cannot show, one line per
// table and character with how often it occurs, and at most maxGlyphLines
// lines: a font without Chinese glyphs would otherwise print thousands.
func printGlyphErrors(w io.Writer, input string, err error) {
	const maxGlyphLines = 20
	type key struct {
		sheet string
		r     rune
	}
	var order []key
	first := map[key]*pdf.GlyphError{}
	count := map[key]int{}
	for _, ge := range pdf.GlyphErrors(err) {
		k := key{ge.Sheet, ge.Rune}
		if first[k] == nil {
			first[k] = ge
			order = append(order, k)
		}
		count[k]++
	}
	runes := map[rune]bool{}
	for _, k := range order {
		runes[k.r] = true
	}
	fmt.Fprintf(w, "gongkai export: %s: 字体无法显示 %d 个字符，未写出文件：\n", input, len(runes))
	for i, k := range order {
		if i == maxGlyphLines {
			fmt.Fprintf(w, "  ……另有 %d 处未列出；请换用包含这些字符的字体（--font），或改正数据\n", len(order)-i)
			break
		}
		msg := first[k].Error()
		if n := count[k]; n > 1 {
			msg += fmt.Sprintf("（共 %d 处）", n)
		}
		fmt.Fprintf(w, "  %s\n", msg)
	}
}

func parseFormats(list []string) (map[string]bool, error) {
	m := map[string]bool{}
	for _, f := range list {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case "xlsx", "pdf", "doc", "html":
			m[f] = true
		case "":
		default:
			return nil, fmt.Errorf("--format %q: 应为 xlsx、pdf、doc 或 html（多个用逗号分开）/ use xlsx, pdf, doc or html (several with commas)", f)
		}
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("--format 没有指定任何输出：应为 xlsx、pdf、doc 或 html / names no output: use xlsx, pdf, doc or html")
	}
	return m, nil
}

// layoutFor is the profile to lay out and check with: the one --profile
// names, or, when it names none (the default), the layout a workbook was
// read in, so that a filled Shanghai template comes out as Shanghai tables.
func layoutFor(named string, prof, readIn *profiles.Profile) *profiles.Profile {
	if named == profiles.DefaultName && readIn != nil {
		return readIn
	}
	return prof
}

// baseName is the name of the outputs made from the input path: its file
// name without the extension and without leading dots, so that an input
// named ".json" or ".budget.json" does not give hidden outputs; "disclosure"
// when nothing is left (or for standard input).
func baseName(path string) string {
	if path == "-" {
		return "disclosure"
	}
	b := filepath.Base(path)
	b = strings.TrimLeft(strings.TrimSuffix(b, filepath.Ext(b)), ".")
	if b == "" {
		return "disclosure"
	}
	return b
}

// printFindings prints one finding a line; quiet keeps only errors.
func printFindings(w interface{ Write([]byte) (int, error) }, fs []model.Finding, quiet bool) {
	for _, f := range fs {
		if quiet && f.Severity != model.SeverityError {
			continue
		}
		fmt.Fprintln(w, f.String())
	}
}
