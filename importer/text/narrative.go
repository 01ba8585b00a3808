package text

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/model"
)

// Topics of narrative sentences.
const (
	tNone    = ""
	tIncome  = "income"
	tExp     = "expenditure"
	tOp      = "operating_costs"
	tThree   = "three_public"
	tProc    = "procurement"
	tAssets  = "assets"
	tStaff   = "staffing"
	tOther   = "other" // a section no rule reads (名词解释, 绩效目标 …)
	maxItems = 200
)

var topicWords = []struct{ word, topic string }{
	{"三公", tThree},
	{"机关运行经费", tOp},
	{"政府采购", tProc},
	{"国有资产", tAssets},
	{"资产占用", tAssets},
	{"预算收入", tIncome},
	{"收入总额", tIncome},
	{"收入预算", tIncome},
	{"收入总计", tIncome},
	{"年初预算", tIncome},
	{"收入情况", tIncome},
	{"财政拨款收入", tIncome},
	{"收入包括", tIncome},
	{"支出包括", tExp},
	{"财政拨款支出", tExp},
	{"收支预算总额", tIncome},
	{"收支总预算", tIncome},
	{"收支预算", tIncome},
	{"预算支出", tExp},
	{"支出总额", tExp},
	{"支出预算", tExp},
	{"支出情况", tExp},
	{"支出总计", tExp},
	{"编制人数", tStaff},
	{"人员构成", tStaff},
	{"人员情况", tStaff},
	{"核定编制", tStaff},
	{"实有人数", tStaff},
	{"行政编制", tStaff},
	{"事业编制", tStaff},
	{"离退休", tStaff},
	{"机构设置", tStaff},
	{"名词解释", tOther},
	{"绩效", tOther},
	{"项目申报", tOther},
	{"重点项目", tOther},
	{"项目名称", tOther},
	{"主要职责", tOther},
}

// weakTopic reports a sentence whose only topic word is one that both
// sections use (年初预算数 opens the income and the expenditure paragraph
// in Chongqing): it keeps the topic of its heading.
func weakTopic(s string) bool {
	if !strings.Contains(s, "年初预算") {
		return false
	}
	return topicOf(strings.ReplaceAll(s, "年初预算", "")) == tNone
}

// topicOf returns the topic of the earliest topic word in s.
func topicOf(s string) string {
	best, pos := tNone, -1
	for _, w := range topicWords {
		if i := strings.Index(s, w.word); i >= 0 && (pos < 0 || i < pos) {
			best, pos = w.topic, i
		}
	}
	return best
}

var (
	reYearWord = regexp.MustCompile(`\d{4}年度?`)
	reLeadYear = regexp.MustCompile(`^\s*\d{4}年度?`)
	plusWords  = []string{"增加", "增长", "上升", "增幅", "提高"}
	minusWords = []string{"减少", "下降", "降低", "降幅", "减幅", "缩减"}
	sameWords  = []string{"无变化", "持平", "无增减", "一致", "不变", "相同", "没有变化", "未变化", "未发生变化"}
)

