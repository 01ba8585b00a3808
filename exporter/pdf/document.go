package pdf

import (
	"math"
	"strconv"
	"strings"

	"gongkai/layout"
)

// The whole document (layout.Document with Parts): a portrait cover, the
// 目录 with the page where each entry starts, the parts' text on portrait
// pages, the tables as in a table PDF, a running header on every page but
// the cover, page numbers in the footer and nested bookmarks (part →
// section or table). Page numbers are the physical page numbers printed in
// the footer; the 目录 gets them from a first pass that measures without
// drawing.

// dotLeader is the character of the 目录's leaders.
const dotLeader = "."

// Text page geometry (mm) and sizes (pt).
const (
	textMarginX   = 25.0
	textTop       = 22.0
	textBottom    = 20.0 // above the footer
	headerY       = 5.0  // running header: text box top
	headerH       = 5.0
	headerSize    = 8.0
	partSize      = 16.0
	partLineH     = 9.0
	partGap       = 6.0
	h1Size        = 13.0
	h1LineH       = 7.5
	h2Size        = 12.0
	h2LineH       = 7.0
	paraSize      = 11.5
	paraLineH     = 6.8
	paraGap       = 1.2
	tocTitleSize  = 18.0
	tocSize       = 12.0
	tocLineH      = 8.5
	tocIndent     = 8.0 // mm per level
	tocNumberW    = 12.0
	coverDeptSize = 20.0
	coverSize     = 26.0
	coverDateSize = 14.0
)

// paraIndent starts every paragraph two ideographic spaces in.
const paraIndent = "\u3000\u3000"

// entryKey names a place the 目录 points to.
func partKey(p int) string      { return "p" + strconv.Itoa(p) }
func blockKey(p, b int) string  { return "p" + strconv.Itoa(p) + "b" + strconv.Itoa(b) }
func sheetKey(id string) string { return "s:" + id }
func entryKey(e layout.ContentsEntry) string {
	switch {
	case e.Sheet != "":
		return sheetKey(e.Sheet)
	case e.Block >= 0:
		return blockKey(e.Part, e.Block)
	}
	return partKey(e.Part)
}

// paginateDocument lays out and draws the whole document on s. numbers
// maps each 目录 entry to its page (nil in the measuring pass, when the
// 目录 shows no numbers); the result's second value is that map as laid
// out.
func paginateDocument(doc layout.Document, s surface, numbers map[string]int) (*PagePlan, map[string]int) {
	p := &pager{s: s, plan: &PagePlan{}}
	starts := map[string]int{}
	page := func() int { return len(p.plan.Pages) }
	if c := doc.Cover; c != nil {
		p.textPage("封面")
		p.cover(*c)
	}
	p.runHeader = doc.Header
	if doc.ContentsTitle != "" {
		p.contents(doc, numbers)
	}
	for pi, part := range doc.Parts {
		p.textPage(part.Title)
		starts[partKey(pi)] = page()
		if part.Title != "" {
			s.bookmark(part.Title, 0)
			if len(part.Blocks) == 0 && part.Tables {
				p.y = 100 // a divider page before the tables
			}
			p.textLines(part.Title, partSize, partLineH, true, 'C', "")
			p.y += partGap
		}
		for bi, b := range part.Blocks {
			switch b.Kind {
			case layout.Heading:
				size, lineH := h1Size, h1LineH
				if b.Level >= 2 {
					size, lineH = h2Size, h2LineH
				}
				// keep a heading with two lines of what follows
				if p.y+lineH+2*paraLineH > p.bottom {
					p.textPage(part.Title)
				}
				p.y += 1.5
				starts[blockKey(pi, bi)] = page()
				if part.Title != "" && b.Level <= 2 {
					s.bookmark(b.Text, min(max(b.Level, 1), 2))
				}
				p.textLines(b.Text, size, lineH, true, 'L', part.Title)
			default:
				p.textLines(paraIndent+b.Text, paraSize, paraLineH, false, 'L', part.Title)
				p.y += paraGap
			}
		}
		if part.Tables {
			for _, sh := range doc.Sheets {
				p.sheet(sh, 1)
				starts[sheetKey(sh.ID)] = p.firstPageOf(sh.ID)
			}
		}
	}
	return p.plan, starts
}

// firstPageOf is the first page of the sheet id drawn last.
func (p *pager) firstPageOf(id string) int {
	n := 0
	for i := len(p.plan.Pages) - 1; i >= 0; i-- {
		pg := p.plan.Pages[i]
		if pg.SheetID != id {
			break
		}
		n = pg.Number
	}
	return n
}

