package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// WriteReports writes dir/核对汇总.xlsx and dir/report.jsonl for the
// results (sorted by input), both or neither. date is the workbook's
// document date (zero: 1980-01-01, so that the same results give the same
// bytes).
func WriteReports(dir string, results []Result, date time.Time) error {
	rs := append([]Result(nil), results...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Input < rs[j].Input })
	doc := SummaryDocument(rs)
	doc.Date = date
	return atomicfile.WriteAll([]atomicfile.File{
		{Path: filepath.Join(dir, SummaryName), Write: func(w *bufio.Writer) error { return xlsx.Write(w, doc, xlsx.Options{}) }},
		{Path: filepath.Join(dir, ReportName), Write: func(w *bufio.Writer) error { return WriteJSONL(w, rs) }},
	})
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
// returns their results joined and sorted by input. A department that
// appears in two reports is an error naming both places, and so is a line
// that is not a result.
func ReadReports(paths ...string) ([]Result, error) {
	var out []Result
	where := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		line := 0
		for len(b) > 0 {
			var l []byte
			l, b, _ = bytes.Cut(b, []byte("\n"))
			line++
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
				return nil, fmt.Errorf("%s:%d: 不是 gongkai batch 的报告行: %v", p, line, err)
			}
			here := p + ":" + strconv.Itoa(line)
			if prev, ok := where[r.Input]; ok {
				return nil, fmt.Errorf("%s: %s 已在 %s 出现；同一部门不应出现在两份报告中（分片重叠？）", here, r.Input, prev)
			}
			where[r.Input] = here
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Input < out[j].Input })
	return out, nil
}

// SummaryDocument lays out 核对汇总: the sheet 部门汇总 (one row per
// department) and the sheet 全部发现 (every finding, with its department).
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
			col("outputs", layout.KindText, 16), col("remark", layout.KindText, 24),
		},
		Header:     header("序号", "输入文件", "部门", "年度", "状态", "错误", "警告", "提示", "单位", "收入总计", "支出总计", "输出文件", "说明"),
		HeaderRows: 1, Decimals: 2, Page: page,
	}
	var nErr, nWarn, nNote, nBad int
	for i, r := range rs {
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
		sum.Rows = append(sum.Rows, layout.Row{
			Cells: []layout.Cell{
				intCell(i + 1), layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell(year),
				layout.TextCell(r.Status.Chinese()), intCell(r.Errors), intCell(r.Warnings), intCell(r.Notes),
				layout.TextCell(r.Unit), amountCell(r.Income), amountCell(r.Expenditure),
				layout.TextCell(strings.Join(outs, "、")), layout.TextCell(remark),
			},
			Emphasis: e, Level: 1, Ref: r.Input,
		})
	}
	total := fmt.Sprintf("合计 %d 个部门，%d 个未通过", len(rs), nBad)
	sum.Rows = append(sum.Rows, layout.Row{
		Cells: []layout.Cell{
			{Text: total, ColSpan: 5}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true},
			intCell(nErr), intCell(nWarn), intCell(nNote),
			{Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true},
		},
		Emphasis: layout.Bold, Ref: "total",
	})

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
	for _, r := range rs {
		if r.Status == StatusFailed {
			all.Rows = append(all.Rows, layout.Row{Cells: []layout.Cell{
				layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell("失败"), {Empty: true},
				{Empty: true}, {Empty: true}, {Empty: true}, layout.TextCell(r.Error),
			}, Emphasis: layout.Bold, Level: 1, Ref: r.Input})
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
			all.Rows = append(all.Rows, layout.Row{Cells: []layout.Cell{
				layout.TextCell(r.Input), layout.TextCell(r.Department), layout.TextCell(f.Severity.Chinese()),
				layout.TextCell(f.Rule), layout.TextCell(table), layout.TextCell(row), layout.TextCell(column),
				layout.TextCell(f.Message),
			}, Emphasis: e, Level: 1, Ref: r.Input})
		}
	}
	if len(all.Rows) == 0 {
		all.Rows = append(all.Rows, layout.Row{Cells: []layout.Cell{
			{Text: "未发现问题", ColSpan: 8}, {Empty: true}, {Empty: true}, {Empty: true},
			{Empty: true}, {Empty: true}, {Empty: true}, {Empty: true},
		}})
	}
	return layout.Document{Title: "批量核对汇总", Subject: "部门预算公开批量核对", Sheets: []layout.Sheet{sum, all}}
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
