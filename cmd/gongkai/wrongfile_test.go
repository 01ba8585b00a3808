package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWrongFile gives each command a file a user might pick by mistake (a
// missing one, a folder, an empty file, a picture, a cut-off workbook) and
// checks what the user reads: exit status 2, a message naming the file and
// saying in Chinese what is wrong, and nothing written.
func TestWrongFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	emptyDir := filepath.Join(dir, "空文件夹")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := []struct{ path, want string }{
		{filepath.Join(dir, "nothing.json"), "文件不存在"},
		{write("blank.json", "\n"), "文件是空的"},
		{write("photo.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x39\x00\x00\x02\x40\x08\x06\x00\x00\x00"), "不是文本"},
		{write("cut.xlsx", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), "已损坏或不完整"},
	}
	for _, cmd := range []string{"export", "validate", "narrative", "build", "parse", "convert"} {
		for _, f := range files {
			if cmd == "build" && f.want != "文件不存在" {
				continue // build reads any file as a ledger and lists what is wrong in it
			}
			out := filepath.Join(dir, "out-"+cmd)
			args := []string{cmd, f.path}
			switch cmd {
			case "export":
				args = append(args, "-o", out)
			case "build", "parse":
				args = append(args, "-o", filepath.Join(out, "x.json"))
			case "convert":
				args = append(args, "-o", filepath.Join(out, "x.xlsx"))
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			msg := stderr.String()
			if code != exitUsage || !strings.Contains(msg, filepath.Base(f.path)) || !strings.Contains(msg, f.want) {
				t.Errorf("gongkai %s %s: exit %d, stderr %q; want exit 2 and a message naming the file with %q",
					cmd, filepath.Base(f.path), code, msg, f.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("gongkai %s %s wrote %s", cmd, filepath.Base(f.path), out)
			}
		}
	}

	var stdout, stderr bytes.Buffer
	out := filepath.Join(dir, "batch-out")
	if code := run([]string{"batch", emptyDir, "-o", out}, strings.NewReader(""), &stdout, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "没有找到输入文件") {
		t.Errorf("gongkai batch on an empty folder: exit %d, stderr %q; want exit 2 and 没有找到输入文件", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("gongkai batch on an empty folder wrote %s", out)
	}
}

// TestBuildNotALedger: a disclosure given to build is named as what it is.
func TestBuildNotALedger(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")
	out := filepath.Join(t.TempDir(), "budget.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", example, "-o", out}, strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "不是预算明细") {
		t.Errorf("gongkai build on a JSON disclosure: exit %d, stderr %q; want exit 2 and 不是预算明细", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("build wrote %s", out)
	}
}

// TestMissingSideFiles: a font, a profile or a profile workbook that does
// not exist is named in Chinese too, with exit status 2.
func TestMissingSideFiles(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"export", example, "-o", out, "--font", filepath.Join(dir, "simsun.ttc")},
		{"export", example, "-o", out, "--profile", filepath.Join(dir, "simsun.yaml")},
		{"profile", "check", filepath.Join(dir, "simsun.yaml")},
		{"profile", "import", filepath.Join(dir, "simsun.xlsx")},
	} {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "simsun.") || !strings.Contains(stderr.String(), "文件不存在") {
			t.Errorf("gongkai %s: exit %d, stderr %q; want exit 2 naming the file with 文件不存在", strings.Join(args, " "), code, stderr.String())
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("something was written to %s", out)
	}
}

// TestOutIsADirectory: 'export -o 公开表.xlsx' used to make a directory named
// 公开表.xlsx with the files inside it; it is refused with what -o means.
func TestOutIsADirectory(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")
	for _, cmd := range []string{"export", "batch"} {
		out := filepath.Join(dir, "公开表.xlsx")
		var stdout, stderr bytes.Buffer
		code := run([]string{cmd, example, "-o", out}, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "-o 是输出目录") {
			t.Errorf("gongkai %s -o 公开表.xlsx: exit %d, stderr %q; want exit 2 saying -o is the directory", cmd, code, stderr.String())
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("gongkai %s -o 公开表.xlsx made %s", cmd, out)
		}
	}
	// an existing directory of that name is still a directory
	out := filepath.Join(dir, "old.pdf")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", example, "-o", out, "--format", "xlsx"}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Errorf("export into the existing directory old.pdf: exit %d, %s", code, stderr.String())
	}
}

