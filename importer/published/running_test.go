package published

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"gongkai/fonts/wqymicrohei"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

// genrePDF draws, the way a government office's word processor does, a
// disclosure with a running header (department and title, a rule under
// it) and a two-line footer "第 N 页 / 共 M 页", "- N -" on every page, a 目录 with dot
// leaders, a page of text, and 表五 of d broken over two pages: the second
// titled （续） and repeating the header rows.
func genrePDF(t *testing.T, d *model.Disclosure) []byte {
	t.Helper()
	sh, err := templates.Sheet(d, model.T05, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("cjk", "", wqymicrohei.TTF())
	p.SetAutoPageBreak(false, 0)
	const pages = 4
	header := d.Department + fmt.Sprintf("%d年部门预算公开", d.Year)
	page := func() {
		p.AddPage()
		p.SetFont("cjk", "", 9)
		p.SetXY(20, 10)
		p.CellFormat(170, 5, header, "", 0, "C", false, 0, "")
		p.Line(20, 16, 190, 16)
		p.SetXY(20, 282)
		p.CellFormat(170, 5, fmt.Sprintf("第 %d 页 / 共 %d 页", p.PageNo(), pages), "", 0, "C", false, 0, "")
		p.SetXY(20, 288)
		p.CellFormat(170, 4, fmt.Sprintf("- %d -", p.PageNo()), "", 0, "C", false, 0, "")
		p.SetFont("cjk", "", 11)
	}
	text := func(y float64, s string) {
		p.SetXY(20, y)
		p.CellFormat(170, 6, s, "", 0, "L", false, 0, "")
	}
	// 目录
	page()
	text(30, "目    录")
	for i, e := range []struct {
		title string
		page  int
	}{{"第一部分 部门概况", 2}, {"一、预算收支情况", 2}, {"第二部分 公开表", 3}, {"一般公共预算支出表", 3}} {
		y := 42 + float64(i)*8
		text(y, e.title+" "+strings.Repeat(".", 60-2*len([]rune(e.title))))
		p.SetXY(170, y)
		p.CellFormat(20, 6, fmt.Sprint(e.page), "", 0, "R", false, 0, "")
	}
	// text
	page()
	text(30, "第一部分 部门概况")
	text(40, "本部门预算收支情况见第二部分公开表。")
	// 表五 over two pages
	widths := make([]float64, len(sh.Columns))
	for i, c := range sh.Columns {
		widths[i] = c.Width * 3.2
	}
	var total float64
	for _, w := range widths {
		total += w
	}
	scale := 170 / total
	x := func(col int) float64 {
		s := 20.0
		for _, w := range widths[:col] {
			s += w * scale
		}
		return s
	}
	// a font that fits the widest text of a column (a CJK glyph is one
	// em wide; 1 pt = 0.3528 mm)
	size := min(8, 0.85*3.2*scale/0.3528)
	const rowH = 7.0
	// cell draws s in a bordered box, in a font small enough to fit
	cell := func(x, y, w, h float64, s, align string) {
		p.SetFont("cjk", "", size)
		if sw := p.GetStringWidth(s); sw > w-2 {
			p.SetFont("cjk", "", size*(w-2)/sw)
		}
		p.SetXY(x, y)
		p.CellFormat(w, h, s, "1", 0, align, false, 0, "")
	}
	grid := func(title string, rows []layout.Row) {
		page()
		text(24, title)
		p.SetXY(20, 31)
		p.SetFont("cjk", "", 8)
		p.CellFormat(170, 5, sh.UnitLine, "", 0, "R", false, 0, "")
		p.SetFont("cjk", "", size)
		top := 37.0
		for _, h := range sh.Header {
			w := x(h.Col+h.ColSpan) - x(h.Col)
			cell(x(h.Col), top+float64(h.Row)*rowH, w, rowH*float64(h.RowSpan), h.Text, "C")
		}
		y := top + float64(sh.HeaderRows)*rowH
		for _, r := range rows {
			for i, c := range r.Cells {
				align := "L" // names and codes left, amounts right
				if strings.Contains(c.Text, ".") {
					align = "R"
				}
				cell(x(i), y, x(i+1)-x(i), rowH, c.Text, align)
			}
			y += rowH
		}
	}
	half := (len(sh.Rows) + 1) / 2
	grid(sh.Title, sh.Rows[:half])
	grid(sh.Title+"（续）", sh.Rows[half:])
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A PDF of the genre: the running header and the footer with its page
// numbers are not text, the 目录 is structure (its titles and page
// numbers, not figures, not unread), and a table continued on the next
// page (（续）, header repeated) is read once with all its rows.
func TestPDFRunningHeaderFooterContents(t *testing.T) {
	d := example(t)
	data := genrePDF(t, d)
	doc, err := PDF(data, PDFOptions{Name: "genre.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"部门预算公开", "第 ", "共 4 页", "- 2 -", "-2-", "...."} {
		if strings.Contains(doc.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, doc.Text)
		}
	}
	// (word spaces inside a Chinese title are not kept)
	want := []ContentsEntry{{"第一部分部门概况", 2}, {"一、预算收支情况", 2}, {"第二部分公开表", 3}, {"一般公共预算支出表", 3}}
	if fmt.Sprint(doc.Contents) != fmt.Sprint(want) {
		t.Errorf("目录: got %v, want %v", doc.Contents, want)
	}
	sameTables(t, doc, d, []model.TableID{model.T05})
}

// oneLine is a line of the given cells, as pageLines makes it.
func oneLine(y float64, cells ...string) line {
	l := line{y: y}
	for i, c := range cells {
		l.cells = append(l.cells, cell{text: c, x0: float64(100 * i), x1: float64(100*i + 50)})
	}
	return l
}

// The forms of 目录 lines and page numbers that government PDFs print.
func TestContentsAndPageNumberLines(t *testing.T) {
	ls := []line{
		oneLine(800, "目 录"),
		oneLine(780, "一、部门收支总表…………………………", "6"),
		oneLine(760, "二、部门收入总表··················7"),
		oneLine(740, "第三部分 名词解释", "16"), // under the heading, no leaders
		oneLine(700, "2023年预算收入总额231.79万元。"),
		oneLine(680, "收入", "231.79"), // after the 目录: a row, not an entry
	}
	kept, toc := contentsLines(ls)
	want := []ContentsEntry{{"一、部门收支总表", 6}, {"二、部门收入总表", 7}, {"第三部分 名词解释", 16}}
	if fmt.Sprint(toc) != fmt.Sprint(want) {
		t.Errorf("目录: got %v, want %v", toc, want)
	}
	if len(kept) != 3 || lineText(kept[1]) != "2023年预算收入总额231.79万元。" || lineText(kept[2]) != "收入 231.79" {
		t.Errorf("kept: %v", kept)
	}
	for _, tc := range []struct {
		lines []line
		want  int // lines kept
	}{
		{[]line{oneLine(800, "第 3 页 / 共 16 页"), oneLine(700, "正文")}, 1},
		{[]line{oneLine(800, "正文"), oneLine(700, "共16页，第3页")}, 1},
		{[]line{oneLine(800, "正文"), oneLine(700, "- 3 -"), oneLine(690, "某某局印发")}, 2},
		{[]line{oneLine(800, "正文"), oneLine(700, "12"), oneLine(690, "尾行")}, 3}, // a bare number inside: kept
		{[]line{oneLine(800, "正文"), oneLine(700, "12")}, 1},
	} {
		if got := dropPageNumbers(tc.lines); len(got) != tc.want {
			t.Errorf("%v: kept %d lines, want %d", tc.lines, len(got), tc.want)
		}
	}
}

// A running header goes, with its rule; a unit line and a header row
// repeated between a table's rules on every page stay.
func TestDropRunning(t *testing.T) {
	var pages []page
	for i := 0; i < 4; i++ {
		pages = append(pages, page{
			lines: []line{
				oneLine(810, "某某局2024年部门预算公开"),
				oneLine(785, "项目", "预算数"), // in the top band, between rules
				oneLine(760, fmt.Sprintf("第%d行", i), "1.00"),
				oneLine(40, "单位：万元"), // in the bottom band
				oneLine(30, fmt.Sprintf("第 %d 页", i+1)),
			},
			rules: []rule{{y: 802, x0: 50, x1: 550}, {y: 770, x0: 50, x1: 550}, {y: 750, x0: 50, x1: 550}, {y: 795, x0: 50, x1: 550}},
		})
	}
	dropRunning(pages)
	for i, p := range pages {
		var got []string
		for _, l := range p.lines {
			got = append(got, lineText(l))
		}
		want := []string{"项目 预算数", fmt.Sprintf("第%d行 1.00", i), "单位：万元"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("page %d: got %q, want %q", i+1, got, want)
		}
		if len(p.rules) != 3 || slices.ContainsFunc(p.rules, func(r rule) bool { return r.y == 802 }) {
			t.Errorf("page %d: rules %v: the header's rule should go, the table's stay", i+1, p.rules)
		}
	}
}
