package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"

	"gongkai/fonts"
)

// cidSurface writes the PDF itself: pages of text and lines in one embedded
// CID font (Type 0, Identity-H, the glyphs of the subset our fonts package
// cut), outlines, metadata. It replaced the PDF library for documents, which
// per document parsed the subset again, JSON-encoded a 65,536-entry width
// table to name the font, cut the subset again and compressed a 128 KB
// CIDToGIDMap with new zlib writers: over half of a PDF's time. Text is
// written as glyph ids of the subset (CIDToGIDMap /Identity), with a
// ToUnicode map so that copying and pdftotext give the characters.
//
// It draws exactly what the library drew for the same calls: the same
// widths (advance × 1000 / unitsPerEm, rounded, as the library's width
// table), the same text positions (a cell's text vertically centred at
// half the box plus 0.3 of the font size), the same page size, footer,
// simulated bold (text render mode 2 with a thin stroke) and border width.
type cidSurface struct {
	font  *fonts.Font
	runes []rune          // the subset's runes, sorted: glyph id i+1 is runes[i]
	gid   map[rune]uint16 // rune → glyph id in the subset
	cw    map[rune]int    // widths in 1/1000 em, as the library rounded them
	ttf   []byte          // the subset
	meta  surfaceMeta

	pages    []*cidPage
	cur      *cidPage
	size     float64 // font size, pt
	bold     bool
	widths   map[rune]float64
	outlines []cidOutline
}

type cidPage struct {
	w, h    float64 // mm
	content bytes.Buffer
	tf      float64 // font size last set in the content stream (0: none)
	links   []cidLink
}

// cidLink is a link annotation: a box of the page (mm, from the top left)
// that leads to the top of page (1-based).
type cidLink struct {
	x, y, w, h float64
	page       int
}

type cidOutline struct {
	title string
	level int
	page  int
}

// k is points per millimetre (as the library computes it).
const k = 72.0 / 25.4

