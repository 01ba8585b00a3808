package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

// Options control Write. The zero value writes the official format.
type Options struct {
	// Rows, when it has a function for a sheet's ID, gives that sheet's
	// body rows instead of Sheet.Rows, one at a time, so that a sheet too
	// long to hold (the findings of a whole province's batch) is never in
	// memory at once. The function is called twice, to measure and then to
	// write, and must give the same rows both times (otherwise Write fails).
	// The second time is while the workbook is written to w: the rows'
	// XML goes straight to the compressor, a thousand rows at a time, so
	// memory does not grow with the sheet.
	Rows map[string]func(yield func(layout.Row) bool)
}

// ErrNoSheets: the document has no sheet to write.
var ErrNoSheets = errors.New("xlsx: the document has no sheets")

// Write writes doc to w as an XLSX workbook.
func Write(w io.Writer, doc layout.Document, o Options) error {
	if len(doc.Sheets) == 0 {
		return ErrNoSheets
	}
	f := excelize.NewFile()
	defer f.Close()
	// The body rows of a sheet given by Options.Rows are not handed to
	// excelize's stream writer, which keeps up to 16 MB of a sheet's XML in
	// memory (a constant of the library), for every sheet until the end:
	// the zip writer makes them while it writes the sheet (spliced).
	bodies := map[string]*splice{}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w, bodies: bodies} })
	st := newStyles(f)
	names := sheetNames(doc.Sheets)
	for i, s := range doc.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", names[0]); err != nil {
				return fmt.Errorf("xlsx: sheet %q: %w", names[0], err)
			}
		} else if _, err := f.NewSheet(names[i]); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
		rows := o.Rows[s.ID]
		var sp *splice
		if rows == nil {
			rows = slices.Values(s.Rows)
		} else {
			// The i-th sheet of a new file is xl/worksheets/sheet{i+1}.xml.
			sp = &splice{}
			bodies["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"] = sp
		}
		if err := writeSheet(f, st, names[i], s, rows, sp); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
	}
	if hasSums(doc) {
		// Totals written as formulas have no stored value: ask Excel, WPS
		// and LibreOffice to compute every formula when the file opens.
		on := true
		if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	// The first sheet is the active one: the new file's Sheet1, renamed.
	// (SetActiveSheet would parse every stream-written sheet back.)
	date := doc.Date
	if date.IsZero() {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	setCoreProperties(f, doc.Title, doc.Subject, doc.Author, date)
	if err := st.err; err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// sheetNames returns names Excel accepts: at most 31 characters, none of
// : \ / ? * [ ], unique (a repeated name gets (2), (3) …).
func sheetNames(sheets []layout.Sheet) []string {
	clean := strings.NewReplacer(":", "：", "\\", "＼", "/", "／", "?", "？", "*", "＊", "[", "［", "]", "］")
	seen := map[string]bool{}
	out := make([]string, len(sheets))
	for i, s := range sheets {
		base := clean.Replace(s.Name)
		if strings.TrimSpace(base) == "" {
			base = "Sheet" + strconv.Itoa(i+1)
		}
		name := truncate(base, 31)
		for n := 2; seen[strings.ToLower(name)]; n++ {
			suffix := "(" + strconv.Itoa(n) + ")"
			name = truncate(base, 31-len(suffix)) + suffix
		}
		seen[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// cellName returns the A1 name of 1-based column c, row r.
func cellName(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c, r)
	return name
}

func colName(c int) string {
	name, _ := excelize.ColumnNumberToName(c)
	return name
}

// grid is one sheet laid out for the stream writer: the rows above the
// body (title, units line, header) and below it (notes) with their cells,
// the body rows' heights only (their cells are made while streaming, so a
// sheet of 100,000 rows never holds them all), and merged ranges. Excelize's
// stream writer writes each row's XML once, instead of keeping a cell tree
// that every write searches (the normal API rescans merged ranges per
// cell, which is quadratic) and then marshalling it.
type grid struct {
	top    []gridRow // rows 1 … bodyTop-1
	body   []float64 // heights of the body rows
	bottom []gridRow // the notes
	merges [][2]string
	// bodyMerges are the merges of the body rows of a spliced sheet:
	// first and last column, row (1-based).
	bodyMerges [][3]int
	headTop    int // first header row, 1-based
	bodyTop    int // first body row
}

type gridRow struct {
	height float64 // points; 0 leaves Excel's default
	cells  []any   // excelize.Cell values
}

// defaultRowHeight is Excel's height of a row that sets none.
const defaultRowHeight = 15

// next is the 1-based number of the next row added.
func (g *grid) next() int { return len(g.top) + len(g.body) + len(g.bottom) + 1 }

func (g *grid) merge(c1, r1, c2, r2 int) {
	g.merges = append(g.merges, [2]string{cellName(c1, r1), cellName(c2, r2)})
}

func (g *grid) height() float64 {
	h := 0.0
	for _, rows := range [][]gridRow{g.top, g.bottom} {
		for _, r := range rows {
			if r.height == 0 {
				h += defaultRowHeight
			}
			h += r.height
		}
	}
	for _, ht := range g.body {
		h += ht
	}
	return h
}

// writeSheet draws one sheet. Rows: 1 title, 2 units line (when there is
// one), then the header grid, the body, the notes. Page setup comes first:
// the stream writer drops it when it is set after the rows.
//
// With sp, the body rows are left out of the stream: layoutGrid has made
// their styles and merges, and sp makes their XML when the zip writer asks.
func writeSheet(f *excelize.File, st *styles, name string, s layout.Sheet, rows func(yield func(layout.Row) bool), sp *splice) error {
	width := len(s.Columns)
	if width == 0 {
		return errors.New("no columns")
	}
	g := layoutGrid(st, s, rows, sp != nil)
	if err := pageSetup(f, name, s, g.headTop, g.bodyTop, g.height()); err != nil {
		return err
	}
	// Data validation and protection of a template, before the stream
	// writer takes the worksheet over.
	if err := inputRules(f, name, s, g.bodyTop); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Column widths: 1 CJK character ≈ 2 Excel units, plus a little padding.
	for c, col := range s.Columns {
		if err := sw.SetColWidth(c+1, c+1, excelWidth(col.Width)); err != nil {
			return err
		}
	}
	if g.bodyTop > 1 && len(g.body) > 0 {
		top := cellName(1, g.bodyTop)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: g.bodyTop - 1, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}
	row := 1
	put := func(height float64, cells []any) error {
		err := sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: height})
		row++
		return err
	}
	for _, r := range g.top {
		if err := put(r.height, r.cells); err != nil {
			return err
		}
	}
	cells := make([]any, width)
	if sp != nil {
		sp.at = row
		if len(g.bottom) == 0 {
			sp.at = 0 // before </sheetData>
		} else {
			sp.at += len(g.body)
		}
		sp.write = func(emit func([]byte) error) error {
			return spliceRows(st, s, g, rows, emit)
		}
		row += len(g.body)
		for _, m := range g.bodyMerges {
			if err := sw.MergeCell(cellName(m[0], m[2]), cellName(m[1], m[2])); err != nil {
				return err
			}
		}
	} else {
		i := 0
		for r := range rows {
			if i == len(g.body) {
				return errChangedRows
			}
			for _, m := range bodyCells(st, s, r, cells, g.bodyTop) {
				if err := sw.MergeCell(cellName(m[0], row), cellName(m[1], row)); err != nil {
					return err
				}
			}
			if err := put(g.body[i], cells); err != nil {
				return err
			}
			i++
		}
	}
	for _, r := range g.bottom {
		if err := put(r.height, r.cells); err != nil {
			return err
		}
	}
	for _, m := range g.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// layoutGrid lays the sheet out in rows and merges.
// With spliced, it also makes the body rows' styles (before the file's
// styles are written) and keeps their merges.
func layoutGrid(st *styles, s layout.Sheet, rows func(yield func(layout.Row) bool), spliced bool) *grid {
	width := len(s.Columns)
	g := &grid{}
	one := func(text string, style int) []any {
		return []any{excelize.Cell{StyleID: style, Value: text}}
	}
	// Title.
	row := g.next()
	g.top = append(g.top, gridRow{30, one(s.Title, st.get(styleKey{role: roleTitle}))})
	if width > 1 {
		g.merge(1, row, width, row)
	}
	// Units line, with the preparer (编制部门：…) in the left half when given.
	if s.Preparer != "" && width > 1 {
		row = g.next()
		split := (width + 1) / 2
		cells := make([]any, split+1)
		for i := range cells {
			cells[i] = excelize.Cell{}
		}
		cells[0] = excelize.Cell{StyleID: st.get(styleKey{role: rolePreparer}), Value: s.Preparer}
		cells[split] = excelize.Cell{StyleID: st.get(styleKey{role: roleUnit}), Value: s.UnitLine}
		g.top = append(g.top, gridRow{0, cells})
		if split > 1 {
			g.merge(1, row, split, row)
		}
		if split+1 < width {
			g.merge(split+1, row, width, row)
		}
	} else if s.UnitLine != "" {
		row = g.next()
		g.top = append(g.top, gridRow{0, one(s.UnitLine, st.get(styleKey{role: roleUnit}))})
		if width > 1 {
			g.merge(1, row, width, row)
		}
	}
	g.headTop = g.next()
	layoutHeader(g, st, s)
	g.bodyTop = g.next()
	var cells []any
	if spliced {
		cells = make([]any, width)
		if len(s.Notes) > 0 {
			// The notes' style first, as when the body is streamed: the
			// same document gives the same style ids either way.
			st.get(styleKey{role: roleNote})
		}
	}
	for r := range rows {
		if spliced {
			for _, m := range bodyCells(st, s, r, cells, g.bodyTop) {
				g.bodyMerges = append(g.bodyMerges, [3]int{m[0], m[1], g.bodyTop + len(g.body)})
			}
		}
		g.body = append(g.body, bodyHeight(s, r))
	}
	total := 0.0
	for _, c := range s.Columns {
		total += c.Width
	}
	for _, n := range s.Notes {
		row = g.next()
		g.bottom = append(g.bottom, gridRow{rowHeight(lines(n, total)), one(n, st.get(styleKey{role: roleNote}))})
		if width > 1 {
			g.merge(1, row, width, row)
		}
	}
	return g
}

// layoutHeader adds the header grid: every cell of the grid bordered, each
// header cell's text in its top-left cell, its span merged.
func layoutHeader(g *grid, st *styles, s layout.Sheet) {
	width := len(s.Columns)
	if s.HeaderRows == 0 {
		return
	}
	headStyle := st.get(styleKey{role: roleHeader, bold: true})
	numStyle := st.get(styleKey{role: roleNumberRow})
	// Row heights: enough lines for the text of every cell, spread over
	// the rows a cell spans.
	heights := make([]float64, s.HeaderRows)
	for i := range heights {
		heights[i] = rowHeight(1)
	}
	for _, h := range s.Header {
		if h.RowSpan == 1 && h.Row < len(heights) {
			heights[h.Row] = math.Max(heights[h.Row], rowHeight(lines(h.Text, spanWidth(s, h.Col, h.ColSpan))))
		}
	}
	for _, h := range s.Header {
		if h.RowSpan > 1 && h.Row+h.RowSpan <= len(heights) {
			need := rowHeight(lines(h.Text, spanWidth(s, h.Col, h.ColSpan)))
			have := 0.0
			for r := h.Row; r < h.Row+h.RowSpan; r++ {
				have += heights[r]
			}
			if need > have {
				heights[h.Row+h.RowSpan-1] += need - have
			}
		}
	}
	cells := make([][]any, s.HeaderRows)
	for r := range cells {
		id := headStyle
		if s.NumberRow && r == s.HeaderRows-1 {
			id = numStyle
		}
		cells[r] = make([]any, width)
		for c := range cells[r] {
			cells[r][c] = excelize.Cell{StyleID: id}
		}
	}
	top := g.headTop
	for _, h := range s.Header {
		if h.Row < 0 || h.Row >= s.HeaderRows || h.Col < 0 || h.Col >= width {
			continue
		}
		c := cells[h.Row][h.Col].(excelize.Cell)
		c.Value = h.Text
		cells[h.Row][h.Col] = c
		if h.RowSpan > 1 || h.ColSpan > 1 {
			g.merge(h.Col+1, top+h.Row, h.Col+max(h.ColSpan, 1), top+h.Row+max(h.RowSpan, 1)-1)
		}
	}
	for r := range cells {
		g.top = append(g.top, gridRow{capHeight(heights[r]), cells[r]})
	}
}

// bodyCells fills cells with one body row: every cell bordered, codes and
// names as text, amounts and counts as numbers. It returns the column
// ranges (1-based, first and last) to merge.
func bodyCells(st *styles, s layout.Sheet, r layout.Row, cells []any, bodyTop int) [][2]int {
	bold := r.Emphasis == layout.Bold
	var merges [][2]int
	for c := 0; c < len(s.Columns); c++ {
		col := s.Columns[c]
		cell := rowCell(r, c)
		key := styleKey{role: roleBody, kind: col.Kind, bold: bold, align: cell.Align, input: cell.Input}
		switch {
		case col.Kind == layout.KindAmount && s.TrimZeros:
			key.places = -1
		case col.Kind == layout.KindAmount:
			key.places = s.Decimals
			key.group = s.Thousands
		case cell.Numeric:
			key.places = textPlaces(cell.Text)
		}
		if cell.ColSpan > 1 && key.align == layout.AlignDefault && !cell.Numeric {
			key.align = layout.AlignLeft
		}
		out := excelize.Cell{StyleID: st.get(key)}
		if len(cell.Sum) > 0 {
			out.Formula = sumFormula(cell.Sum, bodyTop)
		} else if !cell.Empty {
			if cell.Numeric {
				out.Value = cell.Value.InexactFloat64()
			} else {
				out.Value = cell.Text
			}
			if span := cellSpan(s, cell, c); span > 1 {
				merges = append(merges, [2]int{c + 1, c + span})
			}
		}
		cells[c] = out
	}
	return merges
}

// bodyHeight is the height of a body row: enough lines for its longest
// text, capped at the tallest row Excel allows.
func bodyHeight(s layout.Sheet, r layout.Row) float64 {
	maxLines := 1
	for c := range s.Columns {
		cell := rowCell(r, c)
		if cell.Empty || cell.Numeric {
			continue
		}
		maxLines = max(maxLines, lines(cell.Text, spanWidth(s, c, cellSpan(s, cell, c))))
	}
	return rowHeight(maxLines)
}

func rowCell(r layout.Row, c int) layout.Cell {
	if c < len(r.Cells) {
		return r.Cells[c]
	}
	return layout.Cell{Empty: true}
}

// cellSpan is the number of columns cell (in column c) covers.
func cellSpan(s layout.Sheet, cell layout.Cell, c int) int {
	if cell.ColSpan > 1 {
		return max(1, min(cell.ColSpan, len(s.Columns)-c))
	}
	return 1
}

// Page geometry in points: A4 and the margins pageSetup sets.
const (
	a4Short, a4Long = 595.0, 842.0
	marginLR        = 0.4 * 72
	marginTB        = 0.6 * 72
	// nearlyOnePage: a sheet at most this much taller than one page is
	// shrunk onto one page rather than printed with a few rows on a second.
	nearlyOnePage = 1.25
)

// pageSetup sets A4 landscape fit to one page wide, print titles and the
// page footer (writeSheet freezes the header). A sheet whose height (at the width's
// scale) is over one page by at most a quarter is also fitted to one page
// tall; longer sheets print on as many pages as they need.
func pageSetup(f *excelize.File, name string, s layout.Sheet, headTop, bodyTop int, height float64) error {
	size, orient := 9, "portrait" // 9 = A4
	pageW, pageH := a4Short-2*marginLR, a4Long-2*marginTB
	if s.Page.Landscape {
		orient = "landscape"
		pageW, pageH = a4Long-2*marginLR, a4Short-2*marginTB
	}
	opts := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	if s.Page.FitWidth {
		width := 0.0 // points: an Excel unit is about 7 px, 0.75 pt a px
		for _, c := range s.Columns {
			width += (excelWidth(c.Width)*7 + 5) * 0.75
		}
		scale := math.Min(1, pageW/width)
		tall := 0
		if h := height * scale; h > pageH && h <= pageH*nearlyOnePage {
			tall = 1
		}
		one := 1
		opts.FitToWidth, opts.FitToHeight = &one, &tall
		fit := true
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(name, opts); err != nil {
		return err
	}
	lr, tb, hf, centre := marginLR/72, marginTB/72, 0.3, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 / 共 &N 页"}); err != nil {
		return err
	}
	if s.Page.RepeatHeader && bodyTop > 1 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(name, "'", "''"), bodyTop-1),
			Scope:    name,
		}); err != nil {
			return err
		}
	}
	return nil
}

