package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gongkai/layout"
)

// Lengths that do not scale (millimetres); the other sizes are in metrics
// (fit.go).
const (
	padH        = 1.2 // left/right padding inside a cell
	gapAfterTbl = 2.0
)

// PagePlan says which rows of which sheet land on which page.
type PagePlan struct {
	Pages []PlannedPage

	errs []error // rows that cannot be drawn whole (*RowTooTallError)
}

// PlannedPage is one page of the PDF.
type PlannedPage struct {
	Number     int    // 1-based page number
	Part       string // whole documents: the part a text page belongs to (封面, 目录 or its title); "" on a table page
	SheetID    string // layout.Sheet.ID
	SheetName  string // layout.Sheet.Name (or Title)
	Continued  bool   // a continuation page: title marked （续）
	HeaderRows int    // header rows drawn on this page (repeated on continuation pages)
	FirstRow   int    // 1-based index into Sheet.Rows of the first row on the page; 0 when none
	LastRow    int    // of the last row; 0 when none
	NoteLines  int    // lines of notes drawn on this page
	// BodySize is the size of the body text in points: 9, or less when
	// the sheet was scaled down to fit on one page (at least 7.5).
	BodySize float64
}

// String gives the plan one line per page, e.g.
//
//	page 2: t04 表四 财政拨款收支总表 (续) header 2 rows 24-38 notes 0
func (p *PagePlan) String() string {
	var b strings.Builder
	for _, pg := range p.Pages {
		if pg.SheetID == "" && pg.Part != "" {
			fmt.Fprintf(&b, "page %d: text %s\n", pg.Number, pg.Part)
			continue
		}
		fmt.Fprintf(&b, "page %d: %s %s", pg.Number, pg.SheetID, pg.SheetName)
		if pg.Continued {
			b.WriteString(" (续)")
		}
		fmt.Fprintf(&b, " header %d", pg.HeaderRows)
		if pg.FirstRow > 0 {
			fmt.Fprintf(&b, " rows %d-%d", pg.FirstRow, pg.LastRow)
		} else {
			b.WriteString(" rows none")
		}
		fmt.Fprintf(&b, " notes %d", pg.NoteLines)
		if pg.BodySize != fullSize.bodySize {
			fmt.Fprintf(&b, " fitted %gpt", pg.BodySize)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Plan lays the document out as Write would, without writing a PDF, and
// returns where every row lands. It checks the glyphs like Write.
func Plan(doc layout.Document, o Options) (*PagePlan, error) {
	if empty(doc) {
		return nil, ErrNoSheets
	}
	s, _, err := prepare(doc, o)
	if err != nil {
		return nil, err
	}
	if len(doc.Parts) > 0 {
		plan, _ := paginateDocument(doc, measureOnly{s}, nil)
		return plan, errors.Join(plan.errs...)
	}
	plan := paginate(doc, measureOnly{s})
	return plan, errors.Join(plan.errs...)
}

// measureOnly measures with a real surface and draws nothing.
type measureOnly struct{ m surface }

func (n measureOnly) runeWidth(r rune) float64                           { return n.m.runeWidth(r) }
func (measureOnly) addPage(bool)                                         {}
func (measureOnly) bookmark(string, int)                                 {}
func (measureOnly) link(_, _, _, _ float64, _ int)                       {}
func (measureOnly) setFont(float64, bool)                                {}
func (measureOnly) text(_, _, _, _ float64, _ string, _ byte, _ float64) {}
func (measureOnly) rect(_, _, _, _ float64)                              {}

// grid is a sheet measured for drawing.
type grid struct {
	sh       layout.Sheet
	colX     []float64 // left edge of each column, and the right edge at the end
	header   []layout.HeaderCell
	headRows int
	headH    []float64 // height of each header row
	m        metrics   // the sizes the sheet is drawn with
}

func (g *grid) width() float64 { return g.colX[len(g.colX)-1] - g.colX[0] }

// cellBox returns the x and width of columns [c, c+span).
func (g *grid) cellBox(c, span int) (float64, float64) {
	if c >= len(g.colX)-1 {
		c = len(g.colX) - 2
	}
	end := min(c+max(span, 1), len(g.colX)-1)
	return g.colX[c], g.colX[end] - g.colX[c]
}

type pager struct {
	s      surface
	printW float64 // printable width of the current page
	bottom float64 // lowest y the body may reach on the current page
	plan   *PagePlan
	y      float64
	cur    *PlannedPage
	m      metrics // sizes of the current sheet

	lineWs, twoLineWs map[textKey]float64 // see measure.go

	runHeader string // the running header of a whole document (document.go)
}

func (p *pager) newPage(sh layout.Sheet, continued bool) {
	p.s.addPage(sh.Page.Landscape)
	pw, ph := pageSize(sh)
	p.printW, p.bottom = pw-marginLeft-marginRight, ph-p.m.bottom
	p.plan.Pages = append(p.plan.Pages, PlannedPage{
		Number: len(p.plan.Pages) + 1, SheetID: sh.ID, SheetName: sheetName(sh), Continued: continued,
		BodySize: p.m.bodySize,
	})
	p.cur = &p.plan.Pages[len(p.plan.Pages)-1]
	p.y = marginTop
	p.runningHeader(pw)
}

func (p *pager) width(size float64) func(rune) float64 {
	return func(r rune) float64 { return p.s.runeWidth(r) * size }
}

// pageSize is A4 in the sheet's orientation (Page.Landscape), in mm.
func pageSize(sh layout.Sheet) (w, h float64) {
	if sh.Page.Landscape {
		return a4Long, a4Short
	}
	return a4Short, a4Long
}

// paginate lays out and draws the document on s, and returns the plan.
func paginate(doc layout.Document, s surface) *PagePlan {
	p := &pager{s: s, plan: &PagePlan{}}
	for _, sh := range doc.Sheets {
		p.sheet(sh, 0)
	}
	return p.plan
}

// sheet draws one sheet from a new page on, with its bookmark at level.
func (p *pager) sheet(sh layout.Sheet, level int) {
	s := p.s
	g := p.fitGrid(sh)
	p.m = g.m
	p.newPage(sh, false)
	s.bookmark(sheetName(sh), level)
	p.titleBlock(sh, false)
	p.header(g)
	bodyTop := p.y
	for i, row := range sh.Rows {
		h, cells := p.measureRow(g, row)
		if h > p.bottom-bodyTop {
			p.plan.errs = append(p.plan.errs, tooTall(sh, i, row, cells, g.m, p.bottom-bodyTop))
			continue
		}
		if p.y+h > p.bottom && p.cur.FirstRow > 0 {
			p.newPage(sh, true)
			p.titleBlock(sh, true)
			p.header(g)
			bodyTop = p.y
		}
		p.drawRow(g, row, h, cells)
		if p.cur.FirstRow == 0 {
			p.cur.FirstRow = i + 1
		}
		p.cur.LastRow = i + 1
	}
	if len(sh.Notes) > 0 {
		p.y += gapAfterTbl
		m := p.m
		s.setFont(m.noteSize, false)
		for _, n := range sh.Notes {
			for _, line := range p.wrap(n, p.printW, m.noteSize) {
				if p.y+m.noteLineH > p.bottom {
					p.newPage(sh, true)
					p.titleBlock(sh, true)
					s.setFont(m.noteSize, false)
				}
				s.text(marginLeft, p.y, p.printW, m.noteLineH, line, 'L', 0)
				p.y += m.noteLineH
				p.cur.NoteLines++
			}
		}
	}
}

func (p *pager) titleBlock(sh layout.Sheet, continued bool) {
	title := sh.Title
	if continued && title != "" {
		title += "（续）"
	}
	m := p.m
	if title != "" {
		p.s.setFont(m.titleSize, true)
		for _, line := range p.wrap(title, p.printW, m.titleSize) {
			p.s.text(marginLeft, p.y, p.printW, m.titleLineH, line, 'C', 0)
			p.y += m.titleLineH
		}
		p.y += m.titleGap
	}
	if sh.UnitLine != "" || sh.Preparer != "" {
		p.s.setFont(m.unitSize, false)
		if sh.Preparer != "" {
			p.s.text(marginLeft, p.y, p.printW, m.unitLineH, sh.Preparer, 'L', 0)
		}
		if sh.UnitLine != "" {
			p.s.text(marginLeft, p.y, p.printW, m.unitLineH, sh.UnitLine, 'R', 0)
		}
		p.y += m.unitLineH
	}
}

// measureGrid places the columns and sizes the header rows for sizes m.
func measureGrid(sh layout.Sheet, p *pager, m metrics) *grid {
	g := &grid{sh: sh, m: m}
	pw, _ := pageSize(sh)
	printW := pw - marginLeft - marginRight
	n := len(sh.Columns)
	g.colX = make([]float64, n+1)
	g.colX[0] = marginLeft
	for i, w := range columnWidths(sh, printW, m, p) {
		g.colX[i+1] = g.colX[i] + w
	}
	if n == 0 {
		return g
	}

	g.header = sh.Header
	g.headRows = sh.HeaderRows
	for _, h := range sh.Header {
		g.headRows = max(g.headRows, h.Row+max(h.RowSpan, 1))
	}
	if sh.NumberRow && g.headRows > 0 {
		// The column-number row is part of HeaderRows; number the columns
		// when the layout gives no cells for it.
		last := g.headRows - 1
		given := false
		for _, h := range sh.Header {
			if h.Row+max(h.RowSpan, 1)-1 >= last {
				given = true
				break
			}
		}
		if !given {
			g.header = append(slices0(sh.Header), numberCells(last, n)...)
		}
	}
	g.headH = make([]float64, g.headRows)
	for r := range g.headH {
		g.headH[r] = m.minHeadH
		if sh.NumberRow && r == g.headRows-1 {
			g.headH[r] = m.numberRowH
		}
	}
	need := func(h layout.HeaderCell) float64 {
		_, w := g.cellBox(h.Col, h.ColSpan)
		lines := p.countLines(h.Text, w-2*padH, m.headSize) // balancing keeps the count
		return float64(lines)*m.headLineH + 2*m.padV
	}
	for _, h := range g.header {
		if max(h.RowSpan, 1) == 1 && h.Row < g.headRows {
			g.headH[h.Row] = max(g.headH[h.Row], need(h))
		}
	}
	for _, h := range g.header {
		span := max(h.RowSpan, 1)
		if span == 1 || h.Row >= g.headRows {
			continue
		}
		end := min(h.Row+span, g.headRows)
		have := 0.0
		for r := h.Row; r < end; r++ {
			have += g.headH[r]
		}
		if d := need(h) - have; d > 0 {
			g.headH[end-1] += d
		}
	}
	return g
}

func slices0(h []layout.HeaderCell) []layout.HeaderCell {
	return append([]layout.HeaderCell(nil), h...)
}

func numberCells(row, n int) []layout.HeaderCell {
	cells := make([]layout.HeaderCell, n)
	for i := range cells {
		cells[i] = layout.HeaderCell{Row: row, Col: i, RowSpan: 1, ColSpan: 1, Text: strconv.Itoa(i + 1)}
	}
	return cells
}

func (p *pager) header(g *grid) {
	if g.headRows == 0 {
		return
	}
	top := make([]float64, g.headRows+1)
	top[0] = p.y
	for r, h := range g.headH {
		top[r+1] = top[r] + h
	}
	m := g.m
	for _, h := range g.header {
		if h.Row >= g.headRows {
			continue
		}
		x, w := g.cellBox(h.Col, h.ColSpan)
		y := top[h.Row]
		ht := top[min(h.Row+max(h.RowSpan, 1), g.headRows)] - y
		numberRow := g.sh.NumberRow && h.Row == g.headRows-1
		p.s.setFont(m.headSize, !numberRow)
		p.s.rect(x, y, w, ht)
		p.lines(p.wrapBalanced(h.Text, w-2*padH, m.headSize), h.Text, m.headLineH, x, y, w, ht, 'C')
	}
	p.y = top[g.headRows]
	p.cur.HeaderRows = g.headRows
}

// spanner is a surface that can mark a wrapped cell with the text it shows
// (ActualText), so that copying it gives whole words; a surface without it
// draws the lines only.
type spanner interface {
	beginSpan(actual string)
	endSpan()
}

// lines draws wrapped lines vertically centred in the box. Lines wrapped
// from one cell are one ActualText span with the cell's text.
func (p *pager) lines(ls []string, text string, lineH, x, y, w, h float64, align byte) {
	if sp, ok := p.s.(spanner); ok && len(ls) > 1 {
		sp.beginSpan(text)
		defer sp.endSpan()
	}
	off := (h - float64(len(ls))*lineH) / 2
	for i, l := range ls {
		p.s.text(x, y+off+float64(i)*lineH, w, lineH, l, align, padH)
	}
}

// placed is a body cell with its box and wrapped lines.
type placed struct {
	x, w  float64
	text  string
	lines []string
	align byte
}

func (p *pager) measureRow(g *grid, row layout.Row) (float64, []placed) {
	m := g.m
	cells := make([]placed, 0, len(g.sh.Columns))
	h := m.minRowH
	for c := 0; c < len(g.sh.Columns); {
		var cell layout.Cell
		if c < len(row.Cells) {
			cell = row.Cells[c]
		}
		span := max(cell.ColSpan, 1)
		x, w := g.cellBox(c, span)
		pc := placed{x: x, w: w, align: alignOf(g.sh.Columns[c].Kind, cell.Align)}
		if !cell.Empty && cell.Text != "" {
			pc.text = cell.Text
			pc.lines = p.wrap(cell.Text, w-2*padH, m.bodySize)
			h = max(h, float64(len(pc.lines))*m.bodyLineH+2*m.padV)
		}
		cells = append(cells, pc)
		c += span
	}
	return h, cells
}

func (p *pager) drawRow(g *grid, row layout.Row, h float64, cells []placed) {
	p.s.setFont(g.m.bodySize, row.Emphasis == layout.Bold)
	for _, c := range cells {
		p.s.rect(c.x, p.y, c.w, h)
		p.lines(c.lines, c.text, g.m.bodyLineH, c.x, p.y, c.w, h, c.align)
	}
	p.y += h
}

// tooTall describes a row higher than the room below a page's header.
func tooTall(sh layout.Sheet, i int, row layout.Row, cells []placed, m metrics, room float64) error {
	where := "第" + strconv.Itoa(i+1) + "行"
	if row.Ref != "" {
		where += "（" + row.Ref + "）"
	}
	e := &RowTooTallError{Sheet: sheetName(sh), Row: where, MaxLines: int((room - 2*m.padV) / m.bodyLineH)}
	for _, c := range cells {
		if len(c.lines) > e.Lines {
			e.Lines, e.Text = len(c.lines), c.text
		}
	}
	return e
}

func alignOf(k layout.ColumnKind, a layout.Align) byte {
	switch a {
	case layout.AlignLeft:
		return 'L'
	case layout.AlignCenter:
		return 'C'
	case layout.AlignRight:
		return 'R'
	}
	if k == layout.KindAmount || k == layout.KindNumber {
		return 'R'
	}
	return 'L'
}
