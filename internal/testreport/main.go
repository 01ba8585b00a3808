// Command testreport reads `go test -json` events on standard input and
// prints what `go test` prints (one ok/FAIL line per package, the whole
// output of every failed test), then lists every skipped test with the
// reason it gave, so that a missing tool never hides behind a green run.
// `make test` uses it so that the suite runs once, not once more with -v to
// find the skips. The exit status is 1 when any test or package failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

type key struct{ pkg, test string }

func main() {
	os.Exit(run(os.Stdin, os.Stdout))
}

func run(in io.Reader, out io.Writer) int {
	outputs := map[key][]string{} // output of each test (and of each package, test "")
	var skips []string
	failed := false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			// Not an event (a build error printed by go itself): pass it on.
			fmt.Fprintln(out, string(line))
			continue
		}
		k := key{e.Package, e.Test}
		switch e.Action {
		case "build-output":
			// A package that does not compile: go prints its errors once.
			fmt.Fprint(out, e.Output)
		case "output":
			outputs[k] = append(outputs[k], e.Output)
		case "skip":
			if e.Test == "" {
				break
			}
			reason := ""
			for _, o := range outputs[k] {
				t := strings.TrimSpace(o)
				if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
					continue
				}
				reason = t
			}
			s := fmt.Sprintf("--- SKIP: %s (%s)", e.Test, e.Package)
			if reason != "" {
				s += "\n    " + reason
			}
			skips = append(skips, s)
			delete(outputs, k)
		case "pass":
			if e.Test == "" {
				printPackage(out, outputs[k], e)
			}
			delete(outputs, k)
		case "fail", "build-fail":
			failed = true
			for _, o := range outputs[k] {
				fmt.Fprint(out, o)
			}
			delete(outputs, k)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(out, "testreport: %v\n", err)
		return 1
	}
	sort.Strings(skips)
	if len(skips) == 0 {
		fmt.Fprintln(out, "no test skipped")
	} else {
		fmt.Fprintf(out, "%d skipped:\n", len(skips))
		for _, s := range skips {
			fmt.Fprintln(out, s)
		}
	}
	if failed {
		return 1
	}
	return 0
}

// printPackage prints a passing package's closing line as go test does
// ("ok  	gongkai/check	0.59s", or "?   	… [no test files]").
func printPackage(out io.Writer, lines []string, e event) {
	for _, o := range lines {
		if strings.HasPrefix(o, "ok  \t") || strings.HasPrefix(o, "?   \t") {
			fmt.Fprint(out, o)
			return
		}
	}
	fmt.Fprintf(out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
}
