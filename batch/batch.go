package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"gongkai/check"
	"gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/exporter/xlsx"
	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
	"gongkai/inputs"
	"gongkai/internal/atomicfile"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/narrative"
	"gongkai/templates"
)

// Options configure Run. The zero value writes both formats into the
// current directory with one worker per CPU.
type Options struct {
	Out string // output directory ("" is the current directory)
	// Formats are the outputs of each department, as 'gongkai export'
	// names them: "xlsx" (NAME.xlsx), "pdf" (NAME.pdf), "doc" (the whole
	// disclosure document, NAME-公开.pdf), "html" (NAME.html). Nil or empty
	// means xlsx and pdf.
	Formats []string
	Jobs    int // departments worked on at once; 0 means GOMAXPROCS
	// Force writes a department's files even when the checks find errors
	// (as 'gongkai export --force'); otherwise such a department gets no files.
	Force bool
	// Resume leaves a department's files alone when every one of them
	// exists and is newer than the input and than VersionTime, and the
	// previous report (OUT/report.jsonl) names the same Version for it. The
	// department is still loaded and checked, so the reports stay complete.
	Resume      bool
	Version     string    // the gongkai version, recorded in every Result
	VersionTime time.Time // when this gongkai was built (e.g. its executable's time)
	// Font is the PDF font; nil means the embedded WenQuanYi Micro Hei.
	Font   *fonts.Font
	Inputs inputs.Options
	// Check tunes the checks of every department (Exact; Catalog, a
	// region's function catalog, usually the one Inputs.Build.Catalog
	// builds ledgers with); Tables is set from each department's layout.
	Check     check.Options
	Templates templates.Options // the tables (profile); also used by doc and html
	// Narrative chooses the wording of the text parts of doc and html
	// (Style, Dir); its Tables field is set from Templates.
	Narrative narrative.Options
	// Date, when set, is the document date of every output (as
	// SOURCE_DATE_EPOCH for export); otherwise each input's own date.
	Date time.Time
	// List gives the ledgers it names their own details and companion
	// files (ReadList); their paths are among those given to Run
	// (List.Inputs). Nil: none.
	List *List
	// Progress, when set, is called after each department, from one
	// goroutine at a time, with the number done so far and the total.
	Progress func(done, total int, r *Result)
}

// Status is a department's outcome.
type Status string

// Statuses.
const (
	StatusOK     Status = "ok"     // checked without errors; files written (or up to date)
	StatusErrors Status = "errors" // the checks found errors; files written only with Force
	StatusFailed Status = "failed" // the input could not be read or a file not written
)

// Chinese returns the status as the summary prints it.
func (s Status) Chinese() string {
	switch s {
	case StatusOK:
		return "通过"
	case StatusErrors:
		return "有错误"
	case StatusFailed:
		return "失败"
	}
	return string(s)
}

// Result is one department's outcome; report.jsonl holds one per line.
type Result struct {
	Input      string `json:"input"` // the input file, as given
	Name       string `json:"name"`  // output name: the input's file name without extension
	Kind       string `json:"kind,omitempty"`
	Department string `json:"department,omitempty"`
	Year       int    `json:"year,omitempty"`
	Unit       string `json:"unit,omitempty"`
	Status     Status `json:"status"`
	Errors     int    `json:"errors"`
	Warnings   int    `json:"warnings"`
	Notes      int    `json:"notes"`
	// Income and Expenditure are 表一's 收入总计 and 支出总计 (blank when the
	// input has no 表一).
	Income      model.Amount    `json:"income"`
	Expenditure model.Amount    `json:"expenditure"`
	Outputs     []string        `json:"outputs,omitempty"`    // files of this department, written or up to date
	UpToDate    bool            `json:"up_to_date,omitempty"` // Resume found the files current and left them
	Error       string          `json:"error,omitempty"`      // why the department failed
	Findings    []model.Finding `json:"findings,omitempty"`
	// Moved is, for a ledger of budget lines, how many of its cells the
	// build's controlled rounding printed away from their nearest rounding
	// (Ledger.Moved lists them).
	Moved int `json:"moved,omitempty"`
	// Ledger is, for a ledger of budget lines, what its build reports, as
	// the web page's findings JSON gives it under "ledger"; its notes (提示)
	// are also among the Findings (rule BUILD).
	Ledger  *inputs.LedgerReport `json:"ledger,omitempty"`
	Version string               `json:"version,omitempty"`
}

// Failed reports whether the department makes the run's exit status 1:
// its checks found errors or it failed.
func (r *Result) Failed() bool { return r.Status != StatusOK }

// ErrInterrupted is returned by Run (wrapping the context's error) when the
// context was cancelled before every department was done.
var ErrInterrupted = errors.New("batch: interrupted")

