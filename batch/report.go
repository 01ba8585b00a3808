package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"gongkai/exporter/xlsx"
	"gongkai/internal/atomicfile"
	"gongkai/layout"
	"gongkai/model"
)

// The files WriteReports writes into the output directory.
const (
	ReportName  = "report.jsonl"
	SummaryName = "核对汇总.xlsx"
)

// Report is the outcome of a run (or of joined reports): one Result per
// department, sorted by input once complete. Each department's whole result,
// findings included, is kept as a JSON line in a temporary file rather than
// in memory, so that memory does not grow with the number of departments:
// the Results here have no Findings; Findings(i) reads them back. Close
// removes the file.
type Report struct {
	Results []Result
	spool   *os.File
	w       *bufio.Writer
	size    int64
	lines   []span // where Results[i]'s line is in the spool
	// the spool's name was removed when it was made
	unlinked bool
}

type span struct{ off, n int64 }

func newReport() (*Report, error) {
	f, err := os.CreateTemp("", "gongkai-batch-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	// Unlinked at once where the system allows it (the open file stays
	// readable), so that a run killed before Close leaves nothing behind;
	// where it does not (Windows), Close removes it.
	rep := &Report{spool: f, w: bufio.NewWriterSize(f, 64<<10)}
	rep.unlinked = os.Remove(f.Name()) == nil
	return rep, nil
}

// add keeps r: its line in the spool, itself without findings and build
// report in memory.
func (rep *Report) add(r Result) error {
	b, err := marshalLine(&r)
	if err != nil {
		return err
	}
	return rep.addLine(r, b)
}

func (rep *Report) addLine(r Result, line []byte) error {
	if _, err := rep.w.Write(line); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	rep.lines = append(rep.lines, span{rep.size, int64(len(line))})
	rep.size += int64(len(line))
	r.Findings, r.Ledger = nil, nil
	rep.Results = append(rep.Results, r)
	return nil
}

func marshalLine(r *Result) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sort orders the results by input.
func (rep *Report) sort() {
	idx := make([]int, len(rep.Results))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rep.Results[idx[a]].Input < rep.Results[idx[b]].Input })
	rs := make([]Result, len(idx))
	ls := make([]span, len(idx))
	for i, j := range idx {
		rs[i], ls[i] = rep.Results[j], rep.lines[j]
	}
	rep.Results, rep.lines = rs, ls
}

// line returns the JSON line of Results[i].
func (rep *Report) line(i int) ([]byte, error) {
	if err := rep.w.Flush(); err != nil {
		return nil, err
	}
	b := make([]byte, rep.lines[i].n)
	if _, err := rep.spool.ReadAt(b, rep.lines[i].off); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	return b, nil
}

// Result returns Results[i] with its findings.
func (rep *Report) Result(i int) (Result, error) {
	b, err := rep.line(i)
	if err != nil {
		return Result{}, err
	}
	var r Result
	if err := json.Unmarshal(b, &r); err != nil {
		return Result{}, fmt.Errorf("batch: %w", err)
	}
	return r, nil
}

// Close removes the report's temporary file.
func (rep *Report) Close() error {
	if rep == nil || rep.spool == nil {
		return nil
	}
	name := rep.spool.Name()
	err := rep.spool.Close()
	if !rep.unlinked {
		if rerr := os.Remove(name); err == nil {
			err = rerr
		}
	}
	rep.spool = nil
	return err
}

// WriteReports writes dir/核对汇总.xlsx and dir/report.jsonl for the report,
// both or neither. date is the workbook's document date (zero: 1980-01-01,
// so that the same results give the same bytes).
func WriteReports(dir string, rep *Report, date time.Time) error {
	doc := SummaryDocument(nil) // the frames; the rows come one at a time
	doc.Date = date
	var readErr error
	findings := func(yield func(layout.Row) bool) {
		n := 0
		for i := range rep.Results {
			if len(rep.Results[i].Error) == 0 && rep.Results[i].Errors+rep.Results[i].Warnings+rep.Results[i].Notes == 0 {
				continue // nothing to read back
			}
			r, err := rep.Result(i)
			if err != nil {
				readErr = err
				return
			}
			for _, row := range findingRows(&r) {
				n++
				if !yield(row) {
					return
				}
			}
		}
		if n == 0 {
			yield(layout.Row{Cells: []layout.Cell{
				{Text: "未发现问题", ColSpan: 8}, {Empty: true}, {Empty: true}, {Empty: true},
				{Empty: true}, {Empty: true}, {Empty: true}, {Empty: true},
			}})
		}
	}
	opts := xlsx.Options{Rows: map[string]func(func(layout.Row) bool){
		"summary": summaryRows(rep.Results), "findings": findings,
	}}
	err := atomicfile.WriteAll([]atomicfile.File{
		{Path: filepath.Join(dir, SummaryName), Write: func(w *bufio.Writer) error {
			if err := xlsx.Write(w, doc, opts); err != nil {
				return err
			}
			return readErr
		}},
		{Path: filepath.Join(dir, ReportName), Write: func(w *bufio.Writer) error {
			for i := range rep.Results {
				b, err := rep.line(i)
				if err != nil {
					return err
				}
				if _, err := w.Write(b); err != nil {
					return err
				}
			}
			return nil
		}},
	})
	return err
}

