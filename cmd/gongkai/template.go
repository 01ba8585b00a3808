package main

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"gongkai/exporter/xlsx"
	"gongkai/model"
	"gongkai/templates"
)

type templateOptions struct {
	Out        string
	Year       int
	Department string
	Unit       string
	Rows       int
	Profile    string
}

func templateCommand() *command {
	return &command{
		Name:    "template",
		Usage:   "-o 填报模板.xlsx [--year 2027] [--department 某某局] [--profile NAME|FILE]",
		Short:   "写出空白的公开表填报模板（.xlsx）",
		ShortEN: "write the blank official workbook to fill",
		Long: `
写出空白的部门预算公开表工作簿，供在 Excel、WPS 或 LibreOffice 中填写：第一张是“填表说明”，
其后每张公开表一个工作表，标题、表头与正式公开表相同。浅黄色单元格是填报区（每张表
--rows 行，默认 20；表六每个类下各 --rows 行）；合计行和小计行是 SUM 公式，边填边算；金额单元格只接受数字，编码
单元格检查位数（按文本保存，保留前导零）；表头等其余单元格已锁定，工作表保护没有密码。

--year 和 --department 写进文档属性和填表说明，读回时据此确定年度和部门。填好后：

	gongkai validate 填报模板.xlsx
	gongkai export 填报模板.xlsx -o out/`,
		LongEN: `
Template writes the blank official workbook: a first sheet 填表说明 (how to fill it),
then every table of the layout profile in its official layout, with empty input rows
(light yellow), the 合计 and subtotal rows as SUM formulas that Excel, WPS and
LibreOffice compute live, data validation on amount cells (numbers) and code cells
(length), and the other cells locked by sheet protection without a password. The
filled workbook is an input of validate and export like any official workbook.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &templateOptions{}
			fs.StringVarP(&o.Out, "out", "o", "", "输出文件 / output file (.xlsx); - for standard output")
			fs.IntVar(&o.Year, "year", 0, "预算年度 / budget year, e.g. 2027")
			fs.StringVar(&o.Department, "department", "", "部门名称 / department")
			fs.StringVar(&o.Unit, "unit", model.UnitWanYuan, "金额单位：万元或元 / amount unit")
			fs.IntVar(&o.Rows, "rows", 20, "每张表的空行数 / empty rows per table")
			profileFlag(fs, &o.Profile)
			return o
		},
		Run: runTemplate,
	}
}

func runTemplate(e env, opts any, args []string) int {
	o := opts.(*templateOptions)
	if len(args) != 0 || o.Out == "" {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai template -o 填报模板.xlsx [--year 2027] [--department 某某局] [--profile NAME]")
		return exitUsage
	}
	if o.Out != "-" && !strings.EqualFold(filepath.Ext(o.Out), ".xlsx") {
		fmt.Fprintf(e.stderr, "gongkai template: -o %s: 模板是 .xlsx 工作簿，文件名应以 .xlsx 结尾\n", o.Out)
		return exitUsage
	}
	if o.Year != 0 && (o.Year < 1990 || o.Year > 2200) {
		fmt.Fprintf(e.stderr, "gongkai template: --year %d: 不是预算年度\n", o.Year)
		return exitUsage
	}
	if o.Unit != model.UnitWanYuan && o.Unit != model.UnitYuan {
		fmt.Fprintf(e.stderr, "gongkai template: --unit %q: 应为 万元 或 元\n", o.Unit)
		return exitUsage
	}
	if o.Rows < 1 || o.Rows > 2000 {
		fmt.Fprintf(e.stderr, "gongkai template: --rows %d: 应在 1 到 2000 之间\n", o.Rows)
		return exitUsage
	}
	prof, err := loadProfile(o.Profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai template: %v\n", err)
		return exitUsage
	}
	d := &model.Disclosure{Department: o.Department, Year: o.Year, Unit: o.Unit}
	doc, err := templates.Blank(d, templates.Options{Profile: prof}, templates.BlankOptions{Rows: o.Rows})
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai template: %v\n", err)
		return exitUsage
	}
	if err := applySourceDateEpoch(&doc); err != nil {
		fmt.Fprintf(e.stderr, "gongkai template: %v\n", err)
		return exitUsage
	}
	out := output{Path: o.Out, Write: func(w *bufio.Writer) error { return xlsx.Write(w, doc, xlsx.Options{}) }}
	if err := writeAll(e, []output{out}); err != nil {
		fmt.Fprintf(e.stderr, "gongkai template: %v\n", err)
		return exitUsage
	}
	if regular(o.Out) {
		fmt.Fprintf(e.stdout, "wrote %s\n", o.Out)
	}
	return exitOK
}
