package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestBatchRunners runs testdata/batch/*.txtar: the job-runner commands of
// docs/batch.md, taken from the document as they are written, with the
// variables each runner sets (docrun), so the document cannot drift from
// the program.
func TestBatchRunners(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	doc, err := os.ReadFile(filepath.Join(root, "docs", "batch.md"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "batch"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", filepath.Join(root, "examples"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "gnuparallel" {
				out, err := exec.Command("parallel", "--version").Output()
				return err == nil && strings.Contains(string(out), "GNU parallel"), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"docrun": func(ts *testscript.TestScript, neg bool, args []string) { docrun(ts, string(doc), args) },
		},
	})
}

// docrun VAR N: runs every shell line of docs/batch.md that starts gongkai
// batch with $VAR in it, once for each VAR=0 … N-1 (as the job runner
// would). docrun parallel: runs the line that starts with "parallel" once. docrun merge:
// runs the --merge-reports line.
func docrun(ts *testscript.TestScript, doc string, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: docrun VAR N | docrun parallel | docrun merge")
	}
	var lines []string
	for _, l := range strings.Split(doc, "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "- ")
		switch {
		case args[0] == "parallel" && strings.HasPrefix(l, "parallel gongkai batch "):
			lines = append(lines, l)
		case args[0] == "merge" && l == "gongkai batch --merge-reports out/*/report.jsonl -o out/":
			lines = append(lines, l)
		case strings.HasPrefix(l, "gongkai batch ") && strings.Contains(l, "$"+args[0]):
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		ts.Fatalf("docs/batch.md has no command for %s", args[0])
	}
	if args[0] == "merge" {
		lines = lines[:1]
	}
	run := func(l string) {
		ts.Logf("$ %s", l)
		if err := ts.Exec("sh", "-c", l); err != nil {
			ts.Fatalf("%s: %v", l, err)
		}
	}
	switch args[0] {
	case "parallel":
		ts.Setenv("HOME", ts.Getenv("WORK")) // its citation notice writes under $HOME
		for _, l := range lines {
			run(l)
		}
	case "merge":
		run(lines[0])
	default:
		if len(args) != 2 {
			ts.Fatalf("usage: docrun VAR N")
		}
		var n int
		fmt.Sscan(args[1], &n)
		for _, l := range lines {
			for i := range n {
				ts.Setenv(args[0], fmt.Sprint(i))
				run(l)
			}
		}
		ts.Setenv(args[0], "")
	}
}
