package pdf

import (
	"slices"
	"strings"

	"gongkai/layout"
)

// metrics are the sizes one sheet is drawn with: points for fonts,
// millimetres for lengths.
type metrics struct {
	titleSize, titleLineH, titleGap float64
	unitSize, unitLineH             float64
	headSize, headLineH             float64 // header cells
	minHeadH, numberRowH            float64
	bodySize, bodyLineH, minRowH    float64
	padV                            float64 // top/bottom padding inside a cell
	noteSize, noteLineH             float64
	bottom                          float64 // margin under the body; the footer sits in it
}

// fullSize is how every sheet is drawn unless it is fitted onto one page.
var fullSize = metrics{
	titleSize: 16, titleLineH: 8, titleGap: 1,
	unitSize: 9, unitLineH: 6,
	headSize: 9, headLineH: 4.2, minHeadH: 7, numberRowH: 5.5,
	bodySize: 9, bodyLineH: 4.2, minRowH: 6.5,
	padV:     1,
	noteSize: 9, noteLineH: 5,
	bottom: marginBottom,
}

// smallest is the furthest a sheet is scaled down to fit on one page:
// body text 7.5 pt in rows of at least 4.8 mm, header 8 pt, title 14 pt.
// The footer (drawn 6–11 mm above the bottom edge) keeps 2 mm of air.
var smallest = metrics{
	titleSize: 14, titleLineH: 7, titleGap: 0.5,
	unitSize: 8, unitLineH: 4.5,
	headSize: 8, headLineH: 3.6, minHeadH: 5.2, numberRowH: 4.4,
	bodySize: 7.5, bodyLineH: 3.3, minRowH: 4.8,
	padV:     0.6,
	noteSize: 8, noteLineH: 4.2,
	bottom: 13,
}

// fitSteps is the number of sizes between fullSize and smallest that are
// tried, largest first: body text in steps of 0.25 pt.
const fitSteps = 6

// scaled is step k of fitSteps between fullSize (0) and smallest
// (fitSteps).
func scaled(k int) metrics {
	if k <= 0 {
		return fullSize
	}
	if k >= fitSteps {
		return smallest
	}
	t := float64(k) / fitSteps
	l := func(a, b float64) float64 { return a + (b-a)*t }
	a, b := fullSize, smallest
	return metrics{
		titleSize: l(a.titleSize, b.titleSize), titleLineH: l(a.titleLineH, b.titleLineH), titleGap: l(a.titleGap, b.titleGap),
		unitSize: l(a.unitSize, b.unitSize), unitLineH: l(a.unitLineH, b.unitLineH),
		headSize: l(a.headSize, b.headSize), headLineH: l(a.headLineH, b.headLineH),
		minHeadH: l(a.minHeadH, b.minHeadH), numberRowH: l(a.numberRowH, b.numberRowH),
		bodySize: l(a.bodySize, b.bodySize), bodyLineH: l(a.bodyLineH, b.bodyLineH), minRowH: l(a.minRowH, b.minRowH),
		padV:     l(a.padV, b.padV),
		noteSize: l(a.noteSize, b.noteSize), noteLineH: l(a.noteLineH, b.noteLineH),
		bottom: l(a.bottom, b.bottom),
	}
}

// fitGrid measures sh at full size and, when it needs more than one page
// there, at the sizes down to smallest; it returns the largest size at
// which the whole sheet (title, header, rows, notes) fits on one page, or
// full size when none does (the sheet is then continued over pages).
func (p *pager) fitGrid(sh layout.Sheet) *grid {
	full := measureGrid(sh, p, fullSize)
	if p.fitsOnePage(full) {
		return full
	}
	for k := 1; k <= fitSteps; k++ {
		if g := measureGrid(sh, p, scaled(k)); p.fitsOnePage(g) {
			return g
		}
	}
	return full
}

// fitsOnePage reports whether the whole sheet fits on one page at g's
// sizes.
func (p *pager) fitsOnePage(g *grid) bool {
	m := g.m
	pw, ph := pageSize(g.sh)
	printW := pw - marginLeft - marginRight
	avail := ph - m.bottom - marginTop
	h := 0.0
	if g.sh.Title != "" {
		h += float64(p.countLines(g.sh.Title, printW, m.titleSize))*m.titleLineH + m.titleGap
	}
	if g.sh.UnitLine != "" || g.sh.Preparer != "" {
		h += m.unitLineH
	}
	for _, hh := range g.headH {
		h += hh
	}
	for _, row := range g.sh.Rows {
		if h += p.rowHeight(g, row); h > avail+1e-9 {
			return false
		}
	}
	if len(g.sh.Notes) > 0 {
		h += gapAfterTbl
		for _, n := range g.sh.Notes {
			h += float64(p.countLines(n, printW, m.noteSize)) * m.noteLineH
		}
	}
	return h <= avail+1e-9
}

// rowHeight is the height measureRow gives row, without placing its cells.
func (p *pager) rowHeight(g *grid, row layout.Row) float64 {
	m := g.m
	h := m.minRowH
	for c := 0; c < len(g.sh.Columns); {
		var cell layout.Cell
		if c < len(row.Cells) {
			cell = row.Cells[c]
		}
		span := max(cell.ColSpan, 1)
		if !cell.Empty && cell.Text != "" {
			_, w := g.cellBox(c, span)
			h = max(h, float64(p.countLines(cell.Text, w-2*padH, m.bodySize))*m.bodyLineH+2*m.padV)
		}
		c += span
	}
	return h
}

