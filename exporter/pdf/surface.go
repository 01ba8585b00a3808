package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// surface is all the layout pass asks of a PDF library. Lengths are in
// millimetres, font sizes in points, y grows downwards from the top edge.
// fpdfSurface implements it with go-pdf/fpdf; measureOnly measures without
// drawing (Plan).
type surface interface {
	// runeWidth is the advance of r at 1 pt, in mm.
	runeWidth(r rune) float64
	addPage(landscape bool)
	// bookmark adds an outline entry for the current page at level (0 top).
	bookmark(title string, level int)
	setFont(size float64, bold bool)
	// text draws one line in the box (x, y, w, h), vertically centred,
	// aligned 'L', 'C' or 'R' with pad mm of horizontal padding.
	text(x, y, w, h float64, s string, align byte, pad float64)
	rect(x, y, w, h float64)
	// link makes the box (x, y, w, h) of the current page a link to the
	// top of page (1-based).
	link(x, y, w, h float64, page int)
}

// page geometry: A4, either orientation.
const (
	a4Long       = 297.0
	a4Short      = 210.0
	marginLeft   = 15.0
	marginRight  = 15.0
	marginTop    = 12.0
	marginBottom = 16.0 // the footer sits in it
	borderWidth  = 0.15 // thin grid lines, mm
)

type fpdfSurface struct {
	f      *fpdf.Fpdf
	family string // the name the font is registered under in fpdf
	base   string // the PDF font name to write: ABCDEF+Name
	size   float64
	bold   bool
	widths map[rune]float64
}

type surfaceMeta struct {
	title, author, subject string
	date                   time.Time
	baseFont               string // subset name, e.g. ABCDEF+WenQuanYiMicroHei
	coverPage              bool   // page 1 is a whole document's cover: no footer on it
}

// newFpdfSurface registers ttf (a subset, or with fullFont the whole face)
// and sets up the document. The footer prints 第 N 页 / 共 M 页.
func newFpdfSurface(ttf []byte, meta surfaceMeta) (*fpdfSurface, error) {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: "A4"})
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(false) // restream compresses the pages
	f.SetCatalogSort(true)
	f.AliasNbPages("{nb}")
	f.SetCreator("gongkai", true)
	f.SetProducer("gongkai (go-pdf/fpdf)", true)
	if meta.title != "" {
		f.SetTitle(meta.title, true)
	}
	if meta.author != "" {
		f.SetAuthor(meta.author, true)
	}
	if meta.subject != "" {
		f.SetSubject(meta.subject, true)
	}
	d := meta.date
	if d.IsZero() {
		d = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(d)
	f.SetModificationDate(d)
	f.SetLang("zh-CN")

	if !isTrueType(ttf) {
		return nil, errors.New("exporter/pdf: 字体数据不是 TrueType 字体（PDF 库只支持 TrueType 轮廓）")
	}
	// fpdf writes the font into the PDF as "utf8"+family, with no subset
	// tag; output rewrites that to meta.baseFont, so the family is chosen
	// to be exactly as long.
	family := "gkf" + strings.Repeat("x", len(meta.baseFont)-7)
	f.AddUTF8FontFromBytes(family, "", ttf)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("exporter/pdf: 无法加载字体: %w", err)
	}
	f.SetFont(family, "", 9)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("exporter/pdf: 无法使用字体: %w", err)
	}
	s := &fpdfSurface{f: f, family: family, base: meta.baseFont, size: 9, widths: make(map[rune]float64, 256)}
	f.SetFooterFunc(func() {
		if meta.coverPage && f.PageNo() == 1 {
			return
		}
		f.SetTextRenderingMode(0)
		f.SetFont(family, "", 8)
		f.SetCellMargin(0)
		pw, ph := f.GetPageSize()
		f.SetXY(marginLeft, ph-11)
		f.CellFormat(pw-marginLeft-marginRight, 5, fmt.Sprintf("第 %d 页 / 共 {nb} 页", f.PageNo()), "", 0, "CM", false, 0, "")
	})
	return s, nil
}

// isTrueType reports whether b starts like a TrueType font (what fpdf's
// parser accepts); anything else would make fpdf print to stdout.
func isTrueType(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	return bytes.Equal(b[:4], []byte{0, 1, 0, 0}) || string(b[:4]) == "true"
}

func (s *fpdfSurface) runeWidth(r rune) float64 {
	if w, ok := s.widths[r]; ok {
		return w
	}
	// fpdf's width is linear in the font size: measure at the current size.
	w := s.f.GetStringWidth(string(r)) / s.size
	s.widths[r] = w
	return w
}

