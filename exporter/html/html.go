package html

import (
	"bufio"
	"errors"
	stdhtml "html"
	"io"
	"strconv"
	"strings"

	"gongkai/layout"
)

// Options control Write and WriteSheet. The zero value is useful.
type Options struct {
	// IDPrefix is put before each sheet's ID to make the id attribute of
	// its <section> (e.g. "sheet-" gives id="sheet-t05"), so a page can
	// link to a table. Sheets without an ID get no id attribute.
	IDPrefix string
	// HeadingLevel, when 1 to 6, writes the sheet's title also as a
	// heading <hN> before the table (for a document with a table of
	// contents); 0 writes the title only in the <caption>.
	HeadingLevel int
}

// ErrNoSheets: the document has no sheet to write.
var ErrNoSheets = errors.New("html: the document has no sheets")

// Write writes every sheet of doc, in order, as an HTML fragment (one
// <section class="gk-sheet"> per sheet). It writes no <html>, <head> or
// <body>: the caller's page holds the fragment and links Stylesheet.
func Write(w io.Writer, doc layout.Document, o Options) error {
	if len(doc.Sheets) == 0 {
		return ErrNoSheets
	}
	bw := bufio.NewWriter(w)
	for i := range doc.Sheets {
		writeSheet(bw, &doc.Sheets[i], o)
	}
	return bw.Flush()
}

// WriteSheet writes one sheet as an HTML fragment.
func WriteSheet(w io.Writer, s layout.Sheet, o Options) error {
	bw := bufio.NewWriter(w)
	writeSheet(bw, &s, o)
	return bw.Flush()
}

// writer collects the output; bufio.Writer keeps the first write error and
// Flush reports it.
type writer = bufio.Writer

func esc(s string) string { return stdhtml.EscapeString(s) }

func writeSheet(w *writer, s *layout.Sheet, o Options) {
	w.WriteString(`<section class="gk-sheet"`)
	if s.ID != "" {
		w.WriteString(` id="` + esc(o.IDPrefix+s.ID) + `"`)
	}
	w.WriteString(">\n")
	if o.HeadingLevel >= 1 && o.HeadingLevel <= 6 && s.Title != "" {
		h := strconv.Itoa(o.HeadingLevel)
		w.WriteString(`<h` + h + ` class="gk-heading">` + esc(s.Title) + `</h` + h + ">\n")
	}
	w.WriteString(`<table class="gk-table">` + "\n")
	if s.Title != "" || s.UnitLine != "" || s.Preparer != "" {
		w.WriteString("<caption>")
		if s.Title != "" {
			w.WriteString(`<span class="gk-title">` + esc(s.Title) + `</span>`)
		}
		if s.Preparer != "" {
			w.WriteString(`<span class="gk-preparer">` + esc(s.Preparer) + `</span>`)
		}
		if s.UnitLine != "" {
			w.WriteString(`<span class="gk-unit">` + esc(s.UnitLine) + `</span>`)
		}
		w.WriteString("</caption>\n")
	}
	writeHeader(w, s)
	writeBody(w, s)
	w.WriteString("</table>\n")
	for _, n := range s.Notes {
		w.WriteString(`<p class="gk-note">` + esc(n) + "</p>\n")
	}
	w.WriteString("</section>\n")
}