// TestValidateProfile: validate takes --profile as export does, and a
// Shanghai disclosure checked in its layout is not asked for the 政府采购预算表
// that Shanghai does not print.
func TestValidateProfile(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "shanghai-wanli-2025.json")
	for _, tc := range []struct {
		args  []string
		tmiss bool
	}{
		{[]string{"validate", example}, true},
		{[]string{"validate", "--profile", "shanghai", example}, false},
		{[]string{"export", "--profile", "shanghai", "--format", "xlsx", "-o", t.TempDir(), example}, false},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &stdout, &stderr)
		if code == exitUsage {
			t.Fatalf("gongkai %s: exit 2: %s", strings.Join(tc.args, " "), stderr.String())
		}
		if got := strings.Contains(stdout.String()+stderr.String(), "T-MISS"); got != tc.tmiss {
			t.Errorf("gongkai %s: T-MISS reported %v, want %v", strings.Join(tc.args, " "), got, tc.tmiss)
		}
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"batch", "--profile", "shanghai", "--format", "xlsx", "-o", out, example}, strings.NewReader(""), &stdout, &stderr); code == exitUsage {
		t.Fatalf("batch: exit 2: %s", stderr.String())
	}
	report, err := os.ReadFile(filepath.Join(out, "report.jsonl"))
	if err != nil || strings.Contains(string(report), "T-MISS") {
		t.Errorf("batch --profile shanghai: report has T-MISS or is missing (%v)", err)
	}
}

// TestWorkbookKeepsItsLayout: a filled Shanghai template exported, checked
// or batched without --profile comes out in the Shanghai layout it was read
// in (export wrote Hubei tables; batch read it as Hubei and skipped every table).
func TestWorkbookKeepsItsLayout(t *testing.T) {
	dir := t.TempDir()
	wb := filepath.Join(dir, "in", "街道.xlsx")
	if err := os.MkdirAll(filepath.Dir(wb), 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"template", "--profile", "shanghai", "--year", "2026", "--department", "某某街道", "-o", wb}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("template: exit %d: %s", code, stderr.String())
	}
	for _, args := range [][]string{
		{"export", wb, "--format", "xlsx", "-o", filepath.Join(dir, "export")},
		{"batch", filepath.Dir(wb), "--format", "xlsx", "-o", filepath.Join(dir, "batch")},
	} {
		stdout.Reset()
		stderr.Reset()
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
			t.Errorf("gongkai %s: exit %d: %s", args[0], code, stderr.String())
			continue
		}
		out := filepath.Join(args[len(args)-1], "街道.xlsx")
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Errorf("gongkai %s: %v", args[0], err)
			continue
		}
		sheets := f.GetSheetList()
		f.Close()
		if len(sheets) != 9 || !strings.HasPrefix(sheets[0], "表1") {
			t.Errorf("gongkai %s wrote sheets %q, want the nine Shanghai tables", args[0], sheets)
		}
		if strings.Contains(stdout.String()+stderr.String(), "T-MISS") {
			t.Errorf("gongkai %s asked for a table Shanghai does not print: %s", args[0], stderr.String())
		}
	}
}

// TestShanghaiWorkbookValidatesAsItsJSON: the Shanghai example exported with
// --profile shanghai and validated as a workbook (with or without --profile)
// gives the findings of the JSON itself: no X12 on the 一般公共预算 that
// Shanghai 表2 does not print, and the 机关运行经费 beside 表9 read back (N6).
func TestShanghaiWorkbookValidatesAsItsJSON(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "shanghai-wanli-2025.json")
	dir := t.TempDir()
	findings := func(args ...string) []string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code == exitUsage {
			t.Fatalf("gongkai %s: exit 2: %s", strings.Join(args, " "), stderr.String())
		}
		var out []string
		for _, l := range strings.Split(stdout.String()+stderr.String(), "\n") {
			if l == "" || strings.HasPrefix(l, "共 ") || strings.Contains(l, "XL-SHEET") || strings.HasPrefix(l, "wrote ") {
				continue // the summary counts and the line naming the layout the workbook was read in
			}
			out = append(out, l)
		}
		sort.Strings(out)
		return out
	}
	if code := run([]string{"export", "--profile", "shanghai", "--format", "xlsx", "-o", dir, example}, strings.NewReader(""), io.Discard, io.Discard); code == exitUsage {
		t.Fatal("export failed")
	}
	want := findings("validate", "--profile", "shanghai", example)
	if !slices.ContainsFunc(want, func(l string) bool { return strings.Contains(l, "N6") }) {
		t.Fatalf("the JSON's findings lack N6 (机关运行经费); the test needs it:\n%s", strings.Join(want, "\n"))
	}
	wb := filepath.Join(dir, "shanghai-wanli-2025.xlsx")
	for _, args := range [][]string{{"validate", wb}, {"validate", "--profile", "shanghai", wb}} {
		if got := findings(args...); !slices.Equal(got, want) {
			t.Errorf("gongkai %s:\n%s\nwant the JSON's findings:\n%s", strings.Join(args, " "), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
