package published

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzHTML: any bytes give a Document or an *Error, never a panic.
func FuzzHTML(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "disclosure.html")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("<table><tr><td colspan=999999 rowspan=-3>x</td></tr></table>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := HTML(b, HTMLOptions{}); err != nil {
			var e *Error
			if !asError(err, &e) {
				t.Fatalf("error of another type: %v", err)
			}
		}
	})
}

// FuzzDOCX: any bytes give a Document or an *Error, never a panic.
func FuzzDOCX(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "disclosure.docx")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := DOCX(b, DOCXOptions{}); err != nil {
			var e *Error
			if !asError(err, &e) {
				t.Fatalf("error of another type: %v", err)
			}
		}
	})
}

// FuzzLayout: any glyphs and rules give text, never a panic.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("部门收支总表 1 2 3"), 10.0, 20.0, 5.0)
	f.Fuzz(func(t *testing.T, s []byte, x, y, h float64) {
		var gs []glyph
		i := 0
		for _, r := range string(s) {
			gs = append(gs, glyph{r: r, x0: x + float64(i%7)*h, x1: x + float64(i%7)*h + h, y0: y - float64(i/7)*h, y1: y - float64(i/7)*h + h})
			i++
		}
		rules := []rule{{y, x, x + 100}, {y - h, x, x + 100}, {y - 2*h, x - 5, x + 50}}
		var b stringsBuilder
		ruledTables(&b.Builder, dropPageNumbers(pageLines(gs)), rules)
	})
}

type stringsBuilder struct{ Builder strings.Builder }

func asError(err error, e **Error) bool { return errors.As(err, e) }
