package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"gongkai/inputs"
	"gongkai/narrative"
	"gongkai/templates"
)

type narrativeOptions struct {
	Style     string
	Templates string
	Markup    bool
	Quiet     bool
	Profile   string
	Ledger    *ledgerFlags
}

func narrativeCommand() *command {
	return &command{
		Name:    "narrative",
		Usage:   "[--style NAME] [--text-templates DIR] [--profile NAME] [--markup] [flags] INPUT.json|表.xlsx|预算明细.csv",
		Short:   "按数据生成文字部分：概况、情况说明、名词解释",
		ShortEN: "write the text parts (概况, 情况说明, 名词解释) from the data",
		Long: `
按输入的数据生成部门预算公开的文字部分——部门概况、预算编制情况说明、名词解释——并打印为纯文本，
便于审阅或粘贴到 Word。每个数字都取自数据：本年数取自公开表（表一、表三、表六、表七、表九），
上年数取自文字说明中的数字（narrative）；增减额、增减幅度和“增加/减少/持平”都是计算出来的；
支出功能分类列出每个有金额的类，占比合计恰为 100.00%。数据没有给出的数字不写（不会写成 0）；
没有给出的增减原因、职责等文字也不写，并以“提示”列在标准错误输出上。

措辞是模板（Go text/template）：内置 2023、2026（湖北的章节结构）和 shanghai（上海区级部门预算的
章节结构，文字金额以万元表示）三种样式；默认用与 --profile 同名的样式，没有时按预算年度选择；
--text-templates DIR 读入目录中的 NAME.tmpl，增加或替换同名样式（写法见 docs/text-templates.md）。
--markup 打印模板的原始输出（= 部分，# 节，## 小节，@tables）。

输入也可以是公开表工作簿或预算明细；预算明细接受与 'gongkai build' 相同的参数（--prior 给出上年数，
用于增减变化；职责、机构设置、增减原因、绩效目标等文字写在工作簿的“说明”表中，CSV 明细用 --texts 给出，
见 docs/ledger-format.md），这些参数给其他输入时报错。`,
		LongEN: `
Narrative prints the generated text parts of the disclosure (概况, 情况说明, 名词解释) as
plain text. Every figure comes from the data; change words, percentages and the shares
of the function classes (adding up to exactly 100.00%) are computed. A figure or a reason
the data does not give is left out, never invented, and listed as a 提示 on standard error.
The wording is a text template per style (2023, 2026, shanghai; by default the style named
like --profile, else the budget year's); --text-templates DIR adds or replaces styles with
DIR/NAME.tmpl files (docs/text-templates.md). --markup prints the template output itself
(= part, # section, ## sub-section, @tables).
The input may also be a workbook or a ledger; a ledger takes the flags of 'gongkai build'
(--prior gives last year's figures for the changes; the written texts come from the
workbook's 说明 sheet or --texts, docs/ledger-format.md), which are refused for other inputs.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &narrativeOptions{}
			fs.StringVar(&o.Style, "style", "", "文字写法：2023、2026、shanghai 或 --text-templates 中的名称（默认：与 --profile 同名的写法，否则按年度） / style of the text (default: the one named like --profile, else by year)")
			fs.StringVar(&o.Templates, "text-templates", "", "文字模板目录（NAME.tmpl），增加或替换写法 / directory of NAME.tmpl text templates that add or replace styles")
			fs.BoolVar(&o.Markup, "markup", false, "打印模板的原始输出（带部分和标题标记） / print the template output with its part and heading marks")
			fs.BoolVarP(&o.Quiet, "quiet", "q", false, "不打印缺少文字的提示 / do not print the notes about missing texts")
			profileFlag(fs, &o.Profile)
			o.Ledger = addLedgerFlags(fs, oneDepartment)
			return o
		},
		Run: runNarrative,
	}
}

func runNarrative(e env, opts any, args []string) int {
	o := opts.(*narrativeOptions)
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai narrative [--style NAME] [--text-templates DIR] [--profile NAME] [--markup] [flags] INPUT.json|表.xlsx|预算明细.csv")
		return exitUsage
	}
	r, _, err := loadWithLedgerFlags(e, args[0], o.Ledger, inputs.Options{})
	if err != nil {
		printInputError(e, "narrative", err, false)
		return flagsExit(err)
	}
	d, read, readIn := r.Disclosure, r.Findings, r.Profile
	prof, err := loadProfile(o.Profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai narrative: %v\n", err)
		return exitUsage
	}
	prof = layoutFor(o.Profile, prof, readIn)
	text, findings, err := narrative.Text(d, narrative.Options{Style: o.Style, Dir: o.Templates, Tables: templates.Options{Profile: prof}})
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai narrative: %s: %v\n", args[0], err)
		return exitUsage
	}
	if !o.Quiet {
		printFindings(e.stderr, append(read, findings...), false)
	}
	if !o.Markup {
		text = narrative.Plain(text)
	}
	fmt.Fprint(e.stdout, text)
	return exitOK
}
