package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"gongkai/examples"
)

// bareLedger is a ledger as the 预算管理一体化 system exports it: the header
// and the lines, no department details. The three 60 元 lines print as
// 0.01 万元 each if rounded one by one while their total prints 0.02, so
// controlled rounding moves one of them (the first of the 30205 cell, line
// 5); 2012604 is a 项 no catalog names (a note at line 6).
const bareLedger = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
	"901001,测试单位,行政,2010101,30101,人员类,一般公共预算,123456.78\n" +
	"901001,测试单位,行政,2010101,30201,公用经费,一般公共预算,60\n" +
	"901001,测试单位,行政,2010101,30202,公用经费,一般公共预算,60\n" +
	"901001,测试单位,行政,2010101,30205,公用经费,一般公共预算,60\n" +
	"901001,测试单位,行政,2012604,30201,特定目标类,一般公共预算,5000\n"

// part is one field of a multipart form: a text field, or a file when
// file is set.
type part struct {
	name, value string
	file        string
	data        []byte
}

func field(name, value string) part { return part{name: name, value: value} }
func file(name, fileName string, data []byte) part {
	return part{name: name, file: fileName, data: data}
}

// postForm posts a multipart form of parts, as a browser sends it (an
// empty file input is a part with no file name and no content).
func postForm(t testing.TB, url string, parts ...part) *http.Response {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		if p.data == nil && p.file == "" && p.value == "" && (p.name == "prior" || p.name == "income" || p.name == "file") {
			w, _ := mw.CreateFormFile(p.name, "")
			w.Write(nil)
			continue
		}
		if p.file != "" {
			w, err := mw.CreateFormFile(p.name, p.file)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(p.data)
			continue
		}
		mw.WriteField(p.name, p.value)
	}
	mw.Close()
	resp, err := client().Post(url, mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

var pendingRe = regexp.MustCompile(`name="pending" value="([0-9a-f]{32})"`)

// askForm uploads data and requires the page that asks for the department
// details; it returns the page and the held upload's id.
func askForm(t testing.TB, ts *httptest.Server, parts ...part) (string, string) {
	t.Helper()
	page := string(wantStatus(t, postForm(t, ts.URL+"/upload", parts...), http.StatusBadRequest))
	m := pendingRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form for the department details:\n%s", page)
	}
	return page, m[1]
}

// completeForm posts the form of the held upload id and returns the result
// page's URL.
func completeForm(t testing.TB, ts *httptest.Server, id string, parts ...part) string {
	t.Helper()
	resp := postForm(t, ts.URL+"/upload", append([]part{field("pending", id)}, parts...)...)
	body := wantStatus(t, resp, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "r/") {
		t.Fatalf("Location %q\n%s", loc, body)
	}
	return ts.URL + "/" + loc
}

// TestLedgerAsksForDetails: a CSV ledger without department details gets a
// form naming what is missing (400), with the upload held so that the
// file need not be chosen again; filled in, it converts, and the result
// page shows the department, what build reports, and the downloads work.
func TestLedgerAsksForDetails(t *testing.T) {
	s, ts := newTest(t, Options{})
	page, id := askForm(t, ts, file("file", "预算明细.csv", []byte(bareLedger)), field("profile", ""), field("output", "xlsx"), field("output", "pdf"))
	for _, want := range []string{"没有写部门名称、年度", `name="department"`, `name="year"`, `name="department-code"`, `name="region"`,
		`name="unit"`, `name="prior"`, `name="income"`, "不必重新选择"} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	doc := parseHTML(t, []byte(page))
	required := map[string]bool{}
	for _, in := range elements(doc, "input") {
		if _, ok := attrOK(in, "required"); ok {
			required[attr(in, "name")] = true
		}
	}
	if !required["department"] || !required["year"] || len(required) != 2 {
		t.Errorf("required fields %v, want department and year", required)
	}
	if s.pending.len() != 1 {
		t.Fatalf("%d uploads held, want 1", s.pending.len())
	}

	// Only the year: the form asks again for the name, keeping the year.
	page, id2 := askForm(t, ts, field("pending", id), field("year", "2027"))
	if !strings.Contains(page, "没有写部门名称，") || !strings.Contains(page, `value="2027"`) {
		t.Errorf("second form: want only 部门名称 asked, the year kept:\n%s", page)
	}
	if s.pending.get(id) != nil || s.pending.len() != 1 {
		t.Errorf("the first held upload was not replaced by the second (%d held)", s.pending.len())
	}

	res := completeForm(t, ts, id2, field("department", "测试局"), field("year", "2027"), field("department-code", "901"), field("region", "天门市"))
	if s.pending.len() != 0 {
		t.Errorf("%d uploads still held after the conversion", s.pending.len())
	}
	body := string(wantStatus(t, get(t, res), http.StatusOK))
	for _, want := range []string{"测试局 · 2027 年", "预算明细", "由预算明细生成",
		"偏离就近舍入超过半个单位的明细格（1 个）", "预算明细.csv:5", "0.006000", "0.00",
		"提示（1 项）", "预算明细.csv:6", "2012604 没有名称"} {
		if !strings.Contains(body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	// The report comes after the findings.
	if i, j := strings.Index(body, `id="f-h"`), strings.Index(body, `id="l-h"`); i < 0 || j < i {
		t.Errorf("the ledger report (at %d) is not after the findings (at %d)", j, i)
	}
	for _, f := range []string{"xlsx", "pdf"} {
		if b := wantStatus(t, get(t, res+"/download/"+f), http.StatusOK); len(b) < 1000 {
			t.Errorf("%s: %d bytes", f, len(b))
		}
	}
	var rep report
	mustJSON(t, wantStatus(t, get(t, res+"/download/findings.json"), http.StatusOK), &rep)
	if rep.Ledger == nil || len(rep.Ledger.Moved) != 1 || rep.Ledger.Moved[0].Place != "预算明细.csv:5" ||
		rep.Ledger.Moved[0].Printed != "0.00" || len(rep.Ledger.Notes) != 1 || rep.Ledger.Unit != "万元" || rep.Department != "测试局" {
		t.Errorf("findings JSON ledger report: %+v", rep.Ledger)
	}
	// A used held upload is gone.
	resp := postForm(t, ts.URL+"/upload", field("pending", id2), field("department", "测试局"), field("year", "2027"))
	if b := wantStatus(t, resp, http.StatusNotFound); !strings.Contains(string(b), "请重新上传") {
		t.Errorf("a used pending upload: %s", b)
	}
}

func attrOK(n *xhtml.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val, true
		}
	}
	return "", false
}

