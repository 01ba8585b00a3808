package html

import (
	"bufio"
	"errors"
	"io"
	"strconv"

	"gongkai/layout"
)

// ErrNoParts: WriteDocument was given a document without text parts.
var ErrNoParts = errors.New("html: the document has no parts (use Write for the tables alone)")

// WriteDocument writes the whole disclosure as one self-contained HTML5
// page: the cover, the table of contents (目录) with links, each part's
// headings and paragraphs, and the tables (as Write draws them) in the
// part that holds them. The stylesheet is inside the page, with a print
// style (A4, each part on a new page, tables kept whole where they fit)
// and a narrow-screen style; the page loads nothing else and runs no
// script. Printed, each table gets a landscape page of its own (a named
// page, as the PDF does). Output is deterministic.
func WriteDocument(w io.Writer, doc layout.Document) error {
	if len(doc.Parts) == 0 {
		return ErrNoParts
	}
	bw := bufio.NewWriter(w)
	title := doc.Title
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	bw.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	if doc.Author != "" {
		bw.WriteString(`<meta name="author" content="` + esc(doc.Author) + `">` + "\n")
	}
	if !doc.Date.IsZero() {
		bw.WriteString(`<meta name="dcterms.date" content="` + doc.Date.Format("2006-01-02") + `">` + "\n")
	}
	bw.WriteString("<title>" + esc(title) + "</title>\n<style>\n" + stylesheet + documentStyle + "</style>\n</head>\n<body>\n")
	if c := doc.Cover; c != nil {
		bw.WriteString(`<header class="gk-cover">` + "\n")
		bw.WriteString(`<p class="gk-cover-dept">` + esc(c.Department) + "</p>\n")
		bw.WriteString(`<h1 class="gk-cover-title">` + esc(c.Title) + "</h1>\n")
		if c.Date != "" {
			bw.WriteString(`<p class="gk-cover-date"><time datetime="` + doc.Date.Format("2006-01-02") + `">` + esc(c.Date) + "</time></p>\n")
		}
		bw.WriteString("</header>\n")
	} else {
		bw.WriteString("<h1>" + esc(title) + "</h1>\n")
	}
	if doc.ContentsTitle != "" {
		writeContents(bw, doc)
	}
	bw.WriteString("<main>\n")
	for pi, p := range doc.Parts {
		bw.WriteString(`<section class="gk-part" id="` + partID(pi) + `">` + "\n")
		if p.Title != "" {
			bw.WriteString("<h2>" + esc(p.Title) + "</h2>\n")
		}
		for bi, b := range p.Blocks {
			switch b.Kind {
			case layout.Heading:
				h := strconv.Itoa(min(max(b.Level, 1), 3) + 2)
				bw.WriteString("<h" + h + ` id="` + blockID(pi, bi) + `">` + esc(b.Text) + "</h" + h + ">\n")
			default:
				bw.WriteString("<p>" + esc(b.Text) + "</p>\n")
			}
		}
		if p.Tables {
			for i := range doc.Sheets {
				writeSheet(bw, &doc.Sheets[i], Options{IDPrefix: "sheet-"})
			}
		}
		bw.WriteString("</section>\n")
	}
	bw.WriteString("</main>\n</body>\n</html>\n")
	return bw.Flush()
}

func partID(p int) string     { return "part-" + strconv.Itoa(p+1) }
func blockID(p, b int) string { return "part-" + strconv.Itoa(p+1) + "-" + strconv.Itoa(b+1) }

// writeContents writes the 目录 as nested lists of links: parts, their
// sections and tables.
func writeContents(w *writer, doc layout.Document) {
	w.WriteString(`<nav class="gk-toc" aria-label="` + esc(doc.ContentsTitle) + `">` + "\n<h2>" + esc(doc.ContentsTitle) + "</h2>\n<ol>\n")
	open := false
	for _, e := range doc.Contents() {
		href := ""
		switch {
		case e.Sheet != "":
			href = "sheet-" + e.Sheet
		case e.Block >= 0:
			href = blockID(e.Part, e.Block)
		default:
			href = partID(e.Part)
		}
		link := `<a href="#` + esc(href) + `">` + esc(e.Text) + "</a>"
		if e.Level == 0 {
			if open {
				w.WriteString("</ol></li>\n")
			}
			w.WriteString("<li>" + link + "<ol>\n")
			open = true
			continue
		}
		w.WriteString("<li>" + link + "</li>\n")
	}
	if open {
		w.WriteString("</ol></li>\n")
	}
	w.WriteString("</ol>\n</nav>\n")
}

// documentStyle lays out the page around the tables: readable text width,
// the cover, the 目录, print pages and narrow screens.
const documentStyle = `body{font-family:"Songti SC","SimSun","Noto Serif CJK SC","WenQuanYi Micro Hei",serif;margin:0 auto;padding:1em;max-width:60em;line-height:1.7;color:#000;background:#fff}
.gk-cover{text-align:center;padding:6em 0 4em}
.gk-cover-title{font-size:2em;margin:.5em 0 1.5em}
.gk-cover-dept{font-size:1.4em;margin:0}
.gk-cover-date{font-size:1.1em}
.gk-toc ol{list-style:none;padding-left:0}
.gk-toc ol ol{padding-left:2em}
.gk-toc a{color:inherit;text-decoration:none}
.gk-toc a:hover{text-decoration:underline}
.gk-toc>h2,.gk-part>h2{text-align:center}
.gk-part p{text-indent:2em;margin:.3em 0}
.gk-part h3{font-size:1.1em;margin:1em 0 .3em}
.gk-part h4{font-size:1em;margin:.8em 0 .2em}
@media (max-width:40em){body{padding:.5em;font-size:15px}.gk-cover{padding:2em 0}.gk-table{font-size:12px}}
@page{size:A4;margin:18mm 15mm}
@page wide{size:A4 landscape;margin:12mm 15mm}
@media print{body{max-width:none;padding:0}.gk-cover{padding-top:30%;break-after:page}.gk-toc{break-after:page}.gk-part{break-before:page}.gk-part .gk-sheet{page:wide;break-before:page;overflow:visible}.gk-table{font-size:9pt;width:100%}a{color:inherit;text-decoration:none}}
`
