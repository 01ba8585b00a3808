package published

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// A glyph is one character drawn on a page, in PDF points with y upwards.
type glyph struct {
	r              rune
	x0, x1, y0, y1 float64
}

// A cell is a run of glyphs on one line with no wide gap inside; its
// pieces are the runs separated by narrower gaps (word spaces).
type cell struct {
	text   string
	x0, x1 float64
	pieces []cell
	gap    float64 // a piece's gap from the piece before, in character heights
}

// A line is one row of text on a page, left to right.
type line struct {
	cells []cell
	y     float64 // vertical centre
}

// cellGap is the gap, in character heights, that separates two cells of a
// line; spaceGap the gap that becomes a space inside a cell (between Latin
// words or digits).
const (
	cellGap  = 0.9
	spaceGap = 0.2
)

// pageLines groups the glyphs of one page into lines (top to bottom) and
// each line into cells (left to right).
func pageLines(gs []glyph) []line {
	// drop spaces: gaps are measured from the boxes
	k := 0
	for _, g := range gs {
		if unicode.IsSpace(g.r) || g.r == 0 || g.x1 <= g.x0 && g.y1 <= g.y0 {
			continue
		}
		gs[k] = g
		k++
	}
	gs = gs[:k]
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y0+gs[i].y1 > gs[j].y0+gs[j].y1 })
	var rows [][]glyph
	var top, bot float64
	for _, g := range gs {
		mid := (g.y0 + g.y1) / 2
		if len(rows) > 0 && mid <= top && mid >= bot {
			rows[len(rows)-1] = append(rows[len(rows)-1], g)
			continue
		}
		rows = append(rows, []glyph{g})
		top, bot = g.y1, g.y0
		if top-bot < 1 {
			top, bot = mid+1, mid-1
		}
	}
	out := make([]line, 0, len(rows))
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		h := medianHeight(row)
		var l line
		var b, pb strings.Builder
		cur := cell{x0: row[0].x0}
		pc := cell{x0: row[0].x0}
		prevX1 := row[0].x0
		endPiece := func() {
			pc.text = pb.String()
			cur.pieces = append(cur.pieces, pc)
			pb.Reset()
		}
		for i, g := range row {
			gap := g.x0 - prevX1
			if i > 0 && gap > cellGap*h {
				endPiece()
				cur.text = b.String()
				l.cells = append(l.cells, cur)
				b.Reset()
				cur = cell{x0: g.x0}
				pc = cell{x0: g.x0}
			} else if i > 0 && gap > spaceGap*h {
				if !(isHan(g.r) && isHan(row[i-1].r)) {
					b.WriteByte(' ')
				}
				endPiece()
				pc = cell{x0: g.x0, gap: gap / h}
			}
			b.WriteRune(g.r)
			pb.WriteRune(g.r)
			cur.x1, pc.x1 = g.x1, g.x1
			prevX1 = max(prevX1, g.x1)
		}
		endPiece()
		cur.text = b.String()
		l.cells = append(l.cells, cur)
		l.y = (row[0].y0 + row[0].y1) / 2
		out = append(out, l)
	}
	return out
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func medianHeight(row []glyph) float64 {
	hs := make([]float64, len(row))
	for i, g := range row {
		hs[i] = g.y1 - g.y0
	}
	sort.Float64s(hs)
	h := hs[len(hs)/2]
	if h < 4 {
		h = 4
	}
	return h
}

var rePageNo = regexp.MustCompile(`^(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[/，,]?\s*第\s*\d+\s*页|-\s*\d+\s*-|—\s*\d+\s*—|\d+\s*/\s*\d+|\d{1,3})$`)

// reBareNumber is a number alone: a page number only on a page's first or
// last line (inside the band it may be a table's cell).
var reBareNumber = regexp.MustCompile(`^\s*\d+\s*$`)

// dropPageNumbers removes a page-number line (第 3 页 / 共 16 页, - 3 -,
// 3/16) among the first or last runningBand lines of a page; a bare number
// only on the first or last line.
func dropPageNumbers(ls []line) []line {
	isNo := func(l line) bool {
		var b strings.Builder
		for _, c := range l.cells {
			b.WriteString(c.text)
		}
		return rePageNo.MatchString(strings.TrimSpace(b.String()))
	}
	var kept []line
	for i, l := range ls {
		outer := i == 0 || i == len(ls)-1
		if isNo(l) && (outer || (i < runningBand || i >= len(ls)-runningBand) && !reBareNumber.MatchString(lineText(l))) {
			continue
		}
		kept = append(kept, l)
	}
	return kept
}

