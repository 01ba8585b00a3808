package atomicfile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// The temporary files of writes in progress, for CleanupOnSignal. This is
// the package's only state: a signal handler has no other way to find them.
var (
	mu    sync.Mutex
	live  = map[string]bool{}
	dying bool
)

func register(name string) {
	mu.Lock()
	live[name] = true
	mu.Unlock()
}

func unregister(name string) {
	mu.Lock()
	delete(live, name)
	mu.Unlock()
}

func remove(name string) {
	os.Remove(name)
	unregister(name)
}

// CleanupOnSignal makes SIGINT and SIGTERM, until stop is called, remove
// the temporary files of writes in progress and then end the program (with
// the usual status of a program killed by that signal). A command calls it
// around its WriteAll:
//
//	stop := atomicfile.CleanupOnSignal()
//	defer stop()
//
// Outside that window the program's own signal handling (or the default)
// applies: a server or batch runner that cancels its work on SIGTERM is not
// ended by it.
func CleanupOnSignal() (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
			return
		case sig := <-c:
			mu.Lock()
			dying = true
			for name := range live {
				os.Remove(name)
			}
			mu.Unlock()
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				p.Signal(sig)
			}
			// The signal is the exit; should it be ignored, exit as
			// an interrupted program would.
			time.Sleep(2 * time.Second)
			os.Exit(128 + 2)
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(c)
			close(done)
		})
	}
}
