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
	// reDeptLabel reads a department named by a label on its own line.
	reDeptLabel = regexp.MustCompile(`^(?:预算主管部门|主管部门|预算单位|编制部门|编制单位|部门名称|单位名称)[:：](\S{2,40})$`)
	// reTitleLoose reads the titles of other regions, where words stand
	// between the year and 预算 and the year may lack 年:
	// 某司法局2022年“三公”经费预算情况, 关于2022区政务办…预算的说明.
	reTitleLoose = regexp.MustCompile(`^(?:关于)?(.*?)((?:19|20)\d{2})\s*(?:年度?)?([^\d。，,;；:：]{0,24}?)(?:预算|预决算)(?:公开|信息公开|说明|情况说明|情况|的说明|汇总说明|编制说明|表)?$`)
	// reYearAny finds a budget year in a sentence; a year after 比/较/与
	// is the year before and is skipped.
	reYearAny = regexp.MustCompile(`(^|[^比较与至同和、\d])((?:19|20)\d{2})\s*年`)
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
	// a labelled line names the department outright (Shanghai's cover:
	// 预算主管部门：…; 预算单位：…; 编制部门：…)
	for _, l := range p.lines[:min(len(p.lines), 40)] {
		if m := reDeptLabel.FindStringSubmatch(compact(l)); m != nil {
			if d := cleanDept(m[1]); d != "" && !genericDept(d) {
				p.dept = d
				p.deptNums = reDigits.FindAllString(d, -1)
				break
			}
		}
	}
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
				if dept == "" && prev != "" && !strings.ContainsAny(prev, "。；;") && len([]rune(prev)) <= 40 && !reHeadNum.MatchString(prev) && !strings.Contains(prev, "部分") {
					dept = cleanDept(prev)
				}
				if dept != "" && !strings.HasPrefix(dept, "第") && !strings.Contains(dept, "部分") {
					if p.dept != "" {
						dept = p.dept // the labelled department wins over a title's words
					}
					p.dept, p.year = dept, y
					p.titleLines[i] = true
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
		// a title in other words: the first short line naming a year and 预算
		for idx, l := range p.lines {
			h := compact(headingText(l))
			if strings.HasSuffix(h, "年") && idx+1 < len(p.lines) {
				// a title broken after the year: 某区管委会2024年 / 一般公共预算…预算
				h += compact(headingText(p.lines[idx+1]))
			}
			if len([]rune(h)) > 60 {
				continue
			}
			if m := reTitleLoose.FindStringSubmatch(h); m != nil && !strings.ContainsAny(m[1], "比较与") {
				p.titleLines[idx] = true
				y, _ := strconv.Atoi(m[2])
				p.year = y
				if d := cleanDept(m[1]); p.dept == "" && d != "" && !genericDept(d) && !strings.Contains(d, "部分") && !strings.ContainsAny(d, "“”\"") {
					p.dept = d
					if p.deptNums == nil {
						p.deptNums = reDigits.FindAllString(d, -1)
					}
				}
				break
			}
		}
	}
	if p.year == 0 {
		for _, l := range p.lines {
			if m := reYearBudg.FindStringSubmatch(l); m != nil && !priorYearAt(l, m[0]) {
				if y, _ := strconv.Atoi(m[1]); y >= 1990 && y <= 2100 {
					p.year = y
					break
				}
			}
		}
	}
	if p.year == 0 {
		// the first year stated that is not the year before (比2024年) and
		// that a budget word follows closely (not 2022年修订 in a citation)
		for _, l := range p.lines {
			for _, m := range reYearAny.FindAllStringSubmatchIndex(l, -1) {
				rest := []rune(l[m[1]:])
				near := string(rest[:min(len(rest), 40)])
				if hasAnyWord(near, "预算", "三公", "部门", "单位") && !strings.HasPrefix(string(rest), "修订") {
					p.year, _ = strconv.Atoi(l[m[4]:m[5]])
					break
				}
			}
			if p.year != 0 {
				break
			}
		}
	}
	if p.dept != "" {
		p.deptNums = reDigits.FindAllString(p.dept, -1)
	}
}

// priorYearAt reports a match preceded by 比/较/与: the year before.
func priorYearAt(l, match string) bool {
	i := strings.Index(l, match)
	if i <= 0 {
		return false
	}
	before := []rune(l[:i])
	switch before[len(before)-1] {
	case '比', '较', '与', '至', '同':
		return true
	}
	return false
}

func hasAnyWord(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func genericDept(s string) bool {
	s = cleanDept(s)
	if strings.Trim(reHeadNum.ReplaceAllString(s, ""), " 、.") == "" {
		return true // numbering only: 一、
	}
	// a topic, not a body: 2025年“三公”经费, “三公”经费
	if strings.Contains(s, "三公") || strings.ContainsAny(s, "“”\"") || reLeadYear.MatchString(s) {
		return true
	}
	switch s {
	case "", "部门", "单位", "本部门", "本单位", "机构", "部门预算", "预算":
		return true
	}
	return reDigits.MatchString(s) && len([]rune(s)) <= 6
}

// reMeta matches the metadata lines a government site prints around a
// document (索引号, 发文机构, 发布日期 …): not figures, not a table.
var reMeta = regexp.MustCompile(`^[\s|\[【]*(?:索\s*引\s*号|发文机构|发布机构|发文字号|文\s*号|成文日期|发布日期|发布时间|生效日期|公开方式|公开时限|公开范围|信息来源|来源|主题分类|体裁分类|组配分类|所属机构|信息分类|分\s*类|浏览次数|访问量|字号|打印|关闭)[\s\]】]*(?:[:：|]|\t|$)`)

// reStamp matches a page's date stamp line: 2022-04-15 14:08 文章来源…
var reStamp = regexp.MustCompile(`^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$|文章来源|来源|发布)`)

func isMeta(l string) bool { return reMeta.MatchString(l) || reStamp.MatchString(l) }
