package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

// Options control Write. The zero value writes the official format.
type Options struct{}

// ErrNoSheets: the document has no sheet to write.
var ErrNoSheets = errors.New("xlsx: the document has no sheets")

// Write writes doc to w as an XLSX workbook.
func Write(w io.Writer, doc layout.Document, o Options) error {
	if len(doc.Sheets) == 0 {
		return ErrNoSheets
	}
	f := excelize.NewFile()
	defer f.Close()
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
		if err := writeSheet(f, st, names[i], s); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
	}
	f.SetActiveSheet(0)
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

// writeSheet draws one sheet. Rows: 1 title, 2 units line (when there is
// one), then the header grid, the body, the notes.
func writeSheet(f *excelize.File, st *styles, name string, s layout.Sheet) error {
	width := len(s.Columns)
	if width == 0 {
		return errors.New("no columns")
	}
	last := colName(width)
	row := 1
	// Column widths: 1 CJK character ≈ 2 Excel units, plus a little padding.
	for c, col := range s.Columns {
		if err := f.SetColWidth(name, colName(c+1), colName(c+1), excelWidth(col.Width)); err != nil {
			return err
		}
	}
	// Title.
	if err := setText(f, name, cellName(1, row), s.Title, st.get(styleKey{role: roleTitle})); err != nil {
		return err
	}
	if width > 1 {
		if err := f.MergeCell(name, "A1", last+"1"); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(name, row, 30); err != nil {
		return err
	}
	row++
	// Units line.
	if s.UnitLine != "" {
		if err := setText(f, name, cellName(1, row), s.UnitLine, st.get(styleKey{role: roleUnit})); err != nil {
			return err
		}
		if width > 1 {
			if err := f.MergeCell(name, cellName(1, row), cellName(width, row)); err != nil {
				return err
			}
		}
		row++
	}
	headTop := row
	if err := writeHeader(f, st, name, s, headTop); err != nil {
		return err
	}
	row = headTop + s.HeaderRows
	bodyTop := row
	for _, r := range s.Rows {
		if err := writeRow(f, st, name, s, r, row); err != nil {
			return err
		}
		row++
	}
	for _, n := range s.Notes {
		if err := setText(f, name, cellName(1, row), n, st.get(styleKey{role: roleNote})); err != nil {
			return err
		}
		if width > 1 {
			if err := f.MergeCell(name, cellName(1, row), cellName(width, row)); err != nil {
				return err
			}
		}
		total := 0.0
		for _, c := range s.Columns {
			total += c.Width
		}
		if err := f.SetRowHeight(name, row, rowHeight(lines(n, total))); err != nil {
			return err
		}
		row++
	}
	return pageSetup(f, name, s, headTop, bodyTop, sheetHeight(f, name, row-1))
}

// sheetHeight is the height in points of rows 1 … last.
func sheetHeight(f *excelize.File, name string, last int) float64 {
	h := 0.0
	for r := 1; r <= last; r++ {
		ht, err := f.GetRowHeight(name, r)
		if err != nil {
			ht = rowHeight(1)
		}
		h += ht
	}
	return h
}

// writeHeader draws the header grid: every cell of the grid bordered, each
// header cell's text in its top-left cell, its span merged.
func writeHeader(f *excelize.File, st *styles, name string, s layout.Sheet, top int) error {
	width := len(s.Columns)
	if s.HeaderRows == 0 {
		return nil
	}
	headStyle := st.get(styleKey{role: roleHeader, bold: true})
	numStyle := st.get(styleKey{role: roleNumberRow})
	for r := 0; r < s.HeaderRows; r++ {
		id := headStyle
		if s.NumberRow && r == s.HeaderRows-1 {
			id = numStyle
		}
		if err := f.SetCellStyle(name, cellName(1, top+r), cellName(width, top+r), id); err != nil {
			return err
		}
	}
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
	for r, ht := range heights {
		if err := f.SetRowHeight(name, top+r, ht); err != nil {
			return err
		}
	}
	for _, h := range s.Header {
		r, c := top+h.Row, h.Col+1
		if err := f.SetCellStr(name, cellName(c, r), h.Text); err != nil {
			return err
		}
		if h.RowSpan > 1 || h.ColSpan > 1 {
			if err := f.MergeCell(name, cellName(c, r), cellName(c+max(h.ColSpan, 1)-1, r+max(h.RowSpan, 1)-1)); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeRow draws one body row: every cell bordered, codes and names as
// text, amounts and counts as numbers.
func writeRow(f *excelize.File, st *styles, name string, s layout.Sheet, r layout.Row, row int) error {
	bold := r.Emphasis == layout.Bold
	maxLines := 1
	for c := 0; c < len(s.Columns); c++ {
		col := s.Columns[c]
		var cell layout.Cell
		if c < len(r.Cells) {
			cell = r.Cells[c]
		} else {
			cell = layout.Cell{Empty: true}
		}
		key := styleKey{role: roleBody, kind: col.Kind, bold: bold, align: cell.Align}
		switch {
		case col.Kind == layout.KindAmount:
			key.places = s.Decimals
		case cell.Numeric:
			key.places = textPlaces(cell.Text)
		}
		if cell.ColSpan > 1 && key.align == layout.AlignDefault && !cell.Numeric {
			key.align = layout.AlignLeft
		}
		ref := cellName(c+1, row)
		if err := f.SetCellStyle(name, ref, ref, st.get(key)); err != nil {
			return err
		}
		if cell.Empty {
			continue
		}
		if cell.Numeric {
			if err := f.SetCellFloat(name, ref, cell.Value.InexactFloat64(), -1, 64); err != nil {
				return err
			}
		} else if err := f.SetCellStr(name, ref, cell.Text); err != nil {
			return err
		}
		span := 1
		if cell.ColSpan > 1 {
			span = min(cell.ColSpan, len(s.Columns)-c)
			if span > 1 {
				if err := f.MergeCell(name, ref, cellName(c+span, row)); err != nil {
					return err
				}
			}
		}
		if !cell.Numeric {
			maxLines = max(maxLines, lines(cell.Text, spanWidth(s, c, span)))
		}
	}
	return f.SetRowHeight(name, row, rowHeight(maxLines))
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

// pageSetup sets A4 landscape fit to one page wide, print titles, the page
// footer and the frozen header. A sheet whose height (at the width's
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
	if bodyTop > 1 && len(s.Rows) > 0 {
		top := cellName(1, bodyTop)
		return f.SetPanes(name, &excelize.Panes{
			Freeze: true, YSplit: bodyTop - 1, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		})
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