func (s *fpdfSurface) addPage(landscape bool) {
	o := "P"
	if landscape {
		o = "L"
	}
	s.f.AddPageFormat(o, fpdf.SizeType{Wd: a4Short, Ht: a4Long})
	// a new page starts with a fresh graphics state
	s.bold = false
	s.f.SetTextRenderingMode(0)
	s.f.SetLineWidth(borderWidth)
	s.f.SetDrawColor(0, 0, 0)
	s.f.SetTextColor(0, 0, 0)
}

func (s *fpdfSurface) bookmark(title string, level int) { s.f.Bookmark(title, level, -1) }

func (s *fpdfSurface) link(x, y, w, h float64, page int) {
	id := s.f.AddLink()
	s.f.SetLink(id, 0, page)
	s.f.Link(x, y, w, h, id)
}

func (s *fpdfSurface) setFont(size float64, bold bool) {
	if size != s.size {
		s.f.SetFontSize(size)
		s.size = size
	}
	if bold != s.bold {
		s.bold = bold
		if bold {
			// no bold face: fill and stroke the outlines (render mode 2)
			s.f.SetTextRenderingMode(2)
			s.f.SetLineWidth(size * 0.0085) // ≈ 0.024 pt per pt of size
		} else {
			s.f.SetTextRenderingMode(0)
			s.f.SetLineWidth(borderWidth)
		}
	}
}

func (s *fpdfSurface) text(x, y, w, h float64, str string, align byte, pad float64) {
	if str == "" {
		return
	}
	s.f.SetCellMargin(pad)
	s.f.SetXY(x, y)
	s.f.CellFormat(w, h, str, "", 0, string(align)+"M", false, 0, "")
}

// beginSpan starts a marked-content span whose ActualText is actual
// (ISO 32000-1 §14.9.4): a cell wrapped over several lines then copies and
// extracts as its whole text, not as pieces broken inside a word.
func (s *fpdfSurface) beginSpan(actual string) {
	var b strings.Builder
	b.WriteString("/Span <</ActualText <FEFF")
	for _, u := range utf16.Encode([]rune(actual)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">>> BDC\n")
	s.f.RawWriteStr(b.String())
}

func (s *fpdfSurface) endSpan() { s.f.RawWriteStr("EMC\n") }

func (s *fpdfSurface) rect(x, y, w, h float64) {
	if s.bold { // keep borders thin while bold text is on
		s.f.SetLineWidth(borderWidth)
		s.f.Rect(x, y, w, h, "D")
		s.f.SetLineWidth(s.size * 0.0085)
		return
	}
	s.f.Rect(x, y, w, h, "D")
}

func (s *fpdfSurface) output(w io.Writer) error {
	c := getCompressor()
	defer putCompressor(c)
	c.raw.Reset()
	if err := s.f.Output(&c.raw); err != nil {
		return fmt.Errorf("exporter/pdf: %w", err)
	}
	// Name the embedded subset as PDF viewers expect (ISO 32000-1 §9.6.4):
	// same length, so the cross-reference offsets stay right.
	raw := c.raw.Bytes()
	replaceSameLen(raw, []byte("/utf8"+s.family), []byte("/"+s.base))
	out, err := restream(raw, c)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// replaceSameLen replaces every old in b by new, in place; old and new
// have the same length.
func replaceSameLen(b, old, new []byte) {
	for i := 0; ; {
		j := bytes.Index(b[i:], old)
		if j < 0 {
			return
		}
		i += j
		copy(b[i:], new)
		i += len(old)
	}
}

// compressor is what one output needs besides the library: the zlib
// writer (about 700 KB of state, most of a small PDF's allocation when it
// is made anew) and the buffers for the library's output, one compressed
// stream and the result. Every use Resets them, so nothing of one
// document reaches another and the output does not depend on reuse.
type compressor struct {
	zw     *zlib.Writer
	raw, z bytes.Buffer
	out    bytes.Buffer
}

// freeCompressors keeps a few compressors between documents. It is a
// channel, not a sync.Pool: a pool is emptied at every garbage
// collection, which with documents of a few MB each means almost every
// document.
var freeCompressors = make(chan *compressor, max(runtime.GOMAXPROCS(0), 2))

// maxKeptBuffer is the largest buffer kept for the next document; a huge
// document's buffers go to the garbage collector.
const maxKeptBuffer = 4 << 20

func getCompressor() *compressor {
	select {
	case c := <-freeCompressors:
		return c
	default:
	}
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
	return &compressor{zw: zw}
}

func putCompressor(c *compressor) {
	if c.raw.Cap() > maxKeptBuffer || c.z.Cap() > maxKeptBuffer || c.out.Cap() > maxKeptBuffer {
		return
	}
	select {
	case freeCompressors <- c:
	default:
	}
}

func (s *fpdfSurface) err() error {
	if err := s.f.Error(); err != nil {
		return fmt.Errorf("exporter/pdf: %w", err)
	}
	return nil
}
