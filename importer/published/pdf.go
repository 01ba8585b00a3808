package published

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFOptions configure PDF. The zero value is useful.
type PDFOptions struct {
	// Name is the file name used in errors.
	Name string
}

// EngineOptions configure the process's PDF engine; see StartEngine.
type EngineOptions struct {
	// CacheDir keeps the compiled engine between runs so that only the
	// first run pays the compile (seconds); "" uses gongkai/pdfium under
	// the user's cache directory, "-" keeps nothing on disk.
	CacheDir string
}

// MaxPDFPages bounds the pages read from one PDF; a department's
// disclosure has a few dozen.
const MaxPDFPages = 2000

// engine is the one PDFium instance of the process. Compiling the
// WebAssembly module costs seconds, so it is started once (StartEngine, or
// on the first PDF) and shared; calls into it are serialised.
var engine struct {
	once sync.Once
	mu   sync.Mutex
	inst pdfium.Pdfium
	err  error
	opts EngineOptions
}

// StartEngine starts the PDF engine with o if it has not started yet, and
// reports whether it could start. PDF calls it with the zero options; call
// it first to choose the cache directory.
func StartEngine(o EngineOptions) error {
	engine.once.Do(func() {
		engine.opts = o
		engine.inst, engine.err = startEngine(o)
	})
	if engine.err != nil {
		return &Error{Err: ErrEngine, Detail: engine.err.Error()}
	}
	return nil
}

func startEngine(o EngineOptions) (pdfium.Pdfium, error) {
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	dir := o.CacheDir
	if dir == "" {
		if base, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(base, "gongkai", "pdfium")
		}
	}
	if dir != "" && dir != "-" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		Context:       context.Background(),
		MinIdle:       1,
		MaxIdle:       1,
		MaxTotal:      1,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no host directory: documents are passed as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		return nil, err
	}
	return pool.GetInstance(time.Minute)
}

// PDF extracts the text of a PDF file with its layout; Document.Pages gives
// the first line of every page.
func PDF(data []byte, o PDFOptions) (*Document, error) {
	if err := StartEngine(EngineOptions{}); err != nil {
		err.(*Error).File = o.Name
		return nil, err
	}
	engine.mu.Lock()
	defer engine.mu.Unlock()
	inst := engine.inst
	fail := func(page int, err error) error {
		e := &Error{File: o.Name, Page: page, Err: ErrBroken, Detail: err.Error()}
		switch {
		case errors.Is(err, pdfiumerr.ErrPassword), errors.Is(err, pdfiumerr.ErrSecurity):
			e.Err, e.Detail = ErrEncrypted, ""
		}
		return e
	}
	buf := data
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &buf})
	if err != nil {
		return nil, fail(0, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fail(0, err)
	}
	if pc.PageCount == 0 {
		return nil, &Error{File: o.Name, Err: ErrBroken, Detail: "no pages"}
	}
	if pc.PageCount > MaxPDFPages {
		return nil, &Error{File: o.Name, Err: ErrTooLarge, Detail: "more than 2000 pages"}
	}
	out := &Document{Kind: "pdf"}
	var b strings.Builder
	line, chars := 1, 0
	var pages []page
	for i := 0; i < pc.PageCount; i++ {
		gs, rules, err := pageGlyphs(inst, doc.Document, i)
		if err != nil {
			return nil, fail(i+1, err)
		}
		chars += len(gs)
		if len(gs) == 0 {
			out.Scanned = append(out.Scanned, i+1)
		}
		pages = append(pages, page{lines: pageLines(gs), rules: rules})
	}
	if chars == 0 {
		return nil, &Error{File: o.Name, Err: ErrNoTextLayer}
	}
	dropRunning(pages)
	texts := make([]string, len(pages))
	for i, p := range pages {
		var pb strings.Builder
		ls, toc := contentsLines(dropPageNumbers(p.lines))
		out.Contents = append(out.Contents, toc...)
		ruledTables(&pb, ls, p.rules)
		texts[i] = pb.String()
	}
	joinContinued(texts)
	for _, t := range texts {
		out.Pages = append(out.Pages, line)
		b.WriteString(t)
		line += strings.Count(t, "\n")
	}
	out.Text = b.String()
	return out, nil
}

// pageGlyphs returns the characters of one page with their loose boxes
// (font ascent to descent, so that every character of a line has the same
// height and punctuation stays on its line).
func pageGlyphs(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) ([]glyph, []rule, error) {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, nil, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	segs, err := pageRules(inst, pg.Page)
	if err != nil {
		return nil, nil, err
	}
	rot := 0
	if r, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: requests.Page{ByReference: &pg.Page}}); err == nil {
		rot = int(r.PageRotation)
	}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &pg.Page}})
	if err != nil {
		return nil, nil, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, nil, err
	}
	gs := make([]glyph, 0, n.Count)
	for i := 0; i < n.Count; i++ {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return nil, nil, err
		}
		r := rune(u.Unicode)
		if r == 0 || r == ' ' || r == '\r' || r == '\n' || r == 0xFFFE {
			continue
		}
		bx, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return nil, nil, err
		}
		rc := bx.Rect
		x0, y0, x1, y1 := rotate(rot, float64(rc.Left), float64(rc.Bottom), float64(rc.Right), float64(rc.Top))
		gs = append(gs, glyph{r: r, x0: x0, x1: x1, y0: y0, y1: y1})
	}
	// rules: the segments that are horizontal as the page is shown
	var out []rule
	for _, sg := range segs {
		x0, y0, x1, y1 := rotate(rot, sg.x0, sg.y0, sg.x1, sg.y1)
		w, h := x1-x0, y1-y0
		switch {
		case w > 5 && h <= 3:
			out = append(out, rule{(y0 + y1) / 2, x0, x1})
		case w > 5 && h > 3 && h < 60:
			out = append(out, rule{y1, x0, x1}, rule{y0, x0, x1})
		}
	}
	return gs, out, nil
}

// rotate maps a box from page space to the page as shown, for a page
// turned rot quarter turns clockwise (/Rotate 90, 180, 270), y upwards.
func rotate(rot int, x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
	tr := func(x, y float64) (float64, float64) {
		switch rot {
		case 1:
			return y, -x
		case 2:
			return -x, -y
		case 3:
			return -y, x
		}
		return x, y
	}
	ax, ay := tr(x0, y0)
	bx, by := tr(x1, y1)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}

// maxObjects bounds the page objects examined for ruling lines.
const maxObjects = 20000

// pageRules returns the path objects that may be ruling lines: thin lines
// and the frames of cells (pageGlyphs keeps those horizontal as the page is
// shown: lines at most 3 points high, and the top and bottom of frames).
func pageRules(inst pdfium.Pdfium, page references.FPDF_PAGE) ([]segment, error) {
	ref := requests.Page{ByReference: &page}
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil, err
	}
	var segs []segment
	for i := 0; i < min(n.Count, maxObjects); i++ {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err != nil {
			return nil, err
		}
		t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject})
		if err != nil || t.Type != enums.FPDF_PAGEOBJ_PATH {
			continue
		}
		bd, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o.PageObject})
		if err != nil {
			continue
		}
		w, h := float64(bd.Right-bd.Left), float64(bd.Top-bd.Bottom)
		if min(w, h) < 60 && max(w, h) > 5 {
			segs = append(segs, segment{float64(bd.Left), float64(bd.Bottom), float64(bd.Right), float64(bd.Top)})
		}
	}
	return segs, nil
}

// A segment is the bounding box of a thin path object (a border line or
// a cell's frame), in page space.
type segment struct{ x0, y0, x1, y1 float64 }