// WriteJSONL writes one JSON object per result and line.
func WriteJSONL(w io.Writer, results []Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range results {
		if err := enc.Encode(&results[i]); err != nil {
			return err
		}
	}
	return nil
}

// ReadReports reads report.jsonl files (of the shares of one run) and
// returns them joined in one Report sorted by input. A department that
// appears in two reports is an error naming both places, and so is a line
// that is not a result. The caller closes the Report.
func ReadReports(paths ...string) (*Report, error) {
	rep, err := newReport()
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Report, error) {
		rep.Close()
		return nil, err
	}
	where := map[string]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fail(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 64<<20)
		line := 0
		for sc.Scan() {
			line++
			l := sc.Bytes()
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			var r Result
			dec := json.NewDecoder(bytes.NewReader(l))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil || r.Input == "" {
				if err == nil {
					err = fmt.Errorf("no \"input\"")
				}
				f.Close()
				return fail(fmt.Errorf("%s:%d: 不是 gongkai batch 的报告行: %v", p, line, err))
			}
			here := p + ":" + strconv.Itoa(line)
			if prev, ok := where[r.Input]; ok {
				f.Close()
				return fail(fmt.Errorf("%s: %s 已在 %s 出现；同一部门不应出现在两份报告中（分片重叠？）", here, r.Input, prev))
			}
			where[r.Input] = here
			b, err := marshalLine(&r)
			if err != nil {
				f.Close()
				return fail(err)
			}
			if err := rep.addLine(r, b); err != nil {
				f.Close()
				return fail(err)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return fail(fmt.Errorf("%s: %w", p, err))
		}
	}
	rep.sort()
	return rep, nil
}

// SummaryDocument lays out 核对汇总: the sheet 部门汇总 (one row per
// department) and the frame of the sheet 全部发现 (ID "findings"), whose
// rows WriteReports gives one department at a time (findingRows).
func SummaryDocument(rs []Result) layout.Document {
	page := layout.Page{Landscape: true, FitWidth: true, RepeatHeader: true}
	header := func(titles ...string) []layout.HeaderCell {
		h := make([]layout.HeaderCell, len(titles))
		for i, t := range titles {
			h[i] = layout.HeaderCell{Row: 0, Col: i, RowSpan: 1, ColSpan: 1, Text: t}
		}
		return h
	}
	col := func(key string, kind layout.ColumnKind, w float64) layout.Column {
		return layout.Column{Key: key, Kind: kind, Width: w}
	}
	sum := layout.Sheet{
		ID: "summary", Name: "部门汇总", Title: "批量核对汇总",
		Columns: []layout.Column{
			col("n", layout.KindNumber, 3), col("input", layout.KindText, 16), col("department", layout.KindText, 14),
			col("year", layout.KindCode, 3), col("status", layout.KindText, 4),
			col("errors", layout.KindNumber, 3), col("warnings", layout.KindNumber, 3), col("notes", layout.KindNumber, 3),
			col("unit", layout.KindText, 3), col("income", layout.KindAmount, 7), col("expenditure", layout.KindAmount, 7),
			col("moved", layout.KindNumber, 4),
			col("outputs", layout.KindText, 16), col("remark", layout.KindText, 24),
		},
		Header:     header("序号", "输入文件", "部门", "年度", "状态", "错误", "警告", "提示", "单位", "收入总计", "支出总计", "舍入调整格数", "输出文件", "说明"),
		HeaderRows: 1, Decimals: 2, Page: page,
	}
	sum.Rows = slices.Collect(summaryRows(rs))
	all := layout.Sheet{
		ID: "findings", Name: "全部发现", Title: "全部发现",
		Columns: []layout.Column{
			col("input", layout.KindText, 16), col("department", layout.KindText, 14),
			col("severity", layout.KindText, 3), col("rule", layout.KindCode, 4), col("table", layout.KindText, 4),
			col("row", layout.KindText, 12), col("column", layout.KindText, 10), col("message", layout.KindText, 40),
		},
		Header:     header("输入文件", "部门", "级别", "规则", "表", "行", "列", "说明"),
		HeaderRows: 1, Decimals: 2, Page: page,
	}
	return layout.Document{Title: "批量核对汇总", Subject: "部门预算公开批量核对", Sheets: []layout.Sheet{sum, all}}
}

