//go:build unix

package main

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gongkai/examples"
)

// syncBuffer is a bytes.Buffer safe to read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) set(p []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
	s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs name (a command TestMain provides) with args in its own
// process, stdin /dev/null and PATH holding only the test's commands (so no
// browser is opened), and returns the printed address.
func startServe(t *testing.T, name string, args ...string) (*exec.Cmd, *syncBuffer, *syncBuffer, string) {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not on PATH (TestMain provides it): %v", name, err)
	}
	var out, errb syncBuffer
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin))
	// Standard output and error go to files, not pipes, as a file
	// manager's would (a pipe on standard output means a script).
	dir := t.TempDir()
	fout, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	ferr, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = fout, ferr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	fout.Close()
	ferr.Close()
	stop := make(chan struct{})
	go func() {
		// Mirror the files into the buffers the tests read.
		for {
			o, _ := os.ReadFile(filepath.Join(dir, "stdout"))
			e, _ := os.ReadFile(filepath.Join(dir, "stderr"))
			out.set(o)
			errb.set(e)
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait(); close(stop) })
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		url = re.FindString(out.String())
	}
	if url == "" {
		t.Fatalf("no address printed; stdout %q stderr %q", out.String(), errb.String())
	}
	return cmd, &out, &errb, url
}

// TestServeSIGTERM: serve prints its address, answers, and on SIGTERM
// finishes the request it is running and exits 0.
func TestServeSIGTERM(t *testing.T) {
	cmd, out, errb, url := startServe(t, "gongkai", "serve", "--addr", "127.0.0.1:0")
	if !strings.Contains(out.String(), "网页版已启动") {
		t.Errorf("the address line is not in Chinese first: %q", out.String())
	}
	checkPage(t, url)
	// A request in flight when the signal comes still gets its answer.
	got := make(chan int, 1)
	go func() {
		body, ct := uploadForm(t)
		resp, err := http.Post(url+"api/export?format=pdf", ct, body)
		if err != nil {
			got <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	time.Sleep(5 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := <-got; code != http.StatusOK && code != 0 {
		t.Errorf("request during shutdown: status %d", code)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v; stderr %q", err, errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	time.Sleep(20 * time.Millisecond) // let the mirror catch up
	if !strings.Contains(out.String(), "已停止") {
		t.Errorf("no stop message: %q", out.String())
	}
}

// TestNoArgumentsWithoutTerminal: gongkai started with no arguments and no
// terminal (standard input /dev/null, as from a file manager) starts the web
// page on this machine and tries to open the browser; from a script (a pipe)
// it prints the usage as before.
func TestNoArgumentsWithoutTerminal(t *testing.T) {
	cmd, _, errb, url := startServe(t, "gongkai-main")
	checkPage(t, url)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(errb.String(), "浏览器") && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
	}
	if !strings.Contains(errb.String(), "无法打开浏览器") {
		t.Errorf("no attempt to open the browser (none is on PATH here): stderr %q", errb.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()

	bin, _ := exec.LookPath("gongkai-main")
	script := exec.Command(bin)
	script.Stdin = strings.NewReader("")
	b, err := script.CombinedOutput()
	if code := script.ProcessState.ExitCode(); code != exitUsage || !strings.Contains(string(b), "Usage:") {
		t.Errorf("no arguments from a pipe: exit %d (%v), output %q; want the usage and exit 2", code, err, b)
	}
	// Standard input /dev/null but the output read through a pipe: a
	// script too (for example a CI job), not a double-click.
	script = exec.Command(bin)
	b, err = script.CombinedOutput()
	if code := script.ProcessState.ExitCode(); code != exitUsage || !strings.Contains(string(b), "Usage:") {
		t.Errorf("no arguments, output to a pipe: exit %d (%v), output %q; want the usage and exit 2", code, err, b)
	}
}

func checkPage(t *testing.T, url string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte("上传并核对")) {
		t.Fatalf("page: %d %.200s", resp.StatusCode, b)
	}
}

func uploadForm(t *testing.T) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", "a.json")
	fw.Write(examples.Sample())
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"serve", "extra"}, strings.NewReader(""), &out, &errb); code != exitUsage {
		t.Errorf("exit %d for an extra argument", code)
	}
	if code := run([]string{"serve", "--addr", "256.0.0.1:99999"}, strings.NewReader(""), &out, &errb); code != exitUsage {
		t.Errorf("exit %d for a bad address", code)
	}
}

// TestStartedWithoutTerminal: /dev/null on standard input (a file manager)
// means no terminal; a pipe or a file (a script) does not.
func TestStartedWithoutTerminal(t *testing.T) {
	saved := os.Stdin
	defer func() { os.Stdin = saved }()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	os.Stdin = null
	savedOut := os.Stdout
	defer func() { os.Stdout = savedOut }()
	logf, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	os.Stdout = logf
	if !startedWithoutTerminal() {
		t.Error("/dev/null on standard input, output to a file: want started without terminal")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout = pw
	if startedWithoutTerminal() {
		t.Error("/dev/null on standard input, output to a pipe: want a script")
	}
	pr.Close()
	pw.Close()
	os.Stdout = logf
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	os.Stdin = r
	if startedWithoutTerminal() {
		t.Error("a pipe on standard input: want a script, not a file manager")
	}
	f, err := os.Open("serve_test.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.Stdin = f
	if startedWithoutTerminal() {
		t.Error("a file on standard input: want a script, not a file manager")
	}
	if args := doubleClickArgs(); args[0] != "serve" || args[1] != "--open" || !strings.HasPrefix(args[3], "127.0.0.1:") {
		t.Errorf("double-click arguments %q: want the web page on this machine, opened", args)
	}
}

// serve --load of a ledger without its department details stops before the
// server starts and says what the file itself must hold (there is no form
// yet), not the web page's "请在表单中填写".
func TestServeLoadLedgerWithoutDetails(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "明细.csv")
	writeFiles(t, map[string]string{name: bareLedger})
	var out, errb bytes.Buffer
	code := run([]string{"serve", "--addr", "127.0.0.1:0", "--load", name}, strings.NewReader(""), &out, &errb)
	if code != exitUsage {
		t.Fatalf("exit %d, want 2\n%s", code, errb.String())
	}
	msg := errb.String()
	for _, want := range []string{"明细.csv", "缺少部门信息：部门名称、年度", "“基本信息”", "不用 --load"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "表单中填写（字段") {
		t.Errorf("message speaks of the web form's fields: %q", msg)
	}
}
