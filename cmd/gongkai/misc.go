package main

import (
	"fmt"
	"runtime/debug"

	"gongkai/examples"
)

func sampleCommand() *command {
	return &command{
		Name:  "sample",
		Usage: "",
		Short: "print a complete, valid example input to start from",
		Long: `
Sample prints the bundled example disclosure (天门市12345公共服务热线中心, 2023, all ten
tables and the narrative figures) in the JSON format that 'gongkai export' reads:

	gongkai sample > budget.json`,
		Run: func(e env, _ any, args []string) int {
			if len(args) != 0 {
				fmt.Fprintln(e.stderr, "usage: gongkai sample")
				return exitUsage
			}
			if _, err := e.stdout.Write(examples.Sample()); err != nil {
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
		Name:  "version",
		Usage: "",
		Short: "print the version of gongkai",
		Long:  "Version prints the version of gongkai and of the Go toolchain that built it.",
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
