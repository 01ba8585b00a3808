package pdf

import (
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"

	"gongkai/fonts"
	"gongkai/layout"
)

// fixed strings the exporter adds to every document: footer and the
// continuation mark.
const fixedText = "第 页 / 共 （续）0123456789"

// docText are the strings a whole document adds: the paragraph indent.
const docText = paraIndent

// metaPlace is GlyphError.Sheet for a problem in the document's metadata.
const metaPlace = "文档属性（标题/作者/主题）"

// checkGlyphs checks every string the document draws against the font and
// returns the runes they use (sorted, no repeats, newlines left out). The
// metadata (Title, Author, Subject) is not drawn with the font, but the
// library stores it as UTF-16 of the basic plane only: a rune above U+FFFF
// or invalid UTF-8 there would silently corrupt it. All problems are
// returned, joined; each is a *GlyphError.
func checkGlyphs(doc layout.Document, f *fonts.Font) ([]rune, error) {
	var errs []error
	for _, s := range []string{doc.Title, doc.Author, doc.Subject} {
		var seen []rune
		for i, r := range s {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size != 1 {
					continue // a real U+FFFD is fine
				}
			} else if r <= 0xFFFF {
				continue
			}
			if !slices.Contains(seen, r) {
				seen = append(seen, r)
				errs = append(errs, &GlyphError{Sheet: metaPlace, Text: s, Rune: r})
			}
		}
	}
	used := make(map[rune]struct{}, 512)
	check := func(sheet, row, s string) {
		if s == "" {
			return
		}
		for _, r := range s {
			if r != '\n' {
				used[r] = struct{}{}
			}
		}
		for _, r := range f.Missing(s) {
			if r == '\n' {
				continue
			}
			errs = append(errs, &GlyphError{Sheet: sheet, Row: row, Text: s, Rune: r})
		}
	}
	check("", "页码", fixedText)
	for _, sh := range doc.Sheets {
		name := sheetName(sh)
		check(name, "标题", sh.Title)
		check(name, "单位行", sh.UnitLine)
		check(name, "编制部门", sh.Preparer)
		for _, h := range sh.Header {
			check(name, "表头", h.Text)
		}
		for i, row := range sh.Rows {
			where := "第" + strconv.Itoa(i+1) + "行"
			if row.Ref != "" {
				where += "（" + row.Ref + "）"
			}
			for _, c := range row.Cells {
				if !c.Empty {
					check(name, where, c.Text)
				}
			}
		}
		for _, n := range sh.Notes {
			check(name, "注", n)
		}
	}
	if len(doc.Parts) > 0 {
		check("", "段首", docText)
		check("", "页眉", doc.Header)
		check("", "目录", doc.ContentsTitle+dotLeader)
		if c := doc.Cover; c != nil {
			check("封面", "", c.Title)
			check("封面", "", c.Department)
			check("封面", "", c.Date)
		}
		for _, pt := range doc.Parts {
			check(pt.Title, "标题", pt.Title)
			for i, b := range pt.Blocks {
				check(pt.Title, "第"+strconv.Itoa(i+1)+"段", b.Text)
			}
		}
		for _, sh := range doc.Sheets {
			check(sheetName(sh), "目录", sh.Name)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	return runes, nil
}

// sheetName is how messages and bookmarks name a sheet.
func sheetName(sh layout.Sheet) string {
	switch {
	case sh.Name != "":
		return sh.Name
	case sh.Title != "":
		return sh.Title
	}
	return sh.ID
}
