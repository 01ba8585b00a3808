package html

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/importer/jsonin"
	"gongkai/layout"
	"gongkai/narrative"
)

// wholeDoc is the bundled 2023 example as a whole document.
func wholeDoc(t testing.TB) layout.Document {
	t.Helper()
	d, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := narrative.Document(d, narrative.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func parsePage(t *testing.T, doc layout.Document) *xhtml.Node {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDocument(&b, doc); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteDocument(&again, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Fatal("two writes of one document differ")
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("<!DOCTYPE html>\n")) {
		t.Error("the page does not start with the HTML5 doctype")
	}
	root, err := xhtml.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestDocumentStructure parses the page as a browser would and checks what
// a reader and a screen reader rely on.
func TestDocumentStructure(t *testing.T) {
	doc := wholeDoc(t)
	root := parsePage(t, doc)
	htmlEl := find(root, atom.Html)[0]
	if attr(htmlEl, "lang") != "zh-CN" {
		t.Errorf("<html lang> = %q", attr(htmlEl, "lang"))
	}
	head := find(root, atom.Head)[0]
	var charset, viewport bool
	for _, m := range find(head, atom.Meta) {
		charset = charset || strings.EqualFold(attr(m, "charset"), "utf-8")
		viewport = viewport || attr(m, "name") == "viewport"
	}
	if !charset || !viewport {
		t.Errorf("meta charset %v, viewport %v", charset, viewport)
	}
	if ts := find(head, atom.Title); len(ts) != 1 || textOf(ts[0]) != doc.Title {
		t.Errorf("<title> is not %q", doc.Title)
	}
	// self-contained: nothing loaded, nothing run
	for _, a := range []atom.Atom{atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed} {
		if n := find(root, a); len(n) > 0 {
			t.Errorf("the page has <%s>", n[0].Data)
		}
	}
	styles := find(head, atom.Style)
	if len(styles) != 1 || !strings.Contains(textOf(styles[0]), "@media print") {
		t.Error("no print stylesheet in the page")
	}
	// ids are unique; every link of the 目录 leads to one
	ids := map[string]int{}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			if id := attr(n, "id"); id != "" {
				ids[id]++
			}
			if src := attr(n, "src"); src != "" {
				t.Errorf("<%s src=%q>", n.Data, src)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	nav := find(root, atom.Nav)
	if len(nav) != 1 {
		t.Fatalf("%d <nav> elements, want 1 (the 目录)", len(nav))
	}
	links := find(nav[0], atom.A)
	if len(links) != len(doc.Contents()) {
		t.Errorf("the 目录 has %d links, want %d", len(links), len(doc.Contents()))
	}
	for i, a := range links {
		href := attr(a, "href")
		if !strings.HasPrefix(href, "#") || ids[href[1:]] != 1 {
			t.Errorf("目录 link %q leads nowhere", href)
		}
		if i < len(doc.Contents()) && textOf(a) != doc.Contents()[i].Text {
			t.Errorf("目录 entry %d = %q, want %q", i, textOf(a), doc.Contents()[i].Text)
		}
	}
	// one <h1> (the cover), one <h2> per part and the 目录, in order
	if n := len(find(root, atom.H1)); n != 1 {
		t.Errorf("%d <h1>, want 1", n)
	}
	h2 := find(find(root, atom.Main)[0], atom.H2)
	if len(h2) != len(doc.Parts) {
		t.Fatalf("%d part headings, want %d", len(h2), len(doc.Parts))
	}
	for i, p := range doc.Parts {
		if textOf(h2[i]) != p.Title {
			t.Errorf("part %d heading %q, want %q", i, textOf(h2[i]), p.Title)
		}
	}
	// every table: a caption, header cells with a scope
	tables := find(root, atom.Table)
	if len(tables) != len(doc.Sheets) {
		t.Fatalf("%d tables, want %d", len(tables), len(doc.Sheets))
	}
	for i, tb := range tables {
		if c := find(tb, atom.Caption); len(c) != 1 || !strings.Contains(textOf(c[0]), doc.Sheets[i].Title) {
			t.Errorf("table %d has no caption with its title", i)
		}
		for _, th := range find(find(tb, atom.Thead)[0], atom.Th) {
			if s := attr(th, "scope"); s != "col" && s != "colgroup" {
				t.Errorf("table %d: header cell %q has scope %q", i, textOf(th), s)
			}
		}
	}
}

// The page's tables hold the same cells, at the same places, as the
// workbook written from the same document.
func TestDocumentTablesMatchWorkbook(t *testing.T) {
	doc := wholeDoc(t)
	root := parsePage(t, doc)
	var wb bytes.Buffer
	if err := xlsx.Write(&wb, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&wb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tables := find(root, atom.Table)
	for i, sh := range doc.Sheets {
		rows, err := f.GetRows(sh.Name)
		if err != nil {
			t.Fatal(err)
		}
		// workbook: title, units line, then the header grid and the body
		top := 1
		if sh.UnitLine != "" {
			top = 2
		}
		var trs []*xhtml.Node
		trs = append(trs, find(find(tables[i], atom.Thead)[0], atom.Tr)...)
		trs = append(trs, find(find(tables[i], atom.Tbody)[0], atom.Tr)...)
		cells, _ := place(trs)
		got := map[[2]int]string{}
		for _, c := range cells {
			got[[2]int{c.row, c.col}] = strings.ReplaceAll(c.text, "\n", "")
		}
		for r := 0; r < len(trs); r++ {
			var xr []string
			if top+r < len(rows) {
				xr = rows[top+r]
			}
			for c := range sh.Columns {
				want := ""
				if c < len(xr) {
					want = strings.ReplaceAll(xr[c], "\n", "")
				}
				if g := got[[2]int{r, c}]; g != want {
					t.Errorf("%s row %d column %d: page %q, workbook %q", sh.Name, r+1, c+1, g, want)
				}
			}
		}
	}
}

func TestWriteDocumentNeedsParts(t *testing.T) {
	if err := WriteDocument(&bytes.Buffer{}, layout.Document{}); !errors.Is(err, ErrNoParts) {
		t.Errorf("err = %v, want ErrNoParts", err)
	}
}
