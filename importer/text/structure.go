package text

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var (
	reTitle    = regexp.MustCompile(`^(.*?)(\d{4})年度?(?:部门|单位)?(?:预算|预决算)(?:公开|信息公开|说明|情况说明)?$`)
	reYearBudg = regexp.MustCompile(`(\d{4})年度?(?:部门|单位)?预算`)
	reOverview = regexp.MustCompile(`^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.])?(.{2,60}?)(?:部门)?(?:概况|基本情况)$`)
	reExplain  = regexp.MustCompile(`^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.])?(.{2,60}?)(?:\d{4}年度?)?(?:部门)?预算(?:编制)?情况说明$`)
	reDigits   = regexp.MustCompile(`\d+`)
)

// headingText strips markdown markers, list bullets and surrounding space.
func headingText(l string) string {
	l = strings.TrimSpace(l)
	l = strings.TrimLeft(l, "#")
	l = strings.TrimSpace(l)
	if strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") {
		l = strings.TrimSpace(l[2:])
	}
	return strings.TrimSpace(l)
}

// compact removes every space: headings like "第一部分 部门概况".
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// cleanDept trims numbering and punctuation around a department name.
func cleanDept(s string) string {
	s = compact(s)
	s = strings.Trim(s, "-*:：,，.。“”\"")
	if strings.HasPrefix(s, "第") && strings.Contains(s, "部分") {
		s = s[strings.Index(s, "部分")+len("部分"):]
	}
	return s
}

// findTitle finds the department and year: the title line
// "…YYYY年部门预算公开" (possibly split over two lines), or the 概况 /
// 情况说明 headings.
func (p *parser) findTitle() {
	limit := len(p.lines)
	prev := ""
	for i := 0; i < limit; i++ {
		l := compact(headingText(p.lines[i]))
		if l == "" {
			continue
		}
		if m := reTitle.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[2])
			if y >= 1990 && y <= 2100 {
				dept := cleanDept(m[1])
				if dept == "" && prev != "" && !strings.ContainsAny(prev, "。；;") && len([]rune(prev)) <= 40 {
					dept = cleanDept(prev)
				}
				if dept != "" && !strings.HasPrefix(dept, "第") && !strings.Contains(dept, "部分") {
					p.dept, p.year = dept, y
					break
				}
				if p.year == 0 {
					p.year = y
				}
			}
		}
		prev = l
	}
	if p.dept == "" {
		for _, l := range p.lines {
			h := compact(headingText(l))
			if len([]rune(h)) > 70 || strings.ContainsAny(h, "。；;") {
				continue
			}
			if m := reOverview.FindStringSubmatch(h); m != nil && !genericDept(m[1]) {
				p.dept = cleanDept(m[1])
				break
			}
			if m := reExplain.FindStringSubmatch(h); m != nil && !genericDept(m[1]) {
				p.dept = cleanDept(m[1])
				break
			}
		}
	}
	if p.year == 0 {
		for _, l := range p.lines {
			if m := reYearBudg.FindStringSubmatch(l); m != nil {
				if y, _ := strconv.Atoi(m[1]); y >= 1990 && y <= 2100 {
					p.year = y
					break
				}
			}
		}
	}
	if p.dept != "" {
		p.deptNums = reDigits.FindAllString(p.dept, -1)
	}
}

func genericDept(s string) bool {
	s = cleanDept(s)
	switch s {
	case "", "部门", "单位", "本部门", "本单位", "机构", "部门预算", "预算":
		return true
	}
	return reDigits.MatchString(s) && len([]rune(s)) <= 6
}
