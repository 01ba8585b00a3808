// Package layout is the renderer-neutral form of the documents gongkai
// writes: sheets with a title, a units line, a header grid with merged
// cells, typed columns and rows of cells already formatted for display.
//
// The templates package builds a Document from the model; the exporters
// (exporter/xlsx, exporter/pdf) draw it and never see the model. layout
// imports none of gongkai's packages.
package layout

import (
	"time"

	"github.com/shopspring/decimal"
)

// Document is an ordered set of sheets, one per table.
type Document struct {
	Title   string    // e.g. 天门市12345公共服务热线中心2023年部门预算公开表
	Author  string    // the publishing department
	Subject string    // e.g. 2023年部门预算公开
	Date    time.Time // document date; exporters write it instead of "now"
	Sheets  []Sheet
}

// ColumnKind says what a column holds.
type ColumnKind string

// Column kinds.
const (
	KindText   ColumnKind = "text"   // names: left-aligned, may wrap
	KindCode   ColumnKind = "code"   // codes: text that keeps its digits (04, 526003)
	KindAmount ColumnKind = "amount" // money: right-aligned, fixed decimals
	KindNumber ColumnKind = "number" // counts and quantities: right-aligned
)

// Column describes one column of the grid.
type Column struct {
	Key   string     // stable id, e.g. "total"
	Kind  ColumnKind //
	Width float64    // in character widths of a CJK glyph (Excel column width ≈ 2 × this)
}

// HeaderCell is one cell of the header grid. Row and Col are 0-based
// positions in the header; RowSpan and ColSpan are at least 1.
type HeaderCell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
}

// Emphasis marks rows that print differently.
type Emphasis string

// Row emphases.
const (
	Plain Emphasis = ""
	Bold  Emphasis = "bold" // 合计 rows, 类 rows of 表六
)

// Cell is one body cell. For an amount column, Value holds the amount
// rounded for display and Text its display form ("231.79", "0.00" or "" for
// a blank cell); Empty is true when the cell shows nothing.
type Cell struct {
	Text    string
	Value   decimal.Decimal // amount and number columns only
	Numeric bool            // Value is meaningful
	Empty   bool            // the cell shows nothing
	ColSpan int             // >1 merges the cell with the ones to its right (they must be empty)
	Align   Align           // overrides the column's default alignment when set
}

// Align is a horizontal alignment.
type Align string

// Alignments.
const (
	AlignDefault Align = ""
	AlignLeft    Align = "left"
	AlignCenter  Align = "center"
	AlignRight   Align = "right"
)

// Row is one body row.
type Row struct {
	Cells    []Cell // one per column
	Emphasis Emphasis
	Level    int    // depth in the table's hierarchy, 0 = total
	Ref      string // where the row comes from, e.g. "t05.rows[3]", for messages
}

// Sheet is one table.
type Sheet struct {
	ID         string // table id, e.g. "t05"
	Name       string // sheet (tab) name, at most 31 characters, e.g. 表五 一般公共预算支出表
	Title      string // printed title, e.g. 一般公共预算支出表
	UnitLine   string // e.g. 单位：万元
	Columns    []Column
	Header     []HeaderCell
	HeaderRows int  // rows of the header grid, including the column-number row
	NumberRow  bool // the last header row is the column-number row 1 2 3 …
	Rows       []Row
	Notes      []string // printed under the grid, e.g. the empty-table note
	Decimals   int32    // places of amount columns (2)
	Page       Page
}

// Page is the print intent of a sheet.
type Page struct {
	Landscape    bool
	FitWidth     bool // fit to one page wide
	RepeatHeader bool // repeat the title block and header rows on every page
}

// AmountCell returns the display cell of amount v rounded half away from
// zero (四舍五入) to places; blank amounts, and zero amounts when showZero is
// false, give an empty cell.
func AmountCell(v decimal.Decimal, blank bool, places int32, showZero bool) Cell {
	if blank {
		if showZero {
			return Cell{Text: decimal.Zero.StringFixed(places), Numeric: true}
		}
		return Cell{Empty: true}
	}
	r := v.Round(places)
	if r.IsZero() && !showZero {
		return Cell{Empty: true}
	}
	if r.IsZero() {
		r = decimal.Zero // -0.004 rounds to 0.00, not -0.00
	}
	return Cell{Text: r.StringFixed(places), Value: r, Numeric: true}
}

// TextCell returns a text cell; an empty string gives an empty cell.
func TextCell(s string) Cell { return Cell{Text: s, Empty: s == ""} }
