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
	once  sync.Once
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

// CleanupOnSignal makes SIGINT and SIGTERM remove the temporary files of
// writes in progress before they end the program (with the usual status of a
// program killed by that signal). Call it once, from main.
func CleanupOnSignal() {
	once.Do(func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		go func() {
			sig := <-c
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
		}()
	})
}