// changeWords returns the change words of a label in the order stated and
// the sign they give (+1, -1; 0 when none; the last word decides when both
// kinds are stated).
func changeWords(label string) (words string, sign int, both bool) {
	type hit struct {
		pos  int
		w    string
		sign int
	}
	var hits []hit
	for _, w := range plusWords {
		for i := 0; ; {
			j := strings.Index(label[i:], w)
			if j < 0 {
				break
			}
			hits = append(hits, hit{i + j, w, 1})
			i += j + len(w)
		}
	}
	for _, w := range minusWords {
		for i := 0; ; {
			j := strings.Index(label[i:], w)
			if j < 0 {
				break
			}
			hits = append(hits, hit{i + j, w, -1})
			i += j + len(w)
		}
	}
	if len(hits) == 0 {
		return "", 0, false
	}
	// order by position
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var b strings.Builder
	plus, minus := false, false
	for _, h := range hits {
		b.WriteString(h.w)
		if h.sign > 0 {
			plus = true
		} else {
			minus = true
		}
	}
	return b.String(), hits[len(hits)-1].sign, plus && minus
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sentState is what the rules remember while reading one sentence.
type sentState struct {
	topic         string
	subject       string // key prefix the next change refers to, e.g. income, three_public.reception
	afterQ        bool   // 其中 seen
	funcMode      bool   // 本年支出构成 …
	lastFunc      int
	lastKey       string
	lastSign      int
	lastWord      string
	lastWasChange bool
	sameClause    bool           // no clause mark since the previous number
	changeSign    map[string]int // subject → sign of amount change in this sentence
	pctSign       map[string]int
}

// readNarrative reads every sentence outside the tables.
func (p *parser) readNarrative() {
	paras := p.paragraphs()
	type item struct {
		s    sentence
		toks []token
	}
	var items []item
	wan, yuan := 0, 0
	for _, para := range paras {
		for _, s := range para.split() {
			toks := s.tokens()
			p.markIgnored(&s, toks)
			for _, t := range toks {
				if t.ignore {
					continue
				}
				switch t.unit {
				case "万元":
					wan++
				case "元":
					yuan++
				}
			}
			items = append(items, item{s, toks})
		}
	}
	switch {
	case wan > 0 && yuan > 0:
		if wan >= yuan {
			p.narrUnit = model.UnitWanYuan
		} else {
			p.narrUnit = model.UnitYuan
		}
		p.finding(model.SeverityWarning, "P3", "unit", 0, fmt.Sprintf("文字说明中金额单位不统一：“万元”%d处，“元”%d处；以%s为准，其余数字只列入文中数据，不作换算", wan, yuan, p.narrUnit))
	case wan > 0:
		p.narrUnit = model.UnitWanYuan
	case yuan > 0:
		p.narrUnit = model.UnitYuan
	}
	topic := tNone
	listItem := "" // the 项 of a numbered list item, for the sentences that follow it
	for _, it := range items {
		s := it.s
		txt := s.text()
		if m := reListItem.FindStringSubmatch(txt); m != nil {
			listItem = strings.TrimSpace(m[1])
			p.readItem(s, it.toks, listItem)
			continue
		}
		if s.head {
			listItem = ""
			t := topicOf(txt)
			if sj := subjectOf(txt, tThree); t == tNone && topic == tThree && strings.HasPrefix(sj, "three_public.") {
				// (一)因公出国(境)经费: a sub-heading of the 三公 section
				p.itemHead = sj
				continue
			}
			p.itemHead = ""
			topic = t // a heading starts a new topic, or none
		} else if reThreeItemStart.MatchString(strings.TrimLeft(headingText(txt), "()（）一二三四五六七八九十、.0123456789 ")) {
			topic = tThree
		} else if !strings.HasPrefix(strings.TrimLeft(txt, " ,，"), "其中") {
			if t := topicOf(txt); t != tNone && !(topic != tNone && weakTopic(txt)) {
				topic = t
				listItem = ""
			}
		}
		if listItem != "" && !strings.HasPrefix(strings.TrimSpace(txt), "主要原因") && hasNumberToken(it.toks, 0, len(s.r)) {
			p.readItem(s, it.toks, listItem)
			continue
		}
		listItem = ""
		p.readSentence(s, it.toks, topic)
	}
}

var reStartsCompare = regexp.MustCompile(`^(?:(?:比|较|与|同比)(?:上年|上一年|去年|\d{4}年)|增加|减少|下降|增长)`)

// reThreeItemStart matches a sentence that opens with a 三公 item.
var reThreeItemStart = regexp.MustCompile(`^(?:因公出国|公务接待费|公务用车购置|公务用车运行)`)

// reListItem matches a numbered 项 of the list of what the money is for:
// 1. “一般公共服务支出（类）…（项）”2.63万元，主要用于…
var reListItem = regexp.MustCompile(`^\s*\d+[.、]\s*“([^”]{2,120})”`)

// itemPatterns say what a number in a 项 list item's sentences is, by the
// words before it; the first match wins. A new wording is a new row.
var itemPatterns = []struct {
	words []string
	key   string // appended to the item's key
}{
	{[]string{"执行数"}, ".prior_actual"}, // 2022年当年预算执行数为1.48万元
	{[]string{"上年预算", "上年为"}, ".prior_total"},
	{[]string{"预算安排", "安排"}, ""}, // 2023年预算安排2.63万元: the item's amount again
}

// readItem reads the sentences of one numbered 项 list item: its amount,
// the year before, and the change, under expenditure.items[<项>] keys
// (figures only: the model keeps the 项 amounts in the tables).
func (p *parser) readItem(s sentence, toks []token, item string) {
	key := mapKey("expenditure.items", item)
	first := true
	for i := range toks {
		t := &toks[i]
		if t.ignore || t.unit == "" {
			continue
		}
		raw := label(s, toks, i)
		v, err := model.ParseAmount(t.num)
		if err != nil {
			continue
		}
		place := func(k string) {
			t.used = true
			p.place(k, v, t.unit, p.cleanLabel(raw), t.line, raw)
		}
		if words, sign, _ := changeWords(raw); words != "" && (isAmountUnit(t.unit) || t.unit == "%") {
			k := key + ".change"
			if t.unit == "%" {
				k = key + ".change_percent"
			}
			if sign < 0 {
				v = v.Neg()
			}
			place(k)
			p.n.Words[k] = words
			continue
		}
		if !isAmountUnit(t.unit) {
			continue
		}
		k := ""
		matched := false
		for _, ip := range itemPatterns {
			if hasAny(raw, ip.words...) {
				k, matched = key+ip.key, true
				break
			}
		}
		if !matched && first {
			k, matched = key, true
		}
		if matched {
			place(k)
			first = false
		}
	}
	// 比上年预算执行数持平: a stated zero change
	if txt := s.text(); hasAny(txt, sameWords...) && hasAny(txt, priorMarks...) {
		p.place(key+".change", model.MustAmount("0"), p.narrUnit, "持平", s.line[0], "")
	}
	for _, t := range toks {
		if !t.ignore && !t.used && t.unit != "" && t.unit != "月" && t.unit != "日" {
			p.unread(t.line, s.text())
			break
		}
	}
}

// markIgnored marks numbers that are not figures: the budget year and the
// years around it (YYYY年), and digits that belong to the department name
// (天门市12345公共服务热线中心, 12345热线).
func (p *parser) markIgnored(s *sentence, toks []token) {
	txt := s.r
	var inName []bool
	if p.dept != "" {
		str := string(txt)
		if strings.Contains(str, p.dept) {
			inName = make([]bool, len(txt))
			n := len([]rune(p.dept))
			for from := 0; ; {
				j := strings.Index(str[from:], p.dept)
				if j < 0 {
					break
				}
				start := len([]rune(str[:from+j]))
				for k := start; k < start+n && k < len(inName); k++ {
					inName[k] = true
				}
				from += j + len(p.dept)
			}
		}
	}
	for i := range toks {
		t := &toks[i]
		if s.meta {
			t.ignore = true // 索引号, 发布日期 …
			continue
		}
		if t.unit == "" && len(t.num) == 4 && p.year > 0 && t.num == strconv.Itoa(p.year) && t.ne < len(txt) && unicode.Is(unicode.Han, txt[t.ne]) {
			t.ignore = true // the budget year without 年: 2022区政务办
			continue
		}
		if inName != nil && inName[t.s] {
			t.ignore = true
			continue
		}
		if t.unit == "" && t.ne < len(txt) && unicode.Is(unicode.Han, txt[t.ne]) {
			for _, d := range p.deptNums {
				if t.num == d {
					t.ignore = true
				}
			}
		}
		if t.unit == "年" && len(t.num) == 4 {
			y, _ := strconv.Atoi(t.num)
			if p.year == 0 || (y >= p.year-3 && y <= p.year+1) {
				t.ignore = true
			}
		}
	}
}

// label returns the words before token i back to the previous number or
// clause mark.
func label(s sentence, toks []token, i int) string {
	start := 0
	for k := i - 1; k >= 0; k-- {
		if toks[k].ignore {
			continue
		}
		start = toks[k].e
		break
	}
	for k := toks[i].s - 1; k >= start; k-- {
		switch s.r[k] {
		case ',', '，', '、', ':', '：', ';', '；', '。':
			start = k + 1
			k = -1
		}
	}
	return string(s.r[start:toks[i].s])
}

// maxAfter bounds the text after a number that rules look at: a clause
// longer than this is not one phrase, and copying the rest of a very long
// line for every number would make parsing quadratic.
const maxAfter = 64

// after returns the text after token i up to the next clause mark (at most
// maxAfter runes).
func after(s sentence, t token) string {
	end := t.e
	for end < len(s.r) && end-t.e < maxAfter {
		switch s.r[end] {
		case ',', '，', '、', ':', '：', ';', '；', '。':
			return string(s.r[t.e:end])
		}
		end++
	}
	return string(s.r[t.e:end])
}

// cleanLabel trims a label for use as a name: numbering, years, the
// department name, 其中, punctuation and linking words.
func (p *parser) cleanLabel(l string) string {
	if p.dept != "" {
		l = strings.ReplaceAll(l, p.dept, "")
	}
	l = strings.TrimSpace(l)
	for _, pre := range []string{"其中", "分别为", "分别是", "包括", "主要为", "主要是", "本年", "本部门", "全年"} {
		l = strings.TrimPrefix(strings.TrimLeft(l, " :：,，、"), pre)
		l = reLeadYear.ReplaceAllString(l, "")
	}
	l = strings.TrimFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":：,，、;；。“”\"'（(", r)
	})
	for _, suf := range []string{"为", "是", "共计", "合计", "约", "达", "共", "计"} {
		if strings.HasSuffix(l, suf) && len([]rune(l)) > len([]rune(suf))+1 {
			l = strings.TrimSuffix(l, suf)
		}
	}
	l = strings.TrimLeft(l, ")")
	if strings.Count(l, "“") != strings.Count(l, "”") {
		l = strings.NewReplacer("“", "", "”", "").Replace(l)
	}
	if strings.Count(l, "(") < strings.Count(l, ")") {
		l = strings.TrimSuffix(l, ")")
	}
	return strings.TrimSpace(l)
}

