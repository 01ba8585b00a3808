package pdf

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNilFontIsErrNoFont: the package brings no font; without one Write
// and Plan say what to pass and write nothing.
func TestNilFontIsErrNoFont(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, handDoc(), Options{})
	if !errors.Is(err, ErrNoFont) {
		t.Fatalf("Write with a nil font: %v, want ErrNoFont", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written without a font", buf.Len())
	}
	for _, w := range []string{"wqymicrohei.Font()", "fonts.Load"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q should mention %s", err, w)
		}
	}
	if _, err := Plan(handDoc(), Options{}); !errors.Is(err, ErrNoFont) {
		t.Errorf("Plan with a nil font: %v, want ErrNoFont", err)
	}
}

// TestDefaultFontNotLinked: a program importing exporter/pdf with a font of
// its own must not link the 4.6 MB embedded default (DESIGN.md).
func TestDefaultFontNotLinked(t *testing.T) {
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if runtime.GOROOT() == "" {
		goTool = ""
	}
	if _, err := exec.LookPath(goTool); goTool == "" || err != nil {
		p, err := exec.LookPath("go")
		if err != nil {
			t.Skip("skipped: no go tool in GOROOT or PATH to run `go list -deps`")
		}
		goTool = p
	}
	out, err := exec.Command(goTool, "list", "-deps", "gongkai/exporter/pdf").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list -deps gongkai/exporter/pdf: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps gongkai/exporter/pdf: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 2 || deps[len(deps)-1] != "gongkai/exporter/pdf" {
		t.Fatalf("unexpected go list output:\n%s", out)
	}
	for _, d := range deps {
		if d == "gongkai/fonts/wqymicrohei" {
			t.Errorf("gongkai/exporter/pdf depends on gongkai/fonts/wqymicrohei; a caller bringing its own font would link the embedded default")
		}
	}
	for _, want := range []string{"gongkai/fonts", "gongkai/layout"} {
		found := false
		for _, d := range deps {
			found = found || d == want
		}
		if !found {
			t.Errorf("go list -deps lists no %s: the check would pass vacuously\n%s", want, out)
		}
	}
}
