package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/layout"
)

// TestMetadataGlyphs: the library stores Title, Author and Subject as
// UTF-16 of the basic plane only, so a rune above U+FFFF or invalid UTF-8
// there is an error naming 文档属性 (not a silently corrupted PDF). The
// metadata is not drawn with the font: a BMP character the font lacks, or a
// real U+FFFD, is fine there.
func TestMetadataGlyphs(t *testing.T) {
	const place = "文档属性（标题/作者/主题）"
	tests := []struct {
		name  string
		edit  func(*layout.Document)
		runes []rune // nil: Write must succeed
		text  string // in the message
	}{
		{"emoji in the title", func(d *layout.Document) { d.Title += "😀" }, []rune{0x1F600}, "U+1F600"},
		{"rune above U+FFFF in the author, twice", func(d *layout.Document) { d.Author = "𠀀天门𠀀" }, []rune{0x20000}, "U+20000"},
		{"invalid UTF-8 in the subject", func(d *layout.Document) { d.Subject = "2023年\xff预算" }, []rune{utf8.RuneError}, "不是有效的 UTF-8"},
		{"emoji in author and subject", func(d *layout.Document) { d.Author += "😀"; d.Subject += "🙂" }, []rune{0x1F600, 0x1F642}, "U+1F642"},
		{"character the font lacks in the title", func(d *layout.Document) { d.Title += "\uA66E" }, nil, ""},
		{"real U+FFFD in the title", func(d *layout.Document) { d.Title += "\uFFFD" }, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := handDoc()
			tc.edit(&doc)
			var buf bytes.Buffer
			err := Write(&buf, doc, testOpts())
			if tc.runes == nil {
				if err != nil {
					t.Fatalf("Write: %v, want no error (metadata does not use the font)", err)
				}
				return
			}
			var got []rune
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var ge *GlyphError
				if !errors.As(e, &ge) {
					t.Fatalf("error %v is not a *GlyphError", e)
				}
				if ge.Sheet != place || ge.Row != "" {
					t.Errorf("GlyphError at %q %q, want %q", ge.Sheet, ge.Row, place)
				}
				got = append(got, ge.Rune)
			}
			if string(got) != string(tc.runes) {
				t.Errorf("runes %U, want %U", got, tc.runes)
			}
			msg := err.Error()
			if !strings.Contains(msg, "exporter/pdf: "+place+"：") || !strings.Contains(msg, tc.text) {
				t.Errorf("message %q should name %s and %s", msg, place, tc.text)
			}
			if !utf8.ValidString(msg) {
				t.Errorf("message is not valid UTF-8: %q", msg)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
			var ge *GlyphError
			if _, err := Plan(doc, testOpts()); !errors.As(err, &ge) {
				t.Errorf("Plan error = %v, want a *GlyphError", err)
			}
		})
	}
}
