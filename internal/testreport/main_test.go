package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"start","Package":"p/a"}`,
		`{"Action":"run","Package":"p/a","Test":"TestX"}`,
		`{"Action":"output","Package":"p/a","Test":"TestX","Output":"=== RUN   TestX\n"}`,
		`{"Action":"output","Package":"p/a","Test":"TestX","Output":"    x_test.go:9: pdftotext not installed\n"}`,
		`{"Action":"output","Package":"p/a","Test":"TestX","Output":"--- SKIP: TestX (0.00s)\n"}`,
		`{"Action":"skip","Package":"p/a","Test":"TestX"}`,
		`{"Action":"output","Package":"p/a","Output":"ok  \tp/a\t0.010s\n"}`,
		`{"Action":"pass","Package":"p/a","Elapsed":0.01}`,
		`{"Action":"run","Package":"p/b","Test":"TestY"}`,
		`{"Action":"output","Package":"p/b","Test":"TestY","Output":"    y_test.go:3: got 1, want 2\n"}`,
		`{"Action":"output","Package":"p/b","Test":"TestY","Output":"--- FAIL: TestY (0.00s)\n"}`,
		`{"Action":"fail","Package":"p/b","Test":"TestY"}`,
		`{"Action":"output","Package":"p/b","Output":"FAIL\tp/b\t0.020s\n"}`,
		`{"Action":"fail","Package":"p/b","Elapsed":0.02}`,
	}, "\n")
	var b strings.Builder
	code := run(strings.NewReader(in), &b)
	got := b.String()
	if code != 1 {
		t.Errorf("exit %d, want 1 (a test failed)", code)
	}
	for _, want := range []string{"ok  \tp/a\t0.010s\n", "y_test.go:3: got 1, want 2", "FAIL\tp/b", "--- SKIP: TestX (p/a)\n    x_test.go:9: pdftotext not installed"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestReportClean(t *testing.T) {
	in := `{"Action":"output","Package":"p/a","Output":"ok  \tp/a\t0.010s\n"}` + "\n" + `{"Action":"pass","Package":"p/a"}`
	var b strings.Builder
	if code := run(strings.NewReader(in), &b); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if !strings.Contains(b.String(), "no test skipped") {
		t.Errorf("output: %s", b.String())
	}
}