func setText(f *excelize.File, sheet, ref, text string, style int) error {
	if err := f.SetCellStr(sheet, ref, text); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// textPlaces is the number of decimal places of a display text ("0.01356" → 5).
func textPlaces(s string) int32 {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return int32(len(s) - i - 1)
	}
	return 0
}

// excelWidth converts a width in CJK characters to Excel column units.
func excelWidth(w float64) float64 {
	if w <= 0 {
		w = 4
	}
	return math.Round((w*2+1)*100) / 100
}

// spanWidth is the width in CJK characters of columns c … c+n-1.
func spanWidth(s layout.Sheet, c, n int) float64 {
	w := 0.0
	for i := c; i < c+max(n, 1) && i < len(s.Columns); i++ {
		w += s.Columns[i].Width
	}
	return w
}

// lines estimates how many lines text needs in a cell width wide (CJK
// characters; ASCII counts half). An Excel column of W units is about 7W
// pixels less 5 of padding; a 10 pt CJK glyph is about 13.4 pixels.
func lines(text string, width float64) int {
	if text == "" {
		return 1
	}
	avail := (excelWidth(width)*7 - 5) / 13.4
	if avail < 1 {
		avail = 1
	}
	n := 0
	for _, part := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range part {
			if r < 0x80 {
				w += 0.5
			} else {
				w++
			}
		}
		n += max(1, int(math.Ceil(w/avail-0.02)))
	}
	return n
}

// maxRowHeight is the tallest row Excel allows (409 points, 30 lines).
const maxRowHeight = 409

// rowHeight is the height in points of a row of n lines of 10 pt text, at
// most maxRowHeight: a longer text stays whole in its cell (the formula bar
// and a wider column show it), the row just cannot grow further.
func rowHeight(n int) float64 {
	return min(float64(n)*13.5+3, maxRowHeight)
}

func capHeight(h float64) float64 { return math.Min(h, maxRowHeight) }
