package narrative

import (
	"strings"
	"testing"

	"gongkai/layout"
	"gongkai/model"
)

// A text the user wrote is always a paragraph: a line of 主要职责, 机构设置,
// a reason or 其他需要说明的情况 that starts like the markup (a part, a
// heading, the place of the tables) neither starts a part nor becomes a
// heading nor moves the tables, and prints as written.
func TestUserTextIsNotMarkup(t *testing.T) {
	for _, style := range []string{"2023", "2026", "shanghai"} {
		texts := func(mark func(string) string) *model.Texts {
			return &model.Texts{
				Duties:       []string{mark("# ") + "负责全市热线受理", mark("## ") + "负责督办\n" + mark("= ") + "协调各单位"},
				Organization: mark("= ") + "设3个科室",
				Other:        []string{mark("@tables"), mark(`\`) + "保留的反斜杠"},
				Reasons:      model.Reasons{Income: "人员减少\n" + mark("# ") + "退休增加"},
			}
		}
		d := loadExample(t, "tianmen-12345-2023.json")
		d.Texts = texts(func(m string) string { return m })
		// the same texts without the marks: the parts the style makes of them
		plainD := loadExample(t, "tianmen-12345-2023.json")
		plainD.Texts = texts(func(m string) string {
			if m == "@tables" {
				return "表的位置"
			}
			return ""
		})
		want, _, err := Document(plainD, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := Document(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		titles := func(doc layout.Document) (ps []string, tables int) {
			for _, p := range doc.Parts {
				ps = append(ps, p.Title)
				if p.Tables {
					tables++
				}
			}
			return ps, tables
		}
		wp, wt := titles(want)
		gp, gt := titles(doc)
		if strings.Join(gp, "|") != strings.Join(wp, "|") || gt != wt {
			t.Errorf("%s: parts %q (tables in %d), want %q (tables in %d)", style, gp, gt, wp, wt)
		}
		text := docText(doc)
		if strings.Contains(text, userMark) {
			t.Errorf("%s: the user-text mark is left in the document", style)
		}
		for _, p := range doc.Parts {
			for _, b := range p.Blocks {
				if b.Kind == layout.Heading && (strings.Contains(b.Text, "负责") || strings.Contains(b.Text, "科室") || strings.Contains(b.Text, "退休")) {
					t.Errorf("%s: the user's text became a heading: %q", style, b.Text)
				}
			}
		}
		for _, w := range []string{"# 负责全市热线受理", "= 设3个科室", `\保留的反斜杠`} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not printed as written", style, w)
			}
		}
		plain, _, err := Text(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		if p := Plain(plain); !strings.Contains(p, "= 设3个科室") || strings.Contains(p, userMark) {
			t.Errorf("%s: Plain lost or marked the user's text", style)
		}
	}
}

// A reason ends its sentence however the user ended it: a final line break,
// a final 。 or spaces around it print the same sentence, with no line of
// its own for the style's 。.
func TestUserTextTrimmed(t *testing.T) {
	for _, style := range []string{"2023", "2026", "shanghai"} {
		var want string
		for i, reason := range []string{"人员增加", "人员增加。\n", "  人员增加。 \r\n", "\n人员增加；\n\n"} {
			d := loadExample(t, "tianmen-12345-2023.json")
			if d.Texts == nil {
				d.Texts = &model.Texts{}
			}
			d.Texts.Reasons.Income = reason
			text, _, err := Text(d, Options{Style: style})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(text, "\n") {
				if l == "。" || l == "；" {
					t.Errorf("%s %q: a line %q of its own", style, reason, l)
				}
			}
			if i == 0 {
				want = text
			} else if text != want {
				t.Errorf("%s %q: the text differs from that of %q", style, reason, "人员增加")
			}
		}
	}
}
