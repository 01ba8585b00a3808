package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"

	"gongkai/examples"
)

type sampleOptions struct{ Clean, Ledger, Texts bool }

func sampleCommand() *command {
	return &command{
		Name:    "sample",
		Usage:   "[--clean | --ledger | --texts]",
		Short:   "打印一份完整的示例输入，可从它开始",
		ShortEN: "print a complete, valid example input to start from",
		Long: `
Sample 打印内置的示例公开数据（天门市12345公共服务热线中心 2023 年，十张表和文字说明中的
数字），格式即 'gongkai export' 读取的 JSON：

	gongkai sample > budget.json

这份示例照录已公开的原文，保留了原文的几处问题（旧科目名称、0.01 的四舍五入差额、五位小数
等），validate 会给出警告和提示。--clean 打印改正了这些问题的干净起步数据：validate
--strict（以及 --exact）不报告任何问题，适合作为填写自己单位数据的起点：

	gongkai sample --clean > budget.json

--ledger 打印同一示例的预算明细（CSV，表头上方是基本信息行），'gongkai build' 由它生成上面的
公开表（见 docs/ledger-format.md）：

	gongkai sample --ledger > 预算明细.csv
	gongkai build 预算明细.csv -o budget.json

--texts 打印预算明细的文字说明示例（两列“项目,内容”：主要职责、机构设置、增减原因、绩效目标），
即工作簿“说明”表的内容，CSV 明细用 --texts 给出：

	gongkai sample --texts > 说明.csv
	gongkai build 预算明细.csv --texts 说明.csv -o budget.json`,
		LongEN: `
Sample prints the bundled example disclosure (天门市12345公共服务热线中心, 2023, all ten
tables and the narrative figures) in the JSON format that 'gongkai export' reads. It is
faithful to the published document, flaws included, so validate reports warnings and notes.
--clean prints a clean starter with those flaws corrected, which validate --strict (and
--exact) passes with no finding:

	gongkai sample --clean > budget.json

--ledger prints the same example as a ledger of budget lines (CSV, department details
above the header), from which 'gongkai build' makes those tables. --texts prints an
example of a ledger's written texts (two columns 项目,内容: duties, organisation, reasons
for the changes, performance), the content of a 说明 sheet or of build --texts FILE.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &sampleOptions{}
			fs.BoolVar(&o.Clean, "clean", false, "打印干净的起步数据（validate --strict 无任何提示） / print the clean starter")
			fs.BoolVar(&o.Ledger, "ledger", false, "打印预算明细示例（CSV） / print the example ledger of budget lines (CSV)")
			fs.BoolVar(&o.Texts, "texts", false, "打印预算明细的文字说明示例（CSV：项目,内容） / print example texts of a ledger (CSV 项目,内容)")
			return o
		},
		Run: func(e env, opts any, args []string) int {
			if len(args) != 0 {
				fmt.Fprintln(e.stderr, "用法 usage: gongkai sample [--clean | --ledger | --texts]")
				return exitUsage
			}
			b := examples.Sample()
			switch o := opts.(*sampleOptions); {
			case btoi(o.Clean)+btoi(o.Ledger)+btoi(o.Texts) > 1:
				fmt.Fprintln(e.stderr, "gongkai sample: --clean、--ledger 与 --texts 只能选一个 / choose one of --clean, --ledger and --texts")
				return exitUsage
			case o.Clean:
				b = examples.Clean()
			case o.Ledger:
				b = examples.SampleLedger()
			case o.Texts:
				b = examples.SampleTexts()
			}
			if _, err := e.stdout.Write(b); err != nil {
				return exitUsage
			}
			return exitOK
		},
	}
}

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version from the build information is used.
var version = ""

func versionCommand() *command {
	return &command{
		Name:    "version",
		Usage:   "",
		Short:   "打印 gongkai 的版本",
		ShortEN: "print the version of gongkai",
		Long:    "Version 打印 gongkai 的版本和编译它的 Go 版本。",
		LongEN:  "Version prints the version of gongkai and of the Go toolchain that built it.",
		Run: func(e env, _ any, args []string) int {
			v := version
			goVersion := ""
			if bi, ok := debug.ReadBuildInfo(); ok {
				if v == "" {
					v = bi.Main.Version
				}
				goVersion = bi.GoVersion
			}
			if v == "" || v == "(devel)" {
				v = "devel"
			}
			fmt.Fprintf(e.stdout, "gongkai %s (%s)\n", v, goVersion)
			return exitOK
		},
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
