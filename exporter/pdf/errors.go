package pdf

import (
	"fmt"
	"unicode/utf8"
)

// GlyphError reports a character the font cannot show. Sheet names the
// table (its sheet name), Row the place in it (标题, 单位行, 表头, 注, or the
// body row's Ref / 第N行), Text the whole string and Rune the character.
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

func quoteRune(r rune) string {
	if r < 0x20 || !utf8.ValidRune(r) {
		return fmt.Sprintf("%q", r)
	}
	return "“" + string(r) + "”"
}
