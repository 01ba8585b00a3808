package text

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongkai/model"
)

// Options configure Parse. The zero value is useful.
type Options struct {
	// Name is the file name used in errors and messages; "" for standard input.
	Name string
}

// Result is what Parse read from one text disclosure.
type Result struct {
	// Disclosure holds the department, year, unit, every table given as text
	// and the narrative figures (Disclosure.Narrative).
	Disclosure *model.Disclosure
	// Figures lists every narrative number that was read, in source order,
	// with its key, label, value, unit and line (the 文中数据 sheet).
	Figures []model.Figure
	// Unread lists every sentence or table line holding a number that no
	// rule read, in source order.
	Unread []model.Unread
	// Findings are problems of the text itself (rules P1…P9), in source order.
	Findings []model.Finding
	// Encoding names the detected encoding, e.g. "UTF-8", "GB18030",
	// "UTF-16LE (BOM)".
	Encoding string
}

// maxInput bounds what Parse reads; real disclosures are well below 1 MB.
const maxInput = 64 << 20

// Parse reads a text disclosure from r. It returns an error (a
// *model.ParseError) only when the input cannot be read or decoded; every
// problem of the content is a finding or an Unread entry.
func Parse(r io.Reader, o Options) (*Result, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, readError(o.Name, err)
	}
	if len(b) > maxInput {
		return nil, readError(o.Name, fmt.Errorf("文件超过 %d MB", maxInput>>20))
	}
	s, enc, ok := decode(b)
	if !ok {
		return nil, encodingError(o.Name)
	}
	p := newParser(o.Name, s)
	p.run()
	p.res.Encoding = enc
	if enc == EncMixed {
		lines := utf8Lines(b)
		list := make([]string, 0, 10)
		for i, l := range lines {
			if i == 10 {
				list = append(list, fmt.Sprintf("… 另有 %d 行", len(lines)-10))
				break
			}
			list = append(list, fmt.Sprintf("第%d行", l))
		}
		p.res.Findings = append([]model.Finding{{Severity: model.SeverityWarning, Rule: "P9", Line: lines[0],
			Message: "文件混用了两种编码：大部分为 GB18030/GBK，" + strings.Join(list, "、") + " 为 UTF-8；已按各行自己的编码读取，请核对这些行并把文件另存为 UTF-8"}}, p.res.Findings...)
	}
	return p.res, nil
}

// ParseFile reads the text disclosure at path. Errors name the file.
// At most 64 MiB are read (a device such as /dev/zero included).
func ParseFile(path string) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	return Parse(f, Options{Name: filepath.Base(path)})
}

type parser struct {
	name  string
	raw   []string // decoded lines
	lines []string // normalised lines
	inTab []bool   // line belongs to a table block

	d   *model.Disclosure
	n   *model.Narrative
	res *Result

	year     int
	dept     string
	deptNums []string // digit runs of the department name (12345)
	narrUnit string
	tabUnit  string

	// lastSubject and lastTopic are the subject and topic of the sentence
	// read last (a sentence that starts with 比上年… continues them).
	lastSubject, lastTopic string
	// itemHead is the 三公 item a sub-heading names ((一)因公出国(境)经费),
	// the subject of the sentences under it.
	itemHead string

	// titleLines marks the line(s) read as the document's title.
	titleLines map[int]bool

	// shPages lists, per Shanghai table read, the blocks (pages) it was
	// read from.
	shPages map[model.TableID][]shPage
	// quietWan: the table being read is the Shanghai 表9 in 万元 after
	// tables in 元 (its amounts are converted, its unit line is no conflict)
	quietWan bool
	// opCostsWan is the 机关运行经费 of that 表9, in 万元, and its line.
	opCostsWan  model.Amount
	opCostsLine int
	opCostsOnly bool // the narrative states no unit: its one figure is 表9's, in 万元

	// set records, per narrative key, the line and value first stated.
	set map[string]firstSeen
}

type firstSeen struct {
	line  int
	value model.Amount
}

func newParser(name, s string) *parser {
	raw := splitLines(s)
	lines := make([]string, len(raw))
	for i, l := range raw {
		lines[i] = normalizeLine(l)
	}
	d := &model.Disclosure{}
	n := &model.Narrative{Lines: map[string]int{}, Words: map[string]string{}}
	return &parser{
		name:  name,
		raw:   raw,
		lines: lines,
		inTab: make([]bool, len(lines)),
		d:     d,
		n:     n,
		res:   &Result{Disclosure: d},
		set:   map[string]firstSeen{},

		shPages: map[model.TableID][]shPage{},

		titleLines: map[int]bool{},
	}
}

func (p *parser) run() {
	p.findTitle()
	p.findTables()
	p.deriveShanghai()
	p.readNarrative()
	p.placeOpCosts()
	p.finish()
}