// textPage starts a portrait page of text for part.
func (p *pager) textPage(part string) {
	p.s.addPage(false)
	p.printW, p.bottom = a4Short-2*textMarginX, a4Long-textBottom
	p.plan.Pages = append(p.plan.Pages, PlannedPage{Number: len(p.plan.Pages) + 1, Part: part})
	p.cur = &p.plan.Pages[len(p.plan.Pages)-1]
	p.y = textTop
	p.runningHeader(a4Short)
}

// runningHeader draws the document's header line on the current page of
// width pw (nothing for a table PDF or on the cover).
func (p *pager) runningHeader(pw float64) {
	if p.runHeader == "" {
		return
	}
	w := pw - 2*marginLeft
	p.s.setFont(headerSize, false)
	p.s.text(marginLeft, headerY, w, headerH, p.runHeader, 'C', 0)
	p.s.rect(marginLeft, headerY+headerH+0.5, w, 0)
}

// lines wraps s to the text width and draws it from p.y, continuing on a
// new page of part when the page is full.
func (p *pager) textLines(s string, size, lineH float64, bold bool, align byte, part string) {
	var ls []string
	if align == 'C' {
		size, ls = p.titleLines(s, size)
	} else {
		ls = p.wrap(s, p.printW, size)
	}
	p.s.setFont(size, bold)
	for _, l := range ls {
		l = strings.TrimRight(l, " \u3000") // a title broken after a space
		if p.y+lineH > p.bottom {
			p.textPage(part)
			p.s.setFont(size, bold)
		}
		p.s.text(textMarginX, p.y, p.printW, lineH, l, align, 0)
		p.y += lineH
	}
}

// titleLines lays out a centred title at size: on one line, at a size down
// to titleShrink of it when the title is only slightly too long, else
// broken at sensible places (wrapTitle) at size.
func (p *pager) titleLines(s string, size float64) (float64, []string) {
	if s == "" || strings.Contains(s, "\n") || p.oneLine(s, p.printW, size) {
		return size, p.wrapBalanced(s, p.printW, size)
	}
	if w := p.lineW(s, size); w*titleShrink <= p.printW {
		// the width scales with the size: the largest size, in tenths of
		// a point, at which it fits
		fit := math.Floor(size*p.printW/w*10) / 10
		for fit > size*titleShrink && !p.oneLine(s, p.printW, fit) {
			fit -= 0.1
		}
		if p.oneLine(s, p.printW, fit) {
			return fit, []string{s}
		}
	}
	return size, wrapTitle(s, p.printW, p.width(size))
}

// cover draws the title page.
func (p *pager) cover(c layout.Cover) {
	p.y = 80
	if c.Department != "" {
		p.textLines(c.Department, coverDeptSize, 12, true, 'C', "")
		p.y += 8
	}
	p.textLines(c.Title, coverSize, 14, true, 'C', "")
	if c.Date != "" {
		p.y = 200
		p.textLines(c.Date, coverDateSize, 8, false, 'C', "")
	}
}

// contents draws the 目录: one line per entry (wrapped when long),
// indented by level, with a dotted leader to its page number.
func (p *pager) contents(doc layout.Document, numbers map[string]int) {
	p.textPage(doc.ContentsTitle)
	p.s.bookmark(strings.ReplaceAll(doc.ContentsTitle, " ", ""), 0)
	p.textLines(doc.ContentsTitle, tocTitleSize, 12, true, 'C', "")
	p.y += 4
	dotW := p.s.runeWidth('.') * tocSize
	for _, e := range doc.Contents() {
		x := textMarginX + float64(e.Level)*tocIndent
		w := p.printW - float64(e.Level)*tocIndent - tocNumberW
		bold := e.Level == 0
		p.s.setFont(tocSize, bold)
		ls := p.wrap(e.Text, w, tocSize)
		if p.y+float64(len(ls))*tocLineH > p.bottom {
			p.textPage(doc.ContentsTitle)
			p.s.setFont(tocSize, bold)
		}
		if n := numbers[entryKey(e)]; n > 0 {
			p.s.link(x, p.y, w+tocNumberW, float64(len(ls))*tocLineH, n) // the entry leads to its page
		}
		for i, l := range ls {
			p.s.text(x, p.y, w, tocLineH, l, 'L', 0)
			if i == len(ls)-1 {
				num := ""
				if n := numbers[entryKey(e)]; n > 0 {
					num = strconv.Itoa(n)
				}
				used := lineWidth(l, p.width(tocSize)) + 1.5
				if dotW > 0 && used < w {
					p.s.setFont(tocSize, false)
					dots := strings.Repeat(dotLeader, int((w-used)/dotW))
					p.s.text(x+used, p.y, w-used, tocLineH, dots, 'R', 0)
				}
				p.s.text(x+w, p.y, tocNumberW, tocLineH, num, 'R', 0)
			}
			p.y += tocLineH
		}
	}
}
