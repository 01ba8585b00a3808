package server

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"gongkai/examples"
)

// BenchmarkAPI measures whole requests over loopback (upload, load, check,
// lay out, write, download) with GOMAXPROCS clients at once:
//
//	go test -run '^$' -bench API -benchmem ./server
func BenchmarkAPI(b *testing.B) {
	for _, path := range []string{"/api/validate", "/api/export?format=xlsx", "/api/export?format=pdf"} {
		b.Run(path[5:], func(b *testing.B) {
			ts := httptest.NewServer(New(Options{}))
			defer ts.Close()
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "bench.json")
			fw.Write(examples.Sample())
			mw.Close()
			form, ct := body.Bytes(), mw.FormDataContentType()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					resp, err := http.Post(ts.URL+path, ct, bytes.NewReader(form))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
		})
	}
}
