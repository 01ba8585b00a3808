package server

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/xuri/excelize/v2"

	"gongkai/examples"
)

var updateScreens = flag.Bool("update", false, "write the screenshots of the pages to docs/images/")

// chromium finds a Chromium or Chrome binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipped: no Chromium on PATH (make deps installs the Debian package chromium)")
	return ""
}

// newBrowser starts headless Chromium with a fresh profile.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	bin := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// Start the browser on a context without a deadline (a deadline on
	// the first Run would end the browser with it).
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("skipped: Chromium does not start here: %v", err)
	}
	return ctx
}

// run runs an action that returns a value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](js))
}

// screenshot writes the page to docs/images/NAME.png with -update: the
// whole page, or with viewport only what the window shows (for the page of
// all ten tables, which is very long).
func screenshot(t *testing.T, ctx context.Context, name string, viewport ...bool) {
	t.Helper()
	if !*updateScreens {
		return
	}
	var png []byte
	if len(viewport) > 0 && viewport[0] {
		png = run(t, ctx, chromedp.CaptureScreenshot())
	} else {
		png = run(t, ctx, chromedp.FullScreenshot(100))
	}
	path := filepath.Join("..", "docs", "images", name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// TestBrowser drives the page in headless Chromium as a user would: upload
// the example, read the findings, open a table's preview, download the
// workbook and the PDF and check them.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ts := httptest.NewServer(New(Options{}))
	defer ts.Close()
	dir := t.TempDir()
	input := filepath.Join(dir, examples.SampleName)
	if err := os.WriteFile(input, examples.Sample(), 0o644); err != nil {
		t.Fatal(err)
	}
	// What the checks find, from the API, to compare with the page.
	resp := post(t, ts.URL+"/api/validate", "a.json", examples.Sample())
	var rep report
	mustJSON(t, wantStatus(t, resp, 200), &rep)

	do(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#file")))
	if title := run(t, ctx, chromedp.Title()); !strings.Contains(title, "核对与导出") {
		t.Errorf("title %q", title)
	}
	screenshot(t, ctx, "web-upload")
	do(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{input}),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".downloads")),
	)
	loc := run(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "/r/") {
		t.Fatalf("after upload the page is %s", loc)
	}
	// The findings as the page shows them.
	for sev, n := range map[string]int{"error": rep.Errors, "warning": rep.Warnings, "info": rep.Infos} {
		rows := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('.sev-%s tbody tr').length`, sev))
		head := eval[string](t, ctx, fmt.Sprintf(`document.querySelector('.sev-%s h3').textContent`, sev))
		if rows != n || !strings.Contains(head, fmt.Sprintf("（%d 项）", n)) {
			t.Errorf("%s: %d rows, heading %q; the API reports %d", sev, rows, head, n)
		}
	}
	msg := eval[string](t, ctx, `document.querySelector('.sev-warning tbody tr td.msg').textContent`)
	if msg == "" || !strings.Contains(rep.Findings[0].Message+rep.Findings[1].Message+strings.Join(messages(rep), "\n"), msg) {
		t.Errorf("first warning on the page %q is not one of the API's", msg)
	}
	summary := eval[string](t, ctx, `document.querySelector('.summary').textContent`)
	if !strings.Contains(summary, fmt.Sprintf("警告 %d 项", rep.Warnings)) {
		t.Errorf("summary %q", summary)
	}
	screenshot(t, ctx, "web-result")

	// Downloads: the workbook and the PDF, as the browser saves them.
	events := make(chan any, 64)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev.(type) {
		case *browser.EventDownloadWillBegin, *browser.EventDownloadProgress:
			select {
			case events <- ev:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	dl := t.TempDir()
	do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		yes := true
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: &yes,
		})
		return err
	}))
	download := func(format, wantName string) []byte {
		t.Helper()
		do(t, ctx, chromedp.Click(chromedp.CSS(`a[href$="/download/`+format+`"]`)))
		var name string
		timeout := time.After(30 * time.Second)
		for {
			select {
			case ev := <-events:
				switch e := ev.(type) {
				case *browser.EventDownloadWillBegin:
					name = e.SuggestedFilename
				case *browser.EventDownloadProgress:
					if e.State == browser.DownloadProgressStateCanceled {
						t.Fatalf("%s download cancelled", format)
					}
					if e.State == browser.DownloadProgressStateCompleted {
						if name != wantName {
							t.Errorf("saved as %q, want %q", name, wantName)
						}
						return readFile(t, filepath.Join(dl, e.GUID))
					}
				}
			case <-timeout:
				t.Fatalf("%s download did not finish", format)
			}
		}
	}
	xlsxData := download("xlsx", "tianmen-12345-2023.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(xlsxData))
	if err != nil {
		t.Fatalf("downloaded workbook (%d bytes) does not open: %v", len(xlsxData), err)
	}
	sheets := f.GetSheetList()
	v, _ := f.GetCellValue(sheets[4], "A1")
	f.Close()
	if len(sheets) != 10 || !strings.Contains(v, "一般公共预算支出表") || len(xlsxData) < 10000 {
		t.Errorf("workbook: %d sheets, 表五 A1 %q, %d bytes", len(sheets), v, len(xlsxData))
	}
	pdfData := download("pdf", "tianmen-12345-2023.pdf")
	if !bytes.HasPrefix(pdfData, []byte("%PDF-")) || len(pdfData) < 20000 || !bytes.Contains(pdfData[len(pdfData)-1024:], []byte("%%EOF")) {
		t.Errorf("pdf: %d bytes, starts %q", len(pdfData), pdfData[:min(8, len(pdfData))])
	}

	// A table's preview, in its official layout.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.sheets a[href$="/tables/t05"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.gk-table caption")),
	)
	caption := eval[string](t, ctx, `document.querySelector('table.gk-table caption').textContent`)
	if !strings.Contains(caption, "一般公共预算支出表") || !strings.Contains(caption, "单位：万元") {
		t.Errorf("caption %q", caption)
	}
	align := eval[string](t, ctx, `getComputedStyle(document.querySelector('tbody td.gk-num')).textAlign`)
	if align != "right" {
		t.Errorf("amounts are aligned %q, want right", align)
	}
	// The header grid as laid out: 运转类项目支出 spans two columns.
	span := eval[int](t, ctx, `[...document.querySelectorAll('thead th')].find(e => e.textContent.includes('运转类项目支出')).colSpan`)
	if span != 2 {
		t.Errorf("运转类项目支出 spans %d columns, want 2", span)
	}
	total := eval[string](t, ctx, `document.querySelector('tbody tr.gk-bold').textContent`)
	if !strings.Contains(total, "合计") || !strings.Contains(total, "231.79") {
		t.Errorf("合计 row %q", total)
	}
	screenshot(t, ctx, "web-table")
	do(t, ctx, chromedp.Click(chromedp.CSS(`.tabs a[href$="/tables"]`)), chromedp.WaitVisible(chromedp.CSS("#sheet-t10")))
	if n := eval[int](t, ctx, `document.querySelectorAll('section.gk-sheet').length`); n != 10 {
		t.Errorf("all-tables page shows %d tables", n)
	}
	screenshot(t, ctx, "web-tables", true)

	// An input that cannot be read: the located message on the page.
	bad := filepath.Join(dir, "坏.json")
	os.WriteFile(bad, []byte(`{"department": "x", "year": 2023, "t05": {"rows": [`), 0o644)
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".message.error")),
	)
	if m := eval[string](t, ctx, `document.querySelector('.message.error').textContent`); !strings.Contains(m, "坏.json") {
		t.Errorf("error page: %q", m)
	}
	screenshot(t, ctx, "web-error")

	// A published disclosure as text: what no rule read is listed.
	txt := filepath.Join(dir, "公开.txt")
	os.WriteFile(txt, []byte("天门市某某中心2023年部门预算公开\n单位：万元\n一、收支预算总体情况\n2023年收入预算231.79万元。\n本中心另有一项难以归类的安排，约为17.5个标准单位。\n"), 0o644)
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{txt}),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("table.unread")),
	)
	if u := eval[string](t, ctx, `document.querySelector('table.unread tbody').textContent`); !strings.Contains(u, "第5行") || !strings.Contains(u, "17.5") {
		t.Errorf("unread lines on the page: %q", u)
	}
	screenshot(t, ctx, "web-unread")
}

func messages(rep report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Message)
	}
	return out
}

// TestKeyboard: the whole path with the keyboard only: the skip link, the
// form's controls in order with a visible focus, submit with Enter, then a
// table's preview opened with Enter.
func TestKeyboard(t *testing.T) {
	ctx := newBrowser(t)
	ts := httptest.NewServer(New(Options{}))
	defer ts.Close()
	input := filepath.Join(t.TempDir(), examples.SampleName)
	os.WriteFile(input, examples.Sample(), 0o644)

	do(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#file")))
	active := func() string {
		return eval[string](t, ctx, `(() => { const e = document.activeElement;
			return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + '=' + e.value + ']' : '') +
				(e.tagName === 'A' ? '[' + e.getAttribute('href') + ']' : ''); })()`)
	}
	tab := func() string {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		return active()
	}
	// The skip link comes first and moves the focus to the content.
	if a := tab(); a != "a[#main]" {
		t.Fatalf("first Tab focuses %q, want the skip link", a)
	}
	if vis := eval[bool](t, ctx, `document.activeElement.getBoundingClientRect().left >= 0`); !vis {
		t.Error("the focused skip link is not on screen")
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	var order []string
	for i := 0; i < 12; i++ {
		a := tab()
		order = append(order, a)
		if a == "button" {
			break
		}
		style := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`)
		if style == "none" && !strings.HasPrefix(a, "input#file") {
			t.Errorf("no visible focus on %s", a)
		}
	}
	want := []string{"input#file[file=]", "a[./example.json]", "summary", "select#profile[profile=]",
		"input[output=xlsx]", "input[output=pdf]", "input[output=doc]", "input[output=html]", "input[output=json]", "button"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("focus order after the skip link:\n got %q\nwant %q", order, want)
	}
	// Choosing a file needs the system's file dialog, which a test cannot
	// drive: the file is set on the input, then the keyboard submits.
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{input}))
	if a := active(); a != "button" {
		t.Fatalf("focus moved to %q", a)
	}
	screenshot(t, ctx, "web-keyboard")
	do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(".downloads")))
	// On the result page, Tab reaches the downloads and then a table link.
	reached := false
	for i := 0; i < 40 && !reached; i++ {
		if a := tab(); strings.HasSuffix(a, "/tables/t01]") {
			reached = true
		}
	}
	if !reached {
		t.Fatal("Tab never reached the preview link of 表一")
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("table.gk-table")))
	if c := eval[string](t, ctx, `document.querySelector('caption').textContent`); !strings.Contains(c, "部门收支总表") {
		t.Errorf("Enter on the link opened %q", c)
	}
}

