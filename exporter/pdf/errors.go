package pdf

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// GlyphError reports a character the font cannot show. Sheet names the
// table (its sheet name), Row the place in it (标题, 单位行, 表头, 注, or the
// body row's Ref / 第N行), Text the whole string and Rune the character.
//
// A rune above U+FFFF or invalid UTF-8 in the document's Title, Author or
// Subject (the PDF metadata) is reported with Sheet
// "文档属性（标题/作者/主题）", Row "" and, for invalid UTF-8, Rune
// utf8.RuneError.
//
// Write returns every such problem of a document joined with errors.Join;
// errors.As finds the first.
type GlyphError struct {
	Sheet, Row, Text string
	Rune             rune
}

func (e *GlyphError) Error() string {
	where := e.Sheet
	if where == "" {
		where = "文档"
	}
	if e.Row != "" {
		where += " " + e.Row
	}
	if e.Sheet == metaPlace {
		// Metadata is not drawn with the font: another font does not help.
		if e.Rune == utf8.RuneError {
			return fmt.Sprintf("exporter/pdf: %s：“%s”不是有效的 UTF-8 文本，无法写入 PDF 文档属性；请改正该文字",
				where, strings.ToValidUTF8(e.Text, "\uFFFD"))
		}
		return fmt.Sprintf("exporter/pdf: %s：“%s”中的字符 %s（U+%04X）无法写入 PDF 文档属性：它在基本多文种平面之外（高于 U+FFFF），PDF 库无法处理；请改用其他字",
			where, e.Text, quoteRune(e.Rune), e.Rune)
	}
	why := "所选字体中没有这个字"
	switch {
	case e.Rune > 0xFFFF:
		why = "它在基本多文种平面之外（高于 U+FFFF），PDF 库无法处理"
	case !utf8.ValidRune(e.Rune) || e.Rune < 0x20:
		why = "它是控制字符或无效字符"
	}
	return fmt.Sprintf("exporter/pdf: %s：“%s”中的字符 %s（U+%04X）无法显示：%s；请改用其他字或换一种字体（--font）",
		where, e.Text, quoteRune(e.Rune), e.Rune, why)
}

// ErrNoSheets is returned by Write and Plan for a document with nothing to
// print (no sheet, no text part, no cover), as exporter/xlsx returns its
// ErrNoSheets: an empty document is a mistake of the caller, not a blank page.
var ErrNoSheets = errors.New("exporter/pdf: the document has no sheets (文档中没有任何表)")

// ErrNoFont is returned by Write and Plan when Options.Font is nil. The
// package does not embed a font itself, so that a program bringing its own
// does not carry the 4.6 MB default.
var ErrNoFont = errors.New("exporter/pdf: Options.Font 为空；请传入 wqymicrohei.Font()（内置的文泉驿微米黑，gongkai/fonts/wqymicrohei）或 fonts.Load 读取的字体")

func quoteRune(r rune) string {
	if r < 0x20 || !utf8.ValidRune(r) {
		return fmt.Sprintf("%q", r)
	}
	return "“" + string(r) + "”"
}

// RowTooTallError reports a table row whose wrapped text needs more height
// than a page has (a name thousands of characters long): it cannot be shown
// whole, so Write writes nothing rather than cut it off at the page's edge.
type RowTooTallError struct {
	Sheet, Row string // the sheet name, and 第N行（Ref）
	Text       string // the cell with the most lines (shortened in Error)
	Lines      int    // its lines at the sheet's body size
	MaxLines   int    // the lines a page can hold
}

func (e *RowTooTallError) Error() string {
	t := []rune(e.Text)
	text := e.Text
	if len(t) > 30 {
		text = string(t[:30]) + "…"
	}
	return fmt.Sprintf("exporter/pdf: %s %s：“%s”（%d 字）折行后有 %d 行，一页最多 %d 行，无法完整印出；请缩短该文字",
		e.Sheet, e.Row, text, len(t), e.Lines, e.MaxLines)
}

// GlyphErrors returns every *GlyphError inside err (as Write returns them,
// joined with errors.Join and possibly wrapped), in order; nil when there is
// none.
func GlyphErrors(err error) []*GlyphError {
	var out []*GlyphError
	var walk func(error)
	walk = func(err error) {
		if ge, ok := err.(*GlyphError); ok {
			out = append(out, ge)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if u := errors.Unwrap(err); u != nil {
			walk(u)
		}
	}
	walk(err)
	return out
}
