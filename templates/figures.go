package templates

import (
	"strconv"

	"gongkai/layout"
	"gongkai/model"
)

// FiguresSheet lays out the sheet 文中数据 of a converted text disclosure:
// every figure the importer read (序号, 项目, 数值, 单位, 键, 来源行), values
// as stated (0.01356 keeps its five places), then the sentences with a
// number that no rule read, each with its line, so that nothing is dropped
// silently.
func FiguresSheet(figs []model.Figure, unread []model.Unread) layout.Sheet {
	s := layout.Sheet{
		ID:       "figures",
		Name:     "文中数据",
		Title:    "文中数据",
		UnitLine: "",
		Columns: []layout.Column{
			col("no", layout.KindNumber, 3),
			col("label", layout.KindText, 16),
			col("value", layout.KindNumber, 7),
			col("unit", layout.KindText, 4),
			col("key", layout.KindText, 14),
			col("line", layout.KindNumber, 4),
		},
		Header: []layout.HeaderCell{
			hc(1, 1, 1, 1, "序号"), hc(1, 2, 1, 1, "项目"), hc(1, 3, 1, 1, "数值"),
			hc(1, 4, 1, 1, "单位"), hc(1, 5, 1, 1, "键"), hc(1, 6, 1, 1, "来源行"),
		},
		HeaderRows: 1,
		Decimals:   decimals,
		Page:       layout.Page{Landscape: true, FitWidth: true, RepeatHeader: true},
	}
	for i, f := range figs {
		s.Rows = append(s.Rows, layout.Row{
			Cells: []layout.Cell{
				intCell(i + 1), layout.TextCell(f.Label), number(f.Value),
				layout.TextCell(f.Unit), layout.TextCell(f.Key), intCell(f.Line),
			},
			Level: 1,
			Ref:   "figures[" + strconv.Itoa(i) + "]",
		})
	}
	if len(figs) == 0 {
		s.Rows = append(s.Rows, spanRow(6, "未读取到数据", "figures"))
	}
	if len(unread) > 0 {
		title := spanRow(6, "未能识别的含数字句子（共"+strconv.Itoa(len(unread))+"句）", "unread")
		title.Emphasis = layout.Bold
		s.Rows = append(s.Rows, title)
		for i, u := range unread {
			cells := []layout.Cell{intCell(i + 1), {Text: u.Text, ColSpan: 4}, {Empty: true}, {Empty: true}, {Empty: true}, intCell(u.Line)}
			s.Rows = append(s.Rows, layout.Row{Cells: cells, Level: 1, Ref: "unread[" + strconv.Itoa(i) + "]"})
		}
	}
	return s
}

// spanRow is a row whose text spans all width columns.
func spanRow(width int, text, ref string) layout.Row {
	cells := make([]layout.Cell, width)
	for i := range cells {
		cells[i] = layout.Cell{Empty: true}
	}
	cells[0] = layout.Cell{Text: text, ColSpan: width, Align: layout.AlignLeft}
	return layout.Row{Cells: cells, Ref: ref}
}

// intCell is a count such as a row number or a line; 0 (unknown) is empty.
func intCell(n int) layout.Cell {
	if n == 0 {
		return layout.Cell{Empty: true}
	}
	a := model.MustAmount(strconv.Itoa(n))
	return layout.Cell{Text: a.String(), Value: a.Decimal(), Numeric: true}
}
