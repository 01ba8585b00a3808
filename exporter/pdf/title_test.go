package pdf

import (
	"strings"
	"testing"
)

func TestWrapTitle(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  float64
		want []string
	}{
		{"fits", "第一部分 概况", 20, []string{"第一部分 概况"}},
		// balanced, it would break 某某市城市管理局园林 / 绿化处（环境卫生所）概况
		{"before an opening bracket", "某某市城市管理局园林绿化处（环境卫生所）概况", 30, []string{"某某市城市管理局园林绿化处", "（环境卫生所）概况"}},
		{"after a space", "第二部分 某某市城市管理局园林绿化处预算编制说明", 40, []string{"第二部分 ", "某某市城市管理局园林绿化处预算编制说明"}},
		{"after a mark, the most even of the places", "一二三四，五六七八九十、一二三四五六七八", 30, []string{"一二三四，五六七八九十、", "一二三四五六七八"}},
		// the only place leaves 概况 alone on a line: as wrapBalanced
		{"no very short line", "某某市城市管理局园林绿化处环境卫生所（概况）", 40, []string{"某某市城市管理局园林绿", "化处环境卫生所（概况）"}},
		{"no place at all", "某某市城市管理局园林绿化处环境卫生所", 30, []string{"某某市城市管理局园", "林绿化处环境卫生所"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wrapTitle(tc.in, tc.max, testWidth)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrapTitle(%q, %v) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
			if strings.Join(got, "") != tc.in {
				t.Errorf("lines %q do not give the title back", got)
			}
			for _, l := range got {
				if lineWidth(strings.TrimRight(l, " "), testWidth) > tc.max && len([]rune(l)) > 1 {
					t.Errorf("line %q wider than %v", l, tc.max)
				}
			}
		})
	}
}

// The part titles of the seed department's document are drawn on one line
// (16 pt or a little smaller), not broken inside its name (…热 / 线中心…); a
// longer title breaks before its bracket.
func TestPartTitleLines(t *testing.T) {
	font := testOpts().Font
	for _, tc := range []struct {
		title string
		want  []string
		size  float64 // at least
	}{
		{"第一部分 天门市12345公共服务热线中心概况", []string{"第一部分 天门市12345公共服务热线中心概况"}, partSize},
		{"第二部分 天门市12345公共服务热线中心2023年预算编制情况说明", []string{"第二部分 天门市12345公共服务热线中心2023年预算编制情况说明"}, partSize * titleShrink},
		{"第二部分 天门市城市管理执法局城区环境卫生管理所（天门市城区园林绿化管理处）2023年预算编制情况说明",
			[]string{"第二部分 天门市城市管理执法局城区环境卫生管理所", "（天门市城区园林绿化管理处）2023年预算编制情况说明"}, partSize},
	} {
		s := newCIDSurface(font, []rune(tc.title), nil, surfaceMeta{})
		p := &pager{s: s, printW: a4Short - 2*textMarginX}
		size, lines := p.titleLines(tc.title, partSize)
		if strings.Join(lines, "|") != strings.Join(tc.want, "|") || size < tc.size || size > partSize {
			t.Errorf("%s: %.1f pt %q, want %q at %.1f pt or more", tc.title, size, lines, tc.want, tc.size)
		}
		for _, l := range lines {
			if w := p.lineW(strings.TrimRight(l, " "), size); w > p.printW+1e-9 {
				t.Errorf("%q is %.1f mm wide, the text %.1f mm", l, w, p.printW)
			}
		}
	}
}
