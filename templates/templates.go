package templates

import (
	"fmt"
	"strconv"
	"time"

	"gongkai/layout"
	"gongkai/model"
)

// decimals is the number of places every amount of the ten tables shows.
const decimals = 2

// Document lays out the ten tables of d in the official order (表一 … 表十),
// one sheet each. With o.OnlyPresent the tables d does not give are left
// out; otherwise they print empty with their note.
//
// The document title is e.g. 天门市12345公共服务热线中心2023年部门预算公开表,
// its author the department, and its date d.Date (or 1 January of the year),
// so the same input always gives the same document.
func Document(d *model.Disclosure, o Options) (layout.Document, error) {
	if d == nil {
		return layout.Document{}, ErrNoDisclosure
	}
	date, err := documentDate(d)
	if err != nil {
		return layout.Document{}, err
	}
	doc := layout.Document{
		Title:   fmt.Sprintf("%s%d年部门预算公开表", d.Department, d.Year),
		Author:  d.Department,
		Subject: fmt.Sprintf("%d年部门预算公开", d.Year),
		Date:    date,
	}
	for _, id := range model.AllTables {
		if o.OnlyPresent && !d.Tables.Present(id) {
			continue
		}
		s, err := Sheet(d, id, o)
		if err != nil {
			return layout.Document{}, err
		}
		doc.Sheets = append(doc.Sheets, s)
	}
	return doc, nil
}

// Sheet lays out one table of d. A table d does not give prints empty with
// its note, unless o.OnlyPresent is set, when Sheet returns ErrTableAbsent.
func Sheet(d *model.Disclosure, id model.TableID, o Options) (layout.Sheet, error) {
	if d == nil {
		return layout.Sheet{}, ErrNoDisclosure
	}
	if !id.Valid() {
		return layout.Sheet{}, fmt.Errorf("%w: %q", ErrUnknownTable, string(id))
	}
	if d.Unit != "" && d.Unit != model.UnitWanYuan && d.Unit != model.UnitYuan {
		return layout.Sheet{}, fmt.Errorf("%w: %q", ErrBadUnit, d.Unit)
	}
	if o.OnlyPresent && !d.Tables.Present(id) {
		return layout.Sheet{}, fmt.Errorf("%w: %s %s", ErrTableAbsent, id.Number(), id.Name())
	}
	b := builder{d: d, l: o.labels()}
	t := &d.Tables
	switch id {
	case model.T01:
		return b.summary(formT01, t.T01), nil
	case model.T02:
		return b.income(t.T02), nil
	case model.T03:
		return b.expenditure(formT03, t.T03), nil
	case model.T04:
		return b.summary(formT04, t.T04), nil
	case model.T05:
		return b.expenditure(formT05, t.T05), nil
	case model.T06:
		return b.basic(t.T06), nil
	case model.T07:
		return b.threePublic(t.T07), nil
	case model.T08:
		return b.expenditure(formT08, t.T08), nil
	case model.T09:
		return b.procurement(t.T09), nil
	default: // model.T10
		return b.expenditure(formT10, t.T10), nil
	}
}

func documentDate(d *model.Disclosure) (time.Time, error) {
	if d.Date == "" {
		return time.Date(d.Year, time.January, 1, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", d.Date)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q", ErrBadDate, d.Date)
	}
	return t, nil
}

// form is the fixed part of one table: its header grid as the spec writes
// it and its columns.
type form struct {
	id         model.TableID
	columns    []layout.Column
	header     []layout.HeaderCell // without the column-number row
	headerRows int                 // rows of header, without the column-number row
	numberRow  bool                // a row 1 2 3 … follows the header
	nameCol    int                 // 0-based column of the 合计 label
}