// render writes lines as text: a line of one cell as it is, consecutive
// lines of two or more cells as a table block whose cells are placed in
// columns found from all its rows (a blank cell stays an empty field).
// A one-cell line right above a block that spans two of its columns
// (运转类项目支出) and a lone total row right below it (合计 of an empty
// table) belong to the block.
func render(b *strings.Builder, ls []line) {
	for i := 0; i < len(ls); {
		if len(ls[i].cells) < 2 {
			j := i
			for j < len(ls) && len(ls[j].cells) < 2 {
				j++
			}
			if j < len(ls) {
				// lines above the next block that span its columns join it
				k := j
				for k > i && spansBlock(ls[k-1], ls[j:blockEnd(ls, j)]) {
					k--
				}
				for _, l := range ls[i:k] {
					b.WriteString(l.cells[0].text)
					b.WriteByte('\n')
				}
				i = k
			} else {
				for _, l := range ls[i:j] {
					b.WriteString(l.cells[0].text)
					b.WriteByte('\n')
				}
				i = j
			}
			if i >= len(ls) {
				break
			}
		}
		j := blockEnd(ls, i)
		for j < len(ls) && len(ls[j].cells) == 1 && totalWord(ls[j].cells[0].text) {
			j++
		}
		renderTable(b, ls[i:j])
		i = j
	}
}

// blockEnd returns the end of the run of lines with two or more cells that
// starts at i (after any one-cell lines that join it).
func blockEnd(ls []line, i int) int {
	for i < len(ls) && len(ls[i].cells) < 2 {
		i++
	}
	for i < len(ls) && len(ls[i].cells) >= 2 {
		i++
	}
	return i
}

func spansBlock(l line, block []line) bool {
	if len(l.cells) != 1 || strings.Contains(l.cells[0].text, "表") || strings.Contains(l.cells[0].text, "单位") {
		return false
	}
	var rows []line
	for _, r := range block {
		if len(r.cells) >= 2 {
			rows = append(rows, r)
		}
	}
	return len(rows) > 0 && covers(columns(rows), l.cells[0]) >= 2
}

func totalWord(s string) bool {
	switch s {
	case "合计", "总计", "小计", "合 计", "总 计":
		return true
	}
	return false
}

type span struct{ x0, x1 float64 }

// columns finds the column bands of a table block: the stretches of the
// x axis covered by the cells of its fuller rows (those with at least half
// the most cells), so that a header centred over a right-aligned number
// joins its column, while a title or a spanning header row (few cells) does
// not bridge two columns.
func columns(rows []line) []span {
	most := 0
	for _, r := range rows {
		most = max(most, len(r.cells))
	}
	var cols []span
	for _, r := range rows {
		if 2*len(r.cells) < most {
			continue
		}
		for _, c := range r.cells {
			cols = append(cols, span{c.x0, c.x1})
		}
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].x0 < cols[j].x0 })
	var merged []span
	for _, c := range cols {
		if n := len(merged); n > 0 && c.x0 <= merged[n-1].x1+1 {
			merged[n-1].x1 = max(merged[n-1].x1, c.x1)
			continue
		}
		merged = append(merged, c)
	}
	// Two neighbouring bands that no row fills both at once are one column
	// seen twice: a centred header or index above right-aligned numbers.
	for changed := true; changed; {
		changed = false
		for k := 0; k+1 < len(merged); k++ {
			if !together(rows, merged, k) {
				merged[k].x1 = max(merged[k].x1, merged[k+1].x1)
				merged = append(merged[:k+1], merged[k+2:]...)
				changed = true
				break
			}
		}
	}
	return merged
}

// together reports whether some row has a cell in band k and another in
// band k+1.
func together(rows []line, cols []span, k int) bool {
	for _, r := range rows {
		a, b := false, false
		for _, c := range r.cells {
			switch bestColumn(cols, c) {
			case k:
				a = true
			case k + 1:
				b = true
			}
		}
		if a && b {
			return true
		}
	}
	return false
}

var reNumber = regexp.MustCompile(`^-?[\d,]+(?:\.\d+)?%?$`)

