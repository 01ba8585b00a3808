package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"strconv"
	"strings"

	"gongkai/examples"
	gkhtml "gongkai/exporter/html"
	"gongkai/inputs"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// page is what every page template sees.
type page struct {
	Title   string
	Root    string // relative path to the site root ("./", "../" …), so the pages work behind a proxy under any prefix
	Opts    Options
	MaxMB   int64
	Formats []format

	R        *result
	Groups   []group
	Sheets   []sheetLink
	Sheet    *sheetLink // the table shown alone
	Prev     *sheetLink
	Next     *sheetLink
	Preview  template.HTML
	Message  string
	Status   int
	Profiles []profileChoice
	Form     *ledgerForm // the ledger settings: on the upload page, and the page that asks for them
	Report   *reportView
}

// ledgerForm is the form of a ledger's settings, filled with what the user
// gave.
type ledgerForm struct {
	Pending  string            // the held upload the form completes ("" on the upload page)
	FileName string            // its name
	Values   map[string]string // by setting (field name)
	Missing  map[string]bool   // details the ledger lacks: required
	Bad      string            // a value refused, with why
	BadField string
	Extra    map[string]string // files already received, by field: their names
}

// reportView is a ledger's build report as the result page shows it: at
// most maxMoved moved cells (the findings JSON has them all).
type reportView struct {
	*ledgerReport
	Shown []movedCell
	More  int
}

const maxMoved = 100

func newReportView(lr *ledgerReport) *reportView {
	if lr == nil {
		return nil
	}
	v := &reportView{ledgerReport: lr, Shown: lr.Moved}
	if len(v.Shown) > maxMoved {
		v.Shown, v.More = v.Shown[:maxMoved], len(v.Shown)-maxMoved
	}
	return v
}

type group struct {
	Severity model.Severity
	Name     string
	Findings []findingRow
}

type findingRow struct {
	model.Finding
	TableName string
	TableLink string // relative to the result page
	Place     string // field and line for findings outside the tables
}

type sheetLink struct {
	ID, Name, Title string
	Index           int
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, http.StatusOK, "index.html", &page{Title: "核对与导出", Root: "./", Profiles: profileChoices(), Form: &ledgerForm{}})
}

// handleExample serves the bundled example input, for a first try.
func (s *Server) handleExample(w http.ResponseWriter, r *http.Request) {
	b := examples.Sample()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", contentDisposition(examples.SampleName))
	w.Write(b)
}

func (s *Server) handleCSS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(s.css)
}

// handleNotFound answers what no route takes: a known path asked with the
// wrong method is a 405 naming the method to use, anything else a 404.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/upload" || p == "/api/validate" || p == "/api/export":
		w.Header().Set("Allow", "POST")
		s.fail(w, r, http.StatusMethodNotAllowed, "这个地址只接受上传（POST 表单）")
	case r.Method != http.MethodGet && r.Method != http.MethodHead &&
		(p == "/" || strings.HasPrefix(p, "/r/") || p == "/static/style.css" || p == "/healthz" || p == "/example.json" || p == "/template.xlsx" || p == "/api/template"):
		w.Header().Set("Allow", "GET, HEAD")
		s.fail(w, r, http.StatusMethodNotAllowed, "这个地址只能打开（GET）")
	default:
		s.fail(w, r, http.StatusNotFound, "没有这个页面")
	}
}

// handleUpload loads and checks the file, holds the result and redirects
// to its page (so reloading the result page does not post the file again).
// A ledger that lacks its department details (or is given a value no
// ledger takes) is held in memory while a form asks for them: the form
// posts here again with the held upload's id in "pending" and the settings,
// and the file need not be chosen again.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	up, err := s.readUpload(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	profile, outputs := first(up.Fields["profile"]), up.Fields["output"]
	pendID := first(up.Fields["pending"])
	if pendID != "" {
		p := s.pending.get(pendID)
		if p == nil {
			s.fail(w, r, http.StatusNotFound, "等待填写部门信息的文件已不在服务器上（只保留 "+ttlText(Options{CacheTTL: s.pending.ttl})+"，服务重启后也会清空）。请重新上传文件。")
			return
		}
		if up.Data == nil {
			up.FileName, up.Data = p.Up.FileName, p.Up.Data
		}
		for k, f := range p.Up.Extra {
			if up.Extra[k] == nil {
				up.Extra[k] = f
			}
		}
		profile, outputs = p.Profile, p.Outputs
	}
	res, err := s.load(r.Context(), up, profile, false)
	var de *detailsError
	if errors.As(err, &de) {
		if pendID != "" {
			s.pending.remove(pendID)
		}
		p := &pending{ID: newID(), Up: up, Profile: profile, Outputs: outputs, Created: s.o.Now()}
		s.pending.put(p)
		s.renderPage(w, http.StatusBadRequest, "ledger.html", &page{Title: "填写部门信息", Root: "./", Form: newLedgerForm(p, de)})
		return
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if pendID != "" {
		s.pending.remove(pendID)
	}
	res.Outputs = map[string]bool{}
	for _, o := range outputs {
		if _, ok := formatByKey(o); ok {
			res.Outputs[o] = true
		}
	}
	if len(res.Outputs) == 0 {
		res.Outputs = map[string]bool{"xlsx": true, "pdf": true, "doc": true, "html": true, "json": true}
	}
	res.Outputs["findings.json"] = true
	s.cache.put(res)
	// A relative Location (resolved by the browser against /upload), so
	// the page also works behind a proxy that serves it under a prefix.
	w.Header().Set("Location", "r/"+res.ID)
	w.WriteHeader(http.StatusSeeOther)
}

