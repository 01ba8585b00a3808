package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unit widths: a hanzi is 2, anything ASCII 1.
func testWidth(r rune) float64 {
	if r < 0x80 {
		return 1
	}
	return 2
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  float64
		want []string
	}{
		{"empty", "", 10, nil},
		{"fits", "事业运行", 8, []string{"事业运行"}},
		{"hanzi break", "机关事业单位基本养老保险缴费", 10, []string{"机关事业单", "位基本养老", "保险缴费"}},
		{"digits stay together", "天门市12345公共服务", 10, []string{"天门市", "12345公共", "服务"}},
		{"closing punct not first", "一二三四，五六", 8, []string{"一二三", "四，五六"}},
		{"rune wider than max", "宽", 1, []string{"宽"}},
		// "增长21.48%。" at width 11: 。 does not fit; the percentage goes down whole
		{"percentage and full stop stay with the number", "增长21.48%。其中", 11, []string{"增长", "21.48%。其", "中"}},
		{"long digit run is split", "1234567890", 4, []string{"1234", "5678", "90"}},
		{"explicit newline", "注：第一行\n第二行", 20, []string{"注：第一行", "第二行"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.in, tc.max, testWidth)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
		})
	}
}

// TestWrapKeepsEveryCharacter is the property the library's MultiCell
// breaks: joining the lines gives the text back, and no line is wider than
// the box unless it is a single rune.
func TestWrapKeepsEveryCharacter(t *testing.T) {
	texts := []string{
		longName,
		"天门市政务服务和大数据管理局天门市12345公共服务热线中心（含2023年结转）",
		"注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。",
		"abc def 1,234.56 一般公共预算“三公”经费",
		"注：第一行\n\n第三行，较长的一行文字",
	}
	for _, s := range texts {
		for max := 1.0; max < 40; max += 0.5 {
			lines := wrap(s, max, testWidth)
			if got := strings.Join(lines, ""); got != strings.ReplaceAll(s, "\n", "") {
				t.Fatalf("wrap(%q, %v) lost characters: %q", s, max, lines)
			}
			for _, l := range lines {
				w := 0.0
				for _, r := range l {
					w += testWidth(r)
				}
				if w > max && utf8.RuneCountInString(l) > 1 {
					t.Fatalf("wrap(%q, %v): line %q is %v wide", s, max, l, w)
				}
			}
			if n := countLines(s, max, testWidth); n != len(lines) {
				t.Fatalf("countLines(%q, %v) = %d, wrap gives %d lines", s, max, n, len(lines))
			}
			if b := wrapBalanced(s, max, testWidth); strings.Join(b, "") != strings.ReplaceAll(s, "\n", "") || len(b) != len(lines) {
				t.Fatalf("wrapBalanced(%q, %v) = %q, want %d lines of the same text", s, max, b, len(lines))
			}
		}
	}
}

func TestWrapBalanced(t *testing.T) {
	got := wrapBalanced("功能科目编码", 10, testWidth) // wrap gives 功能科目编 / 码
	if strings.Join(got, "|") != "功能科|目编码" {
		t.Errorf("wrapBalanced = %q", got)
	}
}