// writeHeader writes the header grid row by row. A position covered by no
// header cell gets an empty cell, so a cell after a hole stays in its column.
func writeHeader(w *writer, s *layout.Sheet) {
	rows := s.HeaderRows
	for _, h := range s.Header {
		rows = max(rows, h.Row+max(h.RowSpan, 1))
	}
	cols := len(s.Columns)
	for _, h := range s.Header {
		cols = max(cols, h.Col+max(h.ColSpan, 1))
	}
	if rows == 0 || cols == 0 {
		return
	}
	start := make(map[[2]int]layout.HeaderCell, len(s.Header))
	covered := make([]bool, rows*cols)
	for _, h := range s.Header {
		if h.Row < 0 || h.Col < 0 {
			continue
		}
		start[[2]int{h.Row, h.Col}] = h
		for r := h.Row; r < h.Row+max(h.RowSpan, 1) && r < rows; r++ {
			for c := h.Col; c < h.Col+max(h.ColSpan, 1) && c < cols; c++ {
				covered[r*cols+c] = true
			}
		}
	}
	w.WriteString("<thead>\n")
	for r := 0; r < rows; r++ {
		numbers := s.NumberRow && r == s.HeaderRows-1
		if numbers {
			w.WriteString(`<tr class="gk-colno">`)
		} else {
			w.WriteString("<tr>")
		}
		for c := 0; c < cols; {
			h, ok := start[[2]int{r, c}]
			switch {
			case ok:
				cs, rs := max(h.ColSpan, 1), max(h.RowSpan, 1)
				if numbers {
					w.WriteString("<td" + spans(rs, cs) + ">" + esc(h.Text) + "</td>")
				} else {
					scope := "col"
					if cs > 1 {
						scope = "colgroup"
					}
					w.WriteString(`<th scope="` + scope + `"` + spans(rs, cs) + ">" + lines(h.Text) + "</th>")
				}
				c += cs
			case covered[r*cols+c]:
				c++
			default:
				w.WriteString("<td></td>")
				c++
			}
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</thead>\n")
}

func spans(rs, cs int) string {
	var b strings.Builder
	if rs > 1 {
		b.WriteString(` rowspan="` + strconv.Itoa(rs) + `"`)
	}
	if cs > 1 {
		b.WriteString(` colspan="` + strconv.Itoa(cs) + `"`)
	}
	return b.String()
}

// lines escapes s and keeps its line breaks (a header text may hold "\n").
func lines(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>")
}

// writeBody writes the rows. The cell of the sheet's first text column is
// the row's header (<th scope="row">) when it is not empty: the name a screen
// reader announces with each amount.
func writeBody(w *writer, s *layout.Sheet) {
	if len(s.Rows) == 0 {
		return
	}
	nameCol := -1
	for i, c := range s.Columns {
		if c.Kind == layout.KindText {
			nameCol = i
			break
		}
	}
	w.WriteString("<tbody>\n")
	for _, r := range s.Rows {
		cls := "gk-level-" + strconv.Itoa(max(r.Level, 0))
		if r.Emphasis == layout.Bold {
			cls += " gk-bold"
		}
		w.WriteString(`<tr class="` + cls + `"`)
		if r.Ref != "" {
			w.WriteString(` data-ref="` + esc(r.Ref) + `"`)
		}
		w.WriteString(">")
		for c := 0; c < len(s.Columns); {
			col := s.Columns[c]
			cell := layout.Cell{Empty: true}
			if c < len(r.Cells) {
				cell = r.Cells[c]
			}
			span := 1
			if cell.ColSpan > 1 {
				span = min(cell.ColSpan, len(s.Columns)-c)
			}
			var classes []string
			numeric := cell.Numeric || col.Kind == layout.KindAmount || col.Kind == layout.KindNumber
			switch {
			case cell.Align != layout.AlignDefault:
				classes = append(classes, "gk-"+string(cell.Align))
			case numeric:
				classes = append(classes, "gk-num")
			case col.Kind == layout.KindCode:
				classes = append(classes, "gk-code")
			}
			tag := "td"
			attrs := ""
			if c == nameCol && !cell.Empty {
				tag, attrs = "th", ` scope="row"`
				classes = append(classes, "gk-name")
			}
			if len(classes) > 0 {
				attrs += ` class="` + strings.Join(classes, " ") + `"`
			}
			attrs += spans(1, span)
			text := ""
			if !cell.Empty {
				text = lines(cell.Text)
			}
			w.WriteString("<" + tag + attrs + ">" + text + "</" + tag + ">")
			c += span
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n")
}
