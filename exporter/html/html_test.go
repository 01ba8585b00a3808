package html

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/templates"
)

// exampleDoc is the bundled 2023 example laid out by the templates.
func exampleDoc(t testing.TB) layout.Document {
	t.Helper()
	d, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestGoldenExample(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, exampleDoc(t), Options{IDPrefix: "sheet-"}); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "tianmen-2023.html", b.Bytes())
}

func TestDeterministic(t *testing.T) {
	doc := exampleDoc(t)
	var a, b bytes.Buffer
	if err := Write(&a, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of one document differ")
	}
}

func TestNoSheets(t *testing.T) {
	if err := Write(&bytes.Buffer{}, layout.Document{}, Options{}); !errors.Is(err, ErrNoSheets) {
		t.Fatalf("err = %v, want ErrNoSheets", err)
	}
}

// gridCell is one parsed <th>/<td> placed by the HTML table model.
type gridCell struct {
	row, col, rowSpan, colSpan int
	tag, scope, class, text    string
}

// place runs the HTML table model over the rows of a <thead> or <tbody>:
// each cell goes to the first column of its row not taken by a rowspan from
// above.
func place(rows []*xhtml.Node) (cells []gridCell, widths []int) {
	taken := map[[2]int]bool{}
	for r, tr := range rows {
		c := 0
		for n := tr.FirstChild; n != nil; n = n.NextSibling {
			if n.Type != xhtml.ElementNode || (n.DataAtom != atom.Th && n.DataAtom != atom.Td) {
				continue
			}
			for taken[[2]int{r, c}] {
				c++
			}
			g := gridCell{row: r, col: c, rowSpan: atoiOr1(attr(n, "rowspan")), colSpan: atoiOr1(attr(n, "colspan")),
				tag: n.Data, scope: attr(n, "scope"), class: attr(n, "class"), text: textOf(n)}
			for i := 0; i < g.rowSpan; i++ {
				for j := 0; j < g.colSpan; j++ {
					taken[[2]int{r + i, c + j}] = true
				}
			}
			cells = append(cells, g)
			c += g.colSpan
		}
	}
	for r := range rows {
		w := 0
		for taken[[2]int{r, w}] {
			w++
		}
		widths = append(widths, w)
	}
	return cells, widths
}