// TestLedgerDetailsAtOnce: the upload page's fields give the details with
// the file; a JSON disclosure is not a ledger (the page and the API say so,
// as the command line does).
func TestLedgerDetailsAtOnce(t *testing.T) {
	_, ts := newTest(t, Options{})
	index := string(wantStatus(t, get(t, ts.URL+"/"), http.StatusOK))
	for _, want := range []string{"<details", `name="department"`, `name="year"`, `name="prior"`, `name="income"`} {
		if !strings.Contains(index, want) {
			t.Errorf("upload page lacks %q", want)
		}
	}
	// As the browser sends the upload page: empty fields and file inputs.
	res := postForm(t, ts.URL+"/upload", file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局"),
		field("year", "2027年"), field("department-code", ""), field("region", ""), field("unit", "元"), part{name: "prior"}, part{name: "income"})
	wantStatus(t, res, http.StatusSeeOther)
	body := string(wantStatus(t, get(t, ts.URL+"/"+res.Header.Get("Location")), http.StatusOK))
	if !strings.Contains(body, "测试局 · 2027 年") || !strings.Contains(body, "（元）") {
		t.Errorf("result page: department, year or unit not taken")
	}

	resp := postForm(t, ts.URL+"/upload", file("file", "a.json", examples.Sample()), field("department", "测试局"))
	if b := string(wantStatus(t, resp, http.StatusUnprocessableEntity)); !strings.Contains(b, "部门名称只用于预算明细输入") || !strings.Contains(b, "JSON 公开数据") {
		t.Errorf("JSON with a department name: %s", b)
	}
	resp = postForm(t, ts.URL+"/api/validate", file("file", "a.json", examples.Sample()), field("year", "2027"))
	if b := string(wantStatus(t, resp, http.StatusUnprocessableEntity)); !strings.Contains(b, "年度只用于预算明细输入") {
		t.Errorf("API, JSON with a year: %s", b)
	}
}

