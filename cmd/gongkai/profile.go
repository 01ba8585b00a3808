package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"

	"gongkai/inputs"
	"gongkai/internal/xlsxzip"
	"gongkai/model"
	"gongkai/profiles"
)

// profileFlag registers --profile on a command's flags; every command that
// lays out tables shares it.
func profileFlag(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "profile", profiles.DefaultName,
		"版式：内置名称（"+strings.Join(profiles.Names(), "、")+"）或 YAML 文件 / layout profile: an embedded name or a .yaml file")
}

// loadProfile returns the profile a --profile value names: an embedded
// name, or a file (a name ending in .yaml or .yml, or with a path
// separator), validated with located errors.
func loadProfile(nameOrFile string) (*profiles.Profile, error) {
	p, err := profiles.Open(nameOrFile)
	return p, openError(err)
}

// openError gives an error whose cause is a file that cannot be opened the
// Chinese message of inputs.OpenError (文件不存在 …), naming the file.
func openError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return inputs.OpenError(pe)
	}
	return err
}

func profilesCommand() *command {
	return &command{
		Name:    "profiles",
		Usage:   "",
		Short:   "列出内置版式",
		ShortEN: "list the embedded layout profiles",
		Long: `
列出内置的版式（profile）：每个地区一套表的样式（表名、表头、单位、注释、页面设置）。
用 'gongkai profile show NAME' 打印其中一个，改后用 --profile my.yaml 使用。`,
		LongEN: `
Profiles lists the embedded layout profiles, one a line: its name, number of tables and
description. 'gongkai profile show NAME > my.yaml' prints one as a file to edit;
'gongkai export --profile my.yaml' uses the edited file.`,
		Run: func(e env, _ any, args []string) int {
			if len(args) != 0 {
				fmt.Fprintln(e.stderr, "用法 usage: gongkai profiles")
				return exitUsage
			}
			for _, n := range profiles.Names() {
				p, err := profiles.Embedded(n)
				if err != nil {
					fmt.Fprintf(e.stderr, "gongkai profiles: %v\n", err)
					return exitUsage
				}
				fmt.Fprintf(e.stdout, "%-14s %2d 张表  %s\n", n, len(p.Tables), p.Description)
			}
			return exitOK
		},
	}
}

func profileCommand() *command {
	return &command{
		Name:    "profile",
		Usage:   "show NAME | check FILE.yaml | fields TABLE | import 模板.xlsx",
		Short:   "打印、检查、起草版式文件",
		ShortEN: "print, check or draft a layout profile",
		Long: `
gongkai profile show NAME      打印内置版式的 YAML 文本，作为自己版式文件的起点
gongkai profile check FILE     读取并检查版式文件，报告每个问题的文件与行号
gongkai profile fields TABLE   列出表（t01 … t10）的列可以显示的模型字段
gongkai profile import 模板.xlsx > region.yaml
                               由官方空白工作簿起草版式：按表名识别各表，读出表头与合并单元格、
                               列宽、单位行、编制部门行、列序号行和注释，按表头文字把各列对应到模型
                               字段；未能对应的列标为 TODO（退出码 1），填好后用 check 检查

check 发现问题时退出码为 2。`,
		LongEN: `
show prints an embedded profile as YAML, to start a file of your own from
('gongkai profile show shanghai > my.yaml'). check reads a profile file and reports every
problem with its file and line (my.yaml:41: column “合计” has span 3 but the header has
2 rows); the exit status is 2 when it has any. fields lists the model fields the columns of
a table can show (see docs/profile-format.md). import drafts a profile from a region's blank
official workbook: tables by title, header grids and merges, column widths, units and preparer
lines, column-number rows and notes, each leaf column mapped to a model field by its header
words; columns it could not map are marked TODO and listed on standard error (exit status 1).`,
		Run: runProfile,
	}
}