// summaryRows are the rows of 部门汇总: one per department, then the total.
func summaryRows(rs []Result) func(yield func(layout.Row) bool) {
	return func(yield func(layout.Row) bool) {
		var nErr, nWarn, nNote, nBad, nMoved int
		for i := range rs {
			r := &rs[i]
			remark := r.Error
			switch {
			case r.UpToDate:
				remark = "文件已是最新，未重写"
			case r.Status == StatusErrors && len(r.Outputs) == 0:
				remark = "核对发现错误，未写出文件"
			}
			var outs []string
			for _, o := range r.Outputs {
				outs = append(outs, filepath.Base(o))
			}
			year := ""
			if r.Year != 0 {
				year = strconv.Itoa(r.Year)
			}
			e := layout.Plain
			if r.Failed() {
				e = layout.Bold
				nBad++
			}
			nErr += r.Errors
			nWarn += r.Warnings
			nNote += r.Notes
			nMoved += r.Moved
			if !yield(layout.Row{
				Cells: []layout.Cell{
					intCell(i + 1), layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell(year),
					layout.TextCell(r.Status.Chinese()), intCell(r.Errors), intCell(r.Warnings), intCell(r.Notes),
					layout.TextCell(r.Unit), amountCell(r.Income), amountCell(r.Expenditure), movedCell(r),
					layout.TextCell(strings.Join(outs, "、")), layout.TextCell(remark),
				},
				Emphasis: e, Level: 1, Ref: r.Input,
			}) {
				return
			}
		}
		total := fmt.Sprintf("合计 %d 个部门，%d 个未通过", len(rs), nBad)
		yield(layout.Row{
			Cells: []layout.Cell{
				{Text: total, ColSpan: 5}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true},
				intCell(nErr), intCell(nWarn), intCell(nNote),
				{Empty: true}, {Empty: true}, {Empty: true}, intCell(nMoved), {Empty: true}, {Empty: true},
			},
			Emphasis: layout.Bold, Ref: "total",
		})
	}
}

// findingRows are the rows of 全部发现 for one department: its failure, if
// it failed, and every finding.
func findingRows(r *Result) []layout.Row {
	var rows []layout.Row
	if r.Status == StatusFailed {
		// One row per problem (a ledger's problems are one a line).
		for _, msg := range strings.Split(r.Error, "\n") {
			rows = append(rows, layout.Row{Cells: []layout.Cell{
				layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell("失败"), {Empty: true},
				{Empty: true}, {Empty: true}, {Empty: true}, layout.TextCell(msg),
			}, Emphasis: layout.Bold, Level: 1, Ref: r.Input})
		}
	}
	for _, f := range r.Findings {
		row := f.Row
		if row == "" && f.Line > 0 {
			row = "第" + strconv.Itoa(f.Line) + "行"
		}
		column := f.Column
		if column == "" {
			column = f.Field
		}
		table := ""
		if f.Table.Valid() {
			table = f.Table.Number()
		}
		e := layout.Plain
		if f.Severity == model.SeverityError {
			e = layout.Bold
		}
		rows = append(rows, layout.Row{Cells: []layout.Cell{
			layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell(f.Severity.Chinese()),
			layout.TextCell(f.Rule), layout.TextCell(table), layout.TextCell(row), layout.TextCell(column),
			layout.TextCell(f.Message),
		}, Emphasis: e, Level: 1, Ref: r.Input})
	}
	return rows
}

// movedCell is the count of a ledger's moved cells; empty for other inputs.
func movedCell(r *Result) layout.Cell {
	if r.Kind != "ledger" || r.Status == StatusFailed {
		return layout.Cell{Empty: true}
	}
	return intCell(r.Moved)
}

func intCell(n int) layout.Cell {
	s := strconv.Itoa(n)
	return layout.Cell{Text: s, Value: decimal.NewFromInt(int64(n)), Numeric: true}
}

// amountCell shows a blank amount (no 表一) as an empty cell, never as 0.
func amountCell(a model.Amount) layout.Cell {
	if a.IsBlank() {
		return layout.Cell{Empty: true}
	}
	return layout.AmountCell(a.Decimal(), false, 2, true)
}
