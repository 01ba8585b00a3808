package published

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// A page holds the lines and ruling lines of one PDF page before rendering.
type page struct {
	lines []line
	rules []rule
}

// runningBand is how many lines at the top and at the bottom of a page are
// looked at for a running header or footer.
const runningBand = 2

// lineText is the text of a line, its cells joined by a space.
func lineText(l line) string {
	var b strings.Builder
	for i, c := range l.cells {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.text)
	}
	return b.String()
}

// runningKey is what makes two header (footer) lines the same: the text
// without spaces, every digit alike (a footer "第3页" is the footer "第4页").
func runningKey(l line) string {
	var b strings.Builder
	for _, r := range lineText(l) {
		switch {
		case unicode.IsSpace(r):
		case r >= '0' && r <= '9':
			b.WriteByte('#')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropRunning removes the running headers and footers of a document: a
// line in the top (bottom) band of a page whose text is in the same band on
// at least half of the pages, and on three pages at least. A department
// name printed on every page over the tables is not a row of them.
func dropRunning(pages []page) {
	if len(pages) < 3 {
		return
	}
	type key struct {
		text   string
		bottom bool
	}
	band := func(p page, f func(i int, k key)) {
		rs := rowRules(p.rules)
		// a line between two rules is a table's (a header row repeated on
		// each page), a unit line is the table's unit: never running
		candidate := func(l line) bool {
			if reUnitLine.MatchString(lineText(l)) {
				return false
			}
			return len(rs) < 2 || l.y > rs[0] || l.y < rs[len(rs)-1]
		}
		n := len(p.lines)
		for i := 0; i < n && i < runningBand; i++ {
			if candidate(p.lines[i]) {
				f(i, key{runningKey(p.lines[i]), false})
			}
		}
		for i := n - 1; i >= 0 && i >= n-runningBand; i-- {
			if i >= runningBand && candidate(p.lines[i]) {
				f(i, key{runningKey(p.lines[i]), true})
			}
		}
	}
	count := map[key]int{}
	for _, p := range pages {
		seen := map[key]bool{}
		band(p, func(_ int, k key) {
			if k.text != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		})
	}
	running := func(k key) bool { c := count[k]; return c >= 3 && 2*c >= len(pages) }
	for pi, p := range pages {
		drop := map[int]bool{}
		band(p, func(i int, k key) {
			if running(k) {
				drop[i] = true
			}
		})
		if len(drop) == 0 {
			continue
		}
		var kept []line
		for i, l := range p.lines {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		pages[pi].lines = kept
		// the rule drawn under a header (over a footer) goes with it
		var rules []rule
		for _, r := range p.rules {
			near := false
			for i := range drop {
				near = near || abs(r.y-p.lines[i].y) < runningRuleGap
			}
			if !near {
				rules = append(rules, r)
			}
		}
		pages[pi].rules = rules
	}
}

// runningRuleGap is how near, in points, a rule is to a running header or
// footer line to be its rule rather than a table's.
const runningRuleGap = 12

// reUnitLine is a line stating the unit of a table's amounts.
var reUnitLine = regexp.MustCompile(`单\s*位\s*[:：]`)

// reLeader is a table-of-contents line: a title, dot leaders, a page number.
var reLeader = regexp.MustCompile(`^(.*?\S)\s*(?:[.．。…·・‥]\s*){3,}(\d{1,4})$`)

// reContentsHead is the heading of a table of contents.
var reContentsHead = regexp.MustCompile(`^目\s*录$`)

// contentsLines takes the lines of a table of contents (目录) out of a
// page: a line of a title, dot leaders and a page number anywhere, and
// below a 目录 heading a line of a title and a page number alone in its
// last cell. They are structure: the page numbers are not figures, and the
// titles of the tables they list are not tables.
func contentsLines(ls []line) ([]line, []ContentsEntry) {
	var toc []ContentsEntry
	kept := ls[:0:0]
	inContents := false
	for _, l := range ls {
		t := strings.TrimSpace(lineText(l))
		if reContentsHead.MatchString(strings.ReplaceAll(t, " ", "")) {
			inContents = true
			kept = append(kept, l)
			continue
		}
		if m := reLeader.FindStringSubmatch(t); m != nil {
			p, _ := strconv.Atoi(m[2])
			toc = append(toc, ContentsEntry{Title: strings.TrimSpace(m[1]), Page: p})
			continue
		}
		if inContents && len(l.cells) >= 2 {
			last := l.cells[len(l.cells)-1].text
			if p, err := strconv.Atoi(last); err == nil && len(last) <= 4 {
				title := strings.TrimSpace(lineText(line{cells: l.cells[:len(l.cells)-1]}))
				toc = append(toc, ContentsEntry{Title: title, Page: p})
				continue
			}
		}
		inContents = false
		kept = append(kept, l)
	}
	return kept, toc
}

// reContinued is the mark of a table's title on a page that continues it.
var reContinued = regexp.MustCompile(`[（(]\s*续\s*[)）]$|续表$|^续表|续$`)

// compactText is a line's text without tabs or spaces.
func compactText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// reNumberRow is the row of column numbers under a table's header (1 2 3 …).
var reNumberRow = regexp.MustCompile(`^\d{1,2}(?:\s+\d{1,2})+$`)

// isNumberRow reports a row of column numbers 1 2 3 …, rising from 1.
func isNumberRow(s string) bool {
	s = strings.TrimSpace(s)
	if !reNumberRow.MatchString(s) {
		return false
	}
	last := 0
	for _, f := range strings.Fields(s) {
		n, _ := strconv.Atoi(f)
		if n <= last || last == 0 && n != 1 {
			return false
		}
		last = n
	}
	return true
}

// joinContinued makes a table broken over pages one table again: a page
// whose first line is the title of a table on the page before, marked
// （续） or repeated as it is, loses that title, its unit line and the
// header rows it repeats (the words of the first page's header, in any
// order and cells, and the column-number row), so that its rows follow the
// rows of the first page and the table is read once.
func joinContinued(pages []string) {
	for i := 1; i < len(pages); i++ {
		ls := strings.Split(pages[i], "\n")
		first := 0
		for first < len(ls) && strings.TrimSpace(ls[first]) == "" {
			first++
		}
		if first == len(ls) {
			continue
		}
		title := compactText(ls[first])
		base := reContinued.ReplaceAllString(title, "")
		if base == "" || len([]rune(base)) < 4 {
			continue
		}
		head, ok := tableHeader(pages[i-1], base)
		if !ok {
			continue
		}
		k := first + 1
		for k < len(ls) && reUnitLine.MatchString(ls[k]) {
			k++
		}
		for k < len(ls) {
			c := compactText(ls[k])
			if c == "" {
				k++
				continue
			}
			if isNumberRow(strings.ReplaceAll(ls[k], "\t", " ")) {
				k++
				continue
			}
			if !take(head, c) {
				break
			}
			k++
		}
		pages[i] = strings.Join(ls[k:], "\n")
	}
}

// tableHeader finds, in a page's text, the last line whose text is title
// and returns the characters of the header rows under it (after its unit
// line, up to its first row holding a digit other than the column-number
// row), counted.
func tableHeader(page, title string) (map[rune]int, bool) {
	ls := strings.Split(page, "\n")
	at := -1
	for j := len(ls) - 1; j >= 0; j-- {
		if compactText(ls[j]) == title {
			at = j
			break
		}
	}
	if at < 0 {
		return nil, false
	}
	head := map[rune]int{}
	for _, l := range ls[at+1:] {
		if reUnitLine.MatchString(l) {
			continue
		}
		if isNumberRow(strings.ReplaceAll(l, "\t", " ")) {
			break
		}
		if strings.ContainsAny(l, "0123456789") {
			break
		}
		for _, r := range compactText(l) {
			head[r]++
		}
	}
	return head, true
}

// take removes the characters of s from head when all of them are there.
func take(head map[rune]int, s string) bool {
	need := map[rune]int{}
	for _, r := range s {
		need[r]++
	}
	for r, n := range need {
		if head[r] < n {
			return false
		}
	}
	for r, n := range need {
		head[r] -= n
	}
	return true
}