func atoiOr1(s string) int {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	return 1
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch {
		case n.Type == xhtml.TextNode:
			b.WriteString(n.Data)
		case n.Type == xhtml.ElementNode && n.DataAtom == atom.Br:
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func find(n *xhtml.Node, a atom.Atom) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// TestStructure parses the fragment as a browser would and checks, for every
// sheet of the example, what a reader of the page sees: the caption, every
// header cell at its layout position with its spans, every body row as wide
// as the table, amounts right-aligned with their printed text, the row
// header, levels and bold rows.
func TestStructure(t *testing.T) {
	doc := exampleDoc(t)
	var b bytes.Buffer
	if err := Write(&b, doc, Options{IDPrefix: "sheet-"}); err != nil {
		t.Fatal(err)
	}
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(bytes.NewReader(b.Bytes()), body)
	if err != nil {
		t.Fatal(err)
	}
	root := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	sections := find(root, atom.Section)
	if len(sections) != len(doc.Sheets) {
		t.Fatalf("%d sections, want one per sheet (%d)", len(sections), len(doc.Sheets))
	}
	for i, s := range doc.Sheets {
		t.Run(s.ID, func(t *testing.T) {
			sec := sections[i]
			if got := attr(sec, "id"); got != "sheet-"+s.ID {
				t.Errorf("section id %q, want %q", got, "sheet-"+s.ID)
			}
			tables := find(sec, atom.Table)
			if len(tables) != 1 {
				t.Fatalf("%d tables in the section", len(tables))
			}
			caps := find(tables[0], atom.Caption)
			if len(caps) != 1 || textOf(caps[0]) != s.Title+s.UnitLine {
				t.Errorf("caption %q, want title %q and units line %q", textOf(caps[0]), s.Title, s.UnitLine)
			}
			checkHeader(t, s, find(find(tables[0], atom.Thead)[0], atom.Tr))
			checkBody(t, s, find(find(tables[0], atom.Tbody)[0], atom.Tr))
			var notes []string
			for _, p := range find(sec, atom.P) {
				notes = append(notes, textOf(p))
			}
			if fmt.Sprint(notes) != fmt.Sprint(s.Notes) {
				t.Errorf("notes %q, want %q", notes, s.Notes)
			}
		})
	}
}

func checkHeader(t *testing.T, s layout.Sheet, rows []*xhtml.Node) {
	t.Helper()
	if len(rows) != s.HeaderRows {
		t.Fatalf("%d header rows, want %d", len(rows), s.HeaderRows)
	}
	cells, widths := place(rows)
	for r, w := range widths {
		if w != len(s.Columns) {
			t.Errorf("header row %d is %d columns wide, want %d", r+1, w, len(s.Columns))
		}
	}
	at := map[[2]int]gridCell{}
	for _, c := range cells {
		at[[2]int{c.row, c.col}] = c
	}
	for _, h := range s.Header {
		c, ok := at[[2]int{h.Row, h.Col}]
		if !ok {
			t.Errorf("header %q: no cell at row %d column %d", h.Text, h.Row+1, h.Col+1)
			continue
		}
		if c.text != h.Text || c.rowSpan != max(h.RowSpan, 1) || c.colSpan != max(h.ColSpan, 1) {
			t.Errorf("header at row %d column %d: %q %d×%d, want %q %d×%d", h.Row+1, h.Col+1,
				c.text, c.rowSpan, c.colSpan, h.Text, h.RowSpan, h.ColSpan)
		}
		numbers := s.NumberRow && h.Row == s.HeaderRows-1
		switch {
		case numbers && c.tag != "td":
			t.Errorf("column number %q is a <%s>, want <td>", h.Text, c.tag)
		case !numbers && c.tag != "th":
			t.Errorf("header %q is a <%s>, want <th>", h.Text, c.tag)
		case !numbers && h.ColSpan > 1 && c.scope != "colgroup":
			t.Errorf("header %q spans %d columns but has scope %q", h.Text, h.ColSpan, c.scope)
		case !numbers && h.ColSpan <= 1 && c.scope != "col":
			t.Errorf("header %q has scope %q, want col", h.Text, c.scope)
		}
	}
}

func checkBody(t *testing.T, s layout.Sheet, rows []*xhtml.Node) {
	t.Helper()
	if len(rows) != len(s.Rows) {
		t.Fatalf("%d body rows, want %d", len(rows), len(s.Rows))
	}
	cells, widths := place(rows)
	for r, w := range widths {
		if w != len(s.Columns) {
			t.Errorf("row %d is %d columns wide, want %d", r+1, w, len(s.Columns))
		}
	}
	headers := make([]int, len(rows))
	for _, c := range cells {
		lr := s.Rows[c.row]
		lc := lr.Cells[c.col]
		want := lc.Text
		if lc.Empty {
			want = ""
		}
		if c.text != want {
			t.Errorf("row %d column %d: %q, want %q", c.row+1, c.col+1, c.text, want)
		}
		if lc.Numeric && lc.Align == layout.AlignDefault && !strings.Contains(c.class, "gk-num") {
			t.Errorf("row %d column %d: amount %q not right-aligned (class %q)", c.row+1, c.col+1, c.text, c.class)
		}
		if c.tag == "th" {
			headers[c.row]++
			if c.scope != "row" {
				t.Errorf("row %d: row header with scope %q", c.row+1, c.scope)
			}
		}
	}
	for r, tr := range rows {
		lr := s.Rows[r]
		cls := " " + attr(tr, "class") + " "
		if !strings.Contains(cls, " gk-level-"+strconv.Itoa(lr.Level)+" ") {
			t.Errorf("row %d: class %q lacks its level %d", r+1, cls, lr.Level)
		}
		if strings.Contains(cls, " gk-bold ") != (lr.Emphasis == layout.Bold) {
			t.Errorf("row %d: class %q, emphasis %q", r+1, cls, lr.Emphasis)
		}
		if headers[r] > 1 {
			t.Errorf("row %d has %d row headers", r+1, headers[r])
		}
	}
}

// TestHeaderHole: a header grid position covered by no cell is filled, so
// the cells after it keep their columns.
func TestHeaderHole(t *testing.T) {
	s := layout.Sheet{
		Columns:    []layout.Column{{Kind: layout.KindText}, {Kind: layout.KindAmount}, {Kind: layout.KindAmount}},
		HeaderRows: 2,
		Header: []layout.HeaderCell{
			{Row: 0, Col: 0, RowSpan: 2, ColSpan: 1, Text: "项目"},
			{Row: 0, Col: 1, RowSpan: 1, ColSpan: 2, Text: "金额"},
			{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "本年"},
		},
	}
	var b bytes.Buffer
	if err := WriteSheet(&b, s, Options{}); err != nil {
		t.Fatal(err)
	}
	want := `<tr><td></td><th scope="col">本年</th></tr>`
	if !strings.Contains(b.String(), want) {
		t.Fatalf("second header row not filled:\n%s", b.String())
	}
}

func TestEscapes(t *testing.T) {
	s := layout.Sheet{
		ID: `t"1`, Title: "<b>表</b>", UnitLine: "单位：万元",
		Columns: []layout.Column{{Kind: layout.KindText}},
		Rows:    []layout.Row{{Cells: []layout.Cell{layout.TextCell("a&b<script>")}}},
	}
	var b bytes.Buffer
	if err := WriteSheet(&b, s, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<b>", "<script>", `"1"`} {
		if strings.Contains(out, bad) {
			t.Errorf("%q not escaped:\n%s", bad, out)
		}
	}
}
