package text

import (
	"regexp"
	"strings"
	"unicode"
)

// A sentence is a piece of narrative text with the source line of each rune.
type sentence struct {
	r    []rune
	line []int  // 1-based source line of each rune
	skip []bool // heading numbering: not a figure
	head bool   // a heading line
	meta bool   // a site's metadata line (索引号 …): no figures
}

func (s *sentence) text() string { return string(s.r) }

// A token is one number of a sentence with the unit that follows it.
type token struct {
	s, ne, e int // rune offsets: number start, number end, end after the unit
	num      string
	unit     string
	line     int
	ignore   bool // not a figure: year of the budget, part of the department name
	used     bool
}

var (
	reNumbering = regexp.MustCompile(`^\s*(?:#+\s*)?(?:[-*]\s+)?(?:第?[一二三四五六七八九十百\d]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.](?:[^\d]|$)|\d+\s)?`)
	reHeadNum   = regexp.MustCompile(`^(?:第?[一二三四五六七八九十百\d]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|附表|附件|目录|目\s*录)`)
)

// numberingLen returns how many runes at the start of a line are heading or
// list numbering (一、 1、 1. (一) 第一部分 # - …).
func numberingLen(l string) int {
	m := reNumbering.FindString(l)
	if m == "" {
		return 0
	}
	n := len([]rune(m))
	// "1.预算" keeps the character after the numbering.
	if strings.HasSuffix(m, "、") || strings.HasSuffix(m, ".") || strings.HasSuffix(m, ")") || strings.HasSuffix(m, "分") || strings.HasSuffix(m, " ") || strings.HasSuffix(m, "#") || strings.HasSuffix(m, "-") || strings.HasSuffix(m, "*") {
		return n
	}
	return n - 1
}

// isHeading reports a heading line: markdown, 第X部分, or a short numbered
// line without a full stop.
func isHeading(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	if strings.HasPrefix(t, "#") {
		return true
	}
	h := headingText(t)
	if strings.ContainsAny(h, "。；;") || len([]rune(h)) > 45 {
		return false
	}
	if reHeadNum.MatchString(compact(h)) {
		// a numbered line with an amount is a statement, not a heading
		return !strings.Contains(h, "万元") && !strings.Contains(h, "%") && !strings.HasSuffix(h, "元")
	}
	return false
}

// endsSentence reports a line after which a paragraph does not continue.
func endsSentence(l string) bool {
	t := strings.TrimRightFunc(l, unicode.IsSpace)
	if t == "" {
		return true
	}
	switch r := []rune(t)[len([]rune(t))-1]; r {
	case '。', ';', '；', ':', '!', '?', '！', '？', '”', ')':
		return true
	}
	return false
}

// paragraphs joins narrative lines that a PDF extraction broke in the middle
// of a sentence, keeping the line of every rune.
func (p *parser) paragraphs() []sentence {
	var out []sentence
	var cur *sentence
	flush := func() {
		if cur != nil && len(cur.r) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	for i, l := range p.lines {
		if p.inTab[i] || strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		head := isHeading(l) || p.titleLines[i]
		meta := isMeta(l)
		if head || meta || strings.Contains(l, "\t") {
			flush()
		}
		if cur == nil {
			cur = &sentence{head: head, meta: meta}
		}
		rs := []rune(l)
		nl := 0
		if len(cur.r) == 0 {
			nl = numberingLen(l)
		}
		for j, r := range rs {
			cur.r = append(cur.r, r)
			cur.line = append(cur.line, i+1)
			cur.skip = append(cur.skip, j < nl)
		}
		if head || meta || strings.Contains(l, "\t") || endsSentence(l) || !containsHan(l) {
			flush()
		}
	}
	flush()
	return out
}

func containsHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// split cuts a paragraph into sentences at 。！？ (the mark stays with
// its sentence). Heading paragraphs stay whole.
func (s sentence) split() []sentence {
	if s.head {
		return []sentence{s}
	}
	var out []sentence
	start := 0
	for i, r := range s.r {
		if r == '。' || r == '!' || r == '！' || r == '?' || r == '？' {
			out = append(out, s.sub(start, i+1))
			start = i + 1
		}
	}
	if start < len(s.r) {
		out = append(out, s.sub(start, len(s.r)))
	}
	// drop sentences that are only spaces/punctuation
	k := 0
	for _, x := range out {
		if strings.TrimFunc(string(x.r), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

func (s sentence) sub(a, b int) sentence {
	return sentence{r: s.r[a:b], line: s.line[a:b], skip: s.skip[a:b], head: s.head, meta: s.meta}
}

// units that may follow a number, longest first.
var units = []string{"万元", "亿元", "千元", "元", "个百分点", "%", "件(套)", "台(套)", "件", "套", "辆", "台", "人", "名", "个", "项", "家", "处", "平方米", "户", "次", "批", "类", "款", "号", "年", "月", "日", "天", "小时", "岁"}

// tokens finds the numbers of a sentence.
func (s *sentence) tokens() []token {
	var out []token
	r := s.r
	for i := 0; i < len(r); i++ {
		if !isDigit(r[i]) || s.skip[i] {
			continue
		}
		if i > 0 && (isLetter(r[i-1]) || r[i-1] == '.' && i > 1 && isDigit(r[i-2])) {
			// part of an identifier such as A1, or a stray fraction
			for i < len(r) && (isDigit(r[i]) || r[i] == '.') {
				i++
			}
			continue
		}
		j := i
		for j < len(r) && isDigit(r[j]) {
			j++
		}
		if j+1 < len(r) && r[j] == '.' && isDigit(r[j+1]) {
			j++
			for j < len(r) && isDigit(r[j]) {
				j++
			}
		}
		num := string(r[i:j])
		k := j
		for k < len(r) && r[k] == ' ' {
			k++
		}
		unit := ""
		rest := string(r[k:min(k+6, len(r))])
		for _, u := range units {
			if strings.HasPrefix(rest, u) {
				unit = u
				break
			}
		}
		e := j
		if unit != "" {
			e = k + len([]rune(unit))
		}
		neg := i > 0 && r[i-1] == '-' && (i == 1 || !isDigit(r[i-2]))
		if neg {
			num = "-" + num
		}
		out = append(out, token{s: i, ne: j, e: e, num: num, unit: unit, line: s.line[i]})
		i = e - 1
	}
	return out
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isAmountUnit(u string) bool {
	switch u {
	case "万元", "元", "亿元", "千元":
		return true
	}
	return false
}

func isCountUnit(u string) bool {
	switch u {
	case "件(套)", "台(套)", "件", "套", "辆", "台", "个", "项", "处", "家", "户":
		return true
	}
	return false
}

func isPersonUnit(u string) bool { return u == "人" || u == "名" }