func (p *parser) finish() {
	n := p.n
	n.Department = p.dept
	if p.year > 0 {
		y := p.year
		n.Year = &y
	}
	n.Unit = p.narrUnit
	if n.Unit == "" && p.opCostsOnly {
		n.Unit = model.UnitWanYuan
	}
	p.d.Department = p.dept
	p.d.Year = p.year
	switch {
	case p.tabUnit != "":
		p.d.Unit = p.tabUnit
	default:
		p.d.Unit = p.narrUnit
	}
	if p.tabUnit != "" && p.narrUnit != "" && p.tabUnit != p.narrUnit {
		p.finding(model.SeverityWarning, "P3", "", 0, fmt.Sprintf("单位不一致：公开表以%s为单位，文字说明以%s为单位；两者均按原文保留，未作换算", p.tabUnit, p.narrUnit))
	}
	if len(n.Lines) == 0 {
		n.Lines = nil
	}
	if len(n.Words) == 0 {
		n.Words = nil
	}
	if p.dept != "" || p.year > 0 || len(p.res.Figures) > 0 {
		p.d.Narrative = n
	}
	// Without a department, a year and a unit the model cannot be exported
	// (importer/jsonin requires them), so their absence is an error: the
	// user has to add them to the JSON by hand.
	if len(p.res.Figures)+countTables(&p.d.Tables) == 0 {
		p.finding(model.SeverityError, "P8", "", 0, "文件中没有找到部门预算公开的内容（标题、文字说明中的金额或公开表）")
	} else {
		if p.dept == "" {
			p.finding(model.SeverityError, "P8", "department", 0, "未找到部门名称（标题“…YYYY年部门预算公开”或“…概况”）；请在 JSON 的 department 中补上")
		}
		if p.year == 0 {
			p.finding(model.SeverityError, "P8", "year", 0, "未找到预算年度；请在 JSON 的 year 中补上")
		}
		if p.d.Unit == "" {
			p.finding(model.SeverityError, "P8", "unit", 0, "未找到金额单位（万元或元）；请在 JSON 的 unit 中补上")
		}
	}
	p.checkFormat()
	sort.SliceStable(p.res.Unread, func(i, j int) bool { return p.res.Unread[i].Line < p.res.Unread[j].Line })
	sort.SliceStable(p.res.Figures, func(i, j int) bool { return p.res.Figures[i].Line < p.res.Figures[j].Line })
	sort.SliceStable(p.res.Findings, func(i, j int) bool { return p.res.Findings[i].Line < p.res.Findings[j].Line })
}

func countTables(t *model.Tables) int {
	c := 0
	for _, id := range model.AllTables {
		if t.Present(id) {
			c++
		}
	}
	return c
}

func (p *parser) finding(sev model.Severity, rule, field string, line int, msg string) {
	if line > 0 {
		msg = fmt.Sprintf("第%d行：%s", line, msg)
	}
	p.res.Findings = append(p.res.Findings, model.Finding{Severity: sev, Rule: rule, Field: field, Line: line, Message: msg})
}

func (p *parser) unread(line int, text string) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\t", " "))
	for strings.Contains(text, "  ") {
		text = strings.ReplaceAll(text, "  ", " ")
	}
	p.res.Unread = append(p.res.Unread, model.Unread{Line: line, Text: text})
}

// checkFormat reports typographic irregularities of the raw text (V13):
// mixed half- and full-width percent signs and spaces before units.
func (p *parser) checkFormat() {
	half, full, spaced := 0, 0, 0
	first := 0
	for i, l := range p.raw {
		if p.inTab[i] {
			continue
		}
		half += strings.Count(l, "%")
		full += strings.Count(l, "％")
		if spacedUnit(l) {
			spaced++
			if first == 0 {
				first = i + 1
			}
		}
	}
	if half > 0 && full > 0 {
		p.finding(model.SeverityInfo, "P5", "", 0, fmt.Sprintf("百分号写法不统一：半角“%%”%d处，全角“％”%d处", half, full))
	}
	if spaced > 0 && !p.spacedThroughout() {
		p.finding(model.SeverityInfo, "P5", "", first, fmt.Sprintf("数字与单位之间有多余空格（共%d行）", spaced))
	}
}

// spacedThroughout reports a document whose extraction puts spaces around
// every number (like a PDF conversion); then stray spaces are not the
// author's and are not reported.
func (p *parser) spacedThroughout() bool {
	withNum, spaced := 0, 0
	for i, l := range p.raw {
		if p.inTab[i] || !strings.ContainsAny(l, "0123456789") || !strings.Contains(l, "万元") {
			continue
		}
		withNum++
		if spacedUnit(l) {
			spaced++
		}
	}
	return withNum > 0 && spaced*10 >= withNum*8
}

func spacedUnit(l string) bool {
	rs := []rune(l)
	for i := 0; i+2 < len(rs); i++ {
		if isDigit(rs[i]) && (rs[i+1] == ' ' || rs[i+1] == '\u3000') {
			j := i + 1
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
				j++
			}
			if j < len(rs) && (rs[j] == '%' || rs[j] == '％') || j+1 < len(rs) && rs[j] == '万' && rs[j+1] == '元' {
				return true
			}
			i = j - 1
		}
	}
	return false
}