// priorMarks are the words that tie a no-change word (持平, 一致 …) to the
// year before: 比上年持平, 与2024年预算一致, 较去年无变化.
var priorMarks = []string{"上年", "比", "较", "同比", "上一年", "去年", "与19", "与20"}

var reChangeTail = regexp.MustCompile(`(?:比|较|与|同比)(?:上年|上一年|去年|\d{4}年度?)?.*$`)

// changeSubjectText returns the words of a change clause before its
// comparison (比上年 …) or change word: what changed, if the clause names it
// ("项目支出与上年持平", "一般公共服务经费拨款减少").
func changeSubjectText(clause string) string {
	c := clause
	if loc := reChangeTail.FindStringIndex(c); loc != nil {
		c = c[:loc[0]]
	}
	for _, w := range append(append(append([]string{}, plusWords...), minusWords...), sameWords...) {
		if i := strings.Index(c, w); i >= 0 {
			c = c[:i]
		}
	}
	c = strings.TrimSpace(c)
	for _, pre := range []string{"主要是", "主要原因是", "其中", "主要为", "是", "为"} {
		c = strings.TrimPrefix(c, pre)
	}
	return strings.Trim(c, " :：,，、")
}

// subjectPatterns name what a change clause is about, per topic: the first
// pattern whose words appear in the clause gives the key prefix (the
// change key is the prefix + .change). A new wording is a new row.
var subjectPatterns = []struct {
	topic string // "" for any topic
	words []string
	key   string // %s is replaced by the class name for function classes
}{
	{"", []string{"人员类"}, "expenditure.by_category[" + model.CatPersonnel + "]"},
	{"", []string{"公用经费项目"}, "expenditure.by_category[" + model.CatPublic + "]"},
	{"", []string{"其他运转类"}, "expenditure.by_category[" + model.CatOtherOperating + "]"},
	{"", []string{"特定目标类"}, "expenditure.by_category[" + model.CatSpecific + "]"},
	{"", []string{"基本支出"}, "expenditure.by_category[" + model.CatBasic + "]"},
	{"", []string{"项目支出"}, "expenditure.by_category[" + model.CatProject + "]"},
	{tThree, []string{"出国", "出境"}, "three_public.abroad"},
	{tThree, []string{"购置及运行", "购置和运行", "购置及维护"}, "three_public.vehicle"},
	{tThree, []string{"购置"}, "three_public.vehicle_purchase"},
	{tThree, []string{"运行", "维护"}, "three_public.vehicle_operation"},
	{tThree, []string{"接待"}, "three_public.reception"},
	{tThree, []string{"三公"}, "three_public"},
	{"", []string{"收入"}, "income"},
	{"", []string{"支出"}, "expenditure"},
}

