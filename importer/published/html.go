package published

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// HTMLOptions configure HTML. The zero value is useful.
type HTMLOptions struct {
	// Name is the file name used in errors.
	Name string
}

// HTML reads a web page saved from a browser (UTF-8 or GB18030/GBK, as its
// meta tag or its bytes say): the text of its blocks as lines, and every
// data table (<table> holding no other table) as tab-separated rows, with
// colspan and rowspan kept as empty fields so columns stay in place. Scripts,
// styles, navigation forms and hidden elements are left out.
func HTML(data []byte, o HTMLOptions) (*Document, error) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	var utf []byte
	switch {
	case !certain && utf8.Valid(data):
		utf = data
	case !certain || name == "windows-1252":
		// no declared charset and not UTF-8: Chinese pages are GB18030
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, &Error{File: o.Name, Err: ErrBroken, Detail: err.Error()}
		}
		utf = b
	default:
		b, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, &Error{File: o.Name, Err: ErrBroken, Detail: err.Error()}
		}
		utf = b
	}
	root, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return nil, &Error{File: o.Name, Err: ErrBroken, Detail: err.Error()}
	}
	w := &textWriter{}
	walkHTML(w, root)
	w.flush()
	return &Document{Kind: "html", Text: w.String()}, nil
}

// textWriter collects lines: inline text accumulates until a block ends.
type textWriter struct {
	strings.Builder
	cur strings.Builder
}

func (w *textWriter) text(s string) { w.cur.WriteString(s) }

func (w *textWriter) flush() {
	l := collapse(w.cur.String())
	w.cur.Reset()
	if l != "" {
		w.WriteString(l)
		w.WriteByte('\n')
	}
}

func (w *textWriter) row(cells []string) {
	w.flush()
	w.WriteString(strings.Join(cells, "\t"))
	w.WriteByte('\n')
}

// collapse turns runs of white space into one space, drops spaces between
// Chinese characters, and trims.
func collapse(s string) string {
	var b strings.Builder
	space := false
	var prev rune
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u3000':
			space = true
			continue
		}
		if space && b.Len() > 0 && !(isHan(prev) && isHan(r)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Option, atom.Button, atom.Iframe, atom.Svg, atom.Head:
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "style" && strings.Contains(strings.ReplaceAll(a.Val, " ", ""), "display:none") {
			return true
		}
	}
	return false
}

func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Caption,
		atom.Blockquote, atom.Pre, atom.Hr, atom.Dl, atom.Dt, atom.Dd, atom.Body, atom.Center, atom.Form, atom.Main, atom.Nav:
		return true
	}
	return false
}

func walkHTML(w *textWriter, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipped(n) {
			return
		}
		if n.DataAtom == atom.Table && !hasDescendant(n, atom.Table) {
			w.flush()
			htmlTable(w, n)
			return
		}
		if n.DataAtom == atom.Input {
			return
		}
	}
	isBlock := n.Type == html.ElementNode && block(n.DataAtom)
	if isBlock {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(w, c)
	}
	if isBlock {
		w.flush()
	}
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// maxSpan bounds colspan and rowspan (HTML allows up to 1000 and 65534).
const maxSpan = 200

// htmlTable writes a data table row by row, cells in grid positions.
func htmlTable(w *textWriter, t *html.Node) {
	g := &grid{}
	var rows func(n *html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				g.startRow()
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) && !skipped(td) {
						g.cell(cellText(td), attrInt(td, "colspan"), attrInt(td, "rowspan"))
					}
				}
			case atom.Caption:
				w.text(cellText(c))
				w.flush()
			default:
				rows(c)
			}
		}
	}
	rows(t)
	for _, r := range g.rows {
		w.row(r)
	}
}

func attrInt(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText is the text of a cell on one line.
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skipped(n) {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Br || n.DataAtom == atom.P || n.DataAtom == atom.Div) {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapse(b.String())
}

// grid places table cells with their spans: a cell spanning columns leaves
// empty fields after it, a cell spanning rows leaves an empty field in the
// rows below.
type grid struct {
	rows [][]string
	down []int // per column: rows still covered by a rowspan from above
}

func (g *grid) startRow() {
	g.rows = append(g.rows, nil)
	for k := range g.down {
		if g.down[k] > 0 {
			g.down[k]--
		}
	}
}

func (g *grid) cell(text string, colspan, rowspan int) {
	r := &g.rows[len(g.rows)-1]
	// skip the columns covered from above
	for len(*r) < len(g.down) && g.down[len(*r)] > 0 {
		*r = append(*r, "")
	}
	for k := 0; k < colspan; k++ {
		col := len(*r)
		if k == 0 {
			*r = append(*r, text)
		} else {
			*r = append(*r, "")
		}
		for len(g.down) <= col {
			g.down = append(g.down, 0)
		}
		if rowspan > 1 {
			g.down[col] = rowspan
		}
	}
}
