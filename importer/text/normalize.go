package text

import (
	"strings"
	"unicode"
)

// splitLines splits on LF, CRLF and CR, keeping one entry per source line.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// foldRune maps full-width ASCII variants and odd spaces to plain ASCII.
// Tabs are kept: they separate table cells.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII block: ０-９ Ａ-Ｚ ％ ， ： （ ） ． …
		return r - 0xFF01 + '!'
	case r == 0x3000 || r == 0x00A0 || r == 0x2002 || r == 0x2003 || r == 0x2009 || r == 0x200B || r == 0x202F || r == 0xFEFF:
		return ' '
	case r == '\f' || r == '\v':
		return ' '
	case r == 0x2212:
		return '-'
	case r == 0xFE50: // small comma
		return ','
	}
	return r
}

// isCJK reports a Han character or CJK punctuation (after folding).
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '、' || r == '〃'
}

func isFullWidth(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// joinsCJK are ASCII characters that, after folding, stand where full-width
// punctuation stood, so a space between them and a Han character is
// extraction noise.
func joinsCJK(r rune) bool {
	switch r {
	case '%', ':', ',', '(', ')', ';', '.':
		return true
	}
	return false
}

// normalizeLine folds full-width characters, removes HTML tags left by
// converters, thousands separators and the spaces PDF extraction puts
// between characters. Tabs (cell separators) are kept.
func normalizeLine(s string) string { return normalize(s, true) }

// lightText normalises a text cell or note for keeping as stated: tags,
// odd spaces and spaced-out characters go, full-width punctuation stays.
func lightText(s string) string { return strings.TrimSpace(normalize(s, false)) }

func normalize(s string, fold bool) string {
	s = stripTags(s)
	rs := []rune(s)
	for i, r := range rs {
		if f := foldRune(r); fold || f == ' ' {
			rs[i] = f
		}
	}
	if fold {
		rs = removeThousands(rs)
	}
	// Remove spaces between CJK characters, and between CJK and digits or
	// CJK-like punctuation, and between a digit and %.
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != ' ' {
			out = append(out, r)
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		var prev, next rune
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		if j < len(rs) {
			next = rs[j]
		}
		// a run of two or more spaces is a layout gap between cells
		if prev == 0 || next == 0 || prev == '\t' || next == '\t' || j-i > 1 || !glue(prev, next) {
			out = append(out, rs[i:j]...)
		}
		i = j - 1
	}
	return string(out)
}

func glue(a, b rune) bool {
	ca, cb := isCJK(a) || isFullWidth(a), isCJK(b) || isFullWidth(b)
	switch {
	case ca && cb:
		return true
	case ca && (isDigit(b) || joinsCJK(b)):
		return true
	case cb && (isDigit(a) || joinsCJK(a)):
		return true
	case isDigit(a) && b == '%':
		return true
	case a == '(' || b == ')':
		return ca || cb || isDigit(a) || isDigit(b)
	}
	return false
}

// removeThousands drops a comma between digit groups: 1,270.82 → 1270.82.
// A comma counts as a separator only when it follows 1–3 digits (or another
// group) and is followed by exactly three digits and then no further digit.
func removeThousands(rs []rune) []rune {
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ',' && i > 0 && isDigit(rs[i-1]) && threeDigits(rs, i+1) && (i+4 >= len(rs) || !isDigit(rs[i+4])) && leadGroup(rs, i) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func threeDigits(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	return isDigit(rs[i]) && isDigit(rs[i+1]) && isDigit(rs[i+2])
}

// leadGroup reports whether the digits before the comma at i are a valid
// leading group (1–3 digits, not part of a decimal fraction) or a previous
// three-digit group.
func leadGroup(rs []rune, i int) bool {
	j := i
	for j > 0 && isDigit(rs[j-1]) {
		j--
	}
	n := i - j
	if n == 0 || n > 3 {
		return false
	}
	if j > 0 && rs[j-1] == '.' {
		return false
	}
	return true
}

// stripTags removes HTML/markup tags such as <b>, </b>, <input …/>, <br>.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || i+1 >= len(s) || !(s[i+1] == '/' || (s[i+1] >= 'a' && s[i+1] <= 'z') || (s[i+1] >= 'A' && s[i+1] <= 'Z')) || strings.ContainsAny(s[i+1:i+j], "<\t") {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	return b.String()
}
