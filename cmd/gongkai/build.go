package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"gongkai/check"
	"gongkai/importer/ledger"
	"gongkai/inputs"
	"gongkai/model"
)

type buildOptions struct {
	Out    string
	Moves  int
	Ledger *ledgerFlags
}

func buildCommand() *command {
	return &command{
		Name:    "build",
		Usage:   "[-o budget.json] [--department NAME --year YEAR] [flags] 预算明细.xlsx|.csv",
		Short:   "由预算明细生成十张公开表",
		ShortEN: "build all ten tables from budget lines (the ledger)",
		Long: `
Build 读取预算明细（每行一条预算：单位、功能科目、经济科目、支出类别、资金性质、金额），
生成完整的公开数据：十张公开表、由数字得出的文字说明数据（收支总额、支出构成、机关运行经费、
“三公”经费、政府采购）和部门信息，写成 'gongkai export' 读取的 JSON。

明细可以是工作簿（.xlsx：“明细”表，可选“基本信息”“收入”“说明”表）或 CSV（UTF-8 或 GB18030，
表头上方可有“部门名称,某某局”等基本信息行）。列按表头文字识别，顺序不限；格式见
docs/ledger-format.md，'gongkai sample --ledger' 打印一个示例。

基本信息表没有的部门信息用 --department、--year、--department-code、--region、--unit 给出（命令行
优先）；--income 给出上年结转，--texts 给出文字说明（主要职责、机构设置、各项增减原因、绩效目标：
两列“项目,内容”的 CSV 或工作簿，同工作簿的“说明”表），--prior 给出上年的明细或 budget.json（用于增减变化；其年度须为上一年，
否则报错，部门与本年不同时给出警告），--catalog 给出
本地区的功能科目目录（明细没写名称的科目取目录中的名称）。'gongkai export'、'gongkai validate' 和
'gongkai narrative' 直接读取明细时接受同样的参数，结果与先 build 再读取 JSON 完全相同。

金额按元（或表头写“金额（万元）”时按万元）精确计算，再以受控舍入印成两位小数：每张表的
每个合计都等于其印出的各项之和（横向、纵向），同一个数在各表中印得一样；并使每个印出的数与精确值
相差不超过 0.01——这是一个搜索，个别合计做不到时作为“警告”列出（见 docs/rounding.md）。
为此偏离就近舍入超过半个单位的明细格也在标准错误中列出（--moves 控制条数）。

机关运行经费 = 行政单位和参公单位在一般公共预算基本支出中的公用经费（302 商品和服务支出）。
政府采购预算按品目分为货物、工程、服务类（品目编码的首字母 A、B、C，或 docs/ledger-format.md 所列名称）；
无法判断的品目（这时文字说明不写这三类金额）和印不出名称的功能科目作为“提示”列出，附明细中的位置。

输入有误时一次列出全部问题及其位置（文件:行 或 工作表!单元格）和问题数，不写任何文件：
每行自身的问题，以及能读出的各行之间的矛盾（同一单位编码两个名称、同一格各行合计为负数、
单位不属于主管部门、两种支出类别口径混用、收入表中的单位没有支出）。生成的数据先经核对
（同 'gongkai validate --exact'），有“错误”时也不写文件。工作簿自带“收入”表时不能再给 --income，自带“说明”表时不能再给 --texts。

退出码：0 已生成；1 明细有误或核对发现错误（全部列出，不写文件）；2 文件无法读取或输出无法写入。`,
		LongEN: `
Build reads a ledger of budget lines and writes the complete input of every other
command: the ten tables, the narrative figures that follow from the numbers, and the
department's details. Amounts are exact in 元 and printed in 万元 by controlled rounding,
so that every printed total equals the sum of its printed parts and a figure printed in
several tables prints the same; keeping every printed total within 0.01 of its exact value
is a search, and any total it cannot bring there is listed as a warning (docs/rounding.md).

--department, --year, --department-code, --region and --unit give the details a ledger
lacks (they win over its 基本信息); --income adds 上年结转, --texts the written texts (duties,
organisation, reasons for the changes, performance: two columns 项目,内容, as the
workbook's 说明 sheet), --prior last year's ledger or
budget.json for the changes (it must be of the year before; another department is a
warning), --catalog the region's function catalog for names the ledger
leaves blank. export, validate and narrative take the same flags for a ledger and give
the same result as build followed by reading the JSON. The 政府采购 figures are split into
goods, works and services by the 品目's code (A, B, C) or name; a 品目 that decides none
(the split is then left out) and a function code printed without a name are listed as notes.

Problems are listed all at once with their places and a count: those of each line,
and the contradictions between the lines that can be read (a unit code with two names,
a cell whose lines net to a negative amount, a unit outside the department, both
category schemes, 上年结转 of a unit without spending). The built disclosure is checked
(as validate --exact) before anything is written. --income is refused for a workbook
that has its own 收入 sheet, --texts for one with its own 说明 sheet.

Exit status: 0 built, 1 the ledger has problems or the check found an error (all are
listed, nothing is written), 2 the file cannot be read or the output cannot be written.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &buildOptions{}
			fs.StringVarP(&o.Out, "out", "o", "", "写入此文件，默认标准输出 / write the JSON here instead of standard output")
			o.Ledger = addLedgerFlags(fs, oneDepartment)
			fs.IntVar(&o.Moves, "moves", 20, "列出偏离就近舍入的明细格的最多条数 / how many moved cells to list")
			return o
		},
		Run: runBuild,
	}
}

func runBuild(e env, opts any, args []string) int {
	o := opts.(*buildOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai build [-o budget.json] [flags] 预算明细.xlsx|.csv")
		return exitUsage
	}
	in, catalog, err := o.Ledger.options()
	if err != nil {
		printInputError(e, "build", err, true)
		return flagsExit(err)
	}
	var data []byte
	name := args[0]
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(e.stdin, inputs.MaxSize+1))
		name = ""
	} else {
		data, err = os.ReadFile(name)
		err = inputs.OpenError(err)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai build: %v\n", err)
		return exitUsage
	}
	// A disclosure given where a ledger is wanted: say what it is rather
	// than report its lines as broken CSV.
	switch k := inputs.Sniff(name, data); k {
	case inputs.JSON:
		fmt.Fprintf(e.stderr, "gongkai build: %s: 这是 JSON 公开数据，不是预算明细；直接用 gongkai validate 或 gongkai export 读取 / this is a disclosure, not a ledger\n", args[0])
		return exitUsage
	case inputs.PDF, inputs.HTML, inputs.DOCX, inputs.XLS:
		fmt.Fprintf(e.stderr, "gongkai build: %s: 这不是预算明细（应为 .csv 或 .xlsx 明细，见 docs/ledger-format.md）/ not a ledger\n", args[0])
		return exitUsage
	}
	l, err := ledger.Read(name, data, in.Ledger)
	if err != nil {
		printInputError(e, "build", err, true)
		return inputExit(err)
	}
	d, rep, err := ledger.Build(l, in.Build)
	if err != nil {
		printInputError(e, "build", err, true)
		return inputExit(err)
	}
	if o.Moves > 0 {
		printMoved(e.stderr, rep, o.Moves)
	}
	if rep.Impossible {
		fmt.Fprintln(e.stderr, "警告：这份明细的印出数无法全部在精确值的 0.01 之内：已试遍各明细格的全部舍入，没有一种能使每个合计都在 0.01 之内"+
			"（各表仍然相加相符）。下列合计超出 0.01；可在公开文本中说明，或调整明细：")
	}
	for _, off := range rep.Off {
		fmt.Fprintf(e.stderr, "警告：舍入后与精确值相差超过 0.01：%s\n", off)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(e.stderr, "警告：%s\n", w)
	}
	printNotes(e.stderr, rep)
	// Checked before anything is written: a disclosure with errors is
	// not written at all.
	fs := check.Disclosure(d, check.Options{Exact: true, Catalog: catalog})
	if model.HasErrors(fs) {
		for _, f := range fs {
			if f.Severity == model.SeverityError {
				fmt.Fprintln(e.stderr, f.String())
			}
		}
		fmt.Fprintf(e.stderr, "gongkai build: %s: 核对发现错误，未写入任何文件\n", args[0])
		return exitFindings
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
	if o.Out == "" || o.Out == "-" {
		if err := write(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "gongkai build: %v\n", err)
			return exitUsage
		}
	} else {
		if err := writeAll(e, []output{{Path: o.Out, Write: func(w *bufio.Writer) error { return write(w) }}}, args[0]); err != nil {
			fmt.Fprintf(e.stderr, "gongkai build: %v\n", err)
			return exitUsage
		}
		if regular(o.Out) {
			fmt.Fprintf(e.stdout, "wrote %s\n", o.Out)
		}
	}
	return exitOK
}

// printMoved prints the cells of a ledger that controlled rounding moved
// by more than half a unit: one line that says how many and why, then at
// most max of them (0: none, the line says build lists them).
func printMoved(w io.Writer, rep *ledger.Report, max int) {
	if rep == nil || len(rep.Moved) == 0 {
		return
	}
	list := "。\n"
	if max == 0 {
		list = "（用 gongkai build 列出各格）。\n"
	}
	fmt.Fprintf(w, "提示：%d 个明细格（共 %d 格）印出值偏离就近舍入超过半个单位：这样每张表的合计才等于各项之和，"+
		"且每个印出的数与精确值相差不超过 0.01（见 docs/rounding.md）；各格仍在精确值的 0.01 之内"+list, len(rep.Moved), rep.Cells)
	for i, m := range rep.Moved {
		if i == max {
			if max > 0 {
				fmt.Fprintf(w, "  另有 %d 个（用 --moves 列出更多）\n", len(rep.Moved)-i)
			}
			break
		}
		fmt.Fprintf(w, "  %s 精确 %s 印为 %s\n", m.Place(), m.Exact, m.Printed)
	}
}

// printNotes prints the notes (提示) of a ledger's build, each with its
// place: 功能科目 printed without a name, 政府采购品目 whose kind is not
// decided.
func printNotes(w io.Writer, rep *ledger.Report) {
	if rep == nil {
		return
	}
	for _, nt := range rep.Notes {
		fmt.Fprintf(w, "提示：%s%s\n", nt, catalogHint(nt))
	}
}

// catalogHint is what a note of a function code without a name adds on
// the command line: the flag that gives a region's names.
func catalogHint(nt ledger.Note) string {
	if nt.FuncCode != "" {
		return "（本地区目录用 --catalog 给出）"
	}
	return ""
}

// printLedgerReport prints, for export and validate of a ledger, what build
// prints of it besides the findings (its rounding warnings and last year's
// are findings already): how many cells were moved, and the notes.
func printLedgerReport(w io.Writer, rep *ledger.Report) {
	printMoved(w, rep, 0)
	printNotes(w, rep)
}

// printInputError prints why an input could not be loaded. A list of
// problems (model.ParseErrors) is printed one problem a line, each with
// its place, followed by a count line that carries the command's name like
// its other messages; anything else is one message with that name.
// writes tells whether the command would have written files.
func printInputError(e env, cmd string, err error, writes bool) {
	pes, list := err.(model.ParseErrors)
	if list {
		for _, pe := range pes {
			fmt.Fprintln(e.stderr, pe.Error()+flagHint(pe))
		}
	} else {
		fmt.Fprintf(e.stderr, "gongkai %s: %v\n", cmd, err)
		list = errors.As(err, &pes) && len(pes) > 1
	}
	if !list {
		return
	}
	suffix := ""
	if writes {
		suffix = "，未写入任何文件"
	}
	fmt.Fprintf(e.stderr, "gongkai %s: 共 %d 处问题%s\n", cmd, len(pes), suffix)
}

// flagHint names the flag that gives a department detail a ledger lacks:
// the library's message cannot, a program has no flags.
func flagHint(pe *model.ParseError) string {
	switch {
	case errors.Is(pe, ledger.ErrNoDepartment):
		return "，或用 --department 给出"
	case errors.Is(pe, ledger.ErrNoYear):
		return "，或用 --year 给出"
	case errors.Is(pe, ledger.ErrTwoIncomes):
		return "（收入文件由 --income 给出）"
	case errors.Is(pe, ledger.ErrTwoTexts):
		return "（说明文件由 --texts 给出）"
	}
	return ""
}

// inputExit is the exit status of a command whose input could not be
// loaded, one rule for build, export, validate and narrative: 1 for
// problems of a ledger's content (every problem is listed; the data's
// problem), 2 for a file that cannot be read or any other failure.
func inputExit(err error) int {
	if ledger.ContentError(err) {
		return exitFindings
	}
	return exitUsage
}
