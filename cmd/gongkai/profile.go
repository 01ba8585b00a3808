package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

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
	return profiles.Open(nameOrFile)
}

func profilesCommand() *command {
	return &command{
		Name:  "profiles",
		Usage: "",
		Short: "列出内置版式 / list the embedded layout profiles",
		Long: `
列出内置的版式（profile）：每个地区一套表的样式（表名、表头、单位、注释、页面设置）。
用 'gongkai profile show NAME' 打印其中一个，改后用 --profile my.yaml 使用。

Profiles lists the embedded layout profiles, one a line: its name, number of tables and
description. 'gongkai profile show NAME > my.yaml' prints one as a file to edit;
'gongkai export --profile my.yaml' uses the edited file.`,
		Run: func(e env, _ any, args []string) int {
			if len(args) != 0 {
				fmt.Fprintln(e.stderr, "usage: gongkai profiles")
				return exitUsage
			}
			for _, n := range profiles.Names() {
				p, err := profiles.Embedded(n)
				if err != nil {
					fmt.Fprintf(e.stderr, "gongkai profiles: %v\n", err)
					return exitUsage
				}
				fmt.Fprintf(e.stdout, "%-10s %2d 张表  %s\n", n, len(p.Tables), p.Description)
			}
			return exitOK
		},
	}
}

func profileCommand() *command {
	return &command{
		Name:  "profile",
		Usage: "show NAME | check FILE.yaml | fields TABLE",
		Short: "打印、检查版式文件 / print, check a layout profile",
		Long: `
gongkai profile show NAME      打印内置版式的 YAML 文本，作为自己版式文件的起点
gongkai profile check FILE     读取并检查版式文件，报告每个问题的文件与行号
gongkai profile fields TABLE   列出表（t01 … t10）的列可以显示的模型字段

show prints an embedded profile as YAML, to start a file of your own from
('gongkai profile show shanghai > my.yaml'). check reads a profile file and reports every
problem with its file and line (my.yaml:41: column “合计” has span 3 but the header has
2 rows); the exit status is 2 when it has any. fields lists the model fields the columns of
a table can show (see docs/profile-format.md).`,
		Run: runProfile,
	}
}

func runProfile(e env, _ any, args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(e.stderr, "usage: gongkai profile show NAME | check FILE.yaml | fields TABLE")
		return exitUsage
	}
	switch args[0] {
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
			fmt.Fprintln(e.stderr, err)
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "%s: 版式 %s，%d 张表，无问题 / profile %s, %d tables, no problems\n", args[1], p.Name, len(p.Tables), p.Name, len(p.Tables))
		return exitOK
	case "fields":
		id := modelTable(args[1])
		if !id.Valid() {
			fmt.Fprintf(e.stderr, "gongkai profile fields: %q is not a table (t01 … t10)\n", args[1])
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "# %s %s %s\n", id, id.Number(), id.Name())
		for _, f := range profiles.Fields(id) {
			fmt.Fprintf(e.stdout, "%-40s %-7s %s\n", f.Name, f.Kind, f.Doc)
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "gongkai profile: unknown action %q (show, check, fields)\n", args[0])
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