// TestBrowserLedger: a CSV ledger without department details, as the
// budget system exports it, uploaded as a user does: the page asks for the
// department name and year, says which value is wrong, and then shows the
// result with what the build reports after the findings.
func TestBrowserLedger(t *testing.T) {
	ctx := newBrowser(t)
	ts := httptest.NewServer(New(Options{}))
	defer ts.Close()
	input := filepath.Join(t.TempDir(), "预算明细.csv")
	if err := os.WriteFile(input, []byte(bareLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{input}),
		chromedp.Click(chromedp.CSS("form.upload button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#ledger-form #l-department")),
	)
	if m := eval[string](t, ctx, `document.querySelector('.message').textContent`); !strings.Contains(m, "预算明细.csv") || !strings.Contains(m, "部门名称、年度") {
		t.Errorf("the form's message %q does not name the file and the missing details", m)
	}
	if req := eval[string](t, ctx, `[...document.querySelectorAll('input:required')].map(e => e.name).join(',')`); req != "department,year" {
		t.Errorf("required fields %q", req)
	}
	screenshot(t, ctx, "web-ledger-form")

	// A year that is not one: the form comes back with the message and
	// what was typed.
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#l-department"), "测试局"),
		chromedp.SendKeys(chromedp.CSS("#l-year"), "明年"),
		chromedp.Click(chromedp.CSS("form.upload button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".message.error")),
	)
	if m := eval[string](t, ctx, `document.querySelector('.message.error').textContent`); !strings.Contains(m, "年度“明年”：应为四位年份") {
		t.Errorf("message for a bad year: %q", m)
	}
	if v := eval[string](t, ctx, `document.querySelector('#l-department').value + '|' + document.querySelector('#l-year').getAttribute('aria-invalid')`); v != "测试局|true" {
		t.Errorf("department kept and year marked: %q", v)
	}
	eval[bool](t, ctx, `(document.querySelector('#l-year').value = '') === ''`)
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#l-year"), "2027"),
		chromedp.Click(chromedp.CSS("form.upload button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("section.report")),
	)
	if meta := eval[string](t, ctx, `document.querySelector('.meta').textContent`); !strings.Contains(meta, "测试局 · 2027 年") || !strings.Contains(meta, "预算明细") {
		t.Errorf("result meta %q", meta)
	}
	rep := eval[string](t, ctx, `document.querySelector('section.report').innerText`)
	for _, want := range []string{"预算明细.csv:5", "0.006000", "预算明细.csv:6", "2012604"} {
		if !strings.Contains(rep, want) {
			t.Errorf("the report on the page lacks %q:\n%s", want, rep)
		}
	}
	if after := eval[bool](t, ctx, `!!(document.querySelector('#f-h').compareDocumentPosition(document.querySelector('#l-h')) & Node.DOCUMENT_POSITION_FOLLOWING)`); !after {
		t.Error("the report is not after the findings")
	}
	screenshot(t, ctx, "web-ledger-result")
}
