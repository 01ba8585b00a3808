package pdf

import (
	"math"
	"slices"
	"strings"
)

// wrap breaks s into lines no wider than max, measuring rune by rune with
// width (the advance of one rune). Explicit newlines break lines too. No
// character is dropped: joining the lines gives s back without its
// newlines. A line holds at least one rune, even when that rune alone is
// wider than max.
//
// Breaks fall between any two runes (Chinese text has no spaces), with two
// refinements: a run of ASCII letters and digits (12345, 2023) is not split
// when it can move whole to the next line, and closing punctuation (，。）)
// does not start a line.
func wrap(s string, max float64, width func(rune) float64) []string {
	if s == "" {
		return nil
	}
	if !strings.Contains(s, "\n") && lineWidth(s, width) <= max+1e-9 {
		return []string{s} // the common case: one line
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = wrapLine(para, max, width, lines)
	}
	return lines
}

func wrapLine(s string, max float64, width func(rune) float64, lines []string) []string {
	rs := []rune(s)
	if len(rs) == 0 {
		return append(lines, "")
	}
	breakLine(rs, max, width, func(start, end int) {
		lines = append(lines, string(rs[start:end]))
	})
	return lines
}

// countLines is len(wrap(s, max, width)) without building the lines.
func countLines(s string, max float64, width func(rune) float64) int {
	if s == "" {
		return 0
	}
	if !strings.Contains(s, "\n") && lineWidth(s, width) <= max+1e-9 {
		return 1
	}
	n := 0
	for para := range strings.SplitSeq(s, "\n") {
		rs := []rune(para)
		if len(rs) == 0 {
			n++
			continue
		}
		breakLine(rs, max, width, func(int, int) { n++ })
	}
	return n
}

// breakLine calls line(start, end) for each line rs[start:end] of the
// non-empty paragraph rs wrapped at max.
func breakLine(rs []rune, max float64, width func(rune) float64, line func(start, end int)) {
	start := 0
	w := 0.0
	for i := 0; i < len(rs); i++ {
		rw := width(rs[i])
		if w+rw <= max+1e-9 || i == start {
			w += rw
			continue
		}
		// rs[i] does not fit: break before it, or earlier.
		brk := i
		if isWordRune(rs[i]) && isWordRune(rs[i-1]) {
			j := i - 1
			for j > start && isWordRune(rs[j-1]) {
				j--
			}
			moved := 0.0
			for _, r := range rs[j : i+1] {
				moved += width(r)
			}
			if j > start && moved <= max+1e-9 {
				brk = j
			}
		} else if isClosing(rs[i]) && i-1 > start {
			// carry the character before down with it, and a run of
			// closing marks and the word they close: 增长 / 21.48%。
			brk = i - 1
			for brk > start+1 && isClosing(rs[brk]) {
				brk--
			}
			if isWordRune(rs[brk]) {
				j := brk
				for j > start && isWordRune(rs[j-1]) {
					j--
				}
				if j > start {
					brk = j
				}
			}
		}
		line(start, brk)
		start = brk
		w = 0
		for _, r := range rs[start : i+1] {
			w += width(r)
		}
	}
	line(start, len(rs))
}

func isWordRune(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == ',' || r == '-')
}

func isClosing(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』】〕”’,.;:?!)]}%％", r)
}

// wrapBalanced wraps like wrap, then narrows the width as far as the line
// count allows, so that a header reads 功能科目 / 编码 rather than
// 功能科目编 / 码.
func wrapBalanced(s string, max float64, width func(rune) float64) []string {
	lines := wrap(s, max, width)
	if len(lines) < 2 || strings.Contains(s, "\n") {
		return lines
	}
	lo, hi := 0.0, max
	for range 12 {
		mid := (lo + hi) / 2
		if countLines(s, mid, width) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(s, hi, width)
}

// titleShrink is how far a title may be made smaller to stay on one line.
const titleShrink = 0.85

// wrapTitle breaks a title that does not fit on one line (at the size the
// width function measures; a title only slightly too long is drawn smaller
// instead, see pager.titleLines). It keeps names whole: the lines break
// only after a space or a mark (，、：；), or before an opening bracket
// (（《“), into as few lines as wrap needs, choosing the places that make
// the widest line narrowest; the last line is not shorter than a quarter
// of the widest. When no such places fit, it wraps as wrapBalanced does.
func wrapTitle(s string, max float64, width func(rune) float64) []string {
	lines := wrapBalanced(s, max, width)
	if len(lines) < 2 || strings.Contains(s, "\n") {
		return lines
	}
	rs := []rune(s)
	// places a line may end (before rs[i]).
	var at []int
	for i := 1; i < len(rs); i++ {
		if rs[i-1] == ' ' || rs[i-1] == '\u3000' || strings.ContainsRune("，、：；", rs[i-1]) || strings.ContainsRune("（《“", rs[i]) {
			at = append(at, i)
		}
	}
	pre := make([]float64, len(rs)+1) // pre[i]: width of rs[:i]
	for i, r := range rs {
		pre[i+1] = pre[i] + width(r)
	}
	lineW := func(a, b int) float64 { // width of rs[a:b] without its trailing spaces
		for b > a && (rs[b-1] == ' ' || rs[b-1] == '\u3000') {
			b--
		}
		return pre[b] - pre[a]
	}
	// best[k][j]: the narrowest widest line of rs[:at[j]] in k lines.
	n := len(lines)
	ends := append(append([]int{}, at...), len(rs))
	type choice struct {
		widest float64
		from   int // index into ends of the previous break, -1 for the start
		ok     bool
	}
	best := make([][]choice, n+1)
	for k := range best {
		best[k] = make([]choice, len(ends))
	}
	for j, e := range ends {
		if w := lineW(0, e); w <= max+1e-9 {
			best[1][j] = choice{w, -1, true}
		}
	}
	for k := 2; k <= n; k++ {
		for j, e := range ends {
			for i := 0; i < j; i++ {
				prev := best[k-1][i]
				w := lineW(ends[i], e)
				if !prev.ok || w > max+1e-9 {
					continue
				}
				if c := (choice{math.Max(prev.widest, w), i, true}); !best[k][j].ok || c.widest < best[k][j].widest {
					best[k][j] = c
				}
			}
		}
	}
	last := best[n][len(ends)-1]
	if !last.ok {
		return lines
	}
	var cuts []int
	for k, j := n, len(ends)-1; k >= 1; k-- {
		cuts = append(cuts, ends[j])
		j = best[k][j].from
	}
	slices.Reverse(cuts)
	out := make([]string, 0, n)
	start := 0
	if lineW(cuts[len(cuts)-2], len(rs)) < last.widest/4 {
		return lines // a very short last line
	}
	for _, c := range cuts {
		out = append(out, string(rs[start:c]))
		start = c
	}
	return out
}