// splitNumbers cuts the cells of a table row where a number meets other
// text across a word gap: an amount right-aligned against its border sits
// closer to the next cell than a column gap.
func splitNumbers(l line) line {
	var out line
	for _, c := range l.cells {
		if len(c.pieces) < 2 {
			out.cells = append(out.cells, c)
			continue
		}
		cur := c.pieces[0]
		for k := 1; k < len(c.pieces); k++ {
			p := c.pieces[k]
			// an amount (with decimals) ends a cell at any word gap; an
			// integer (a code: 207 文化…) only at a gap wider than the
			// spacing a word processor puts between digits and hanzi
			amt := func(s string) bool { return reNumber.MatchString(s) && strings.Contains(s, ".") }
			num := reNumber.MatchString(cur.text) || reNumber.MatchString(p.text)
			if amt(cur.text) || amt(p.text) || num && p.gap > 0.45 {
				out.cells = append(out.cells, cur)
				cur = p
				continue
			}
			sep := " "
			if isHan(lastRune(cur.text)) && isHan(firstRune(p.text)) {
				sep = ""
			}
			cur = cell{text: cur.text + sep + p.text, x0: cur.x0, x1: p.x1}
		}
		out.cells = append(out.cells, cur)
	}
	return out
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

func renderTable(b *strings.Builder, rows []line) {
	for i := range rows {
		rows[i] = splitNumbers(rows[i])
	}
	cols := columns(rows)
	rows = mergeHeader(rows, cols)
	for _, r := range rows {
		fields := make([]string, len(cols))
		for _, c := range r.cells {
			k := bestColumn(cols, c)
			if totalWord(c.text) {
				// a 合计 merged over the label columns names the last of them
				k = max(k, lastColumn(cols, c))
			}
			if fields[k] != "" {
				fields[k] += " "
			}
			fields[k] += c.text
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
}

// bestColumn returns the column a cell overlaps most, or the nearest one.
func bestColumn(cols []span, c cell) int {
	best, bestOv := -1, 0.0
	for k, s := range cols {
		if ov := min(s.x1, c.x1) - max(s.x0, c.x0); ov > bestOv {
			best, bestOv = k, ov
		}
	}
	if best >= 0 {
		return best
	}
	mid := (c.x0 + c.x1) / 2
	bestD := 0.0
	for k, s := range cols {
		d := min(abs(mid-s.x0), abs(mid-s.x1))
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var reIndexCell = regexp.MustCompile(`^\d{1,2}$`)

// mergeHeader joins the header lines of a table block (the lines before
// the first line with an amount or the column index 1 2 3 …): a cell over
// one column is a piece of a header wrapped inside its cell (功能科 / 目编码)
// and is joined to the pieces above it; a cell over two or more columns is
// a spanning header (收入, 本年收入) and keeps a line of its own, above.
func mergeHeader(rows []line, cols []span) []line {
	n := 0
	for n < len(rows) && !dataRow(rows[n]) {
		n++
	}
	if n < 2 || n == len(rows) {
		return rows
	}
	var spans line
	merged := make([]cell, len(cols))
	for i := range merged {
		merged[i] = cell{x0: cols[i].x0, x1: cols[i].x1}
	}
	for _, r := range rows[:n] {
		for _, c := range r.cells {
			if covers(cols, c) >= 2 {
				spans.cells = append(spans.cells, c)
				continue
			}
			k := bestColumn(cols, c)
			merged[k].text += c.text
		}
	}
	var out []line
	if len(spans.cells) > 0 {
		out = append(out, spans)
	}
	var m line
	for _, c := range merged {
		if c.text != "" {
			m.cells = append(m.cells, c)
		}
	}
	out = append(out, m)
	return append(out, rows[n:]...)
}

// dataRow reports a line with an amount, or the column index 1 2 3 ….
func dataRow(l line) bool {
	idx := 0
	for _, c := range l.cells {
		if strings.Contains(c.text, ".") && reNumber.MatchString(c.text) {
			return true
		}
		if reIndexCell.MatchString(c.text) {
			idx++
		}
	}
	return idx >= 3 && idx == len(l.cells)
}

// covers counts the columns a cell overlaps by more than a third of the
// column's width.
func covers(cols []span, c cell) int {
	n := 0
	for _, s := range cols {
		w := s.x1 - s.x0
		if ov := min(s.x1, c.x1) - max(s.x0, c.x0); ov > 0 && (w <= 0 || ov > w/3) {
			n++
		}
	}
	return n
}

// lastColumn returns the last column a cell overlaps by more than a third
// of the column's width, or -1.
func lastColumn(cols []span, c cell) int {
	last := -1
	for k, s := range cols {
		w := s.x1 - s.x0
		if ov := min(s.x1, c.x1) - max(s.x0, c.x0); ov > 0 && (w <= 0 || ov > w/3) {
			last = k
		}
	}
	return last
}

// A rule is a horizontal ruling line segment of a page.
type rule struct{ y, x0, x1 float64 }

// rowRules merges the segments drawn at the same height (a border drawn
// cell by cell) and returns, top to bottom, the heights whose segments
// cover at least half of the widest: the rules that separate table rows
// (the rule under a spanning header covers only its columns).
func rowRules(rs []rule) []float64 {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].y != rs[j].y {
			return rs[i].y > rs[j].y
		}
		return rs[i].x0 < rs[j].x0
	})
	type level struct {
		y     float64
		cover float64
		x1    float64
	}
	var lv []level
	for _, r := range rs {
		if n := len(lv); n > 0 && lv[n-1].y-r.y < 1.2 {
			l := &lv[n-1]
			if r.x1 > l.x1 {
				l.cover += r.x1 - max(r.x0, l.x1)
				l.x1 = r.x1
			}
			continue
		}
		lv = append(lv, level{r.y, r.x1 - r.x0, r.x1})
	}
	widest := 0.0
	for _, l := range lv {
		widest = max(widest, l.cover)
	}
	var ys []float64
	for _, l := range lv {
		if l.cover >= widest/2 {
			ys = append(ys, l.y)
		}
	}
	return ys
}

// ruledTables renders a page whose tables have ruling lines: the lines
// between the top and bottom rule of a table are its rows, one row per band
// between two neighbouring rules, whatever the number of cells of each text
// line (a cell wrapped over two lines joins its row; a row with one filled
// cell stays in the table).
func ruledTables(b *strings.Builder, ls []line, segs []rule) {
	rules := rowRules(segs)
	if len(rules) < 3 {
		render(b, ls)
		return
	}
	// tables: runs of rules where each is close to the next
	type region struct{ rules []float64 }
	var regs []region
	for _, y := range rules {
		if n := len(regs); n > 0 {
			last := regs[n-1].rules[len(regs[n-1].rules)-1]
			if last-y < 80 {
				regs[n-1].rules = append(regs[n-1].rules, y)
				continue
			}
		}
		regs = append(regs, region{[]float64{y}})
	}
	var plain []line
	i := 0
	for _, rg := range regs {
		if len(rg.rules) < 3 {
			continue
		}
		top, bot := rg.rules[0], rg.rules[len(rg.rules)-1]
		for i < len(ls) && ls[i].y > top {
			plain = append(plain, ls[i])
			i++
		}
		if len(plain) > 0 {
			render(b, plain)
			plain = plain[:0]
		}
		var rows []line
		for k := 0; k+1 < len(rg.rules); k++ {
			var band []line
			for i < len(ls) && ls[i].y > rg.rules[k+1] && ls[i].y >= bot {
				band = append(band, ls[i])
				i++
			}
			if len(band) > 0 {
				rows = append(rows, band...)
				rows = append(rows, line{y: -1}) // band end marker
			}
		}
		renderBands(b, rows)
	}
	plain = append(plain, ls[i:]...)
	if len(plain) > 0 {
		render(b, plain)
	}
}

// renderBands writes the rows of a ruled table: the lines of one band
// (separated by markers with y -1) are one row; their cells join per column.
func renderBands(b *strings.Builder, marked []line) {
	var all []line
	var bands [][]line
	var cur []line
	for _, l := range marked {
		if l.y == -1 && l.cells == nil {
			bands = append(bands, cur)
			cur = nil
			continue
		}
		l = splitNumbers(l)
		cur = append(cur, l)
		all = append(all, l)
	}
	cols := columns(all)
	for _, band := range bands {
		fields := make([]string, len(cols))
		empty := true
		// a header spanning columns inside a band (运转类项目支出 over its
		// two columns) gets a line of its own, above the band's row
		if len(band) > 1 {
			var spans []string
			for li, l := range band {
				k := 0
				for _, c := range l.cells {
					if covers(cols, c) >= 2 && !totalWord(c.text) && !reNumber.MatchString(c.text) {
						if spans == nil {
							spans = make([]string, len(cols))
						}
						spans[bestColumn(cols, c)] = c.text
						continue
					}
					l.cells[k] = c
					k++
				}
				band[li].cells = l.cells[:k]
			}
			if spans != nil {
				b.WriteString(strings.Join(spans, "\t"))
				b.WriteByte('\n')
			}
		}
		for _, l := range band {
			for _, c := range l.cells {
				k := bestColumn(cols, c)
				if totalWord(c.text) {
					k = max(k, lastColumn(cols, c))
				}
				if fields[k] != "" && !(isHan(lastRune(fields[k])) && isHan(firstRune(c.text))) {
					fields[k] += " "
				}
				fields[k] += c.text
				empty = false
			}
		}
		if empty {
			continue
		}
		if len(cols) == 1 {
			b.WriteString(fields[0])
		} else {
			b.WriteString(strings.Join(fields, "\t"))
		}
		b.WriteByte('\n')
	}
}
