package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"

	"gongkai/examples"
)

// TestLoad: 200 exports (workbooks and table PDFs, alternately) from 8
// clients at once over loopback all succeed, and the heap after them is
// what it was after the first 40: nothing piles up per request.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: the load test takes a few seconds")
	}
	ts := httptest.NewServer(New(Options{}))
	defer ts.Close()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "load.json")
	fw.Write(examples.Sample())
	mw.Close()
	form, ct := body.Bytes(), mw.FormDataContentType()

	const clients, total = 8, 200
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	run := func(from, to int) []error {
		jobs := make(chan int)
		var mu sync.Mutex
		var errs []error
		var wg sync.WaitGroup
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
		defer client.CloseIdleConnections()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					format := "xlsx"
					if i%2 == 1 {
						format = "pdf"
					}
					resp, err := client.Post(ts.URL+"/api/export?format="+format, ct, bytes.NewReader(form))
					if err == nil {
						var n int64
						n, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && (resp.StatusCode != 200 || n < 10000) {
							err = fmt.Errorf("export %d (%s): status %d, %d bytes", i, format, resp.StatusCode, n)
						}
					}
					if err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			}()
		}
		for i := from; i < to; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		return errs
	}
	errs := run(0, 40)
	warm := heap()
	errs = append(errs, run(40, total)...)
	after := heap()
	for i, err := range errs {
		if i == 5 {
			t.Errorf("… %d errors in all", len(errs))
			break
		}
		t.Error(err)
	}
	t.Logf("heap after 40 exports %.1f MB, after %d %.1f MB", float64(warm)/(1<<20), total, float64(after)/(1<<20))
	if after > warm+16<<20 {
		t.Errorf("heap grew from %.1f MB to %.1f MB over %d exports", float64(warm)/(1<<20), float64(after)/(1<<20), total-40)
	}
}
