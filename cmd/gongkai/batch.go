package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"gongkai/batch"
	"gongkai/check"
	"gongkai/importer/ledger"
	"gongkai/inputs"
	"gongkai/narrative"
	"gongkai/profiles"
)

type batchOptions struct {
	Out          string
	Jobs         int
	Formats      []string
	Profile      string
	Style        string
	Templates    string
	Shard        string
	Resume       bool
	Force        bool
	Font         string
	FontIndex    int
	MergeReports bool
	Quiet        bool
	List         string
	Ledger       *ledgerFlags
}

func batchCommand() *command {
	return &command{
		Name:    "batch",
		Usage:   "[flags] INPUT... -o OUT/   |   batch [INPUT...] --list 部门清单.csv -o OUT/   |   batch --merge-reports REPORT.jsonl... -o OUT/",
		Short:   "一次为一个地区的全部部门生成公开表和核对汇总",
		ShortEN: "export a whole region at once: workbooks, PDFs and one 核对汇总",
		Long: `
Batch 为一个地区的全部部门一次生成公开表：每个输入文件（或文件夹中的每个文件）是一个部门，
按 export 的方式读取、核对并写出 OUT/名称.xlsx 和 OUT/名称.pdf（名称为输入文件名去掉扩展名；
--format doc、html 另写整份公开文件 OUT/名称-公开.pdf、OUT/名称.html，同 export）。
一个部门出错不影响其他部门；核对有错误的部门不写文件（--force 时照写）。
最后写出 OUT/核对汇总.xlsx（每个部门一行：状态、错误/警告/提示数、收入总计、支出总计、
预算明细的舍入调整格数、输出文件；第二张表列出全部发现，含失败的每处问题和明细生成的提示）
和 OUT/report.jsonl（每个部门一行 JSON，供脚本使用；预算明细另有 "ledger"：与网页核对结果
JSON 相同的生成报告）。

在终端上显示进度条（速度、剩余时间）；否则每个部门输出一行。按 Ctrl-C 或收到 SIGTERM 时，
正在写的部门写完（或不写），不留下写了一半的文件或临时文件，并为已完成的部门写出汇总。
--resume 跳过输出文件都比输入文件和本程序新、且上次报告为同一版本的部门（仍会读取并核对，
汇总保持完整）。

多台机器分担：--shard i/n 按输入路径的散列取第 i 份（0 ≤ i < n），各份互不重叠、合起来
正好是全部输入。每份写到自己的目录，然后合并报告：

	gongkai batch --merge-reports out/0/report.jsonl out/1/report.jsonl … -o out/

Kubernetes Indexed Job、Slurm 作业数组和 GNU parallel 的用法见 docs/batch.md。
退出码：0 全部通过；1 有部门核对出错误或失败；2 用法错误、部门清单有误、无法写出汇总或被中断。

每个预算明细自己的信息和附带文件用部门清单给出：--list 部门清单.csv（CSV 或 .xlsx，UTF-8 或
GB18030），每个明细一行，列按表头识别：文件（必填）、部门名称、部门编码、年度、地区、金额单位、
收入文件、说明文件、上年数据。路径相对于清单所在的文件夹或输入文件夹。每列与 'gongkai build'
的同名参数含义相同、检查相同（覆盖明细的“基本信息”）；只有表头和明细行的 CSV（预算管理一体化
导出的样子）有了清单就能批量生成。清单中的明细不在输入文件夹中也会处理（只给 --list 时即全部
部门）；作为收入文件、说明文件、上年数据列出的文件不是部门，清单本身也不是。清单有误（文件
不存在、表头不认识、同一文件两行、年度或金额单位不对）时逐条列出位置（部门清单.csv:7: …），
不处理任何部门，退出码 2。

--year、--region、--unit 对整批预算明细有效，但只补明细（及清单）没有写的信息，不覆盖明细自己
写的；明细的年度与 --year 不同时（如放错了上一年的明细），这个部门记为失败并写明两个年度。
给了这些参数时，不是预算明细的输入记为失败（写明原因），其他部门照常处理。--catalog 给出本地区的
功能科目目录，用于每个部门（明细的科目名称和核对）。`,
		LongEN: `
Batch exports every department of a region in one process: each input file (or
every file in an input folder) is one department, read, checked and written as
'gongkai export' does, to OUT/NAME.xlsx and OUT/NAME.pdf (--format doc and html add
the whole document, OUT/NAME-公开.pdf and OUT/NAME.html). One department's failure
never stops the others; a department whose checks find errors gets no files unless
--force. At the end OUT/核对汇总.xlsx (one row per department and a sheet of every
finding) and OUT/report.jsonl (one JSON object per department) are written.

A progress bar shows on a terminal, one line per department otherwise. Ctrl-C or
SIGTERM stops cleanly: departments being written finish or leave nothing, and the
reports cover the finished ones. --resume skips departments whose files are newer
than their input and than this gongkai, made by the same version.

--shard i/n takes a deterministic share of the inputs (by a hash of each path); the
shares' reports are joined with --merge-reports. See docs/batch.md for a Kubernetes
Indexed Job, a Slurm job array and GNU parallel.
Exit status: 0 all clean, 1 a department had errors or failed, 2 usage, a bad list,
the reports could not be written, or interrupted.

--list 部门清单.csv (CSV or .xlsx) gives each ledger its own details and companion files,
one ledger a row, columns found by their headers: 文件 (required), 部门名称, 部门编码, 年度,
地区, 金额单位, 收入文件, 说明文件, 上年数据; paths are relative to the list's folder or an
input folder. Each column means what build's flag of the same name means. The list's
ledgers are run even when outside the input folders; its companion files (and the list)
are not departments. A bad list (a missing file, an unknown header, a file named twice,
a bad year or unit) is reported row by row and nothing runs (exit 2).

--year, --region and --unit only fill what a ledger (and the list) does not state; a
ledger of another year than --year fails, naming both years. When they are given, an
input that is not a ledger fails with the reason. --catalog, the region's function
catalog, applies to every department.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &batchOptions{}
			fs.StringVarP(&o.Out, "out", "o", ".", "输出目录 / output directory (created if missing)")
			fs.IntVarP(&o.Jobs, "jobs", "j", 0, "同时处理的部门数，0 为 CPU 数 / departments at once (0: one per CPU)")
			fs.StringSliceVar(&o.Formats, "format", []string{"xlsx", "pdf"}, "输出格式 / outputs: xlsx, pdf, doc (whole document as PDF), html")
			profileFlag(fs, &o.Profile)
			fs.StringVar(&o.Style, "style", "", "doc 和 html 的文字风格 / text style of doc and html (see 'gongkai help narrative')")
			fs.StringVar(&o.Templates, "text-templates", "", "文字模板目录 / directory of NAME.tmpl text templates")
			fs.StringVar(&o.Shard, "shard", "", "只处理第 i 份（共 n 份）/ take share i of n, as i/n")
			fs.BoolVar(&o.Resume, "resume", false, "跳过输出已是最新的部门 / skip departments whose files are up to date")
			fs.BoolVar(&o.Force, "force", false, "核对有错误也写出文件 / write files even when the checks find errors")
			fs.StringVar(&o.Font, "font", "", "PDF 字体 / TrueType font (.ttf, or .ttc with --font-index)")
			fs.IntVar(&o.FontIndex, "font-index", 0, "字体集中的序号 / face of a .ttc collection")
			fs.BoolVar(&o.MergeReports, "merge-reports", false, "合并各份的 report.jsonl / join the shares' report.jsonl files into OUT")
			fs.BoolVarP(&o.Quiet, "quiet", "q", false, "只输出未通过的部门 / print only departments that did not pass")
			fs.StringVar(&o.List, "list", "", "部门清单（CSV/XLSX）：每个预算明细的部门信息和收入、说明、上年文件 / list of ledgers with their details and companion files")
			o.Ledger = addLedgerFlags(fs, everyDepartment)
			return o
		},
		Run: runBatch,
	}
}

func runBatch(e env, opts any, args []string) int {
	o := opts.(*batchOptions)
	if len(args) == 0 && (o.List == "" || o.MergeReports) {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai batch [flags] INPUT... -o OUT/")
		return exitUsage
	}
	if err := outDir(o.Out); err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	date, err := sourceDateEpoch()
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A department needs a few MB at a time; without a limit the
		// collector lets the heap grow to twice what is live, and a long
		// run's RSS with it. GOMEMLIMIT overrides this.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
	}
	if o.MergeReports {
		return mergeReports(e, o, args, date)
	}
	var shard batch.Shard
	if o.Shard != "" {
		if shard, err = batch.ParseShard(o.Shard); err != nil {
			fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
			return exitUsage
		}
	}
	all, err := batch.Expand(args, o.Out)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	var list *batch.List
	if o.List != "" {
		if list, err = readList(o.List, args); err != nil {
			printInputError(e, "batch", err, true)
			return exitUsage
		}
		all = list.Inputs(all)
	}
	if len(all) == 0 {
		fmt.Fprintf(e.stderr, "gongkai batch: %s: 没有找到输入文件（文件夹是空的）/ no input files\n", strings.Join(args, " "))
		return exitUsage
	}
	paths := batch.Select(all, shard)
	prof, err := loadProfile(o.Profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	in, catalog, err := o.Ledger.options()
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	// The run's details only fill what a ledger does not state: a ledger
	// of 2026 in a run of 2027 keeps its year (and fails, naming both).
	in.Ledger.Defaults, in.Ledger.Info = in.Ledger.Info, ledger.Info{}
	bo := batch.Options{
		List:      list,
		Inputs:    in,
		Check:     check.Options{Catalog: catalog},
		Narrative: narrative.Options{Style: o.Style, Dir: o.Templates},
		Out:       o.Out, Formats: o.Formats, Jobs: o.Jobs, Force: o.Force, Resume: o.Resume,
		Version: gongkaiVersion(), Date: date,
	}
	// As export: without --profile, each workbook is read, checked and laid
	// out in the layout its titles show; other inputs get the default.
	if o.Profile != profiles.DefaultName {
		bo.Templates.Profile = prof
		bo.Inputs.Profile = o.Profile
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			bo.VersionTime = st.ModTime()
		}
	}
	if o.Font != "" {
		f, err := pdfFont(o.Font, o.FontIndex)
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
			return exitUsage
		}
		bo.Font = f
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	p := newProgress(e.stderr, len(paths), o.Quiet)
	bo.Progress = p.report
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	rep, runErr := batch.Run(ctx, paths, bo)
	stop()
	p.finish()
	if runErr != nil && !errors.Is(runErr, batch.ErrInterrupted) {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", runErr)
		return exitUsage
	}
	defer rep.Close()
	if err := batch.WriteReports(o.Out, rep, date); err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: 汇总未写出 / reports not written: %v\n", err)
		return exitUsage
	}
	results := rep.Results
	code := printTally(e.stdout, results, o.Out)
	fmt.Fprintf(e.stdout, "用时 %.1f 秒 / took %.1f s\n", time.Since(start).Seconds(), time.Since(start).Seconds())
	if runErr != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: 已中断，完成 %d / %d 个部门；用 --resume 继续 / interrupted; continue with --resume\n", len(results), len(paths))
		return exitUsage
	}
	return code
}

// readList reads the list of ledgers (--list); paths in it are relative to
// its folder or to one of the input folders.
func readList(path string, args []string) (*batch.List, error) {
	b, err := inputs.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--list: %w", err)
	}
	var dirs []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			dirs = append(dirs, a)
		}
	}
	return batch.ReadList(path, b, dirs...)
}

func mergeReports(e env, o *batchOptions, args []string, date time.Time) int {
	rep, err := batch.ReadReports(args...)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	defer rep.Close()
	if err := batch.WriteReports(o.Out, rep, date); err != nil {
		fmt.Fprintf(e.stderr, "gongkai batch: %v\n", err)
		return exitUsage
	}
	return printTally(e.stdout, rep.Results, o.Out)
}

// printTally prints the counts and where the reports are; it returns the
// exit status the results call for.
func printTally(w io.Writer, results []batch.Result, out string) int {
	var ok, bad, failed int
	for i := range results {
		switch results[i].Status {
		case batch.StatusOK:
			ok++
		case batch.StatusErrors:
			bad++
		default:
			failed++
		}
	}
	fmt.Fprintf(w, "%d 个部门：%d 通过，%d 有错误，%d 失败；汇总 %s\n", len(results), ok, bad, failed,
		filepath.Join(out, batch.SummaryName))
	if bad+failed > 0 {
		return exitFindings
	}
	return exitOK
}

// progress shows a bar on a terminal (schollz/progressbar), or one line per
// department otherwise.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	quiet bool
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet}
	if f, ok := osFile(w); ok && term.IsTerminal(int(f.Fd())) && total > 0 {
		p.bar = newBar(w, total)
	}
	return p
}

// newBar returns a started bar: its clock runs from the start of the batch.
// The library otherwise starts it at the first department done, and the
// first rate shown was one department over a few microseconds (tens of
// thousands a second, with a time left of nothing).
func newBar(w io.Writer, total int) *progressbar.ProgressBar {
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("部门"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("个"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	bar.StartWithoutRender()
	return bar
}

func (p *progress) report(done, total int, r *batch.Result) {
	var line string
	switch {
	case r.Status == batch.StatusFailed:
		line = "失败 " + r.Input + ": " + r.Error
		if strings.HasPrefix(r.Error, r.Input) {
			line = "失败 " + r.Error // the error names the file already
		}
	case r.Status == batch.StatusErrors:
		line = fmt.Sprintf("有错误 %s: %d 错误，%d 警告", r.Input, r.Errors, r.Warnings)
		if len(r.Outputs) == 0 {
			line += "，未写出文件"
		}
	case !p.quiet && p.bar == nil:
		line = fmt.Sprintf("通过 %s", r.Input)
		if r.UpToDate {
			line += "（已是最新）"
		} else if len(r.Outputs) > 0 {
			line += " → " + strings.Join(r.Outputs, ", ")
		}
	}
	if p.bar != nil {
		if line != "" {
			p.bar.Clear()
			fmt.Fprintln(p.w, line)
		}
		p.bar.Add(1)
		return
	}
	if line != "" {
		fmt.Fprintf(p.w, "[%d/%d] %s\n", done, total, line)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// batchMemoryLimit is the soft memory limit of a batch run (runtime/debug
// SetMemoryLimit): the collector works harder near it, so the peak RSS of any
// batch stays under 100 MB as long as what is live (a department per worker,
// the results) fits.
const batchMemoryLimit = 48 << 20

// sourceDateEpoch is SOURCE_DATE_EPOCH as a time (zero when unset): the
// document date of every output and of the reports.
func sourceDateEpoch() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// gongkaiVersion is the version 'gongkai version' prints, without the Go
// toolchain.
func gongkaiVersion() string {
	v := version
	if v == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			v = bi.Main.Version
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	return v
}
