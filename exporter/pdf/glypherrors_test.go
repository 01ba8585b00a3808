package pdf

import (
	"errors"
	"fmt"
	"testing"
)

func TestGlyphErrorsFlattens(t *testing.T) {
	a := &GlyphError{Sheet: "表一", Row: "标题", Text: "甲", Rune: '甲'}
	b := &GlyphError{Sheet: "表五", Row: "第2行", Text: "乙", Rune: '乙'}
	err := fmt.Errorf("out.pdf: %w", errors.Join(a, errors.New("other"), fmt.Errorf("wrapped: %w", b)))
	got := GlyphErrors(err)
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Fatalf("GlyphErrors = %v, want [%v %v]", got, a, b)
	}
	if GlyphErrors(errors.New("plain")) != nil {
		t.Fatal("a plain error holds no glyph error")
	}
}