func runProfile(e env, _ any, args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai profile show NAME | check FILE.yaml | fields TABLE | import 模板.xlsx")
		return exitUsage
	}
	switch args[0] {
	case "import":
		return importProfile(e, args[1])
	case "show":
		b, err := profiles.Source(args[1])
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai profile: %v\n", err)
			return exitUsage
		}
		if _, err := e.stdout.Write(b); err != nil {
			return exitUsage
		}
		return exitOK
	case "check":
		p, err := profiles.LoadFile(args[1])
		if err != nil {
			fmt.Fprintln(e.stderr, openError(err))
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "%s: 版式 %s，%d 张表，无问题 / profile %s, %d tables, no problems\n", args[1], p.Name, len(p.Tables), p.Name, len(p.Tables))
		return exitOK
	case "fields":
		id := modelTable(args[1])
		if !id.Valid() {
			fmt.Fprintf(e.stderr, "gongkai profile fields: %q 不是表（应为 t01 … t10）/ not a table\n", args[1])
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "# %s %s %s\n", id, id.Number(), id.Name())
		for _, f := range profiles.Fields(id) {
			fmt.Fprintf(e.stdout, "%-40s %-7s %s\n", f.Name, f.Kind, f.Doc)
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "gongkai profile: 没有 %q 这个操作（应为 show、check、fields 或 import）/ unknown action\n", args[0])
	return exitUsage
}

// modelTable reads a table id as t05, 5 or 表五.
func modelTable(s string) model.TableID {
	s = strings.TrimSpace(s)
	for _, id := range model.AllTables {
		if s == string(id) || s == id.Number() || "t0"+s == string(id) || "t"+s == string(id) {
			return id
		}
	}
	return model.TableID(s)
}

// importProfile drafts a profile from a blank official workbook: every
// sheet's cells, merges and column widths go to profiles.Draft.
func importProfile(e env, name string) int {
	data, err := inputs.ReadFile(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai profile import: %v\n", err)
		return exitUsage
	}
	// Sizes checked from the zip directory first; no part is extracted to
	// a temporary file.
	lim := xlsxzip.Limits{Total: 64 << 20, Part: 16 << 20}
	if _, err := xlsxzip.Check(data, lim); err != nil {
		fmt.Fprintf(e.stderr, "gongkai profile import: %s: 不是可读取的 .xlsx 工作簿，或解压后超过上限（共 64 MB，每个部件 16 MB） (%v)\n", name, err)
		return exitUsage
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), lim.Excelize())
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai profile import: %s: 不是可读取的 .xlsx 工作簿 (%v)\n", name, err)
		return exitUsage
	}
	defer f.Close()
	var grids []profiles.Grid
	for _, sh := range f.GetSheetList() {
		g := profiles.Grid{Name: sh, Cells: map[[2]int]string{}, Widths: map[int]float64{}}
		rows, err := f.GetRows(sh)
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai profile import: %s: %s: %v\n", name, sh, err)
			return exitUsage
		}
		maxCol := 0
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					g.Cells[[2]int{r + 1, c + 1}] = v
				}
			}
			maxCol = max(maxCol, len(row))
		}
		merges, err := f.GetMergeCells(sh)
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai profile import: %s: %s: %v\n", name, sh, err)
			return exitUsage
		}
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			g.Merges = append(g.Merges, profiles.Range{R1: r1, C1: c1, R2: r2, C2: c2})
			if v := m.GetCellValue(); v != "" {
				g.Cells[[2]int{r1, c1}] = v
			}
			maxCol = max(maxCol, c2)
		}
		for c := 1; c <= maxCol; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			if w, err := f.GetColWidth(sh, col); err == nil {
				g.Widths[c] = w
			}
		}
		grids = append(grids, g)
	}
	res := profiles.Draft(filepath.Base(name), grids)
	if _, err := e.stdout.Write(res.YAML); err != nil {
		return exitUsage
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(e.stderr, "gongkai profile import: 工作表“%s”不是可识别的表，已跳过 / sheet skipped: no table title recognised\n", s)
	}
	for _, u := range res.Unmapped {
		fmt.Fprintf(e.stderr, "gongkai profile import: 未能识别的列 / unmapped column: %s（请填写 field）\n", u)
	}
	if len(res.Unmapped) > 0 {
		return exitFindings
	}
	return exitOK
}
