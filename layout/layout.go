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

	// The whole document (all optional; without Parts only the tables print).
	Cover         *Cover // the title page
	ContentsTitle string // title of the table of contents (目录); "" for none
	Header        string // running header printed on every page but the cover
	Parts         []Part // the parts in order; one of them holds the Sheets
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
	// CodeLen, for a code column with input cells, lists the lengths a
	// code may have (2, 3, 6); a renderer that validates input checks
	// the length against the shortest and longest. Empty: any length.
	CodeLen []int `json:",omitempty"`
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
	// Sum asks for a live total: the cell shows the sum of the body cells
	// it names (of the same sheet). A spreadsheet renderer writes a
	// formula; the others show Text. Used by the blank template, whose
	// 合计 and subtotal cells add up what the user types.
	Sum []CellRef `json:",omitempty"`
	// Input marks a cell the user fills in (the blank template): it stays
	// editable when the sheet is protected, and a renderer that can
	// validates what is typed by the column's kind (a number in an amount
	// cell, a code of the right length in a code cell).
	Input bool `json:",omitempty"`
}

// CellRef names a body cell: 0-based index into Sheet.Rows and column.
type CellRef struct{ Row, Col int }

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
	Preparer   string `json:",omitempty"` // printed at the left of the units line, e.g. 编制部门：上海市普陀区财政局
	Columns    []Column
	Header     []HeaderCell
	HeaderRows int  // rows of the header grid, including the column-number row
	NumberRow  bool // the last header row is the column-number row 1 2 3 …
	Rows       []Row
	Notes      []string // printed under the grid, e.g. the empty-table note
	Contents   string   // its line in a whole document's table of contents, e.g. 一、部门收支总表; "" uses Name
	Decimals   int32    // places of amount columns (2)
	Thousands  bool     `json:",omitempty"` // amounts group digits by thousands: 189,767,551
	TrimZeros  bool     `json:",omitempty"` // amounts show no trailing zeros (a spreadsheet's General format): 37.9, 15
	Page       Page
	// Protect locks every cell that is not an Input cell (without a
	// password), so the header and the totals of a template are not typed
	// over by mistake.
	Protect bool `json:",omitempty"`
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

// A whole disclosure document (部门预算公开) is a cover, a table of contents
// and parts of text, one of which holds the tables. A Document without
// Parts is the tables alone.

// Cover is the title page.
type Cover struct {
	Title      string // e.g. 天门市12345公共服务热线中心2023年部门预算公开
	Department string // the publishing department
	Year       string // e.g. 2023年
	Date       string // e.g. 2023年2月1日
}

// Part is one part of the document, e.g. 第一部分 天门市12345公共服务热线中心概况.
type Part struct {
	Title  string
	Blocks []Block
	// Tables says that the document's Sheets follow this part's blocks.
	Tables bool
}

// BlockKind says what a text block is.
type BlockKind string

// Block kinds.
const (
	Heading   BlockKind = "heading"   // a section heading; Level 1 (一、…) or 2 (（一）…)
	Paragraph BlockKind = "paragraph" // running text
)

// Block is one heading or paragraph of a part.
type Block struct {
	Kind  BlockKind
	Level int // headings: 1 or 2
	Text  string
}

// ContentsEntry is one line of the table of contents: a part (level 0), a
// section heading or a table of the part (level 1; Sheet is the table's ID).
type ContentsEntry struct {
	Level int
	Text  string
	Part  int    // index into Document.Parts
	Block int    // index into the part's Blocks, -1 for the part itself or a table
	Sheet string // the sheet's ID for a table entry
}

// Contents lists the entries of the table of contents in document order:
// every part, its level-1 headings, and in the part that holds the tables
// each sheet's Contents line (else its name, else its title).
func (d Document) Contents() []ContentsEntry {
	var out []ContentsEntry
	for pi, p := range d.Parts {
		if p.Title != "" { // a part without a title has no line of its own
			out = append(out, ContentsEntry{Level: 0, Text: p.Title, Part: pi, Block: -1})
		}
		for bi, b := range p.Blocks {
			if b.Kind == Heading && b.Level == 1 {
				out = append(out, ContentsEntry{Level: 1, Text: b.Text, Part: pi, Block: bi})
			}
		}
		if p.Tables {
			for _, s := range d.Sheets {
				t := s.Contents
				if t == "" {
					t = s.Name
				}
				if t == "" {
					t = s.Title
				}
				out = append(out, ContentsEntry{Level: 1, Text: t, Part: pi, Block: -1, Sheet: s.ID})
			}
		}
	}
	return out
}
