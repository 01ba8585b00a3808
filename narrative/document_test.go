package narrative

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
	"gongkai/importer/published"
	"gongkai/importer/text"
	"gongkai/layout"
	"gongkai/model"
)

// htmlText is what a reader copies from the page: each heading, paragraph
// and caption line on a line of its own, each table row as tab-separated
// cells (a cell spanning columns followed by empty cells).
func htmlText(t *testing.T, page []byte) string {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var text func(n *xhtml.Node) string
	text = func(n *xhtml.Node) string {
		if n.Type == xhtml.TextNode {
			return n.Data
		}
		var s strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.WriteString(text(c))
		}
		return s.String()
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.Nav, atom.Style, atom.Head:
				return // the 目录 repeats the headings; the style is not text
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.P:
				b.WriteString(text(n) + "\n")
				return
			case atom.Caption:
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(text(c) + "\n")
				}
				return
			case atom.Table:
				// place the cells as a browser does: a cell goes to the
				// first column of its row that no rowspan from above takes
				var trs []*xhtml.Node
				var rows func(*xhtml.Node)
				rows = func(x *xhtml.Node) {
					for c := x.FirstChild; c != nil; c = c.NextSibling {
						switch {
						case c.Type == xhtml.ElementNode && c.DataAtom == atom.Caption:
							walk(c)
						case c.Type == xhtml.ElementNode && c.DataAtom == atom.Tr:
							trs = append(trs, c)
						default:
							rows(c)
						}
					}
				}
				rows(n)
				grid := map[[2]int]string{}
				taken := map[[2]int]bool{}
				width := 0
				for r, tr := range trs {
					col := 0
					for c := tr.FirstChild; c != nil; c = c.NextSibling {
						if c.Type != xhtml.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
							continue
						}
						for taken[[2]int{r, col}] {
							col++
						}
						rs, cs := 1, 1
						for _, a := range c.Attr {
							if k, err := strconv.Atoi(a.Val); err == nil && a.Key == "rowspan" {
								rs = k
							} else if err == nil && a.Key == "colspan" {
								cs = k
							}
						}
						grid[[2]int{r, col}] = text(c)
						for i := range rs {
							for j := range cs {
								taken[[2]int{r + i, col + j}] = true
							}
						}
						col += cs
						width = max(width, col)
					}
				}
				for r := range trs {
					cells := make([]string, width)
					for c := range cells {
						cells[c] = grid[[2]int{r, c}]
					}
					b.WriteString(strings.Join(cells, "\t") + "\n")
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// The HTML page read back as text (what a user copies from the browser)
// gives the figures it was written from, and no N error: both examples in
// both styles and 40 generated departments.
func TestHTMLRoundTrip(t *testing.T) {
	var ds []*model.Disclosure
	for _, name := range []string{"tianmen-12345-2023.json", "tianmen-12345-2026.json"} {
		ds = append(ds, loadExample(t, name))
	}
	ds = append(ds, withTexts(t))
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 40 {
		ds = append(ds, genDepartment(r, i))
	}
	for i, d := range ds {
		for _, style := range []string{"2023", "2026"} {
			doc, _, err := Document(d, Options{Style: style})
			if err != nil {
				t.Fatal(err)
			}
			var page bytes.Buffer
			if err := html.WriteDocument(&page, doc); err != nil {
				t.Fatal(err)
			}
			src := htmlText(t, page.Bytes())
			if !readBack(t, d, style, src) {
				t.Fatalf("department %d, style %s: text of the page:\n%s", i, style, src)
			}
			// the same through gongkai's own reader of web pages
			pub, err := published.HTML(page.Bytes(), published.HTMLOptions{Name: "page.html"})
			if err != nil {
				t.Fatal(err)
			}
			if !readBack(t, d, style+" (importer/published)", pub.Text) {
				t.Fatalf("department %d, style %s: importer/published text of the page:\n%s", i, style, pub.Text)
			}
		}
	}
}

// The document PDF: the 目录's numbers are the pages where the parts,
// sections and tables start (read with pdftotext page by page), and the
// text read back from the PDF gives the narrative's figures.
func TestPDFContentsAndText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: make deps installs it")
	}
	font, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []string{"2023", "2026"} {
		d := withTexts(t)
		doc, _, err := Document(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := pdf.Write(&out, doc, pdf.Options{Font: font}); err != nil {
			t.Fatal(err)
		}
		// the same output again, byte for byte
		var again bytes.Buffer
		if err := pdf.Write(&again, doc, pdf.Options{Font: font}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Errorf("%s: two writes of the document PDF differ", style)
		}
		// one font, embedded as a subset, as in the table PDF
		if _, err := exec.LookPath("pdffonts"); err == nil {
			cmd := exec.Command("pdffonts", "-")
			cmd.Stdin = bytes.NewReader(out.Bytes())
			if fl, err := cmd.Output(); err == nil {
				lines := strings.Split(strings.TrimSpace(string(fl)), "\n")
				if len(lines) != 3 || !regexp.MustCompile(`^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b`).MatchString(lines[2]) {
					t.Errorf("%s: fonts of the document PDF:\n%s", style, fl)
				}
			}
		}
		cmd := exec.Command("pdftotext", "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(out.Bytes())
		txt, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(txt), "\f")
		norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
		// The 目录: lines "entry ..... N".
		entry := regexp.MustCompile(`^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$`)
		contents := doc.Contents()
		var got []int
		tocEnd := 0
		for i, pg := range pages {
			if !strings.Contains(norm(pg), norm(doc.ContentsTitle)) || i > 3 {
				continue
			}
			tocEnd = i + 1
			for _, l := range strings.Split(pg, "\n") {
				if m := entry.FindStringSubmatch(l); m != nil {
					n, _ := strconv.Atoi(m[2])
					got = append(got, n)
				}
			}
		}
		if len(got) != len(contents) {
			t.Fatalf("%s: the 目录 lists %d page numbers, want %d entries", style, len(got), len(contents))
		}
		for k, e := range contents {
			// the first page after the 目录 whose text holds the entry
			want := 0
			for i := tocEnd; i < len(pages); i++ {
				text := norm(pages[i])
				if e.Sheet != "" {
					e.Text = sheetTitle(doc, e.Sheet)
				}
				if strings.Contains(text, norm(e.Text)) {
					want = i + 1
					break
				}
			}
			if got[k] != want {
				t.Errorf("%s: 目录 says %q starts on page %d; it starts on page %d", style, e.Text, got[k], want)
			}
		}
		// Each 目录 entry is a link to the page its number names (read with qpdf).
		if dests := linkDests(t, out.Bytes()); dests != nil && !slices.Equal(dests, got) {
			t.Errorf("%s: the 目录's links lead to pages %v; its numbers say %v", style, dests, got)
		}
		// Page numbers in the footer, on every page but the cover.
		if strings.Contains(pages[0], "第 1 页") {
			t.Errorf("%s: the cover has a page number", style)
		}
		for i, pg := range pages[:len(pages)-1] {
			if i == 0 {
				continue
			}
			if !strings.Contains(pg, "第 "+strconv.Itoa(i+1)+" 页 / 共 "+strconv.Itoa(len(pages)-1)+" 页") {
				t.Errorf("%s: page %d has no footer with its number", style, i+1)
			}
		}
		// The narrative's figures from the PDF's text (without -layout, one
		// paragraph line after another).
		cmd = exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(out.Bytes())
		raw, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		// The text pages only (the tables' grid does not survive text
		// extraction), without the running header and the footers.
		plan, err := pdf.Plan(doc, pdf.Options{Font: font})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		footer := regexp.MustCompile(`^第 ?\d+ ?页 ?/ ?共 ?\d+ ?页$`)
		for i, pg := range strings.Split(string(raw), "\f") {
			if i >= len(plan.Pages) || plan.Pages[i].Part == "" || plan.Pages[i].Part == doc.ContentsTitle || plan.Pages[i].Part == "封面" {
				continue
			}
			for _, l := range strings.Split(pg, "\n") {
				if footer.MatchString(strings.TrimSpace(l)) || strings.TrimSpace(l) == doc.Header {
					continue
				}
				b.WriteString(l + "\n")
			}
		}
		if !readBack(t, d, style+" (pdf)", b.String()) {
			t.Logf("pdf text:\n%s", b.String())
		}
		// The whole PDF through gongkai's own PDF reader: the narrative's
		// figures. (That reader does not yet take the 目录's dotted lines
		// or every table of this PDF; those are not compared here.)
		pub, err := published.PDF(out.Bytes(), published.PDFOptions{Name: "doc.pdf"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := text.Parse(strings.NewReader(pub.Text), text.Options{Name: "doc.pdf"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Disclosure.Narrative == nil {
			t.Fatalf("%s: importer/published + importer/text read no narrative from the PDF", style)
		}
		compareFigures(t, style+" (importer/published pdf)", styleFacts(t, d, style), res.Disclosure.Narrative)
	}
}

// linkDests lists the target page of every link annotation, in page and
// annotation order, as qpdf reads the file; nil when qpdf is missing.
func linkDests(t *testing.T, pdfBytes []byte) []int {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed (make deps installs it): the 目录's links are not checked")
		return nil
	}
	f := t.TempDir() + "/doc.pdf"
	if err := os.WriteFile(f, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := exec.Command("qpdf", "--json", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(raw, &j); err != nil || len(j.Qpdf) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value map[string]any `json:"value"`
	}
	if err := json.Unmarshal(j.Qpdf[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	index := map[string]int{}
	for i, p := range j.Pages {
		index[p.Object] = i + 1
	}
	dests := []int{}
	for _, p := range j.Pages {
		annots, _ := objs["obj:"+p.Object].Value["/Annots"].([]any)
		for _, a := range annots {
			ref, _ := a.(string)
			dest, _ := objs["obj:"+ref].Value["/Dest"].([]any)
			if len(dest) == 0 {
				t.Errorf("annotation %s has no /Dest", ref)
				continue
			}
			target, _ := dest[0].(string)
			dests = append(dests, index[target])
		}
	}
	return dests
}

func sheetTitle(doc layout.Document, id string) string {
	for _, s := range doc.Sheets {
		if s.ID == id {
			return s.Title
		}
	}
	return ""
}
