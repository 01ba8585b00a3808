//go:build unix

package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
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

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeSIGTERM: serve prints its address, answers, and on SIGTERM stops
// cleanly with exit status 0.
func TestServeSIGTERM(t *testing.T) {
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb) }()
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var url string
	for deadline := time.Now().Add(5 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		url = re.FindString(out.String())
	}
	if url == "" {
		t.Fatalf("no address printed; stdout %q stderr %q", out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "网页版已启动") {
		t.Errorf("the address line is not in Chinese first: %q", out.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte("上传并核对")) {
		t.Fatalf("page: %d %.200s", resp.StatusCode, b)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after SIGTERM; stderr %q", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if !strings.Contains(out.String(), "已停止") {
		t.Errorf("no stop message: %q", out.String())
	}
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
	if !startedWithoutTerminal() {
		t.Error("/dev/null on standard input: want started without terminal")
	}
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