// subjectOf returns the key prefix a change clause's own words name, or ""
// when they name nothing (the change then belongs to the figure before).
func subjectOf(words, topic string) string {
	if words == "" {
		return ""
	}
	if name, ok := functionClassName(words); ok {
		return "expenditure.class[" + name + "]"
	}
	if hasAny(words, incomeSources...) && !strings.Contains(words, "支出") && !hasAny(words, "总额", "总计", "合计") {
		// 一般公共预算拨款增加…, 事业收入增加…: a source's change
		return mapKey("income.sources", words)
	}
	for _, sp := range subjectPatterns {
		if sp.topic != "" && sp.topic != topic {
			continue
		}
		if hasAny(words, sp.words...) {
			return sp.key
		}
	}
	return ""
}

// functionClassName recognises a 类 name however a region words it:
// 一般公共服务支出, 社会保障和就业支出预算, 一般公共服务支出支出预算 (支出
// twice), 卫生健康经费拨款; it returns the name ending in 支出.
func functionClassName(lab string) (string, bool) {
	l := strings.TrimSpace(lab)
	for _, suf := range []string{"预算数", "预算", "经费拨款", "拨款", "经费"} {
		l = strings.TrimSuffix(l, suf)
	}
	for strings.HasSuffix(l, "支出支出") {
		l = strings.TrimSuffix(l, "支出")
	}
	if !strings.HasSuffix(l, "支出") && l != "预备费" {
		l += "支出"
	}
	if isFunctionClass(l) {
		return l, true
	}
	return "", false
}

var priorWords = []string{"比上年", "较上年", "上年预算", "同比", "比20", "较20", "上年为", "上年数", "上年同期", "与上年"}