// Run works through the inputs (files, as Expand returns them) with
// o.Jobs workers and returns a Report of the departments that were
// finished. When ctx is cancelled the workers finish the department they
// are writing (its files are renamed into place together, or not at all)
// and Run returns the finished ones with an error wrapping ErrInterrupted.
// Other errors are about the run as a whole (bad options, no font, the
// report's temporary file); a department's problems are in its Result.
// The caller closes the Report.
func Run(ctx context.Context, paths []string, o Options) (*Report, error) {
	r, err := newRunner(o)
	if err != nil {
		return nil, err
	}
	rep, err := newReport()
	if err != nil {
		return nil, err
	}
	names := map[string]string{} // output name → first input with it
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type job struct {
		path string
		dup  string // an earlier input with the same output name
	}
	work := make(chan job)
	done := make(chan Result)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if j.dup != "" {
					res := Result{Input: j.path, Name: baseName(j.path), Status: StatusFailed, Version: o.Version,
						Error: fmt.Sprintf("输出文件名 %s 与 %s 相同，未处理（请改名）", baseName(j.path), j.dup)}
					done <- res
					continue
				}
				done <- r.one(j.path)
			}
		}()
	}
	go func() {
		defer close(work)
		for _, p := range paths {
			n := baseName(p)
			j := job{path: p}
			if first, ok := names[n]; ok {
				j.dup = first
			} else {
				names[n] = p
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	var addErr error
	for res := range done {
		if o.Progress != nil {
			o.Progress(len(rep.Results)+1, len(paths), &res)
		}
		if err := rep.add(res); err != nil && addErr == nil {
			addErr = err
		}
	}
	if addErr != nil {
		rep.Close()
		return nil, addErr
	}
	rep.sort()
	if len(rep.Results) < len(paths) && ctx.Err() != nil {
		return rep, fmt.Errorf("%w after %d of %d departments: %w", ErrInterrupted, len(rep.Results), len(paths), ctx.Err())
	}
	return rep, nil
}

// runner holds what every department shares: the parsed font, the formats,
// the previous report's versions.
type runner struct {
	o        Options
	xlsx     bool
	pdf      bool
	doc      bool
	html     bool
	font     *fonts.Font
	previous map[string]string // input → version in the previous report
}

func newRunner(o Options) (*runner, error) {
	r := &runner{o: o}
	if len(o.Formats) == 0 {
		r.xlsx, r.pdf = true, true
	}
	for _, f := range o.Formats {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case "xlsx":
			r.xlsx = true
		case "pdf":
			r.pdf = true
		case "doc":
			r.doc = true
		case "html":
			r.html = true
		case "":
		default:
			return nil, fmt.Errorf("batch: format %q: 应为 xlsx、pdf、doc 或 html; use xlsx, pdf, doc or html", f)
		}
	}
	if !r.xlsx && !r.pdf && !r.doc && !r.html {
		return nil, fmt.Errorf("batch: no output format")
	}
	if r.pdf || r.doc {
		r.font = o.Font
		if r.font == nil {
			f, err := wqymicrohei.Font()
			if err != nil {
				return nil, err
			}
			r.font = f
		}
	}
	if o.Resume {
		prev, err := ReadReports(filepath.Join(o.Out, ReportName))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		r.previous = map[string]string{}
		if prev != nil {
			for _, p := range prev.Results {
				r.previous[p.Input] = p.Version
			}
			prev.Close()
		}
	}
	return r, nil
}

// one does one department; it never panics the run: a panic in an importer
// or exporter becomes the department's failure.
func (r *runner) one(path string) (res Result) {
	res = Result{Input: path, Name: baseName(path), Version: r.o.Version}
	defer func() {
		if p := recover(); p != nil {
			res.Status = StatusFailed
			res.Outputs = nil
			res.Error = fmt.Sprintf("内部错误（请报告）: %v", p)
		}
	}()
	fail := func(err error) Result {
		res.Status = StatusFailed
		res.Error = err.Error()
		// Every problem of the input is an error of the summary: a ledger
		// with two wrong lines has 2 errors, not 0.
		res.Errors = 1
		var pes model.ParseErrors
		if errors.As(err, &pes) && len(pes) > 0 {
			res.Errors = len(pes)
		}
		return res
	}
	in, err := r.load(path)
	if err != nil {
		// A failed ledger of the list is still named as the list names it.
		if e := r.o.List.Entry(path); e != nil {
			res.Department, res.Year = e.Input.Department, e.Input.Year
		}
		return fail(err)
	}
	d := in.Disclosure
	res.Kind = string(in.Kind)
	res.Department, res.Year, res.Unit = d.Department, d.Year, d.Unit
	if want := r.o.Inputs.Ledger.Defaults.Year; want != 0 && in.Kind == inputs.Ledger && d.Year != want {
		return fail(fmt.Errorf("%s: 年度不符：这份明细是 %d 年的，本批为 %d 年；请核对是否放错了文件，或在明细的“基本信息”或部门清单中改正年度 / the ledger is of %d, the run of %d",
			path, d.Year, want, d.Year, want))
	}
	var notes []model.Finding
	if in.Report != nil {
		res.Ledger = inputs.NewLedgerReport(in.Report, d.Unit)
		res.Moved = len(in.Report.Moved)
		for _, n := range in.Report.Notes {
			msg := n.String()
			if n.FuncCode != "" {
				msg += "（本地区目录用 --catalog 给出）"
			}
			notes = append(notes, model.Finding{Severity: model.SeverityInfo, Rule: "BUILD", Line: n.Pos.Row, Message: msg})
		}
	}
	if t := d.Tables.T01; t != nil {
		res.Income = t.IncomeGrandTotal
		res.Expenditure = t.ExpenditureGrandTotal.Total
	}
	// Without a profile of the run's own, each workbook is laid out and
	// checked in the layout it was read in (a Shanghai workbook as
	// Shanghai tables).
	tmpl := r.o.Templates
	if tmpl.Profile == nil && in.Profile != nil {
		tmpl.Profile = in.Profile
	}
	co := r.o.Check
	co.Tables = tmpl.Profile.DataTables()
	res.Findings = append(append(append([]model.Finding(nil), in.Findings...), notes...), check.Disclosure(d, co)...)
	res.tally()
	res.Status = StatusOK
	if res.Errors > 0 {
		res.Status = StatusErrors
		if !r.o.Force {
			return res
		}
	}
	var files []atomicfile.File
	var doc, whole layout.Document
	if r.xlsx {
		files = append(files, atomicfile.File{Path: filepath.Join(r.o.Out, res.Name+".xlsx"), Write: func(w *bufio.Writer) error {
			return xlsx.Write(w, doc, xlsx.Options{})
		}})
	}
	if r.pdf {
		files = append(files, atomicfile.File{Path: filepath.Join(r.o.Out, res.Name+".pdf"), Write: func(w *bufio.Writer) error {
			return pdf.Write(w, doc, pdf.Options{Font: r.font})
		}})
	}
	if r.doc {
		files = append(files, atomicfile.File{Path: filepath.Join(r.o.Out, res.Name+"-公开.pdf"), Write: func(w *bufio.Writer) error {
			return pdf.Write(w, whole, pdf.Options{Font: r.font})
		}})
	}
	if r.html {
		files = append(files, atomicfile.File{Path: filepath.Join(r.o.Out, res.Name+".html"), Write: func(w *bufio.Writer) error {
			return html.WriteDocument(w, whole)
		}})
	}
	for _, f := range files {
		res.Outputs = append(res.Outputs, f.Path)
	}
	if r.o.Resume && r.upToDate(path, res.Outputs) {
		res.UpToDate = true
		return res
	}
	doc, err = templates.Document(d, tmpl)
	if err != nil {
		res.Outputs = nil
		return fail(err)
	}
	if !r.o.Date.IsZero() {
		doc.Date = r.o.Date
	}
	if r.doc || r.html {
		no := r.o.Narrative
		no.Tables = tmpl
		var notes []model.Finding
		whole, notes, err = narrative.Document(d, no)
		if err != nil {
			res.Outputs = nil
			return fail(err)
		}
		whole.Date = doc.Date
		res.Findings = append(res.Findings, notes...)
		res.tally()
	}
	// An output that is its own input (a workbook exported beside itself) is
	// refused rather than overwritten.
	if err := atomicfile.WriteAll(files, atomicfile.Options{Inputs: []string{path}}); err != nil {
		res.Outputs = nil
		var ge *pdf.GlyphError
		if errors.As(err, &ge) {
			err = fmt.Errorf("字体无法显示数据中的字符，未写出文件: %w", err)
		}
		return fail(err)
	}
	return res
}

// tally counts the findings by severity.
func (r *Result) tally() {
	r.Errors, r.Warnings, r.Notes = 0, 0, 0
	for _, f := range r.Findings {
		switch f.Severity {
		case model.SeverityError:
			r.Errors++
		case model.SeverityWarning:
			r.Warnings++
		default:
			r.Notes++
		}
	}
}

// upToDate: every output exists, is newer than the input (for a ledger of
// the list, than the list and its companion files too) and than the
// gongkai build, and the previous report (if it names the input) was made
// by this version.
func (r *runner) upToDate(input string, outs []string) bool {
	if v, ok := r.previous[input]; ok && v != r.o.Version {
		return false
	}
	// A ledger of the list depends on the list and its companion files too.
	sources := []string{input}
	if e := r.o.List.Entry(input); e != nil {
		sources = append(sources, r.o.List.Name)
		for _, c := range []string{e.Income, e.Texts, e.Prior} {
			if c != "" {
				sources = append(sources, c)
			}
		}
	}
	var newest time.Time
	for _, src := range sources {
		in, err := os.Stat(src)
		if err != nil {
			return false
		}
		if in.ModTime().After(newest) {
			newest = in.ModTime()
		}
	}
	for _, o := range outs {
		st, err := os.Stat(o)
		if err != nil || !st.Mode().IsRegular() || !st.ModTime().After(newest) || !st.ModTime().After(r.o.VersionTime) {
			return false
		}
	}
	return true
}

// baseName is the output name of an input: its file name without extension.
func baseName(path string) string {
	b := filepath.Base(path)
	// No hidden outputs: ".json" gives "disclosure", ".budget.json" "budget"
	// (as 'gongkai export' names them).
	b = strings.TrimLeft(strings.TrimSuffix(b, filepath.Ext(b)), ".")
	if b == "" {
		return "disclosure"
	}
	return b
}
