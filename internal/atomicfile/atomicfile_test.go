package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func text(s string) func(*bufio.Writer) error {
	return func(w *bufio.Writer) error { _, err := w.WriteString(s); return err }
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// temps lists the hidden temporary files left in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.Contains(filepath.Base(p), ".tmp-") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestWriteAllReplacesRegularFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "sub", "b.pdf")
	os.WriteFile(a, []byte("old"), 0o600)
	if err := WriteAll([]File{{a, text("new a")}, {b, text("new b")}}); err != nil {
		t.Fatal(err)
	}
	if read(t, a) != "new a" || read(t, b) != "new b" {
		t.Fatal("outputs not written")
	}
	if fi, _ := os.Stat(a); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if l := temps(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

// A set where one target is a directory changes nothing, and the error names
// that target and the cause, not a temporary file.
func TestWriteAllRefusesBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	x, p := filepath.Join(dir, "x.xlsx"), filepath.Join(dir, "x.pdf")
	os.WriteFile(x, []byte("old"), 0o644)
	os.Mkdir(p, 0o755)
	err := WriteAll([]File{{x, text("new")}, {p, text("new")}})
	var e *Error
	if !errors.As(err, &e) || e.Path != p || !errors.Is(err, ErrIsDir) || e.Written {
		t.Fatalf("err = %v, want *Error for %s with ErrIsDir", err, p)
	}
	if strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("error names a temporary file: %v", err)
	}
	if read(t, x) != "old" {
		t.Error("x.xlsx was replaced although x.pdf could not be written")
	}
	if l := temps(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestWriteAllWriteErrorChangesNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.WriteFile(a, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := WriteAll([]File{{a, text("new")}, {b, func(*bufio.Writer) error { return boom }}})
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), b+": ") {
		t.Fatalf("err = %v", err)
	}
	if read(t, a) != "old" {
		t.Error("a replaced")
	}
	if _, err := os.Stat(b); err == nil {
		t.Error("b created")
	}
	if l := temps(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

// When a rename fails after an earlier one succeeded, the earlier file is
// put back: the set stays all-or-nothing to the end.
func TestWriteAllRenameFailureUndone(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.WriteFile(a, []byte("old"), 0o644)
	err := WriteAll([]File{{a, text("new")}, {b, func(w *bufio.Writer) error {
		// b turns into a non-empty directory while it is being written.
		os.MkdirAll(filepath.Join(b, "c"), 0o755)
		return text("new")(w)
	}}})
	var e *Error
	if !errors.As(err, &e) || e.Path != b || e.Written {
		t.Fatalf("err = %#v", err)
	}
	if read(t, a) != "old" {
		t.Error("a not restored after b's rename failed")
	}
	if l := temps(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestWriteAllDevicesPipesStdout(t *testing.T) {
	// /dev/null stays a device (as root a rename would have replaced it).
	if err := WriteAll([]File{{"/dev/null", text("x")}}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
	}
	if l, _ := filepath.Glob("/dev/.null.tmp-*"); l != nil {
		t.Errorf("temporary files in /dev: %v", l)
	}

	// A named pipe is written, not replaced.
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteAll([]File{{fifo, text("through the pipe")}}); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("pipe got %q", s)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("pipe replaced by a file")
	}

	// "-" is the given standard output, and refused without one.
	var buf bytes.Buffer
	if err := WriteAll([]File{{"-", text("out")}}, Options{Stdout: &buf}); err != nil || buf.String() != "out" {
		t.Errorf("stdout: %q, %v", buf.String(), err)
	}
	if err := WriteAll([]File{{"-", text("out")}}); !errors.Is(err, ErrNoStdout) {
		t.Errorf("no stdout: %v", err)
	}
}

func TestWriteAllFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.pdf"), filepath.Join(dir, "link.pdf")
	os.WriteFile(real, []byte("old"), 0o644)
	os.Symlink("real.pdf", link)
	if err := WriteAll([]File{{link, text("new")}}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if read(t, real) != "new" {
		t.Error("the file the link points to was not written")
	}
	dangling := filepath.Join(dir, "nowhere.pdf")
	os.Symlink("missing/x.pdf", dangling)
	if err := WriteAll([]File{{dangling, text("x")}}); !errors.Is(err, ErrDangling) {
		t.Errorf("dangling link: %v", err)
	}
}

func TestWriteAllRefusesInputAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	os.WriteFile(in, []byte("input"), 0o644)
	alias := filepath.Join(dir, "alias.txt")
	os.Symlink(in, alias)
	for _, out := range []string{in, alias, filepath.Join(dir, ".", "in.txt")} {
		err := WriteAll([]File{{out, text("x")}}, Options{Inputs: []string{in}})
		if !errors.Is(err, ErrIsInput) {
			t.Errorf("%s: %v, want ErrIsInput", out, err)
		}
	}
	if read(t, in) != "input" {
		t.Error("input overwritten")
	}
	a := filepath.Join(dir, "a")
	if err := WriteAll([]File{{a, text("1")}, {filepath.Join(dir, "x", "..", "a"), text("2")}}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate: %v", err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	if err := WriteAll([]File{{filepath.Join(file, "sub", "x.pdf"), text("x")}}); !errors.Is(err, ErrParentNoDir) {
		t.Errorf("parent is a file: %v", err)
	}
}

func TestWriteAllRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "x.pdf")
	// A process id far above any pid_max: that process is gone.
	stale := filepath.Join(dir, ".x.pdf.tmp-999999999-123")
	mine := filepath.Join(dir, fmt.Sprintf(".x.pdf.tmp-%d-456", os.Getpid()))
	other := filepath.Join(dir, ".y.pdf.tmp-999999999-123")
	for _, f := range []string{stale, mine, other} {
		os.WriteFile(f, nil, 0o644)
	}
	if err := WriteAll([]File{{target, text("x")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file of a dead process kept")
	}
	for _, f := range []string{mine, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s removed: it is not stale, or not this target's", f)
		}
	}
}

// An interrupt while a file is being written leaves no temporary file. The
// test runs itself as a child that blocks inside Write, and signals it.
func TestSignalLeavesNoTemp(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_CHILD_DIR"); dir != "" {
		defer CleanupOnSignal()()
		WriteAll([]File{{filepath.Join(dir, "x.pdf"), func(w *bufio.Writer) error {
			w.WriteString("partial")
			w.Flush()
			os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		}}})
		os.Exit(0)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestSignalLeavesNoTemp$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("child never started writing")
			}
			time.Sleep(10 * time.Millisecond)
		}
		if l := temps(t, dir); len(l) != 1 {
			t.Fatalf("while writing: temporary files %v, want one", l)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%v: child exit %v, want killed by the signal", sig, err)
		}
		if l := temps(t, dir); l != nil {
			t.Errorf("%v left temporary files: %v", sig, l)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
			t.Errorf("%v: target written although interrupted", sig)
		}
	}
}
func TestWriteAllAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "b.txt")
	boom := errors.New("boom")
	err := WriteAll([]File{
		{Path: a, Write: func(w *bufio.Writer) error { _, err := w.WriteString("A"); return err }},
		{Path: b, Write: func(w *bufio.Writer) error { w.WriteString("half"); return boom }},
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "sub")} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			if !e.IsDir() {
				t.Errorf("left behind after a failure: %s", filepath.Join(d, e.Name()))
			}
		}
	}
	if err := WriteAll([]File{
		{Path: a, Write: func(w *bufio.Writer) error { _, err := w.WriteString("A"); return err }},
		{Path: b, Write: func(w *bufio.Writer) error { _, err := w.WriteString("B"); return err }},
	}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "A", b: "B"} {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", p, got, err, want)
		}
	}
}

// After stop, a SIGTERM is the program's own business again: a server that
// handles it (cmd serve's test sends one to itself) is not ended by us.
func TestSignalHandlerStops(t *testing.T) {
	stop := CleanupOnSignal()
	stop()
	stop() // twice is harmless
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	select {
	case <-c:
	case <-time.After(5 * time.Second):
		t.Fatal("SIGTERM not delivered to the program's own handler")
	}
	time.Sleep(100 * time.Millisecond) // the process is still here
}
