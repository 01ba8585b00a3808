package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/check"
	gkhtml "gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/exporter/xlsx"
	"gongkai/importer/ledger"
	"gongkai/inputs"
	"gongkai/model"
	"gongkai/narrative"
	"gongkai/profiles"
	"gongkai/templates"
)

// inputError is a problem of the uploaded data: the importer's message,
// located (file, JSON path, line, sheet!cell).
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// profileByName returns the embedded profile name ("" for the default).
// Only embedded profiles can be chosen: a name from a form is never opened
// as a file.
func profileByName(name string) (*profiles.Profile, string, error) {
	if name == "" {
		name = profiles.DefaultName
	}
	for _, n := range profiles.Names() {
		if n == name {
			p, err := profiles.Embedded(n)
			return p, n, err
		}
	}
	return nil, "", &requestError{"没有这个版式：" + name + "（可选：" + strings.Join(profiles.Names(), "、") + "）"}
}

// detailsError says that an upload is a ledger of budget lines that lacks
// department details (Missing), or that a value given for a ledger setting
// is refused (Bad): the page asks for them with a form, the API answers 400.
type detailsError struct {
	Missing []inputs.Setting
	Bad     *inputs.SettingError
}

func (e *detailsError) Error() string {
	if e.Bad != nil {
		return e.Bad.Error()
	}
	var names, fields []string
	for _, m := range e.Missing {
		names = append(names, m.Chinese())
		fields = append(fields, string(m))
	}
	return "预算明细缺少部门信息：" + strings.Join(names, "、") + "。请在表单中填写（字段 " + strings.Join(fields, "、") +
		"），或写在明细中（CSV 表头上方的“部门名称,某某局”“年度,2027”行，或工作簿的“基本信息”表）"
}

// ledgerInput reads the ledger settings of the form (the fields and files
// named as the command line's flags: department, year, department-code,
// region, unit, prior, income) as the flags are read: a value no ledger
// takes is a *detailsError naming the field.
func (s *Server) ledgerInput(up *upload) (inputs.LedgerInput, error) {
	li := inputs.LedgerInput{
		Department:     cleanText(first(up.Fields[string(inputs.SetDepartment)])),
		DepartmentCode: cleanText(first(up.Fields[string(inputs.SetDepartmentCode)])),
		Region:         cleanText(first(up.Fields[string(inputs.SetRegion)])),
		Unit:           first(up.Fields[string(inputs.SetUnit)]),
		Income:         up.Extra[string(inputs.SetIncome)],
		Texts:          up.Extra[string(inputs.SetTexts)],
		Prior:          up.Extra[string(inputs.SetPrior)],
		Catalog:        s.o.Catalog,
	}
	y, err := inputs.ParseYear(first(up.Fields[string(inputs.SetYear)]))
	if err == nil {
		li.Year = y
		err = li.Check()
	}
	var se *inputs.SettingError
	if errors.As(err, &se) {
		return li, &detailsError{Bad: se}
	}
	return li, err
}

// cleanText is a text field without control characters.
func cleanText(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s))
}