// newLedgerForm is the form asking for what de says is missing or wrong,
// filled with what the user gave for the held upload p.
func newLedgerForm(p *pending, de *detailsError) *ledgerForm {
	f := &ledgerForm{Pending: p.ID, FileName: displayName(p.Up.FileName), Values: map[string]string{},
		Missing: map[string]bool{}, Extra: map[string]string{}}
	for _, s := range inputs.Settings {
		if v := first(p.Up.Fields[string(s)]); v != "" {
			f.Values[string(s)] = v
		}
	}
	for k, x := range p.Up.Extra {
		f.Extra[k] = x.Name
	}
	for _, m := range de.Missing {
		f.Missing[string(m)] = true
	}
	if de.Bad != nil {
		f.Bad, f.BadField = de.Bad.Error(), string(de.Bad.Setting)
		if de.Bad.Setting == inputs.SetIncome || de.Bad.Setting == inputs.SetTexts || de.Bad.Setting == inputs.SetPrior {
			delete(f.Extra, string(de.Bad.Setting))
			delete(p.Up.Extra, string(de.Bad.Setting))
		}
	}
	return f
}

func first(v []string) string {
	if len(v) > 0 {
		return strings.TrimSpace(v[0])
	}
	return ""
}

// lookup finds the result named in the URL, or answers 404.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) *result {
	res := s.cache.get(r.PathValue("id"))
	if res == nil {
		s.fail(w, r, http.StatusNotFound, "这个结果已不在服务器上（结果只保留 "+ttlText(s.o)+"，服务重启后也会清空）。请重新上传文件。")
	}
	return res
}

func ttlText(o Options) string {
	if o.CacheTTL%3600e9 == 0 {
		return strconv.Itoa(int(o.CacheTTL.Hours())) + " 小时"
	}
	return strconv.Itoa(int(o.CacheTTL.Minutes())) + " 分钟"
}

func (s *Server) handleResult(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	p := &page{Title: res.FileName + " 核对结果", Root: "../", R: res, Sheets: sheetLinks(res.Doc), Report: newReportView(res.Ledger)}
	p.Groups = groups(res, p.Sheets)
	for _, f := range formats {
		if res.Outputs[f.Key] {
			p.Formats = append(p.Formats, f)
		}
	}
	s.renderPage(w, http.StatusOK, "result.html", p)
}

func sheetLinks(doc layout.Document) []sheetLink {
	var out []sheetLink
	for i, sh := range doc.Sheets {
		out = append(out, sheetLink{ID: sh.ID, Name: sh.Name, Title: sh.Title, Index: i})
	}
	return out
}

var severities = []struct {
	s    model.Severity
	name string
}{{model.SeverityError, "错误"}, {model.SeverityWarning, "警告"}, {model.SeverityInfo, "提示"}}

// groups sorts the findings by severity, keeping their order within each.
func groups(res *result, sheets []sheetLink) []group {
	ids := map[string]bool{}
	for _, sh := range sheets {
		ids[sh.ID] = true
	}
	var out []group
	for _, sv := range severities {
		g := group{Severity: sv.s, Name: sv.name}
		for _, f := range res.Findings {
			if f.Severity != sv.s {
				continue
			}
			fr := findingRow{Finding: f}
			if f.Table != "" {
				fr.TableName = f.Table.Number()
				if fr.TableName == "" {
					fr.TableName = string(f.Table)
				}
				if ids[string(f.Table)] {
					fr.TableLink = res.ID + "/tables/" + string(f.Table)
				}
			}
			var place []string
			if f.Field != "" {
				place = append(place, "文字说明 "+f.Field)
			}
			if f.Line > 0 {
				place = append(place, "第"+strconv.Itoa(f.Line)+"行")
			}
			fr.Place = strings.Join(place, "，")
			g.Findings = append(g.Findings, fr)
		}
		out = append(out, g)
	}
	return out
}

