package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLedgerContentExit1: a ledger whose lines are wrong is the data's
// problem, so export and validate exit 1 as build does (the issue: "exit 1,
// 2 for unreadable files"), name the line, and write nothing.
func TestLedgerContentExit1(t *testing.T) {
	var sample bytes.Buffer
	if code := run([]string{"sample", "--ledger"}, strings.NewReader(""), &sample, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("sample --ledger: exit %d", code)
	}
	lines := strings.Split(sample.String(), "\n")
	bad := -1
	for i, l := range lines {
		if strings.Contains(l, ",一般公共预算,") {
			lines[i] = strings.Replace(l, ",一般公共预算,", ",一般预算,", 1)
			bad = i + 1
			break
		}
	}
	if bad < 0 {
		t.Fatal("the sample ledger has no 一般公共预算 line")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "预算明细.csv")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"validate", in}, {"export", in, "-o", out}, {"build", in, "-o", filepath.Join(out, "b.json")}} {
		var stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &bytes.Buffer{}, &stderr)
		place := "预算明细.csv:" + strconv.Itoa(bad)
		if code != exitFindings || !strings.Contains(stderr.String(), place) || !strings.Contains(stderr.String(), "一般预算") {
			t.Errorf("gongkai %s: exit %d, stderr %q; want exit 1 naming %s and the value", args[0], code, stderr.String(), place)
		}
	}
	if _, err := os.Stat(out); err == nil {
		entries, _ := os.ReadDir(out)
		if len(entries) > 0 {
			t.Errorf("files written from a bad ledger: %v", entries)
		}
	}
}