func (p *parser) readSentence(s sentence, toks []token, topic string) {
	st := &sentState{topic: topic, subject: topic, lastFunc: -1, changeSign: map[string]int{}, pctSign: map[string]int{}}
	txt := s.text()
	// 公务接待费1.35万元。比2024年预算持平: a sentence that starts with its
	// comparison continues the subject of the sentence before
	if p.itemHead != "" && topic == tThree {
		st.subject = p.itemHead
	}
	if p.lastSubject != "" && p.lastTopic == topic && reStartsCompare.MatchString(strings.TrimSpace(txt)) {
		st.subject = p.lastSubject
	}
	defer func() { p.lastSubject, p.lastTopic = st.subject, topic }()
	qPos := strings.Index(txt, "其中")
	funcPos := -1
	for _, w := range []string{"支出构成", "构成为", "构成情况", "按功能分类", "功能分类"} {
		if i := strings.Index(txt, w); i >= 0 && (funcPos < 0 || i < funcPos) {
			funcPos = i
		}
	}
	// no-change clauses: 较上年预算无变化 / 持平 / 无增减
	type event struct {
		pos int // rune offset
		tok int // -1 for a no-change clause
		end int
	}
	var evs []event
	for i := range toks {
		evs = append(evs, event{toks[i].s, i, toks[i].e})
	}
	clauseStart, tk := 0, 0
	for i := 0; i <= len(s.r); i++ {
		if i == len(s.r) || strings.ContainsRune(",，;；。:：", s.r[i]) {
			cl := string(s.r[clauseStart:i])
			// tokens are in order: skip those before the clause, then look for one inside it
			for tk < len(toks) && toks[tk].s < clauseStart {
				tk++
			}
			if hasAny(cl, sameWords...) && hasAny(cl, priorMarks...) && !hasNumberToken(toks[tk:], clauseStart, i) {
				evs = append(evs, event{clauseStart, -1, i})
			}
			clauseStart = i + 1
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
	// byte offset of every rune, for comparing with strings.Index results
	offs := make([]int, len(s.r)+1)
	for i, r := range s.r {
		offs[i+1] = offs[i] + utf8.RuneLen(r)
	}
	byteOff := func(runeOff int) int { return offs[runeOff] }
	for _, ev := range evs {
		if ev.tok < 0 {
			cl := strings.Trim(string(s.r[ev.pos:ev.end]), " ")
			word := ""
			for _, w := range sameWords {
				if strings.Contains(cl, w) {
					word = w
					break
				}
			}
			if st.topic == tNone || st.topic == tOther {
				continue
			}
			subj := st.subject
			if sj := subjectOf(changeSubjectText(cl), st.topic); sj != "" {
				subj = sj
			}
			_, changeKey, _ := changeKeys(subj)
			p.place(changeKey, model.MustAmount("0"), p.narrUnit, cl, s.line[ev.pos], "")
			p.n.Words[changeKey] = word
			continue
		}
		t := &toks[ev.tok]
		if t.ignore {
			continue
		}
		st.afterQ = qPos >= 0 && byteOff(t.s) > qPos
		st.funcMode = funcPos >= 0 && byteOff(t.s) > funcPos
		st.sameClause = ev.tok > 0 && !hasSeparator(s.r[toks[ev.tok-1].e:t.s])
		p.classify(s, toks, ev.tok, st)
		if !t.used {
			// a share (占…%) belongs only to the figure just read
			st.lastKey, st.lastFunc = "", -1
		}
	}
	// 无离退休人员: a stated zero
	if st.topic == tStaff {
		if i := strings.Index(txt, "无离退休人员"); i >= 0 {
			p.place("staffing.retired", model.MustAmount("0"), "人", "无离退休人员", s.line[len([]rune(txt[:i]))], "")
		}
	}
	// amount change and percent change with opposite signs
	for subj, sg := range st.changeSign {
		if ps, ok := st.pctSign[subj]; ok && ps != sg {
			_, ck, _ := changeKeys(subj)
			p.finding(model.SeverityError, "P1", ck, s.line[0], fmt.Sprintf("“%s”中增减金额与增减幅度的方向相反，按原文保留", strings.TrimSpace(txt)))
		}
	}
	anyUsed := false
	for _, t := range toks {
		anyUsed = anyUsed || t.used
	}
	for _, t := range toks {
		if !t.ignore && !t.used && !(anyUsed && (t.unit == "月" || t.unit == "日")) {
			p.unread(t.line, txt)
			break
		}
	}
}

func hasSeparator(rs []rune) bool {
	for _, r := range rs {
		if strings.ContainsRune(",，、;；:：。", r) {
			return true
		}
	}
	return false
}

// hasNumberToken reports a figure token starting in [a, b); toks are in
// source order and start at or after a.
func hasNumberToken(toks []token, a, b int) bool {
	for _, t := range toks {
		if t.s >= b {
			return false
		}
		if !t.ignore && t.s >= a {
			return true
		}
	}
	return false
}

// changeKeys returns the prior, change and change-percent keys of a subject.
func changeKeys(subject string) (prior, change, pct string) {
	switch subject {
	case "three_public.reception":
		return "three_public.reception.prior_total", "three_public.reception_change", "three_public.reception_change_percent"
	case "three_public.abroad", "three_public.vehicle", "three_public.vehicle_purchase", "three_public.vehicle_operation":
		// the model's fields for the other items' changes: abroad_change …
		return subject + ".prior_total", subject + "_change", subject + "_change_percent"
	}
	return subject + ".prior_total", subject + ".change", subject + ".change_percent"
}

// classify applies the rules to token i of the sentence.
func (p *parser) classify(s sentence, toks []token, i int, st *sentState) {
	t := &toks[i]
	raw := label(s, toks, i)
	lab := p.cleanLabel(raw)
	aft := after(s, *t)
	v, err := model.ParseAmount(t.num)
	if err != nil {
		return
	}
	place := func(key string) {
		if key == "" {
			return
		}
		t.used = true
		p.place(key, v, t.unit, lab, t.line, raw)
		st.lastKey = key
	}
	// staffing offices: 设3个科室 / 内设机构3个
	if t.unit == "个" && (hasAny(aft, "科室", "内设机构", "内部机构", "股室", "处室", "职能科", "内设科") || hasAny(raw, "内设机构", "内设科室")) {
		place("staffing.offices")
		return
	}
	if st.topic == tNone || st.topic == tOther {
		return
	}
	words, sign, both := changeWords(raw)
	if t.unit == "" {
		// a number without its unit (or cut off before it) is never placed
		return
	}
	if words == "" && (isAmountUnit(t.unit) || t.unit == "%") && hasAny(raw, sameWords...) && hasAny(raw, priorMarks...) {
		// 与2024年预算一致0万元: a no-change word with its amount
		if sj := subjectOf(changeSubjectText(raw), st.topic); sj != "" {
			st.subject = sj
		}
		_, ck, pk := changeKeys(st.subject)
		key := ck
		if t.unit == "%" {
			key = pk
		}
		for _, w := range sameWords {
			if strings.Contains(raw, w) {
				p.n.Words[key] = w
				break
			}
		}
		place(key)
		return
	}
	if words != "" && (isAmountUnit(t.unit) || t.unit == "%") && !strings.Contains(raw, "占") {
		if sj := subjectOf(changeSubjectText(raw), st.topic); sj != "" {
			st.subject = sj
		}
		_, ck, pk := changeKeys(st.subject)
		key := ck
		if t.unit == "%" {
			key = pk
			st.pctSign[st.subject] = sign
		} else {
			st.changeSign[st.subject] = sign
		}
		if sign < 0 {
			v = v.Neg()
		}
		place(key)
		p.n.Words[key] = words
		st.lastWasChange, st.lastSign, st.lastWord = true, sign, words
		if both {
			p.finding(model.SeverityError, "P1", key, t.line, fmt.Sprintf("“%s%s%s”同时使用了“%s”，增减方向不明；按原文保留，数值按最后一个词记为%s", strings.TrimSpace(raw), t.num, t.unit, words, v.String()))
		}
		if v.IsZero() && t.unit != "%" {
			p.finding(model.SeverityInfo, "P4", key, t.line, fmt.Sprintf("变动额为0却写作“%s%s%s”，通常应写“无变化”或“持平”", words, t.num, t.unit))
		}
		return
	}
	if t.unit == "%" && strings.TrimSpace(lab) == "" && st.lastWasChange {
		// 增加44.22万元，17.56%
		_, _, pk := changeKeys(st.subject)
		if st.lastSign < 0 {
			v = v.Neg()
		}
		st.pctSign[st.subject] = st.lastSign
		place(pk)
		p.n.Words[pk] = st.lastWord
		return
	}
	st.lastWasChange = false
	if t.unit == "%" && strings.Contains(raw, "占") {
		if st.topic == tExp && st.lastFunc >= 0 && strings.HasPrefix(st.lastKey, "expenditure.by_function[") {
			place(fmt.Sprintf("expenditure.by_function[%d].percent", st.lastFunc))
			return
		}
		if st.lastKey != "" {
			place(st.lastKey + ".share")
		}
		return
	}
	if isAmountUnit(t.unit) && hasAny(raw, priorWords...) && !hasAny(raw, "占") {
		prior, _, _ := changeKeys(st.subject)
		place(prior)
		return
	}
	if (st.topic == tIncome || st.topic == tExp) && isAmountUnit(t.unit) && !st.afterQ && strings.Contains(lab, "结转下年") {
		// 支出总额231.79万元，结转下年21.21万元: what the income leaves for
		// the next year, beside (not part of) the expenditure
		place("expenditure.carry_forward")
		return
	}
	switch st.topic {
	case tIncome:
		if strings.Contains(lab, "支出") && !strings.Contains(lab, "收入") && !expTotalLabel(lab) {
			// 一般公共预算财政拨款支出…, 基本支出… inside an income paragraph
			p.ruleExp(s, t, lab, raw, aft, st, place)
			return
		}
		p.ruleIncome(t, lab, raw, st, place)
	case tExp:
		p.ruleExp(s, t, lab, raw, aft, st, place)
	case tOp:
		p.ruleOp(t, lab, st, place)
	case tThree:
		p.ruleThree(t, lab, st, place)
	case tProc:
		p.ruleProc(t, lab, st, place)
	case tAssets:
		p.ruleAssets(t, lab, st, place)
	case tStaff:
		p.ruleStaff(t, lab, st, place)
	}
}

var incomeSources = []string{"财政拨款", "一般公共预算", "政府性基金", "国有资本", "财政专户", "单位资金", "事业收入", "经营收入", "上级补助", "附属单位", "其他收入", "结余", "结转", "非税", "专项收入", "纳入专户"}

func (p *parser) ruleIncome(t *token, lab, raw string, st *sentState, place func(string)) {
	if !isAmountUnit(t.unit) {
		return
	}
	switch {
	case hasAny(lab, incomeSources...) && (st.afterQ || !hasAny(lab, "总额", "总计")):
		k := mapKey("income.sources", lab)
		place(k)
		st.subject = k // 财政拨款收入…万元，比上年增加…: the change is the source's
	case hasAny(lab, "支出") && !hasAny(lab, "收入"):
		if expTotalLabel(lab) {
			place("expenditure.total")
			st.subject = "expenditure"
		}
	case hasAny(lab, "总额", "总计", "合计", "收入预算", "预算收入", "年初预算", "收入", "收支预算", "收支总预算", "预算"):
		place("income.total")
		st.subject = "income"
	}
}

var categories = []struct{ word, key string }{
	{"人员类", model.CatPersonnel},
	{"人员经费", model.CatPersonnel},
	{"公用经费", model.CatPublic},
	{"其他运转", model.CatOtherOperating},
	{"特定目标", model.CatSpecific},
	{"基本支出", model.CatBasic},
	{"项目支出", model.CatProject},
}

func (p *parser) ruleExp(s sentence, t *token, lab, raw, aft string, st *sentState, place func(string)) {
	if !isAmountUnit(t.unit) {
		return
	}
	for _, c := range categories {
		if strings.Contains(lab, c.word) {
			place(mapKey("expenditure.by_category", c.key))
			st.subject = "expenditure.by_category[" + c.key + "]"
			return
		}
	}
	if strings.Contains(lab, "运转类") {
		place("expenditure.operating_projects")
		return
	}
	if hasAny(lab, "一般公共预算", "财政拨款", "政府性基金", "国有资本") && !st.funcMode {
		// 一般公共预算财政拨款支出预算 … is one fund, not the total
		k := mapKey("expenditure.by_fund", lab)
		place(k)
		st.subject = k
		return
	}
	share := strings.Contains(aft, "占") || strings.HasPrefix(nextClause(s, *t), "占")
	if name, ok := functionClassName(lab); ok && !isFunctionClass(lab) && (st.afterQ || st.funcMode) {
		lab = name // 社会保障和就业支出预算 → 社会保障和就业支出
	}
	if isFunctionClass(lab) || (st.funcMode || share) && !expTotalLabel(lab) {
		if lab == "" || len(p.n.Expenditure.ByFunction) >= maxItems {
			return
		}
		for _, f := range p.n.Expenditure.ByFunction {
			if f.Name == lab {
				// listed again (e.g. for 一般公共预算 alone): a figure, not a second entry
				place(mapKey("expenditure.function_again", lab))
				return
			}
		}
		p.n.Expenditure.ByFunction = append(p.n.Expenditure.ByFunction, model.FunctionShare{Name: lab})
		st.lastFunc = len(p.n.Expenditure.ByFunction) - 1
		place(fmt.Sprintf("expenditure.by_function[%d]", st.lastFunc))
		return
	}
	if expTotalLabel(lab) || (!st.afterQ && hasAny(lab, "预算") && !hasAny(lab, "收入")) {
		place("expenditure.total")
		st.subject = "expenditure"
	}
}

// expTotalLabel reports the words of a total expenditure.
func expTotalLabel(lab string) bool {
	if hasAny(lab, "总额", "总计", "合计", "预算支出", "支出预算", "总支出", "支出总") {
		return true
	}
	switch lab {
	case "支出", "本年支出", "部门支出", "年度支出":
		return true
	}
	return false
}

// functionClasses are the words of the 支出功能分类 类 names, old and new.
var functionClasses = []string{"一般公共服务", "外交", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒", "文化体育与传媒", "社会保障和就业", "社会保险基金", "卫生健康", "医疗卫生", "节能环保", "城乡社区", "农林水", "交通运输", "资源勘探", "商业服务业", "金融", "援助其他地区", "自然资源海洋气象", "国土海洋气象", "住房保障", "粮油物资储备", "国有资本经营预算支出", "灾害防治及应急管理", "预备费", "其他支出", "转移性支出", "债务还本", "债务付息", "债务发行费用"}

// isFunctionClass reports a 类 name such as 一般公共服务支出 or 住房保障支出(类).
func isFunctionClass(lab string) bool {
	l := strings.TrimSuffix(strings.TrimSuffix(lab, "(类)"), "类")
	if !strings.HasSuffix(l, "支出") && l != "预备费" {
		return false
	}
	for _, w := range functionClasses {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// nextClause returns the text after token t's clause mark, if the clause
// ends right after the token.
func nextClause(s sentence, t token) string {
	i := t.e
	for i < len(s.r) && s.r[i] == ' ' {
		i++
	}
	if i < len(s.r) && strings.ContainsRune(",，、;；", s.r[i]) {
		j := i + 1
		end := min(j+4, len(s.r))
		return strings.TrimSpace(string(s.r[j:end]))
	}
	return ""
}

func (p *parser) ruleOp(t *token, lab string, st *sentState, place func(string)) {
	if !isAmountUnit(t.unit) {
		return
	}
	if hasAny(lab, "机关运行经费", "总额", "合计") || (!st.afterQ && hasAny(lab, "预算")) {
		place("operating_costs.total")
		st.subject = "operating_costs"
		return
	}
	if st.afterQ && lab != "" && len(p.n.OperatingCosts.Items) < maxItems {
		p.n.OperatingCosts.Items = append(p.n.OperatingCosts.Items, model.NamedAmount{Name: lab})
		k := fmt.Sprintf("operating_costs.items[%d]", len(p.n.OperatingCosts.Items)-1)
		place(k)
		st.subject = k
	}
}

// A phrase is one row of a figure's table of phrase patterns: the first
// row whose words appear in a label (and none of whose unless words do)
// gives the key. A new wording is a new row, not new code. key "" means
// "not a figure of this rule" (the number stays unread); key "=subject"
// means the item the sentence is about (a sub-heading's 三公 item).
type phrase struct {
	words  []string
	unless []string
	key    string
}

// match returns the key of the first row that matches lab, and whether
// one did.
func match(rows []phrase, lab string) (string, bool) {
	for _, r := range rows {
		if hasAny(lab, r.words...) && (len(r.unless) == 0 || !hasAny(lab, r.unless...)) {
			return r.key, true
		}
	}
	return "", false
}

// threePublicPhrases name the 三公 figures (因公出国（境）费, 公务用车购置及运行
// 维护费, 公务接待费 …) as regions word them.
var threePublicPhrases = []phrase{
	{words: []string{"出国", "出境"}, key: "three_public.abroad"},
	{words: []string{"购置及运行", "购置和运行", "购置及维护", "运行维护及购置", "运行及购置"}, key: "three_public.vehicle"},
	{words: []string{"购置"}, key: "three_public.vehicle_purchase"},
	{words: []string{"运行", "维护", "公车"}, key: "three_public.vehicle_operation"},
	{words: []string{"接待"}, key: "three_public.reception"},
	{words: []string{"三公", "总额", "合计"}, key: "three_public.total"},
	{words: []string{""}, key: "=subject"}, // 预算安排8万元 under (三)公务用车…
}

func (p *parser) ruleThree(t *token, lab string, st *sentState, place func(string)) {
	if !isAmountUnit(t.unit) {
		return
	}
	key, _ := match(threePublicPhrases, lab)
	if key == "=subject" {
		key = ""
		switch {
		case strings.HasPrefix(st.subject, "three_public.") && st.subject != "three_public":
			key = st.subject
		case hasAny(lab, "预算", "经费"):
			key = "three_public.total"
		}
	}
	if key == "" {
		return
	}
	place(key)
	st.subject = strings.TrimSuffix(key, ".total")
}

// procurementPhrases name the 政府采购 figures.
var procurementPhrases = []phrase{
	// 授予中小企业合同金额 …: not a budget figure
	{words: []string{"中小企业", "小型和微型", "小微企业"}, unless: []string{"预留"}, key: ""},
	{words: []string{"小型和微型", "小微企业"}, key: "procurement.small_micro_reserved"},
	{words: []string{"中小企业"}, key: "procurement.sme_reserved"},
	{words: []string{"货物"}, key: "procurement.goods"},
	{words: []string{"工程"}, key: "procurement.works"},
	{words: []string{"服务"}, key: "procurement.services"},
	{words: []string{"采购", "总额", "合计", "预算"}, key: "procurement.total"},
}

func (p *parser) ruleProc(t *token, lab string, st *sentState, place func(string)) {
	if !isAmountUnit(t.unit) {
		return
	}
	key, _ := match(procurementPhrases, lab)
	if key == "" {
		return
	}
	place(key)
	st.subject = strings.TrimSuffix(key, ".total")
}

func (p *parser) ruleAssets(t *token, lab string, st *sentState, place func(string)) {
	subject := ""
	switch {
	case hasAny(lab, "其他固定资产"):
		subject = "fixed_other"
	case hasAny(lab, "流动资产"):
		subject = "current"
	case hasAny(lab, "在建工程"):
		subject = "construction"
	case hasAny(lab, "固定资产"):
		subject = "fixed"
	case hasAny(lab, "无形资产"):
		subject = "intangible"
	case hasAny(lab, "车辆", "汽车", "公务用车"):
		subject = "vehicles"
	case hasAny(lab, "国有资产", "资产总额", "资产总计", "资产合计"):
		subject = "total"
	case (lab == "" || hasAny(lab, "价值", "金额", "账面", "原值", "净值")) && st.sameClause:
		subject = strings.TrimPrefix(st.subject, "assets.")
		if subject == "assets" {
			subject = ""
		}
	}
	if subject == "vehicles" && st.afterQ && !hasAny(lab, "车辆") {
		// 其中：一般公务用车2辆、执法执勤用车1辆
		if t.unit == "辆" || isCountUnit(t.unit) {
			place(mapKey("assets.vehicle_kinds", lab))
		}
		return
	}
	switch {
	case subject == "":
		return
	case t.unit == "辆" || subject == "vehicles" && isCountUnit(t.unit):
		place("assets.vehicles")
	case isCountUnit(t.unit):
		switch subject {
		case "fixed", "intangible":
			place("assets." + subject + "_count")
		default:
			return
		}
	case isAmountUnit(t.unit):
		if subject == "vehicles" {
			place("assets.vehicles.value")
		} else {
			place("assets." + subject)
		}
	default:
		return
	}
	st.subject = "assets." + subject
}

func (p *parser) ruleStaff(t *token, lab string, st *sentState, place func(string)) {
	if !isPersonUnit(t.unit) {
		return
	}
	switch {
	case hasAny(lab, "编制人数", "编制数", "核定编制", "编制总数") || lab == "编制":
		place("staffing.authorized")
	case strings.HasSuffix(lab, "编制") || hasAny(lab, "行政编制", "事业编制", "工勤编制", "参公编制", "机关编制"):
		place(mapKey("staffing.kinds", lab))
	case hasAny(lab, "实有"):
		place("staffing.actual")
	case hasAny(lab, "在职", "在编"):
		place(mapKey("staffing.other", lab))
	case hasAny(lab, "离退休"):
		place("staffing.retired")
	case hasAny(lab, "离休", "退休"):
		place(mapKey("staffing.retired_kinds", lab))
	}
}

func mapKey(prefix, name string) string { return prefix + "[" + name + "]" }
