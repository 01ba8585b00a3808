package pdf

import "strings"

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