func newCIDSurface(f *fonts.Font, runes []rune, ttf []byte, meta surfaceMeta) *cidSurface {
	s := &cidSurface{font: f, ttf: ttf, meta: meta, size: 9,
		gid: make(map[rune]uint16, len(runes)), cw: make(map[rune]int, len(runes)), widths: make(map[rune]float64, 256)}
	rs := make([]rune, 0, len(runes))
	for _, r := range runes {
		if f.Has(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	rs = slices.Compact(rs) // the subset's order: glyph id i+1 is rs[i]
	s.runes = rs
	scale := 1000.0 / float64(f.Metrics().UnitsPerEm)
	for i, r := range rs {
		s.gid[r] = uint16(i + 1)
		w := int(math.Round(scale * float64(f.Advance(r))))
		if w == 0 {
			w = 65535 // the library's mark for a zero width
		}
		s.cw[r] = w
	}
	return s
}

// symbolWidth is the library's GetStringSymbolWidth: 1/1000 em units.
func (s *cidSurface) symbolWidth(str string) int {
	w := 0
	for _, r := range str {
		switch c, ok := s.cw[r]; {
		case ok && c != 65535:
			w += c
		case ok:
		default:
			w += 500
		}
	}
	return w
}

func (s *cidSurface) runeWidth(r rune) float64 {
	if w, ok := s.widths[r]; ok {
		return w
	}
	// As the library: width at the current size in mm, divided by the size.
	w := float64(s.symbolWidth(string(r))) * (s.size / k) / 1000 / s.size
	s.widths[r] = w
	return w
}

func (s *cidSurface) addPage(landscape bool) {
	p := &cidPage{w: a4Short, h: a4Long}
	if landscape {
		p.w, p.h = a4Long, a4Short
	}
	s.pages = append(s.pages, p)
	s.cur = p
	s.bold = false
	s.op("0 Tr")
	s.lineWidth(borderWidth)
}

func (s *cidSurface) link(x, y, w, h float64, page int) {
	if s.cur != nil {
		s.cur.links = append(s.cur.links, cidLink{x, y, w, h, page})
	}
}

func (s *cidSurface) bookmark(title string, level int) {
	s.outlines = append(s.outlines, cidOutline{title: title, level: level, page: len(s.pages) - 1})
}

func (s *cidSurface) setFont(size float64, bold bool) {
	s.size = size
	if bold != s.bold {
		s.bold = bold
		if bold {
			s.op("2 Tr")
			s.lineWidth(size * 0.0085)
		} else {
			s.op("0 Tr")
			s.lineWidth(borderWidth)
		}
	}
}

func (s *cidSurface) text(x, y, w, h float64, str string, align byte, pad float64) {
	if str == "" || s.cur == nil {
		return
	}
	s.drawText(s.cur, x, y, w, h, str, align, pad, s.size)
}

func (s *cidSurface) drawText(p *cidPage, x, y, w, h float64, str string, align byte, pad, size float64) {
	fontSize := size / k // mm
	var dx float64
	switch align {
	case 'R':
		dx = w - pad - float64(s.symbolWidth(str))*fontSize/1000
	case 'C':
		dx = (w - float64(s.symbolWidth(str))*fontSize/1000) / 2
	default:
		dx = pad
	}
	b := &p.content
	b.WriteString("BT ")
	if p.tf != size {
		b.WriteString("/F1 ")
		num(b, size)
		b.WriteString(" Tf ")
		p.tf = size
	}
	num(b, (x+dx)*k)
	b.WriteByte(' ')
	num(b, (p.h-(y+.5*h+.3*fontSize))*k)
	b.WriteString(" Td <")
	for _, r := range str {
		g := s.gid[r]
		b.WriteByte(hexDigits[g>>12])
		b.WriteByte(hexDigits[g>>8&15])
		b.WriteByte(hexDigits[g>>4&15])
		b.WriteByte(hexDigits[g&15])
	}
	b.WriteString("> Tj ET\n")
}

const hexDigits = "0123456789ABCDEF"

// beginSpan starts a marked-content span whose ActualText is actual
// (ISO 32000-1 §14.9.4): a cell wrapped over several lines then copies and
// extracts as its whole text, not as pieces broken inside a word.
func (s *cidSurface) beginSpan(actual string) {
	if s.cur == nil {
		return
	}
	b := &s.cur.content
	b.WriteString("/Span <</ActualText ")
	utf16Hex(b, actual)
	b.WriteString(">> BDC\n")
}

func (s *cidSurface) endSpan() { s.op("EMC") }

func (s *cidSurface) rect(x, y, w, h float64) {
	if s.cur == nil {
		return
	}
	if s.bold { // keep borders thin while bold text is on
		s.lineWidth(borderWidth)
		defer s.lineWidth(s.size * 0.0085)
	}
	b := &s.cur.content
	num(b, x*k)
	b.WriteByte(' ')
	num(b, (s.cur.h-y)*k)
	b.WriteByte(' ')
	num(b, w*k)
	b.WriteByte(' ')
	num(b, -h*k)
	b.WriteString(" re S\n")
}

func (s *cidSurface) lineWidth(mm float64) {
	if s.cur == nil {
		return
	}
	num(&s.cur.content, mm*k)
	s.cur.content.WriteString(" w\n")
}

func (s *cidSurface) op(o string) {
	if s.cur != nil {
		s.cur.content.WriteString(o)
		s.cur.content.WriteByte('\n')
	}
}

func (s *cidSurface) err() error { return nil }

// footer draws 第 N 页 / 共 M 页 centred at the foot of page i.
func (s *cidSurface) footer(i int) {
	if i == 0 && s.meta.coverPage {
		return
	}
	p := s.pages[i]
	p.content.WriteString("0 Tr\n")
	txt := "第 " + strconv.Itoa(i+1) + " 页 / 共 " + strconv.Itoa(len(s.pages)) + " 页"
	s.drawText(p, marginLeft, p.h-11, p.w-marginLeft-marginRight, 5, txt, 'C', 0, 8)
}

// output writes the document: catalog, pages, font, outlines, metadata.
func (s *cidSurface) output(w io.Writer) error {
	c := getCompressor()
	defer putCompressor(c)
	c.out.Reset()
	pw := &pdfWriter{b: &c.out, c: c}
	b := pw.b
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// Object numbers: 1 catalog, 2 page tree, 3 info, 4–8 the font, then a
	// page and its content per page, then the outlines.
	const catalog, pages, info, type0, cidFont, desc, file, toUni = 1, 2, 3, 4, 5, 6, 7, 8
	if len(s.pages) == 0 {
		s.addPage(false)
	}
	firstPage := 9
	outlineRoot := firstPage + 2*len(s.pages)

	pw.begin(catalog)
	b.WriteString("<</Type /Catalog /Pages 2 0 R /Lang (zh-CN)")
	if len(s.outlines) > 0 {
		fmt.Fprintf(b, " /Outlines %d 0 R /PageMode /UseOutlines", outlineRoot)
	}
	b.WriteString(">>")
	pw.end()

	pw.begin(pages)
	b.WriteString("<</Type /Pages /Kids [")
	for i := range s.pages {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(b, "%d 0 R", firstPage+2*i)
	}
	fmt.Fprintf(b, "] /Count %d>>", len(s.pages))
	pw.end()

	pw.begin(info)
	date := s.meta.date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := "(D:" + date.UTC().Format("20060102150405") + ")"
	b.WriteString("<</Producer (gongkai) /Creator (gongkai)")
	for _, kv := range [][2]string{{"Title", s.meta.title}, {"Author", s.meta.author}, {"Subject", s.meta.subject}} {
		if kv[1] != "" {
			b.WriteString(" /" + kv[0] + " ")
			utf16Hex(b, kv[1])
		}
	}
	b.WriteString(" /CreationDate " + d + " /ModDate " + d + ">>")
	pw.end()

	if err := s.writeFont(pw, type0, cidFont, desc, file, toUni); err != nil {
		return err
	}

	// Link annotations follow the outlines: root and one per entry.
	annot := outlineRoot
	if len(s.outlines) > 0 {
		annot += 1 + len(s.outlines)
	}
	firstAnnot := annot
	for i, p := range s.pages {
		s.footer(i)
		pw.begin(firstPage + 2*i)
		b.WriteString("<</Type /Page /Parent 2 0 R /MediaBox [0 0 ")
		num(b, p.w*k)
		b.WriteByte(' ')
		num(b, p.h*k)
		fmt.Fprintf(b, "] /Resources <</Font <</F1 %d 0 R>> /ProcSet [/PDF /Text]>> /Contents %d 0 R", type0, firstPage+2*i+1)
		if len(p.links) > 0 {
			b.WriteString(" /Annots [")
			for j := range p.links {
				if j > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(b, "%d 0 R", annot)
				annot++
			}
			b.WriteByte(']')
		}
		b.WriteString(">>")
		pw.end()
		if err := pw.stream(firstPage+2*i+1, p.content.Bytes(), ""); err != nil {
			return err
		}
	}
	s.writeOutlines(pw, outlineRoot, firstPage)
	annot = firstAnnot
	for _, p := range s.pages {
		for _, l := range p.links {
			if l.page < 1 || l.page > len(s.pages) {
				l.page = 1
			}
			pw.begin(annot)
			b.WriteString("<</Type /Annot /Subtype /Link /Border [0 0 0] /Rect [")
			for j, v := range []float64{l.x * k, (p.h - l.y - l.h) * k, (l.x + l.w) * k, (p.h - l.y) * k} {
				if j > 0 {
					b.WriteByte(' ')
				}
				num(b, v)
			}
			fmt.Fprintf(b, "] /Dest [%d 0 R /XYZ null ", firstPage+2*(l.page-1))
			num(b, s.pages[l.page-1].h*k)
			b.WriteString(" null]>>")
			pw.end()
			annot++
		}
	}

	// Cross-reference table and trailer.
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(pw.offsets)+1)
	for n := 1; n <= len(pw.offsets); n++ {
		fmt.Fprintf(b, "%010d 00000 n \n", pw.offsets[n-1])
	}
	fmt.Fprintf(b, "trailer\n<</Size %d /Root 1 0 R /Info 3 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(pw.offsets)+1, xref)
	_, err := w.Write(b.Bytes())
	return err
}

// writeFont writes the Type 0 font, its CIDFontType2 descendant, the
// descriptor, the subset (FontFile2) and the ToUnicode map.
func (s *cidSurface) writeFont(pw *pdfWriter, type0, cidFont, desc, file, toUni int) error {
	b := pw.b
	m := s.font.Metrics()
	scale := 1000.0 / float64(m.UnitsPerEm)
	u := func(v int) string { return strconv.Itoa(int(math.Round(float64(v) * scale))) }

	pw.begin(type0)
	fmt.Fprintf(b, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		s.meta.baseFont, cidFont, toUni)
	pw.end()

	pw.begin(cidFont)
	fmt.Fprintf(b, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW 1000 /W [1 [",
		s.meta.baseFont, desc)
	for i, r := range s.runes {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := s.cw[r]
		if w == 65535 {
			w = 0
		}
		b.WriteString(strconv.Itoa(w))
	}
	b.WriteString("]]>>")
	pw.end()

	pw.begin(desc)
	fmt.Fprintf(b, "<</Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%s %s %s %s] /ItalicAngle 0 /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R>>",
		s.meta.baseFont, u(m.XMin), u(m.YMin), u(m.XMax), u(m.YMax), u(m.Ascent), u(m.Descent), u(m.CapHeight), file)
	pw.end()

	if err := pw.stream(file, s.ttf, "/Length1 "+strconv.Itoa(len(s.ttf))+" "); err != nil {
		return err
	}

	var cm bytes.Buffer
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(s.runes); i += 100 {
		chunk := s.runes[i:min(i+100, len(s.runes))]
		fmt.Fprintf(&cm, "%d beginbfchar\n", len(chunk))
		for j, r := range chunk {
			fmt.Fprintf(&cm, "<%04X> <", i+j+1)
			for _, c := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&cm, "%04X", c)
			}
			cm.WriteString(">\n")
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return pw.stream(toUni, cm.Bytes(), "")
}

// writeOutlines writes the outline tree: entries nest by level under the
// last entry of the level above.
func (s *cidSurface) writeOutlines(pw *pdfWriter, root, firstPage int) {
	n := len(s.outlines)
	if n == 0 {
		return
	}
	b := pw.b
	parent := make([]int, n) // -1 = root
	prev, next, first, last := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	count := make([]int, n)
	for i := range n {
		prev[i], next[i], first[i], last[i] = -1, -1, -1, -1
	}
	lastAt := map[int]int{} // level → last entry at that level
	rootFirst, rootLast, rootCount := -1, -1, 0
	for i, o := range s.outlines {
		lvl := o.level
		p := -1
		for l := lvl - 1; l >= 0; l-- {
			if j, ok := lastAt[l]; ok {
				p = j
				break
			}
		}
		parent[i] = p
		// the previous sibling: the last entry with the same parent
		for j := i - 1; j >= 0; j-- {
			if parent[j] == p {
				prev[i], next[j] = j, i
				break
			}
			if j == p {
				break
			}
		}
		if p < 0 {
			if rootFirst < 0 {
				rootFirst = i
			}
			rootLast = i
		} else {
			if first[p] < 0 {
				first[p] = i
			}
			last[p] = i
		}
		for a := p; a >= 0; a = parent[a] {
			count[a]++
		}
		rootCount++
		lastAt[lvl] = i
		for l := range lastAt {
			if l > lvl {
				delete(lastAt, l)
			}
		}
	}
	obj := func(i int) int { return root + 1 + i }
	pw.begin(root)
	fmt.Fprintf(b, "<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>", obj(rootFirst), obj(rootLast), rootCount)
	pw.end()
	for i, o := range s.outlines {
		pw.begin(obj(i))
		b.WriteString("<</Title ")
		utf16Hex(b, o.title)
		if parent[i] < 0 {
			fmt.Fprintf(b, " /Parent %d 0 R", root)
		} else {
			fmt.Fprintf(b, " /Parent %d 0 R", obj(parent[i]))
		}
		if prev[i] >= 0 {
			fmt.Fprintf(b, " /Prev %d 0 R", obj(prev[i]))
		}
		if next[i] >= 0 {
			fmt.Fprintf(b, " /Next %d 0 R", obj(next[i]))
		}
		if first[i] >= 0 {
			fmt.Fprintf(b, " /First %d 0 R /Last %d 0 R /Count %d", obj(first[i]), obj(last[i]), count[i])
		}
		page := max(o.page, 0)
		fmt.Fprintf(b, " /Dest [%d 0 R /XYZ 0 ", firstPage+2*page)
		num(b, s.pages[page].h*k)
		b.WriteString(" null]>>")
		pw.end()
	}
}

// pdfWriter numbers objects and remembers where each starts.
type pdfWriter struct {
	b       *bytes.Buffer
	c       *compressor
	offsets []int // offset of object n at n-1
}

func (pw *pdfWriter) begin(n int) {
	for len(pw.offsets) < n {
		pw.offsets = append(pw.offsets, 0)
	}
	pw.offsets[n-1] = pw.b.Len()
	pw.b.WriteString(strconv.Itoa(n))
	pw.b.WriteString(" 0 obj\n")
}

func (pw *pdfWriter) end() { pw.b.WriteString("\nendobj\n") }

// stream writes object n as a Flate-compressed stream of data; extra goes
// into its dictionary before /Length.
func (pw *pdfWriter) stream(n int, data []byte, extra string) error {
	z := &pw.c.z
	z.Reset()
	pw.c.zw.Reset(z)
	if _, err := pw.c.zw.Write(data); err != nil {
		return err
	}
	if err := pw.c.zw.Close(); err != nil {
		return err
	}
	pw.begin(n)
	pw.b.WriteString("<</Filter /FlateDecode ")
	pw.b.WriteString(extra)
	pw.b.WriteString("/Length ")
	pw.b.WriteString(strconv.Itoa(z.Len()))
	pw.b.WriteString(">>\nstream\n")
	pw.b.Write(z.Bytes())
	pw.b.WriteString("\nendstream\nendobj\n")
	return nil
}

// num writes v with two decimals, as the library's %.2f.
func num(b *bytes.Buffer, v float64) {
	var buf [32]byte
	b.Write(strconv.AppendFloat(buf[:0], v, 'f', 2, 64))
}

// utf16Hex writes s as a PDF text string: <FEFF…> in UTF-16BE.
func utf16Hex(b *bytes.Buffer, s string) {
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(hexDigits[u>>12])
		b.WriteByte(hexDigits[u>>8&15])
		b.WriteByte(hexDigits[u>>4&15])
		b.WriteByte(hexDigits[u&15])
	}
	b.WriteByte('>')
}
