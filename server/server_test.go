package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	xhtml "golang.org/x/net/html"

	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/inputs"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// form builds a multipart body with the file and extra fields.
func form(t testing.TB, name string, data []byte, fields ...string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		mw.WriteField(fields[i], fields[i+1])
	}
	if data != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// client does not follow redirects, so tests see the 303.
func client() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func post(t testing.TB, url, name string, data []byte, fields ...string) *http.Response {
	t.Helper()
	body, ct := form(t, name, data, fields...)
	resp, err := client().Post(url, ct, body)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func get(t testing.TB, url string) *http.Response {
	t.Helper()
	resp, err := client().Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func readAll(t testing.TB, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wantStatus(t testing.TB, resp *http.Response, want int) []byte {
	t.Helper()
	b := readAll(t, resp)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d; body:\n%.600s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, want, b)
	}
	return b
}

func checkSecurityHeaders(t testing.TB, resp *http.Response) {
	t.Helper()
	h := resp.Header
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
		t.Errorf("%s: Content-Security-Policy %q", resp.Request.URL.Path, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", resp.Request.URL.Path, h.Get("X-Content-Type-Options"))
	}
}

func newTest(t testing.TB, o Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(o)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

// uploadFile posts a file and returns the result page's URL.
func uploadFile(t testing.TB, ts *httptest.Server, name string, data []byte, fields ...string) string {
	t.Helper()
	resp := post(t, ts.URL+"/upload", name, data, fields...)
	wantStatus(t, resp, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	if !regexp.MustCompile(`^r/[0-9a-f]{32}$`).MatchString(loc) {
		t.Fatalf("Location %q, want r/<id>", loc)
	}
	return ts.URL + "/" + loc
}

func parseHTML(t testing.TB, b []byte) *xhtml.Node {
	t.Helper()
	n, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *xhtml.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

func elements(root *xhtml.Node, tag string) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

func TestIndex(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp := get(t, ts.URL+"/")
	b := wantStatus(t, resp, http.StatusOK)
	checkSecurityHeaders(t, resp)
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	doc := parseHTML(t, b)
	forms := elements(doc, "form")
	if len(forms) != 2 || attr(forms[0], "action") != "./upload" || attr(forms[0], "enctype") != "multipart/form-data" || attr(forms[0], "method") != "post" {
		t.Fatalf("upload form missing or wrong: %d forms", len(forms))
	}
	if attr(forms[1], "action") != "./template.xlsx" || attr(forms[1], "method") != "get" {
		t.Errorf("blank template form: action %q method %q", attr(forms[1], "action"), attr(forms[1], "method"))
	}
	labels := map[string]string{}
	for _, l := range elements(doc, "label") {
		labels[attr(l, "for")] = text(l)
	}
	var file bool
	for _, in := range elements(doc, "input") {
		if attr(in, "type") == "file" && attr(in, "name") == "file" {
			file = true
			if labels[attr(in, "id")] == "" {
				t.Error("the file input has no label")
			}
		}
	}
	if !file {
		t.Error("no file input named file")
	}
	if len(elements(doc, "script")) != 0 {
		t.Error("the page has a script")
	}
	if attr(elements(doc, "html")[0], "lang") != "zh-CN" {
		t.Error("page language is not zh-CN")
	}
}

func TestStaticRoutes(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp := get(t, ts.URL+"/static/style.css")
	b := wantStatus(t, resp, http.StatusOK)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !bytes.Contains(b, []byte(".gk-num")) {
		t.Errorf("stylesheet: %q, %d bytes, without the table classes", resp.Header.Get("Content-Type"), len(b))
	}
	resp = get(t, ts.URL+"/healthz")
	if b := wantStatus(t, resp, http.StatusOK); string(b) != "ok\n" {
		t.Errorf("healthz %q", b)
	}
	resp = get(t, ts.URL+"/example.json")
	if b := wantStatus(t, resp, http.StatusOK); !bytes.Equal(b, examples.Sample()) {
		t.Error("example.json is not the bundled example")
	}
	resp = get(t, ts.URL+"/no/such/page")
	b = wantStatus(t, resp, http.StatusNotFound)
	checkSecurityHeaders(t, resp)
	if !strings.Contains(string(b), "没有这个页面") {
		t.Errorf("404 page without its Chinese message:\n%s", b)
	}
	resp = get(t, ts.URL+"/upload")
	wantStatus(t, resp, http.StatusMethodNotAllowed)
	checkSecurityHeaders(t, resp)
}

// TestUploadResult: the example's findings, grouped by severity, each with
// its table, row and column, are on the result page, and only the chosen
// downloads are offered.
func TestUploadResult(t *testing.T) {
	_, ts := newTest(t, Options{})
	sample := examples.Sample()
	page := uploadFile(t, ts, "天门 2023.json", sample, "output", "xlsx", "output", "pdf")
	resp := get(t, page)
	b := wantStatus(t, resp, http.StatusOK)
	checkSecurityHeaders(t, resp)
	doc := parseHTML(t, b)

	var rep report
	resp = get(t, page+"/download/findings.json")
	if err := json.Unmarshal(wantStatus(t, resp, http.StatusOK), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Warnings == 0 || rep.Errors != 0 || len(rep.Findings) != rep.Errors+rep.Warnings+rep.Infos {
		t.Fatalf("report counts %d/%d/%d for %d findings", rep.Errors, rep.Warnings, rep.Infos, len(rep.Findings))
	}
	// Each severity's section lists its findings in a table.
	bySev := map[string][]model.Finding{}
	for _, f := range rep.Findings {
		bySev[string(f.Severity)] = append(bySev[string(f.Severity)], f)
	}
	sections := 0
	for _, sec := range elements(doc, "section") {
		cls := attr(sec, "class")
		if !strings.HasPrefix(cls, "group sev-") {
			continue
		}
		sections++
		sev := strings.TrimPrefix(cls, "group sev-")
		fs := bySev[sev]
		h := text(elements(sec, "h3")[0])
		if !strings.Contains(h, "（"+strconv.Itoa(len(fs))+" 项）") {
			t.Errorf("%s heading %q, want %d findings", sev, h, len(fs))
		}
		var rows []*xhtml.Node
		for _, tb := range elements(sec, "tbody") {
			rows = append(rows, elements(tb, "tr")...)
		}
		if len(rows) != len(fs) {
			t.Fatalf("%s: %d rows, want %d", sev, len(rows), len(fs))
		}
		for i, tr := range rows {
			tds := elements(tr, "td")
			f := fs[i]
			if text(tds[0]) != f.Rule || text(tds[2]) != f.Row || text(tds[3]) != f.Column || text(tds[4]) != f.Message {
				t.Errorf("%s row %d: %q %q %q %q, want %+v", sev, i+1, text(tds[0]), text(tds[2]), text(tds[3]), text(tds[4]), f)
			}
			if f.Table != "" && text(tds[1]) != f.Table.Number() {
				t.Errorf("%s row %d: table %q, want %q", sev, i+1, text(tds[1]), f.Table.Number())
			}
			if f.Table != "" {
				if a := elements(tds[1], "a"); len(a) != 1 || !strings.HasSuffix(attr(a[0], "href"), "/tables/"+string(f.Table)) {
					t.Errorf("%s row %d: no link to the table's preview", sev, i+1)
				}
			}
		}
	}
	if sections != 3 {
		t.Errorf("%d severity sections, want 3 (错误, 警告, 提示)", sections)
	}
	var downloads []string
	for _, a := range elements(doc, "a") {
		if h := attr(a, "href"); strings.Contains(h, "/download/") {
			downloads = append(downloads, h[strings.LastIndex(h, "/")+1:])
		}
	}
	if strings.Join(downloads, " ") != "xlsx pdf findings.json" {
		t.Errorf("downloads %q, want the chosen xlsx and pdf and the findings", downloads)
	}
}

func TestDownloads(t *testing.T) {
	_, ts := newTest(t, Options{})
	page := uploadFile(t, ts, "天门 2023.json", examples.Sample())

	resp := get(t, page+"/download/xlsx")
	b := wantStatus(t, resp, http.StatusOK)
	checkSecurityHeaders(t, resp)
	if resp.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("xlsx Content-Type %q", resp.Header.Get("Content-Type"))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=gongkai.xlsx; filename*=UTF-8''%E5%A4%A9%E9%97%A8%202023.xlsx` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if resp.Header.Get("Content-Length") != strconv.Itoa(len(b)) {
		t.Errorf("Content-Length %q for %d bytes", resp.Header.Get("Content-Length"), len(b))
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	if n := len(f.GetSheetList()); n != 10 {
		t.Errorf("workbook has %d sheets, want 10", n)
	}
	f.Close()

	resp = get(t, page+"/download/pdf")
	b = wantStatus(t, resp, http.StatusOK)
	if resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10000 {
		t.Errorf("pdf: %q, %d bytes, starts %q", resp.Header.Get("Content-Type"), len(b), b[:min(8, len(b))])
	}

	resp = get(t, page+"/download/json")
	b = wantStatus(t, resp, http.StatusOK)
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil || d.Department != "天门市12345公共服务热线中心" || d.Year != 2023 {
		t.Errorf("json download: %v, department %q year %d", err, d.Department, d.Year)
	}
	// The data downloaded loads again and gives the same findings.
	var first, second report
	json.Unmarshal(wantStatus(t, get(t, page+"/download/findings.json"), http.StatusOK), &first)
	resp = post(t, ts.URL+"/api/validate", "again.json", b)
	json.Unmarshal(wantStatus(t, resp, http.StatusOK), &second)
	if len(first.Findings) == 0 || fmt.Sprint(first.Findings) != fmt.Sprint(second.Findings) {
		t.Errorf("the JSON download gives other findings:\n%v\n%v", first.Findings, second.Findings)
	}

	wantStatus(t, get(t, page+"/download/docx"), http.StatusNotFound)
}

func TestTables(t *testing.T) {
	_, ts := newTest(t, Options{})
	page := uploadFile(t, ts, "a.json", examples.Sample())
	doc := parseHTML(t, wantStatus(t, get(t, page+"/tables"), http.StatusOK))
	var ids []string
	for _, s := range elements(doc, "section") {
		if attr(s, "class") == "gk-sheet" {
			ids = append(ids, attr(s, "id"))
		}
	}
	if len(ids) != 10 || ids[0] != "sheet-t01" || ids[9] != "sheet-t10" {
		t.Fatalf("all-tables page shows %q", ids)
	}
	doc = parseHTML(t, wantStatus(t, get(t, page+"/tables/t05"), http.StatusOK))
	tables := elements(doc, "table")
	if len(tables) != 1 || !strings.Contains(text(elements(tables[0], "caption")[0]), "一般公共预算支出表") {
		t.Fatalf("table page: %d tables", len(tables))
	}
	var prev, next string
	for _, a := range elements(doc, "a") {
		switch attr(a, "rel") {
		case "prev":
			prev = attr(a, "href")
		case "next":
			next = attr(a, "href")
		}
	}
	if !strings.HasSuffix(prev, "/tables/t04") || !strings.HasSuffix(next, "/tables/t06") {
		t.Errorf("prev %q next %q", prev, next)
	}
	b := wantStatus(t, get(t, page+"/tables/t99"), http.StatusNotFound)
	if !strings.Contains(string(b), "没有这张表") {
		t.Errorf("unknown table page:\n%s", b)
	}
}

func TestUnknownResult(t *testing.T) {
	_, ts := newTest(t, Options{})
	for _, p := range []string{"/r/0123", "/r/0123/tables", "/r/0123/tables/t01", "/r/0123/download/xlsx"} {
		b := wantStatus(t, get(t, ts.URL+p), http.StatusNotFound)
		if !strings.Contains(string(b), "请重新上传") {
			t.Errorf("%s: no advice to upload again:\n%s", p, b)
		}
	}
}

// TestCacheExpiry: results leave after CacheTTL, and the oldest leaves
// first when CacheSize results are held.
func TestCacheExpiry(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s, ts := newTest(t, Options{CacheSize: 2, CacheTTL: time.Hour, Now: clock})
	a := uploadFile(t, ts, "a.json", examples.Sample())
	b := uploadFile(t, ts, "b.json", examples.Sample())
	c := uploadFile(t, ts, "c.json", examples.Sample())
	wantStatus(t, get(t, a), http.StatusNotFound)
	wantStatus(t, get(t, b), http.StatusOK)
	wantStatus(t, get(t, c), http.StatusOK)
	mu.Lock()
	now = now.Add(time.Hour)
	mu.Unlock()
	wantStatus(t, get(t, c), http.StatusNotFound)
	if n := s.cache.len(); n != 0 {
		t.Errorf("%d results held after expiry", n)
	}
}

// hostile inputs give the importer's located message as a 422, on the page
// and in the API, never a 500.
func TestBadInputs(t *testing.T) {
	sample := string(examples.Sample())
	cases := []struct {
		name, file string
		data       string
		want       string // in the message
	}{
		{"syntax error", "bad.json", sample[:len(sample)/2], "bad.json"},
		{"wrong type", "t.json", strings.Replace(sample, `"year": 2023`, `"year": "二〇二三"`, 1), "year"},
		{"empty", "empty.json", "", "文件是空的"},
		{"binary", "x.bin", "\x00\x01\x02\xff\xfe garbage", "x.bin"},
		{"deep nesting", "deep.json", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "deep.json"},
		{"legacy xls", "old.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ".xls"},
		{"pdf", "a.pdf", "%PDF-1.4\n%garbage", "a.pdf"},
		{"zip that is no workbook", "a.xlsx", "PK\x03\x04garbage", "a.xlsx"},
		{"path as name", `C:\Users\财务\..\..\secret.json`, "{", "secret.json"},
	}
	_, ts := newTest(t, Options{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cliErr := cliLoad(displayName(tc.file), []byte(tc.data))
			if cliErr == nil {
				t.Fatalf("the CLI accepts the input; the case is wrong")
			}
			resp := post(t, ts.URL+"/api/validate", tc.file, []byte(tc.data))
			b := wantStatus(t, resp, http.StatusUnprocessableEntity)
			var e apiError
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("API error is not JSON: %v\n%s", err, b)
			}
			if e.Error != cliErr.Error() {
				t.Errorf("API says %q, the CLI's loader %q", e.Error, cliErr.Error())
			}
			if !strings.Contains(e.Error, tc.want) {
				t.Errorf("message %q lacks %q", e.Error, tc.want)
			}
			resp = post(t, ts.URL+"/upload", tc.file, []byte(tc.data))
			b = wantStatus(t, resp, http.StatusUnprocessableEntity)
			checkSecurityHeaders(t, resp)
			if !strings.Contains(text(parseHTML(t, b)), cliErr.Error()) {
				t.Errorf("page lacks the message %q", cliErr.Error())
			}
			if strings.Contains(string(b), `C:\Users`) {
				t.Error("the page shows the uploaded path")
			}
		})
	}
}

// cliLoad is the error the CLI gives for data: inputs.Load's (validate,
// export), or for a published disclosure inputs.ParsePublished's (parse).
func cliLoad(name string, data []byte) error {
	_, err := inputs.Load(name, data, inputs.Options{})
	var ue *inputs.UnsupportedError
	if errors.As(err, &ue) && isPublished(ue.Kind) {
		_, _, err = inputs.ParsePublished(name, data)
	}
	return err
}

func TestRequestErrors(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp, err := http.Post(ts.URL+"/api/validate", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	b := wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(string(b), "multipart/form-data") {
		t.Errorf("not-multipart message: %s", b)
	}
	resp = post(t, ts.URL+"/upload", "", nil, "output", "xlsx")
	b = wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(string(b), "没有收到文件") {
		t.Errorf("no-file message: %s", b)
	}
	// A form cut off in the middle.
	body, ct := form(t, "a.json", examples.Sample())
	all, _ := io.ReadAll(body)
	resp, err = http.Post(ts.URL+"/api/validate", ct, bytes.NewReader(all[:len(all)/2]))
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, resp, http.StatusBadRequest)
}

// TestTooLarge: beyond MaxUpload the answer is 413 with a Chinese message,
// whether the size is declared or only found while reading.
func TestTooLarge(t *testing.T) {
	_, ts := newTest(t, Options{MaxUpload: 100 << 10})
	big := bytes.Repeat([]byte("x"), 100<<10+1)
	for _, path := range []string{"/upload", "/api/validate", "/api/export?format=xlsx"} {
		resp := post(t, ts.URL+path, "big.json", big)
		b := wantStatus(t, resp, http.StatusRequestEntityTooLarge)
		if !strings.Contains(string(b), "文件太大") || !strings.Contains(string(b), "0 MB") && !strings.Contains(string(b), "MB") {
			t.Errorf("%s: 413 message %s", path, b)
		}
	}
	// Chunked: no Content-Length, the limit is found while reading.
	body, ct := form(t, "big.json", big)
	req, _ := http.NewRequest("POST", ts.URL+"/api/validate", io.MultiReader(body))
	req.Header.Set("Content-Type", ct)
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, resp, http.StatusRequestEntityTooLarge)
	// Declared too large: refused before reading.
	req, _ = http.NewRequest("POST", ts.URL+"/upload", strings.NewReader(""))
	req.Header.Set("Content-Type", ct)
	req.ContentLength = 1 << 30
	req.Body = io.NopCloser(io.LimitReader(zeros{}, 1<<30))
	resp, err = http.DefaultClient.Do(req)
	if err == nil {
		wantStatus(t, resp, http.StatusRequestEntityTooLarge)
	}
	// Exactly the limit is accepted and read (as text, where nothing is
	// found: a 200 with findings, not a 413).
	resp = post(t, ts.URL+"/api/validate", "max.txt", big[:100<<10])
	wantStatus(t, resp, http.StatusOK)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestDefaultLimit: the default upload limit is 20 MB.
func TestDefaultLimit(t *testing.T) {
	if s := New(Options{}); s.o.MaxUpload != 20<<20 {
		t.Fatalf("default upload limit %d", s.o.MaxUpload)
	}
}

// TestNothingOnDisk: a large upload (beyond the 10 MB that
// Request.ParseMultipartForm keeps in memory) leaves no temporary file.
func TestNothingOnDisk(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	_, ts := newTest(t, Options{})
	big := bytes.Repeat([]byte{0x00, 0x80, 0xc1}, 5<<20) // 15 MB in no text encoding
	resp := post(t, ts.URL+"/upload", "big.bin", big)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	page := uploadFile(t, ts, "a.json", examples.Sample())
	wantStatus(t, get(t, page+"/download/pdf"), http.StatusOK)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 0 {
		t.Errorf("files left in the temporary directory: %v", ents)
	}
}

// TestBusy: when every conversion slot is taken, a request waits QueueWait
// and is then answered 503 with Retry-After, on the page and in the API.
func TestBusy(t *testing.T) {
	s, ts := newTest(t, Options{MaxConversions: 1, QueueWait: 50 * time.Millisecond})
	page := uploadFile(t, ts, "a.json", examples.Sample())
	s.sem <- struct{}{} // a conversion is running
	for _, tc := range []struct{ path string }{{"/upload"}, {"/api/validate"}, {"/api/export?format=pdf"}} {
		resp := post(t, ts.URL+tc.path, "a.json", examples.Sample())
		b := wantStatus(t, resp, http.StatusServiceUnavailable)
		if resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "服务器正忙") {
			t.Errorf("%s: Retry-After %q, body %s", tc.path, resp.Header.Get("Retry-After"), b)
		}
	}
	resp := get(t, page+"/download/xlsx")
	wantStatus(t, resp, http.StatusServiceUnavailable)
	<-s.sem
	wantStatus(t, get(t, page+"/download/xlsx"), http.StatusOK)
}

// TestConversionLimits: a conversion past its time is answered at once, but
// keeps its slot until it ends; a panic is a located error, not a crash.
func TestConversionLimits(t *testing.T) {
	s := New(Options{MaxConversions: 1, ConversionTimeout: 20 * time.Millisecond, QueueWait: -1})
	release := make(chan struct{})
	err := s.convert(context.Background(), func() error { <-release; return nil })
	if !errors.Is(err, errTimeout) {
		t.Fatalf("err = %v, want errTimeout", err)
	}
	if len(s.sem) != 1 {
		t.Fatal("the timed-out conversion gave its slot back while still running")
	}
	if err := s.convert(context.Background(), func() error { return nil }); !errors.Is(err, errBusy) {
		t.Fatalf("second conversion while the first runs: %v, want errBusy", err)
	}
	close(release)
	deadline := time.Now().Add(2 * time.Second)
	for len(s.sem) != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if err := s.convert(context.Background(), func() error { panic("importer bug") }); !errors.Is(err, errPanic) {
		t.Fatalf("panic: %v", err)
	}
	// The HTTP answer for a timeout.
	rec := httptest.NewRecorder()
	s.failErr(rec, httptest.NewRequest("POST", "/api/validate", nil), errTimeout)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "处理时间超过") {
		t.Errorf("timeout answer %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
}

func TestAPIValidate(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp := post(t, ts.URL+"/api/validate", "天门.json", examples.Sample())
	b := wantStatus(t, resp, http.StatusOK)
	checkSecurityHeaders(t, resp)
	if resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
	var rep report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.File != "天门.json" || rep.Kind != "json" || rep.Year != 2023 || rep.Warnings == 0 || len(rep.Findings) != rep.Errors+rep.Warnings+rep.Infos {
		t.Errorf("report %+v", rep)
	}
	for _, f := range rep.Findings {
		if f.Message == "" || f.Rule == "" || (f.Table == "" && f.Field == "" && f.Line == 0) {
			t.Errorf("finding without place or message: %+v", f)
		}
	}
}

// withError is the example with one table total changed, so that the checks
// find errors.
func withError(t testing.TB) []byte {
	t.Helper()
	b := bytes.Replace(examples.Sample(), []byte(`"total": "231.79"`), []byte(`"total": "241.79"`), 1)
	if bytes.Equal(b, examples.Sample()) {
		t.Fatal("the example has no total 231.79 to change")
	}
	return b
}

func TestAPIExport(t *testing.T) {
	_, ts := newTest(t, Options{})
	for _, tc := range []struct{ format, ctype, magic string }{
		{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04"},
		{"pdf", "application/pdf", "%PDF-"},
		{"json", "application/json; charset=utf-8", "{"},
	} {
		resp := post(t, ts.URL+"/api/export?format="+tc.format, "部门预算.json", examples.Sample())
		b := wantStatus(t, resp, http.StatusOK)
		if resp.Header.Get("Content-Type") != tc.ctype || !bytes.HasPrefix(b, []byte(tc.magic)) {
			t.Errorf("%s: %q, starts %q", tc.format, resp.Header.Get("Content-Type"), b[:min(len(b), 6)])
		}
		want := `attachment; filename=gongkai.` + tc.format + `; filename*=UTF-8''%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97.` + tc.format
		if cd := resp.Header.Get("Content-Disposition"); cd != want {
			t.Errorf("Content-Disposition %q, want %q", cd, want)
		}
	}
	for _, f := range []string{"", "docx", "findings.json"} {
		resp := post(t, ts.URL+"/api/export?format="+f, "a.json", examples.Sample())
		wantStatus(t, resp, http.StatusBadRequest)
	}
	// Data with errors: refused with the findings, as the CLI, unless forced.
	bad := withError(t)
	resp := post(t, ts.URL+"/api/export?format=xlsx", "e.json", bad)
	b := wantStatus(t, resp, http.StatusUnprocessableEntity)
	var rep report
	if err := json.Unmarshal(b, &rep); err != nil || rep.Errors == 0 {
		t.Fatalf("refusal without findings: %v %s", err, b)
	}
	resp = post(t, ts.URL+"/api/export?format=xlsx&force=1", "e.json", bad)
	wantStatus(t, resp, http.StatusOK)
}

func TestNames(t *testing.T) {
	for _, tc := range []struct{ in, display, base string }{
		{"预算.json", "预算.json", "预算"},
		{`C:\Users\财务\预算.json`, "预算.json", "预算"},
		{"../../etc/passwd", "passwd", "passwd"},
		{"a\x00b\nc.json", "abc.json", "abc"},
		{"", "上传的文件", "上传的文件"},
		{"..", "上传的文件", "上传的文件"},
		{`a:b*c?.json`, "a:b*c?.json", "a_b_c_"},
		{".json", ".json", "gongkai"},
	} {
		d := displayName(tc.in)
		if d != tc.display || baseName(d) != tc.base {
			t.Errorf("%q: display %q base %q, want %q %q", tc.in, d, baseName(d), tc.display, tc.base)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"a.xlsx", `attachment; filename=a.xlsx; filename*=UTF-8''a.xlsx`},
		{"天门.pdf", `attachment; filename=gongkai.pdf; filename*=UTF-8''%E5%A4%A9%E9%97%A8.pdf`},
		{`a"b;c%.json`, `attachment; filename=a_b_c_.json; filename*=UTF-8''a%22b%3Bc%25.json`},
	} {
		if got := contentDisposition(tc.in); got != tc.want {
			t.Errorf("contentDisposition(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestShutdown: when the context ends, the server stops accepting and
// finishes the request it is running.
func TestShutdown(t *testing.T) {
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("done"))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, 5*time.Second) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	if b := <-got; b != "done" {
		t.Fatalf("running request got %q, want it finished", b)
	}
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

// TestProfiles: the page offers the embedded layouts, the default chosen;
// the chosen one lays out the preview and the downloads; an unknown name is
// refused and never opened as a file.
func TestProfiles(t *testing.T) {
	_, ts := newTest(t, Options{})
	doc := parseHTML(t, wantStatus(t, get(t, ts.URL+"/"), http.StatusOK))
	var opts []string
	selected := ""
	var sel *xhtml.Node
	for _, n := range elements(doc, "select") {
		if attr(n, "id") == "profile" {
			sel = n
		}
	}
	if sel == nil {
		t.Fatal("no profile choice on the page")
	}
	for _, o := range elements(sel, "option") {
		opts = append(opts, attr(o, "value"))
		for _, a := range o.Attr {
			if a.Key == "selected" {
				selected = attr(o, "value")
			}
		}
	}
	// First "按文件自动识别" (no profile sent: a workbook is read in its
	// layout), then every embedded layout.
	if want := append([]string{""}, profiles.Names()...); strings.Join(opts, ",") != strings.Join(want, ",") || selected != "" {
		t.Fatalf("profile options %q (selected %q), want %q with the first (automatic) selected", opts, selected, want)
	}
	for _, name := range profiles.Names() {
		p, err := profiles.Embedded(name)
		if err != nil {
			t.Fatal(err)
		}
		page := uploadFile(t, ts, "a.json", examples.Sample(), "profile", name)
		tables := parseHTML(t, wantStatus(t, get(t, page+"/tables"), http.StatusOK))
		n := 0
		for _, s := range elements(tables, "section") {
			if attr(s, "class") == "gk-sheet" {
				n++
			}
		}
		if n != len(p.Tables) {
			t.Errorf("profile %s: %d tables previewed, the profile has %d", name, n, len(p.Tables))
		}
		b := wantStatus(t, get(t, page+"/download/xlsx"), http.StatusOK)
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.GetSheetList()) != len(p.Tables) {
			t.Errorf("profile %s: workbook has %d sheets, want %d", name, len(f.GetSheetList()), len(p.Tables))
		}
		f.Close()
	}
	for _, bad := range []string{"../../etc/passwd", "/tmp/x.yaml", "nosuch"} {
		resp := post(t, ts.URL+"/upload", "a.json", examples.Sample(), "profile", bad)
		b := wantStatus(t, resp, http.StatusBadRequest)
		if !strings.Contains(string(b), "没有这个版式") {
			t.Errorf("profile %q: %s", bad, b)
		}
	}
}

// TestWholeDocument: the whole disclosure as PDF and as a web page.
func TestWholeDocument(t *testing.T) {
	_, ts := newTest(t, Options{})
	page := uploadFile(t, ts, "天门.json", examples.Sample())
	resp := get(t, page+"/download/doc")
	b := wantStatus(t, resp, http.StatusOK)
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !strings.Contains(resp.Header.Get("Content-Disposition"), "%E5%85%AC%E5%BC%80.pdf") {
		t.Errorf("doc: starts %q, Content-Disposition %q", b[:min(8, len(b))], resp.Header.Get("Content-Disposition"))
	}
	resp = get(t, page+"/download/html")
	b = wantStatus(t, resp, http.StatusOK)
	doc := parseHTML(t, b)
	if resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || len(elements(doc, "table")) < 10 || !strings.Contains(text(doc), "名词解释") {
		t.Errorf("html: %q, %d tables", resp.Header.Get("Content-Type"), len(elements(doc, "table")))
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
		t.Errorf("the document page is not sent as a download: %q", resp.Header.Get("Content-Disposition"))
	}
}

func mustJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v\n%.300s", err, b)
	}
}

// TestBlankTemplate: the blank workbook, named after the department and
// year, opens with the instructions sheet first; bad parameters are 400s.
func TestBlankTemplate(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp := get(t, ts.URL+"/template.xlsx?department=%E6%9F%90%E5%B1%80&year=2027")
	b := wantStatus(t, resp, http.StatusOK)
	checkSecurityHeaders(t, resp)
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''%E6%9F%90%E5%B1%802027%E5%B9%B4") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	p := profiles.Default()
	if len(sheets) != len(p.Tables)+1 || sheets[0] != "填表说明" {
		t.Errorf("template sheets %q", sheets)
	}
	for _, q := range []string{"year=20x7", "year=1800", "profile=nosuch", "unit=%E5%88%86"} {
		b := wantStatus(t, get(t, ts.URL+"/api/template?"+q), http.StatusBadRequest)
		var e apiError
		if err := json.Unmarshal(b, &e); err != nil || e.Error == "" {
			t.Errorf("%s: %v %s", q, err, b)
		}
	}
}

// TestWorkbookInput: the official workbook the server writes is itself an
// input: uploaded back, it is read as a workbook and checks the same.
func TestWorkbookInput(t *testing.T) {
	_, ts := newTest(t, Options{})
	xlsxData := wantStatus(t, post(t, ts.URL+"/api/export?format=xlsx", "天门.json", examples.Sample()), http.StatusOK)
	var fromJSON, fromXLSX report
	mustJSON(t, wantStatus(t, post(t, ts.URL+"/api/validate", "天门.json", examples.Sample()), http.StatusOK), &fromJSON)
	mustJSON(t, wantStatus(t, post(t, ts.URL+"/api/validate", "天门.xlsx", xlsxData), http.StatusOK), &fromXLSX)
	if fromXLSX.Kind != "workbook" || fromXLSX.Department != fromJSON.Department || fromXLSX.Errors != 0 {
		t.Errorf("workbook read back: kind %q, department %q, %d errors: %v", fromXLSX.Kind, fromXLSX.Department, fromXLSX.Errors, fromXLSX.Findings)
	}
	page := uploadFile(t, ts, "天门.xlsx", xlsxData)
	doc := parseHTML(t, wantStatus(t, get(t, page), http.StatusOK))
	if meta := text(elements(doc, "main")[0]); !strings.Contains(meta, "公开表工作簿") {
		t.Error("the result page does not name the input a workbook")
	}
}

// TestCacheBytes: the held results' uploads stay within CacheBytes.
func TestCacheBytes(t *testing.T) {
	sample := examples.Sample()
	s, ts := newTest(t, Options{CacheBytes: int64(len(sample))*2 + 10})
	a := uploadFile(t, ts, "a.json", sample)
	uploadFile(t, ts, "b.json", sample)
	c := uploadFile(t, ts, "c.json", sample)
	wantStatus(t, get(t, a), http.StatusNotFound)
	wantStatus(t, get(t, c), http.StatusOK)
	if n := s.cache.len(); n != 2 {
		t.Errorf("%d results held, want 2", n)
	}
}

// TestConcurrentDownloads: one held result downloaded in every format by
// several clients at once gives the same bytes to each (run with -race).
func TestConcurrentDownloads(t *testing.T) {
	_, ts := newTest(t, Options{})
	page := uploadFile(t, ts, "a.json", examples.Sample())
	formats := []string{"xlsx", "pdf", "doc", "html", "json"}
	got := make([][]byte, 3*len(formats))
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(page + "/download/" + formats[i%len(formats)])
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: status %d", formats[i%len(formats)], resp.StatusCode)
			}
			got[i] = b
		}()
	}
	wg.Wait()
	for i := len(formats); i < len(got); i++ {
		if !bytes.Equal(got[i], got[i%len(formats)]) {
			t.Errorf("%s: two downloads of one result differ", formats[i%len(formats)])
		}
	}
}

// TestPublishedInput: a published disclosure (here the whole-document web
// page the server writes, and the same as plain text with one sentence no
// rule reads) is read as 'gongkai parse' reads it; what is not read is
// listed with its line, on the page and in the API.
func TestPublishedInput(t *testing.T) {
	_, ts := newTest(t, Options{})
	page := uploadFile(t, ts, "a.json", examples.Sample())
	htmlDoc := wantStatus(t, get(t, page+"/download/html"), http.StatusOK)
	var rep report
	mustJSON(t, wantStatus(t, post(t, ts.URL+"/api/validate", "公开.html", htmlDoc), http.StatusOK), &rep)
	if rep.Kind != "html" || rep.Department != "天门市12345公共服务热线中心" || rep.Year != 2023 {
		t.Fatalf("web page read back: kind %q department %q year %d", rep.Kind, rep.Department, rep.Year)
	}
	// Plain text with a sentence holding a number no rule reads.
	input := "天门市某某中心2023年部门预算公开\n单位：万元\n一、收支预算总体情况\n2023年收入预算231.79万元。\n本中心另有一项难以归类的安排，约为17.5个标准单位。\n"
	resp := post(t, ts.URL+"/api/validate", "公开.txt", []byte(input))
	mustJSON(t, wantStatus(t, resp, http.StatusOK), &rep)
	if rep.Kind != "text" || len(rep.Unread) == 0 {
		t.Fatalf("text: kind %q, unread %v", rep.Kind, rep.Unread)
	}
	found := false
	for _, u := range rep.Unread {
		if strings.Contains(u.Text, "17.5") && u.Line == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("the sentence of line 5 is not listed as unread: %+v", rep.Unread)
	}
	doc := parseHTML(t, wantStatus(t, get(t, uploadFile(t, ts, "公开.txt", []byte(input))), http.StatusOK))
	var listed bool
	for _, tb := range elements(doc, "table") {
		if strings.Contains(attr(tb, "class"), "unread") && strings.Contains(text(tb), "17.5") && strings.Contains(text(tb), "第5行") {
			listed = true
		}
	}
	if !listed {
		t.Error("the result page does not list the unread sentence with its line")
	}
}

// TestAPIWorkbookKeepsItsLayout: a Shanghai workbook sent to the API
// without ?profile= is read and checked as Shanghai tables, as on the
// command line (it was read as Hubei: every table skipped, two errors).
func TestAPIWorkbookKeepsItsLayout(t *testing.T) {
	_, ts := newTest(t, Options{})
	resp, err := http.Get(ts.URL + "/api/template?profile=shanghai&year=2026")
	if err != nil {
		t.Fatal(err)
	}
	wb := wantStatus(t, resp, http.StatusOK)
	resp = post(t, ts.URL+"/api/validate", "街道.xlsx", wb)
	b := wantStatus(t, resp, http.StatusOK)
	if strings.Contains(string(b), "不是公开表之一") || strings.Contains(string(b), "T-MISS") {
		t.Errorf("the Shanghai workbook was not read and checked in its layout:\n%s", b)
	}
}

// TestPageWorkbookKeepsItsLayout: a filled Shanghai workbook uploaded with
// the page's form as it comes (版式 left on 按文件自动识别) is read, checked
// and previewed as Shanghai tables. The form used to send hubei: every
// table was skipped and the page showed two errors.
func TestPageWorkbookKeepsItsLayout(t *testing.T) {
	const name = "shanghai-wanli-2025.json"
	data, err := examples.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	in, err := inputs.Load(name, data, inputs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(in.Disclosure, templates.Options{Profile: sh})
	if err != nil {
		t.Fatal(err)
	}
	var wb bytes.Buffer
	if err := xlsx.Write(&wb, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}

	_, ts := newTest(t, Options{})
	// What a browser sends for the untouched form: the 版式 option the page
	// selects and the outputs it checks.
	index := parseHTML(t, wantStatus(t, get(t, ts.URL+"/"), http.StatusOK))
	fields := []string{}
	for _, sel := range elements(index, "select") {
		if attr(sel, "name") != "profile" || attr(sel, "id") != "profile" {
			continue
		}
		for _, o := range elements(sel, "option") {
			for _, a := range o.Attr {
				if a.Key == "selected" {
					fields = append(fields, "profile", attr(o, "value"))
				}
			}
		}
	}
	if len(fields) != 2 {
		t.Fatalf("the page's 版式 menu has %d selected options, want one", len(fields)/2)
	}
	for _, in := range elements(index, "input") {
		if attr(in, "name") == "output" {
			for _, a := range in.Attr {
				if a.Key == "checked" {
					fields = append(fields, "output", attr(in, "value"))
				}
			}
		}
	}
	page := uploadFile(t, ts, "万里街道.xlsx", wb.Bytes(), fields...)
	res := string(wantStatus(t, get(t, page), http.StatusOK))
	if !strings.Contains(res, "版式 shanghai") {
		t.Errorf("the result page does not name the shanghai layout")
	}
	if strings.Contains(res, "个错误") || strings.Contains(res, "不是公开表之一") {
		t.Errorf("the Shanghai workbook was not read in its layout:\n%s", res)
	}
	if !strings.Contains(res, "错误 0 项") {
		t.Errorf("the result page does not report 错误 0 项")
	}
	tables := parseHTML(t, wantStatus(t, get(t, page+"/tables"), http.StatusOK))
	var titles []string
	for _, s := range elements(tables, "section") {
		if attr(s, "class") == "gk-sheet" {
			titles = append(titles, text(s))
		}
	}
	if len(titles) != len(sh.Tables) {
		t.Fatalf("%d tables previewed, the shanghai layout has %d", len(titles), len(sh.Tables))
	}
	for i, tb := range sh.Tables {
		title := strings.ReplaceAll(tb.Title, "{year}", fmt.Sprint(in.Disclosure.Year))
		if !strings.Contains(titles[i], title) {
			t.Errorf("table %d previewed without its Shanghai title %q", i+1, title)
		}
	}
}
