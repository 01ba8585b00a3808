package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes checks the documented exit status of each kind of outcome:
// 0 clean, 1 findings at error severity (or unread text, or characters the
// font cannot show), 2 usage and I/O errors. The testscript files only see
// "non-zero"; this test tells 1 from 2.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	example := filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")
	wrong := write("wrong.json", `{"department":"测试单位","year":2024,"unit":"万元","tables":{"t05":{"rows":[
		{"level":"total","unit_name":"合计","total":"100.00","personnel":"60.00","public":"10.00","specific":"20.00"}]}}}`)
	bad := write("bad.json", `{"department":"测试单位","year":2024,"unit":"万元","tables":{"t05":{"rows":[{"level":"total","total":"12,3x"}]}}}`)
	snow := write("snow.json", `{"department":"测试单位","year":2024,"unit":"万元","tables":{"t05":{"rows":[
		{"level":"total","unit_name":"合计☃","total":"1.00","personnel":"1.00"}]}}}`)
	empty := write("empty.txt", "")
	narrative := write("n.txt", "测试中心2025年部门预算公开\n2025年预算收入总额100万元，比上年预算增加10万元，增长11.11%。\n")
	out := filepath.Join(dir, "out")

	cases := []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, exitUsage},
		{"help", []string{"help"}, exitOK},
		{"command help", []string{"export", "--help"}, exitOK},
		{"unknown command", []string{"frob"}, exitUsage},
		{"unknown flag", []string{"validate", "--nope", example}, exitUsage},
		{"validate clean", []string{"validate", example}, exitOK},
		{"validate strict with warnings", []string{"validate", "--strict", example}, exitFindings},
		{"validate errors", []string{"validate", wrong}, exitFindings},
		{"validate unreadable", []string{"validate", bad}, exitUsage},
		{"validate missing file", []string{"validate", filepath.Join(dir, "nothing.json")}, exitUsage},
		{"export clean", []string{"export", example, "-o", out}, exitOK},
		{"export errors", []string{"export", wrong, "-o", out}, exitFindings},
		{"export errors forced", []string{"export", wrong, "-o", out, "--force"}, exitFindings},
		{"export unreadable", []string{"export", bad, "-o", out}, exitUsage},
		{"export glyph the font lacks", []string{"export", snow, "-o", out}, exitFindings},
		{"export bad format", []string{"export", example, "--format", "docx"}, exitUsage},
		{"export font endless device", []string{"export", example, "-o", out, "--font", "/dev/zero"}, exitUsage},
		{"export font not a font", []string{"export", example, "-o", out, "--font", wrong}, exitUsage},
		{"parse empty file", []string{"parse", empty, "-o", filepath.Join(dir, "e.json")}, exitFindings},
		{"parse narrative", []string{"parse", narrative, "-o", filepath.Join(dir, "n.json")}, exitOK},
		{"parse missing file", []string{"parse", filepath.Join(dir, "nothing.txt")}, exitUsage},
		{"convert wrong extension", []string{"convert", narrative, "-o", filepath.Join(dir, "n.pdf")}, exitUsage},
		{"sample", []string{"sample"}, exitOK},
		{"version", []string{"version"}, exitOK},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(tc.args, strings.NewReader(""), &stdout, &stderr)
			if got != tc.want {
				t.Errorf("gongkai %s: exit %d, want %d\nstderr: %s", strings.Join(tc.args, " "), got, tc.want, stderr.String())
			}
		})
	}
	// Whatever failed, no temporary file is left in the output directory.
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// A write error on standard output (`gongkai validate x.json > /dev/full`)
// is exit status 2, with a message, not 0.
func TestStdoutWriteErrorExit2(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "tianmen-12345-2023.json")
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full on this system: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"validate", example},
		{"validate", "--format", "json", example},
		{"sample"},
		{"help"},
		{"version"},
	} {
		var stderr bytes.Buffer
		if got := run(args, strings.NewReader(""), full, &stderr); got != exitUsage {
			t.Errorf("gongkai %s > /dev/full: exit %d, want %d", strings.Join(args, " "), got, exitUsage)
		}
		if !strings.Contains(stderr.String(), "写标准输出失败") {
			t.Errorf("gongkai %s > /dev/full: stderr %q lacks the reason", strings.Join(args, " "), stderr.String())
		}
	}
}

// A name too long for a PDF page is a problem of the input (exit 1) and
// nothing is written; the workbook alone is written (Excel keeps it whole).
func TestExportTooLongName(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "tianmen-12345-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("很长的名称", 2000)
	s := strings.Replace(string(b), `"func_name": "机关事业单位基本养老保险缴费"`, `"func_name": "`+long+`"`, 1)
	if s == string(b) {
		t.Fatal("the example has no 机关事业单位基本养老保险缴费 row to lengthen")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "long.json")
	os.WriteFile(in, []byte(s), 0o644)
	var stdout, stderr bytes.Buffer
	if got := run([]string{"export", in, "-o", filepath.Join(dir, "out"), "--force"}, strings.NewReader(""), &stdout, &stderr); got != exitFindings {
		t.Errorf("exit %d, want %d; stderr %s", got, exitFindings, stderr.String())
	}
	if !strings.Contains(stderr.String(), "无法完整印出") {
		t.Errorf("stderr: %s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "long.xlsx")); err == nil {
		t.Error("long.xlsx written although the PDF of the set failed")
	}
	if got := run([]string{"export", in, "-o", filepath.Join(dir, "out"), "--format", "xlsx", "--force"}, strings.NewReader(""), &stdout, &stderr); got == exitUsage {
		t.Errorf("xlsx alone: exit %d: %s", got, stderr.String())
	}
}

// osFile sees through the errWriter that wraps standard output, so that a
// command can still ask whether it writes to a terminal.
func TestOsFileThroughErrWriter(t *testing.T) {
	if f, ok := osFile(&errWriter{w: os.Stderr}); !ok || f != os.Stderr {
		t.Error("osFile does not unwrap an errWriter")
	}
	if _, ok := osFile(&bytes.Buffer{}); ok {
		t.Error("a buffer is no file")
	}
}

// An empty text file is one mistake with one message (the parser's P8), not
// P8 followed by the check's D-META for department, year and unit.
func TestEmptyTextOneMessage(t *testing.T) {
	in := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(in, nil, 0o644)
	var stdout, stderr bytes.Buffer
	run([]string{"parse", in}, strings.NewReader(""), &stdout, &stderr)
	if n := strings.Count(stderr.String(), "错误 "); n != 1 || !strings.Contains(stderr.String(), "P8") {
		t.Errorf("%d errors:\n%s", n, stderr.String())
	}
}