// hc is a header cell in the spec's notation: 1-based row and column,
// rowspan, colspan.
func hc(r, c, rowSpan, colSpan int, text string) layout.HeaderCell {
	return layout.HeaderCell{Row: r - 1, Col: c - 1, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func col(key string, kind layout.ColumnKind, width float64) layout.Column {
	return layout.Column{Key: key, Kind: kind, Width: width}
}

// Column widths in CJK character widths.
const (
	wCode     = 4.5
	wUnitName = 14.5
	wFuncName = 14.5
	wAmount   = 6
)

// builder lays out the tables of one disclosure.
type builder struct {
	d *model.Disclosure
	l *Labels
}

// sheet returns the frame of form f: names, title, units line, header with
// the column-number row, page intent; rows and notes are the caller's.
func (b builder) sheet(f form) layout.Sheet {
	title := b.l.Titles[f.id]
	if title == "" {
		title = f.id.Name()
	}
	unit := b.d.Unit
	if unit == "" {
		unit = model.UnitWanYuan
	}
	s := layout.Sheet{
		ID:         string(f.id),
		Name:       f.id.Number() + " " + f.id.Name(),
		Title:      title,
		UnitLine:   "单位：" + unit,
		Columns:    append([]layout.Column(nil), f.columns...),
		Header:     append([]layout.HeaderCell(nil), f.header...),
		HeaderRows: f.headerRows,
		NumberRow:  f.numberRow,
		Decimals:   decimals,
		Page:       layout.Page{Landscape: true, FitWidth: true, RepeatHeader: true},
	}
	if f.numberRow {
		for c := range f.columns {
			s.Header = append(s.Header, layout.HeaderCell{Row: f.headerRows, Col: c, RowSpan: 1, ColSpan: 1, Text: strconv.Itoa(c + 1)})
		}
		s.HeaderRows++
	}
	return s
}

// notes returns the notes under a table: the note the data states, else the
// default note when the table is empty.
func (b builder) notes(id model.TableID, stated string, empty bool) []string {
	if stated != "" {
		return []string{stated}
	}
	if empty && b.l.EmptyNotes[id] != "" {
		return []string{b.l.note(b.l.EmptyNotes[id], b.d.Year)}
	}
	return nil
}

// emptyRow is the 合计 row of an empty table: the label and nothing else.
func (b builder) emptyRow(f form) layout.Row {
	cells := make([]layout.Cell, len(f.columns))
	for i := range cells {
		cells[i] = layout.Cell{Empty: true}
	}
	cells[f.nameCol] = layout.TextCell(b.l.Total)
	return layout.Row{Cells: cells, Emphasis: layout.Bold, Level: 0, Ref: string(f.id) + ".rows"}
}

// amount is the display cell of a; showZero says whether a zero prints
// 0.00 (表六) or as an empty cell (表三, 表五).
func amount(a model.Amount, showZero bool) layout.Cell {
	return layout.AmountCell(a.Decimal(), a.IsBlank(), decimals, showZero)
}

// number is a count or quantity shown as stated (not rounded).
func number(a model.Amount) layout.Cell {
	if a.IsBlank() {
		return layout.Cell{Empty: true}
	}
	return layout.Cell{Text: a.String(), Value: a.Decimal(), Numeric: true}
}

// depth is the place of a row level in the hierarchy 合计 → 科室 → 部门 →
// 单位 → detail (and 合计 → 类 → 款 in 表六).
func depth(l model.Level) int {
	switch l {
	case model.LevelTotal:
		return 0
	case model.LevelSection, model.LevelClass:
		return 1
	case model.LevelDepartment, model.LevelItem:
		return 2
	case model.LevelUnit:
		return 3
	}
	return 4
}

// emphasis returns Bold for 合计 rows.
func emphasis(l model.Level) layout.Emphasis {
	if l == model.LevelTotal {
		return layout.Bold
	}
	return layout.Plain
}

// unitName is the name printed in a unit-based row: 合计 rows that state no
// name print Labels.Total.
func (b builder) unitName(l model.Level, name string) string {
	if name == "" && l == model.LevelTotal {
		return b.l.Total
	}
	return name
}

func ref(id model.TableID, part string, i int) string {
	return fmt.Sprintf("%s.%s[%d]", id, part, i)
}

// rows lays out a table of rows in the order the data states them. A table
// the data does not give (nil) or gives without rows prints one empty 合计
// row and the empty-table note; otherwise row builds each data row and the
// table's own note, if any, goes under the grid.
func rows[R any](b builder, f form, present bool, data []R, note string, row func(r R) layout.Row) layout.Sheet {
	s := b.sheet(f)
	if !present || len(data) == 0 {
		s.Rows = []layout.Row{b.emptyRow(f)}
		s.Notes = b.notes(f.id, note, true)
		return s
	}
	for i, r := range data {
		lr := row(r)
		lr.Ref = ref(f.id, "rows", i)
		s.Rows = append(s.Rows, lr)
	}
	s.Notes = b.notes(f.id, note, false)
	return s
}

// unitRow is a body row of a unit-based table at the row's level.
func unitRow(l model.Level, cells ...layout.Cell) layout.Row {
	return layout.Row{Cells: cells, Emphasis: emphasis(l), Level: depth(l)}
}
