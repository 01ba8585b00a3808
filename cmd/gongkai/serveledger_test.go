package main

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/server"
)

// TestWebLedgerSameAsExport: a CSV ledger without department details
// uploaded on the web page gets the form; filled in with the values given
// to 'gongkai export' as flags, its workbook and table PDF downloads are
// the same bytes as export writes.
func TestWebLedgerSameAsExport(t *testing.T) {
	f := newLedgerFixture(t)
	ts := httptest.NewServer(server.New(server.Options{}))
	defer ts.Close()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(fields [][2]string, name string, data []byte) *http.Response {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for _, kv := range fields {
			mw.WriteField(kv[0], kv[1])
		}
		if data != nil {
			w, _ := mw.CreateFormFile("file", name)
			w.Write(data)
		}
		mw.Close()
		resp, err := noRedirect.Post(ts.URL+"/upload", mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	read := func(resp *http.Response, want int) []byte {
		t.Helper()
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("%s: status %d, want %d\n%s", resp.Request.URL, resp.StatusCode, want, b)
		}
		return b
	}

	page := read(post(nil, "budget.csv", []byte(bareLedger)), http.StatusBadRequest)
	m := regexp.MustCompile(`name="pending" value="([0-9a-f]+)"`).FindSubmatch(page)
	if m == nil || !bytes.Contains(page, []byte("部门名称")) {
		t.Fatalf("no form asking for the department details:\n%s", page)
	}
	flags := []string{"--department", "测试局", "--year", "2027", "--department-code", "901", "--region", "天门市", "--unit", "元"}
	var fields [][2]string
	fields = append(fields, [2]string{"pending", string(m[1])})
	for i := 0; i < len(flags); i += 2 {
		fields = append(fields, [2]string{strings.TrimPrefix(flags[i], "--"), flags[i+1]})
	}
	resp := post(fields, "", nil)
	read(resp, http.StatusSeeOther)
	result := ts.URL + "/" + resp.Header.Get("Location")

	out := filepath.Join(f.dir, "out")
	if code, _, stderr := gk(append([]string{"export", f.ledger, "--format", "xlsx,pdf", "-o", out}, flags...)...); code != exitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	for _, format := range []string{"xlsx", "pdf"} {
		resp, err := http.Get(result + "/download/" + format)
		if err != nil {
			t.Fatal(err)
		}
		web := read(resp, http.StatusOK)
		cli, err := os.ReadFile(filepath.Join(out, "budget."+format))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(web, cli) {
			t.Errorf("%s: the web page's download (%d bytes) differs from export's (%d bytes)", format, len(web), len(cli))
		}
	}
}
