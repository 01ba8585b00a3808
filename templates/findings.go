package templates

import (
	"strconv"

	"gongkai/layout"
	"gongkai/model"
)

// FindingsSheet lays out the sheet 核对结果: one row per finding in the
// order given (级别 错误/警告/提示, 规则, 表, 行, 列, 说明); error rows are
// bold. With no findings it says so in one row.
//
// 行 is the row the finding names (e.g. 2010350 事业运行), or 第N行 of the
// source text when the finding is about a line; 列 is the column title, or
// the narrative key when the finding is about the text.
func FindingsSheet(fs []model.Finding) layout.Sheet {
	s := layout.Sheet{
		ID:    "findings",
		Name:  "核对结果",
		Title: "核对结果",
		Columns: []layout.Column{
			col("severity", layout.KindText, 3),
			col("rule", layout.KindCode, 4),
			col("table", layout.KindText, 4),
			col("row", layout.KindText, 12),
			col("column", layout.KindText, 11),
			col("message", layout.KindText, 40),
		},
		Header: []layout.HeaderCell{
			hc(1, 1, 1, 1, "级别"), hc(1, 2, 1, 1, "规则"), hc(1, 3, 1, 1, "表"),
			hc(1, 4, 1, 1, "行"), hc(1, 5, 1, 1, "列"), hc(1, 6, 1, 1, "说明"),
		},
		HeaderRows: 1,
		Decimals:   decimals,
		Page:       layout.Page{Landscape: true, FitWidth: true, RepeatHeader: true},
	}
	for i, f := range fs {
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
		s.Rows = append(s.Rows, layout.Row{
			Cells: []layout.Cell{
				layout.TextCell(f.Severity.Chinese()), layout.TextCell(f.Rule), layout.TextCell(table),
				layout.TextCell(row), layout.TextCell(column), layout.TextCell(f.Message),
			},
			Emphasis: e,
			Level:    1,
			Ref:      "findings[" + strconv.Itoa(i) + "]",
		})
	}
	if len(fs) == 0 {
		s.Rows = append(s.Rows, spanRow(6, "未发现问题", "findings"))
	}
	return s
}
