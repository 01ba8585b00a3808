package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/pflag"

	"gongkai/check"
	"gongkai/inputs"
	"gongkai/model"
	"gongkai/profiles"
)

type validateOptions struct {
	Format  string
	Strict  bool
	Exact   bool
	Ledger  *ledgerFlags
	Profile string
}

func validateCommand() *command {
	return &command{
		Name:    "validate",
		Usage:   "[--format text|json] [--strict] [--exact] [--catalog 项.tsv] [flags] INPUT.json|表.xlsx|预算明细.csv",
		Short:   "核对每个数字是否前后一致（表内、表间、文表勾稽）",
		ShortEN: "check that every number agrees with every other",
		Long: `
Validate 核对一份公开数据（JSON，或公开表格式的工作簿 .xlsx，如填好的 'gongkai template'
模板，或预算明细 .csv/.xlsx；读取工作簿时发现的问题，如存为文本的金额，与核对结果一起列出，并写明工作表和单元格）：每张表的每一行和各级合计，表与表之间的勾稽（X1–X13），
文字说明与表的一致（N1–N11），增减用词和增减幅度，功能分类和经济分类的编码与名称，
空表说明，不应为负的金额（NEG），多于两位的小数（PREC），名称中看不见的字符（TEXT）。

每条结果一行，写明级别（错误 / 警告 / 提示）、规则编号、位置和所涉的数字；一条结果最多
列出 10 项，其余计数（“… 另有 990 项”）。四舍五入到两位小数能解释的差额不算错误（容差
见 check 包的说明；--exact 不留容差）。--format json 输出同样的内容供其他程序使用。

退出状态：0 没有错误；1 至少有一个错误（加 --strict 时警告也算），或预算明细本身有误
（一次列出全部问题及其位置和问题数，同 'gongkai build'）；2 输入无法读取，或结果无法写出
（如磁盘已满）。

预算明细输入接受与 'gongkai build' 相同的参数（--department、--year、--department-code、--region、
--unit、--income、--texts、--prior、--catalog），结果与先 build 再核对 JSON 相同；除 --catalog 外，这些参数
只用于预算明细，给其他输入时报错（退出状态 2）。--catalog 对任何输入都有效：目录（TSV：编码<TAB>名称，
如本地区完整的“项”目录）中的编码既不是“警告”也不是“提示”；内置目录和所给目录都没有的编码
仍只是“提示”，不是“警告”。`,
		LongEN: `
Validate checks a disclosure (JSON, a workbook in the official layout such as a filled
'gongkai template', or a ledger of budget lines; problems found while reading a workbook are listed with the findings,
located by sheet and cell): every row and subtotal of each table, the identities
between tables (X1–X13), the narrative against the tables (N1–N11), the change words
and percentages, the function and economic codes, the notes of empty tables, amounts
that cannot be negative (NEG), more than two decimals (PREC) and invisible characters
in names (TEXT).

It prints one finding a line, in Chinese, with its severity (错误 / 警告 / 提示), the rule
id, where it is and the numbers involved; one finding lists at most ten items and counts
the rest. Differences that rounding to two decimals explains are not errors (see the
check package documentation for the tolerance).

Exit status: 0 when there is no error, 1 when there is at least one error (with
--strict, also a warning) or a ledger's lines are wrong (every problem is listed with
its place and a count, as build lists them), 2 when the input cannot be read or the
output not written.

For a ledger, the flags of 'gongkai build' give the findings of build followed by validate;
except --catalog they are refused (exit 2) for any other input. --catalog applies to every
input: a code in the catalog (such as a region's full 项 list) is neither a warning nor a
note; a code in neither catalog stays a note, never a warning.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &validateOptions{}
			fs.StringVar(&o.Format, "format", "text", "输出格式：text 或 json / output format: text or json")
			fs.BoolVar(&o.Strict, "strict", false, "有警告也以状态 1 退出 / fail (exit 1) on warnings too")
			fs.BoolVar(&o.Exact, "exact", false, "不留四舍五入容差：各项之和须与印出的合计完全相等 / no rounding tolerance")
			profileFlag(fs, &o.Profile)
			o.Ledger = addLedgerFlags(fs, oneDepartment)
			return o
		},
		Run: runValidate,
	}
}

func runValidate(e env, opts any, args []string) int {
	o := opts.(*validateOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai validate [--format text|json] [--strict] [--exact] [--catalog 项.tsv] [flags] INPUT.json|表.xlsx|预算明细.csv")
		return exitUsage
	}
	if o.Format != "text" && o.Format != "json" {
		fmt.Fprintf(e.stderr, "gongkai validate: --format %q: 应为 text 或 json / use text or json\n", o.Format)
		return exitUsage
	}
	// As export: a workbook is read in the layout its titles show, unless
	// --profile names another than the default; that layout's tables are
	// the ones a complete disclosure has (T-MISS).
	var in inputs.Options
	co := check.Options{Exact: o.Exact}
	if o.Profile != profiles.DefaultName {
		prof, err := loadProfile(o.Profile)
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai validate: %v\n", err)
			return exitUsage
		}
		in.Profile = o.Profile
		co.Tables = prof.DataTables()
	}
	r, catalog, err := loadWithLedgerFlags(e, args[0], o.Ledger, in)
	if err != nil {
		printInputError(e, "validate", err, false)
		return flagsExit(err)
	}
	if o.Profile == profiles.DefaultName && r.Profile != nil {
		co.Tables = r.Profile.DataTables()
	}
	co.Catalog = catalog
	printLedgerReport(e.stderr, r.Report)
	fs := append(r.Findings, check.Disclosure(r.Disclosure, co)...)
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