// load reads, checks and lays out one upload in a conversion slot. A
// ledger of budget lines takes the settings of the form (ledgerInput); one
// that lacks its department details is a *detailsError.
func (s *Server) load(ctx context.Context, up *upload, profile string, exact bool) (*result, error) {
	prof, profName, err := profileByName(profile)
	if err != nil {
		return nil, err
	}
	li, err := s.ledgerInput(up)
	if err != nil {
		return nil, err
	}
	display := displayName(up.FileName)
	res := &result{
		ID:          newID(),
		FileName:    display,
		Name:        baseName(display),
		Size:        int(up.size()),
		Created:     s.o.Now(),
		Profile:     prof,
		ProfileName: profName,
	}
	err = s.convert(ctx, func() error {
		// Settings only a ledger takes, given with another kind of
		// input, are refused before last year's data is read (as on
		// the command line); a workbook is told apart by Load.
		if given := li.Given(); len(given) > 0 {
			if k := inputs.Sniff(display, up.Data); k != inputs.Ledger && k != inputs.Workbook && k != inputs.XLS && k != inputs.Unknown {
				var names []string
				for _, g := range given {
					names = append(names, g.Chinese())
				}
				return &inputError{fmt.Errorf("%s: %w", display, &inputs.NotLedgerError{Kind: k, Given: names})}
			}
		}
		in, err := li.Options()
		if err != nil {
			return &inputError{err}
		}
		// No profile asked for (the API without ?profile=): a workbook is
		// read in the layout its titles show and laid out in it, as on the
		// command line.
		in.Profile = profName
		if profile == "" {
			in.Profile = ""
		}
		r, err := inputs.Load(display, up.Data, in)
		var ue *inputs.UnsupportedError
		if errors.As(err, &ue) && isPublished(ue.Kind) {
			// A published disclosure (text, PDF, web page, Word): read
			// as 'gongkai parse' does, and list what no rule read.
			r, res.Unread, err = parsePublished(display, up.Data)
		}
		if inputs.OnlyMissingDetails(err) {
			return &detailsError{Missing: inputs.MissingDetails(err)}
		}
		if err != nil {
			return &inputError{err}
		}
		if profile == "" && r.Profile != nil {
			prof = r.Profile
			res.Profile, res.ProfileName = prof, prof.Name
		}
		res.Kind = string(r.Kind)
		res.Disc = r.Disclosure
		res.Ledger = newLedgerReport(r.Report, r.Disclosure)
		res.Findings = append(append([]model.Finding(nil), r.Findings...), check.Disclosure(r.Disclosure, check.Options{Exact: exact, Tables: prof.DataTables(), Catalog: s.o.Catalog})...)
		doc, err := templates.Document(r.Disclosure, templates.Options{Profile: prof})
		if err != nil {
			res.DocErr = err.Error()
		} else {
			res.Doc = doc
		}
		return nil
	})
	if errors.Is(err, errPanic) {
		return nil, &inputError{fmt.Errorf("%s: 无法读取这个文件（读取时程序出错）", display)}
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

func isPublished(k inputs.Kind) bool {
	return k == inputs.Text || k == inputs.PDF || k == inputs.HTML || k == inputs.DOCX
}

// parsePublished reads a published disclosure into a disclosure, the
// parser's findings and the lines no rule read (a scanned PDF page is one
// of them), as 'gongkai parse' does.
func parsePublished(name string, data []byte) (*inputs.Result, []unread, error) {
	res, pub, err := inputs.ParsePublished(name, data)
	if err != nil {
		return nil, nil, err
	}
	var out []unread
	for _, u := range res.Unread {
		out = append(out, unread{Line: u.Line, Page: pub.Page(u.Line), Text: strings.TrimSpace(u.Text)})
	}
	for _, pg := range pub.Scanned {
		line := 0
		if pg-1 < len(pub.Pages) {
			line = pub.Pages[pg-1]
		}
		out = append(out, unread{Line: line, Page: pg, Text: fmt.Sprintf("第%d页没有文字层（扫描页），内容未读入，需先做文字识别（OCR）", pg)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return &inputs.Result{Kind: pub.Kind, Disclosure: res.Disclosure, Findings: res.Findings}, out, nil
}

// A format is one download.
type format struct {
	Key   string // in URLs: xlsx, pdf, json, findings.json
	Label string // on the button, after 下载
	Ext   string
	Type  string // Content-Type
}

var formats = []format{
	{"xlsx", " Excel 工作簿（.xlsx）", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"pdf", "公开表 PDF（.pdf）", ".pdf", "application/pdf"},
	{"doc", "完整公开文件 PDF", "-公开.pdf", "application/pdf"},
	{"html", "完整公开文件网页（.html）", ".html", "text/html; charset=utf-8"},
	{"json", "数据 JSON（.json）", ".json", "application/json; charset=utf-8"},
	{"findings.json", "核对结果 JSON", ".findings.json", "application/json; charset=utf-8"},
}

func formatByKey(k string) (format, bool) {
	for _, f := range formats {
		if f.Key == k {
			return f, true
		}
	}
	return format{}, false
}

// render makes one download of res in a conversion slot.
func (s *Server) render(ctx context.Context, res *result, f format) ([]byte, error) {
	var buf bytes.Buffer
	err := s.convert(ctx, func() error {
		switch f.Key {
		case "xlsx", "pdf":
			if res.DocErr != "" {
				return &inputError{errors.New(res.DocErr)}
			}
			if f.Key == "xlsx" {
				return xlsx.Write(&buf, res.Doc, xlsx.Options{})
			}
			font, err := s.pdfFont()
			if err != nil {
				return err
			}
			err = pdf.Write(&buf, res.Doc, pdf.Options{Font: font})
			var ge *pdf.GlyphError
			if errors.As(err, &ge) {
				return &inputError{glyphMessage(err)}
			}
			return err
		case "doc", "html":
			if res.DocErr != "" {
				return &inputError{errors.New(res.DocErr)}
			}
			whole, _, err := narrative.Document(res.Disc, narrative.Options{Tables: templates.Options{Profile: res.Profile}})
			if err != nil {
				return &inputError{err}
			}
			whole.Date = res.Doc.Date
			if f.Key == "html" {
				return gkhtml.WriteDocument(&buf, whole)
			}
			font, err := s.pdfFont()
			if err != nil {
				return err
			}
			err = pdf.Write(&buf, whole, pdf.Options{Font: font})
			var ge *pdf.GlyphError
			if errors.As(err, &ge) {
				return &inputError{glyphMessage(err)}
			}
			return err
		case "json":
			return encodeJSON(&buf, res.Disc)
		case "findings.json":
			return encodeJSON(&buf, findingsReport(res))
		}
		return fmt.Errorf("server: unknown format %q", f.Key)
	})
	if errors.Is(err, errPanic) {
		return nil, &inputError{errors.New("生成文件时程序出错")}
	}
	return buf.Bytes(), err
}

// glyphMessage lists, once each, the characters the PDF font cannot show
// and the tables holding them.
func glyphMessage(err error) error {
	var parts []string
	seen := map[string]bool{}
	for _, ge := range pdf.GlyphErrors(err) {
		k := fmt.Sprintf("%s 中的 %q（U+%04X）", ge.Sheet, ge.Rune, ge.Rune)
		if !seen[k] && len(parts) < 20 {
			seen[k] = true
			parts = append(parts, k)
		}
	}
	return errors.New("PDF 字体无法显示这些字符：" + strings.Join(parts, "；"))
}

func encodeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// report is the findings JSON of the API and the findings download.
type report struct {
	File       string          `json:"file"`
	Kind       string          `json:"kind"`
	Department string          `json:"department,omitempty"`
	Year       int             `json:"year,omitempty"`
	Errors     int             `json:"errors"`
	Warnings   int             `json:"warnings"`
	Infos      int             `json:"infos"`
	Summary    string          `json:"summary"`
	Findings   []model.Finding `json:"findings"`
	// Unread lists, for a published disclosure, the lines holding a number
	// that no rule read: nothing is dropped silently.
	Unread []unread `json:"unread,omitempty"`
	// Ledger is, for a ledger of budget lines, what its build reports.
	Ledger *ledgerReport `json:"ledger,omitempty"`
}

// ledgerReport is what 'gongkai build' reports of a ledger, as the page
// shows it and the findings JSON gives it (the batch's report.jsonl holds
// the same object).
type ledgerReport = inputs.LedgerReport

type movedCell = inputs.MovedCell

func newLedgerReport(rep *ledger.Report, d *model.Disclosure) *ledgerReport {
	unit := ""
	if d != nil {
		unit = d.Unit
	}
	return inputs.NewLedgerReport(rep, unit)
}

func findingsReport(res *result) report {
	e, w, i := check.Summary(res.Findings)
	fs := res.Findings
	if fs == nil {
		fs = []model.Finding{}
	}
	rep := report{File: res.FileName, Kind: res.Kind, Errors: e, Warnings: w, Infos: i,
		Summary: check.SummaryLine(res.Findings), Findings: fs, Unread: res.Unread, Ledger: res.Ledger}
	if res.Disc != nil {
		rep.Department, rep.Year = res.Disc.Department, res.Disc.Year
	}
	return rep
}

// contentDisposition names a download: an ASCII fallback for old clients
// and the real (often Chinese) name as RFC 5987 filename*.
func contentDisposition(name string) string {
	fallback := name
	for _, r := range name {
		if r < 0x20 || r >= 0x7f {
			// A Chinese name cut down to ASCII says nothing: old
			// clients get a neutral name with the right extension.
			fallback = "gongkai" + extOf(name)
			break
		}
	}
	fallback = strings.NewReplacer(`"`, "_", `\`, "_", "%", "_", ";", "_").Replace(fallback)
	v := mime.FormatMediaType("attachment", map[string]string{"filename": fallback})
	if v == "" {
		v = `attachment; filename="gongkai` + extOf(name) + `"`
	}
	return v + "; filename*=UTF-8''" + rfc5987(name)
}

// rfc5987 percent-encodes s as an RFC 5987 value: every byte that is not an
// attr-char (letters, digits and !#$&+-.^_`|~) becomes %XX.
func rfc5987(s string) string {
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexd[c>>4])
		b.WriteByte(hexd[c&15])
	}
	return b.String()
}

func extOf(name string) string {
	for _, f := range formats {
		if strings.HasSuffix(name, f.Ext) {
			return f.Ext
		}
	}
	return ""
}

// sendFile writes a download.
func sendFile(w http.ResponseWriter, data []byte, f format, name string) {
	h := w.Header()
	h.Set("Content-Type", f.Type)
	h.Set("Content-Disposition", contentDisposition(name+f.Ext))
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}