// handleTables shows every table, or the one named in the URL.
func (s *Server) handleTables(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	if res.DocErr != "" {
		s.fail(w, r, http.StatusUnprocessableEntity, "无法生成公开表："+res.DocErr)
		return
	}
	p := &page{R: res, Root: "../../", Sheets: sheetLinks(res.Doc)}
	doc := res.Doc
	if id := r.PathValue("table"); id != "" {
		p.Root = "../../../"
		var found *sheetLink
		for i := range p.Sheets {
			if p.Sheets[i].ID == id {
				found = &p.Sheets[i]
			}
		}
		if found == nil {
			s.fail(w, r, http.StatusNotFound, "没有这张表："+id)
			return
		}
		p.Sheet = found
		if found.Index > 0 {
			p.Prev = &p.Sheets[found.Index-1]
		}
		if found.Index+1 < len(p.Sheets) {
			p.Next = &p.Sheets[found.Index+1]
		}
		doc.Sheets = doc.Sheets[found.Index : found.Index+1]
		p.Title = found.Name + " 预览"
	} else {
		p.Title = res.FileName + " 全部公开表"
	}
	var b bytes.Buffer
	if err := gkhtml.Write(&b, doc, gkhtml.Options{IDPrefix: "sheet-"}); err != nil {
		s.failErr(w, r, err)
		return
	}
	p.Preview = template.HTML(b.String()) // exporter/html escapes every text it writes
	s.renderPage(w, http.StatusOK, "tables.html", p)
}

func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(w, r)
	if res == nil {
		return
	}
	f, ok := formatByKey(r.PathValue("format"))
	if !ok {
		s.fail(w, r, http.StatusNotFound, "没有这种下载格式："+r.PathValue("format"))
		return
	}
	data, err := s.render(r.Context(), res, f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sendFile(w, data, f, res.Name)
}

// The JSON API.

type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
	// Missing names the form fields of the department details a ledger
	// lacks (department, year); Field the field whose value is refused.
	Missing []string `json:"missing,omitempty"`
	Field   string   `json:"field,omitempty"`
}

func (s *Server) handleAPIValidate(w http.ResponseWriter, r *http.Request) {
	up, err := s.readUpload(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	res, err := s.load(r.Context(), up, r.URL.Query().Get("profile"), boolParam(r, "exact"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, findingsReport(res))
}

func (s *Server) handleAPIExport(w http.ResponseWriter, r *http.Request) {
	fk := r.URL.Query().Get("format")
	f, ok := formatByKey(fk)
	if !ok || fk == "findings.json" {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "format 应为 xlsx、pdf、doc、html 或 json（收到 " + strconv.Quote(fk) + "）", Status: http.StatusBadRequest})
		return
	}
	up, err := s.readUpload(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	res, err := s.load(r.Context(), up, r.URL.Query().Get("profile"), false)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if model.HasErrors(res.Findings) && !boolParam(r, "force") && f.Key != "json" {
		// As the CLI: no tables from data with errors unless forced.
		rep := findingsReport(res)
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			apiError
			report
		}{apiError{Error: "核对发现错误，未生成文件（改正后重试，或加 force=1 强制生成）", Status: http.StatusUnprocessableEntity}, rep})
		return
	}
	data, err := s.render(r.Context(), res, f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sendFile(w, data, f, res.Name)
}

func boolParam(r *http.Request, k string) bool {
	v, _ := strconv.ParseBool(r.URL.Query().Get(k))
	return v
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	encodeJSON(&b, v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// Errors.

// failErr answers with the status and Chinese message err calls for.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var ie *inputError
	var re *requestError
	var de *detailsError
	switch {
	case errors.As(err, &de):
		if strings.HasPrefix(r.URL.Path, "/api/") {
			ae := apiError{Error: de.Error(), Status: http.StatusBadRequest}
			for _, m := range de.Missing {
				ae.Missing = append(ae.Missing, string(m))
			}
			if de.Bad != nil {
				ae.Field = string(de.Bad.Setting)
			}
			writeJSON(w, http.StatusBadRequest, ae)
			return
		}
		s.fail(w, r, http.StatusBadRequest, de.Error())
	case errors.Is(err, errTooLarge):
		s.fail(w, r, http.StatusRequestEntityTooLarge, "文件太大：上限是 "+strconv.FormatInt(s.o.MaxUpload>>20, 10)+" MB。一个部门的公开数据通常只有几百 KB，请确认选择了正确的文件。")
	case errors.Is(err, errBusy):
		retryAfter(w)
		s.fail(w, r, http.StatusServiceUnavailable, "服务器正忙（同时处理的文件已达上限），请过几秒再试。")
	case errors.Is(err, errTimeout):
		retryAfter(w)
		s.fail(w, r, http.StatusServiceUnavailable, "处理时间超过 "+strconv.Itoa(int(s.o.ConversionTimeout.Seconds()))+" 秒，已停止等待。请稍后再试，或把文件交给维护人员。")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		retryAfter(w)
		s.fail(w, r, http.StatusServiceUnavailable, "请求已取消或超时，请重试。")
	case errors.As(err, &ie):
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			// The page says what happened before the importer's located
			// message; the API gives the message alone, as the CLI prints it.
			s.fail(w, r, http.StatusUnprocessableEntity, "无法读取上传的文件："+ie.Error())
			return
		}
		s.fail(w, r, http.StatusUnprocessableEntity, ie.Error())
	case errors.As(err, &re):
		s.fail(w, r, http.StatusBadRequest, re.Error())
	default:
		log.Printf("server: %s %s: %v", r.Method, r.URL.Path, err)
		s.fail(w, r, http.StatusInternalServerError, "内部错误，请稍后再试或联系维护人员。")
	}
}