// columnWidths turns the layout's relative widths into millimetres that
// add up to printW, then widens text and code columns to what their
// longest cell needs on one line, as far as the amount and number columns
// can give width without becoming narrower than their widest value (or
// than their header on two lines, when they were that wide to start with).
// Needs are met whole, smallest first; what is left then goes to a column
// that still wraps, as far as it saves lines.
func columnWidths(sh layout.Sheet, printW float64, m metrics, p *pager) []float64 {
	n := len(sh.Columns)
	w := make([]float64, n)
	total := 0.0
	for _, c := range sh.Columns {
		total += max(c.Width, 0)
	}
	for i, c := range sh.Columns {
		w[i] = printW / float64(n)
		if total > 0 {
			w[i] = printW * max(c.Width, 0) / total
		}
	}
	if n < 2 {
		return w
	}

	// need: one-line width of the widest body cell of each column.
	need := make([]float64, n)
	for _, row := range sh.Rows {
		for c := 0; c < n; {
			var cell layout.Cell
			if c < len(row.Cells) {
				cell = row.Cells[c]
			}
			span := max(cell.ColSpan, 1)
			if span == 1 && !cell.Empty && cell.Text != "" {
				need[c] = max(need[c], p.lineW(cell.Text, m.bodySize)+2*padH+0.01)
			}
			c += span
		}
	}

	isAmount := func(c int) bool {
		k := sh.Columns[c].Kind
		return k == layout.KindAmount || k == layout.KindNumber
	}
	// the floor of an amount column: its widest value, and its header on
	// two balanced lines unless it was already narrower than that.
	floor := make([]float64, n)
	for c := range n {
		if isAmount(c) {
			floor[c] = need[c]
		}
	}
	for _, h := range sh.Header {
		if max(h.ColSpan, 1) != 1 || h.Col < 0 || h.Col >= n || !isAmount(h.Col) {
			continue
		}
		floor[h.Col] = max(floor[h.Col], min(w[h.Col], p.twoLineW(h.Text, m.headSize)+2*padH+0.01))
	}

	slack := 0.0
	for c := range n {
		if isAmount(c) {
			slack += max(w[c]-floor[c], 0)
		}
	}
	var short []int // text and code columns that wrap at their given width
	for c := range n {
		if !isAmount(c) && need[c] > w[c] {
			short = append(short, c)
		}
	}
	if slack <= 0 || len(short) == 0 {
		return w
	}
	slices.SortStableFunc(short, func(a, b int) int {
		da, db := need[a]-w[a], need[b]-w[b]
		switch {
		case da < db:
			return -1
		case da > db:
			return 1
		}
		return 0
	})
	given := 0.0
	var rest []int
	for _, c := range short {
		d := need[c] - w[c]
		if given+d > slack+1e-9 {
			rest = append(rest, c)
			continue
		}
		given += d
		w[c] = need[c]
	}
	// What is left goes to a column that still wraps when it saves lines,
	// only as much as it takes to save them.
	for _, c := range rest {
		left := slack - given
		if left <= 0.01 {
			break
		}
		now := columnLines(sh, c, w[c], m.bodySize, p)
		best := columnLines(sh, c, w[c]+left, m.bodySize, p)
		if best >= now {
			continue
		}
		lo, hi := w[c], w[c]+left
		for hi-lo > 0.05 {
			mid := (lo + hi) / 2
			if columnLines(sh, c, mid, m.bodySize, p) <= best {
				hi = mid
			} else {
				lo = mid
			}
		}
		given += hi - w[c]
		w[c] = hi
	}
	if given == 0 {
		return w
	}
	// take what was given from the amount columns, in proportion to their
	// slack
	for c := range n {
		if isAmount(c) {
			if s := max(w[c]-floor[c], 0); s > 0 {
				w[c] -= given * s / slack
			}
		}
	}
	return w
}

// columnLines is the number of lines the cells of column c take in all,
// at width w and font size size.
func columnLines(sh layout.Sheet, c int, w, size float64, p *pager) int {
	n := 0
	for _, row := range sh.Rows {
		if c < len(row.Cells) {
			cell := row.Cells[c]
			if max(cell.ColSpan, 1) == 1 && !cell.Empty && cell.Text != "" {
				n += p.countLines(cell.Text, w-2*padH, size)
			}
		}
	}
	return n
}

// lineWidth is the width of the widest line of s.
func lineWidth(s string, width func(rune) float64) float64 {
	widest := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		lw := 0.0
		for _, r := range line {
			lw += width(r)
		}
		widest = max(widest, lw)
	}
	return widest
}

// twoLineWidth is the narrowest width at which s wraps to at most two
// lines (within 0.1 mm).
func twoLineWidth(s string, width func(rune) float64) float64 {
	hi := lineWidth(s, width)
	if strings.Contains(s, "\n") {
		return hi
	}
	lo := 0.0
	for hi-lo > 0.1 {
		mid := (lo + hi) / 2
		if countLines(s, mid, width) <= 2 {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}