// TestLedgerBadDetails: a value no ledger takes gets the form again with a
// Chinese message naming the field and the value (the command line's rule:
// a four-digit year, 万元 or 元); the API answers 400 naming the field.
func TestLedgerBadDetails(t *testing.T) {
	_, ts := newTest(t, Options{})
	for _, tc := range []struct {
		field, value, want string
	}{
		{"year", "明年", "年度“明年”：应为四位年份"},
		{"year", "1800", "年度“1800”：应为四位年份"},
		{"unit", "千元", "金额单位“千元”：应为 万元 或 元"},
	} {
		t.Run(tc.field+"="+tc.value, func(t *testing.T) {
			parts := []part{file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局"), field("year", "2027"), field(tc.field, tc.value)}
			if tc.field == "year" {
				parts = append(parts[:2], parts[3:]...)
			}
			page, _ := askForm(t, ts, parts...)
			if !strings.Contains(page, tc.want) || !strings.Contains(page, `aria-invalid="true"`) {
				t.Errorf("page lacks %q or the field's mark:\n%s", tc.want, page)
			}
			resp := postForm(t, ts.URL+"/api/validate", parts...)
			var ae apiError
			mustJSON(t, wantStatus(t, resp, http.StatusBadRequest), &ae)
			if ae.Field != tc.field || !strings.Contains(ae.Error, tc.want) {
				t.Errorf("API: %+v", ae)
			}
		})
	}
	// The API names the missing fields.
	var ae apiError
	mustJSON(t, wantStatus(t, postForm(t, ts.URL+"/api/export?format=xlsx", file("file", "ledger.csv", []byte(bareLedger))), http.StatusBadRequest), &ae)
	if strings.Join(ae.Missing, ",") != "department,year" || !strings.Contains(ae.Error, "部门名称、年度") {
		t.Errorf("API without details: %+v", ae)
	}
	mustJSON(t, wantStatus(t, postForm(t, ts.URL+"/api/validate", file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局")), http.StatusBadRequest), &ae)
	if strings.Join(ae.Missing, ",") != "year" {
		t.Errorf("API without a year: %+v", ae)
	}
	// An empty 收入 file chosen is refused, not ignored.
	page, _ := askForm(t, ts, file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局"), field("year", "2027"), part{name: "income", file: "收入.csv", data: []byte{}})
	if !strings.Contains(page, "收入文件“收入.csv”：文件是空的") {
		t.Errorf("empty 收入 file: %s", page)
	}
}

// TestLedgerExtraFiles: last year's ledger and a 收入 file are taken from
// the form (the changes and 上年结转 show in the data); a broken one is a
// located error naming the form's field.
func TestLedgerExtraFiles(t *testing.T) {
	_, ts := newTest(t, Options{})
	// Last year's ledger, with its own details of the year before.
	prior := "部门名称,测试局\n年度,2026\n\n" + strings.Replace(bareLedger, "123456.78", "100000", 1)
	income := "单位编码,资金性质,上年结转\n901001,一般公共预算,1000\n"
	_, id := askForm(t, ts, file("file", "ledger.csv", []byte(bareLedger)), file("prior", "上年.csv", []byte(prior)), file("income", "收入.csv", []byte(income)))
	// The held upload keeps the files given with it.
	res := completeForm(t, ts, id, field("department", "测试局"), field("year", "2027"), part{name: "prior"}, part{name: "income"})
	data := string(wantStatus(t, get(t, res+"/download/json"), http.StatusOK))
	if !strings.Contains(data, `"prior_total"`) || !strings.Contains(data, `"carryover": "0.10"`) {
		t.Errorf("last year's data or the carry-over not used:\n%.600s", data)
	}

	badPrior := "部门名称,测试局\n年度,2026\n\n" + strings.Replace(bareLedger, "123456.78", "12元", 1)
	resp := postForm(t, ts.URL+"/upload", file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局"), field("year", "2027"), file("prior", "上年.csv", []byte(badPrior)))
	if b := string(wantStatus(t, resp, http.StatusUnprocessableEntity)); !strings.Contains(b, "上年数据：") || !strings.Contains(b, "上年.csv:5") {
		t.Errorf("broken last year's ledger: %s", b)
	}
	// A 收入 line of a unit without spending is located in the 收入 file.
	resp = postForm(t, ts.URL+"/upload", file("file", "ledger.csv", []byte(bareLedger)), field("department", "测试局"), field("year", "2027"),
		file("income", "收入.csv", []byte("单位编码,资金性质,上年结转\n999999,一般公共预算,1000\n")))
	if b := string(wantStatus(t, resp, http.StatusUnprocessableEntity)); !strings.Contains(b, "收入.csv:2") {
		t.Errorf("收入 file of another unit: %s", b)
	}
}

// TestLedgerUploadLimit: the files of one form share the upload limit.
func TestLedgerUploadLimit(t *testing.T) {
	_, ts := newTest(t, Options{MaxUpload: 1 << 10})
	big := []byte(strings.Repeat("x", 700))
	resp := postForm(t, ts.URL+"/upload", file("file", "ledger.csv", big), file("prior", "p.csv", big))
	wantStatus(t, resp, http.StatusRequestEntityTooLarge)
}

// TestLedgerTextsFile: the form's 说明文件 (texts) gives a ledger its
// written texts, as --texts does: they are in the document of the API's
// export; an unknown label is a located error, not ignored.
func TestLedgerTextsFile(t *testing.T) {
	_, ts := newTest(t, Options{})
	index := string(wantStatus(t, get(t, ts.URL+"/"), http.StatusOK))
	if !strings.Contains(index, `name="texts"`) {
		t.Error(`upload page lacks name="texts"`)
	}
	texts := []byte("项目,内容\n主要职责,\"受理热线诉求。\n督办回访。\"\n机构设置,内设两个科室。\n")
	resp := postForm(t, ts.URL+"/api/export?format=html", file("file", "ledger.csv", []byte(bareLedger)),
		field("department", "测试局"), field("year", "2027"), file("texts", "说明.csv", texts))
	page := string(wantStatus(t, resp, http.StatusOK))
	for _, want := range []string{"1．受理热线诉求。", "2．督办回访。", "内设两个科室。"} {
		if !strings.Contains(page, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	resp = postForm(t, ts.URL+"/api/export?format=html", file("file", "ledger.csv", []byte(bareLedger)),
		field("department", "测试局"), field("year", "2027"), file("texts", "说明.csv", []byte("职能,x\n")))
	if b := string(wantStatus(t, resp, http.StatusUnprocessableEntity)); !strings.Contains(b, "说明.csv:1") || !strings.Contains(b, "职能") {
		t.Errorf("bad label: %s", b)
	}
}
