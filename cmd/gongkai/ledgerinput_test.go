package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleLedger is the text of 'gongkai sample --ledger'.
func sampleLedger(t *testing.T) string {
	t.Helper()
	var sample bytes.Buffer
	if code := run([]string{"sample", "--ledger"}, strings.NewReader(""), &sample, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("sample --ledger: exit %d", code)
	}
	return sample.String()
}

// runIn runs gongkai with args and returns its exit status and output.
func runIn(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A UTF-8 CSV ledger longer than the part of a file looked at to tell its
// kind is read as a ledger by validate and export, wherever that part ends.
func TestLongCSVLedger(t *testing.T) {
	s := sampleLedger(t)
	head, body, _ := strings.Cut(s, "\n\n")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	dir := t.TempDir()
	for pad := 0; pad < 3; pad++ {
		// Pad the department name so the cut falls at each byte of a
		// three-byte character; repeat the lines (amounts add up) past 4 KB.
		text := strings.Replace(head, "部门名称,", "部门名称,"+strings.Repeat(" ", pad), 1) + "\n\n" + lines[0] + "\n"
		for len(text) < 16<<10 {
			text += strings.Join(lines[1:], "\n") + "\n"
		}
		in := writeFile(t, dir, "预算明细.csv", text)
		code, _, stderr := runIn("validate", in)
		if code == exitUsage || strings.Contains(stderr, "已公开") {
			t.Errorf("pad %d: validate of a %d-byte UTF-8 ledger: exit %d, %s", pad, len(text), code, stderr)
		}
	}
}

// A ledger with a 事业单位 spending 一般公共预算 公用经费 builds a
// budget.json whose 机关运行经费 covers only some units (partial: true);
// validate and export read that JSON.
func TestBuiltPartialOperatingCostsReads(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "预算明细.csv", strings.ReplaceAll(sampleLedger(t), ",参公,", ",事业,"))
	js := filepath.Join(dir, "budget.json")
	if code, _, stderr := runIn("build", in, "-o", js); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(js)
	if !bytes.Contains(b, []byte(`"partial": true`)) {
		t.Fatal("the built JSON has no partial operating costs: the test does not test them")
	}
	if code, stdout, stderr := runIn("validate", js); code != exitOK {
		t.Errorf("validate of the built JSON: exit %d: %s%s", code, stdout, stderr)
	}
	if code, _, stderr := runIn("export", js, "-o", filepath.Join(dir, "out"), "--format", "xlsx"); code != exitOK {
		t.Errorf("export of the built JSON: exit %d: %s", code, stderr)
	}
}