// fail answers with a Chinese message: JSON under /api/, a page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, apiError{Error: msg, Status: status})
		return
	}
	depth := strings.Count(strings.Trim(r.URL.Path, "/"), "/")
	root := "./" + strings.Repeat("../", depth)
	if depth > 0 {
		root = strings.Repeat("../", depth)
	}
	s.renderPage(w, status, "error.html", &page{Title: "出错了", Root: root, Message: msg, Status: status})
}

func (s *Server) renderPage(w http.ResponseWriter, status int, name string, p *page) {
	p.Opts = s.o
	p.MaxMB = s.o.MaxUpload >> 20
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, "base.html", p); err != nil {
		log.Printf("server: page %s: %v", name, err)
		http.Error(w, "内部错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// profileChoice is one layout profile the page offers.
type profileChoice struct {
	Name, Description string
	Default           bool
}

// profileChoices lists the embedded layout profiles, the default first.
func profileChoices() []profileChoice {
	var out []profileChoice
	for _, n := range profiles.Names() {
		p, err := profiles.Embedded(n)
		if err != nil {
			continue
		}
		c := profileChoice{Name: n, Description: p.Description, Default: n == profiles.DefaultName}
		if c.Default {
			out = append([]profileChoice{c}, out...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

// readable sizes for the page.
func humanSize(n int) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.Itoa(n) + " 字节"
}

var funcs = template.FuncMap{
	"ttl": ttlText,
	"ttlEn": func(o Options) string {
		if o.CacheTTL%3600e9 == 0 {
			return strconv.Itoa(int(o.CacheTTL.Hours())) + " h"
		}
		return strconv.Itoa(int(o.CacheTTL.Minutes())) + " min"
	},
	"size": humanSize,
	"missingNames": func(m map[string]bool) []string {
		var out []string
		for _, s := range inputs.Settings {
			if m[string(s)] {
				out = append(out, s.Chinese())
			}
		}
		return out
	},
	"kindName": func(k string) string { return inputs.Kind(k).Chinese() },
	"count": func(gs []group, sv model.Severity) int {
		for _, g := range gs {
			if g.Severity == sv {
				return len(g.Findings)
			}
		}
		return 0
	},
}

var sheetCSS = gkhtml.Stylesheet()

// Preload loads and checks data as an upload named name would be, holds the
// result, and returns the path of its page relative to the site root (e.g.
// "r/0123…"). The CLI uses it to start the page on a file (make demo-web).
func (s *Server) Preload(ctx context.Context, name string, data []byte) (string, error) {
	res, err := s.load(ctx, &upload{FileName: name, Data: data}, "", false)
	var de *detailsError
	if errors.As(err, &de) && de.Bad == nil {
		// There is no form before the server starts: say what the file
		// itself must hold.
		var names []string
		for _, m := range de.Missing {
			names = append(names, m.Chinese())
		}
		return "", fmt.Errorf("%s: 预算明细缺少部门信息：%s。启动时读取的明细须自带部门信息（CSV 表头上方的“部门名称,某某局”“年度,2027”行，"+
			"或工作簿的“基本信息”表）；也可以不用 --load，启动后在网页上传，再在表单中填写 / the ledger lacks its department details", name, strings.Join(names, "、"))
	}
	if err != nil {
		return "", err
	}
	res.Outputs = map[string]bool{"xlsx": true, "pdf": true, "doc": true, "html": true, "json": true, "findings.json": true}
	s.cache.put(res)
	return "r/" + res.ID, nil
}
