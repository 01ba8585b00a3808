package ledger

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"gongkai/model"
)

// The written texts of a disclosure (model.Texts: 主要职责, 机构设置, the
// reasons for the changes, 绩效目标, 其他需要说明的情况) are what the numbers of a ledger cannot
// give. A workbook ledger holds them in a 说明 sheet (or 文字说明), a CSV
// ledger in a file of the same two columns (ReadOptions.Texts, the CLI's
// --texts): 项目 | 内容, one text a row, in any order.

// Sheet names of the texts.
const (
	SheetTexts    = "说明"
	SheetTextsAlt = "文字说明"
)

// Errors of the texts (compare with errors.Is).
var (
	// ErrUnknownLabel: a 项目 of the 说明 sheet or file that is not one of
	// TextLabels.
	ErrUnknownLabel = errors.New("ledger: unknown label of the texts")
	// ErrTwoTexts: a workbook with a 说明 sheet and a texts file both given.
	ErrTwoTexts = errors.New("ledger: 说明 sheet and texts file both given")
)

// TextLabel is one 项目 of the 说明 sheet: its Chinese label (as the docs
// list it), the other labels it may be written as, and the field of
// model.Texts it fills (its JSON path under texts).
type TextLabel struct {
	Label   string   // e.g. 主要职责
	Aliases []string // e.g. 职责; the JSON path (duties, texts.duties) is accepted too
	Field   string   // JSON path under texts, e.g. duties, reasons.income
	// List: each non-blank line of the cell (and each further row of the
	// label) is one entry; else the label is given once.
	List bool
}

// TextLabels are the labels of the 说明 sheet, in the order of the document.
var TextLabels = []TextLabel{
	{"主要职责", []string{"职责", "部门职责"}, "duties", true},
	{"机构设置", []string{"机构设置情况"}, "organization", false},
	{"预算单位构成", []string{"部门预算单位构成", "单位构成"}, "units", false},
	{"收入增减原因", []string{"预算收入增减原因", "收入增减的主要原因"}, "reasons.income", false},
	{"支出增减原因", []string{"预算支出增减原因", "支出增减的主要原因"}, "reasons.expenditure", false},
	{"机关运行经费增减原因", []string{"机关运行经费增减的主要原因"}, "reasons.operating_costs", false},
	{"三公经费增减原因", []string{"“三公”经费增减原因", "三公经费增减的主要原因"}, "reasons.three_public", false},
	{"公务接待费增减原因", []string{"公务接待费增减的原因"}, "reasons.reception", false},
	{"政府采购增减原因", []string{"政府采购预算增减原因"}, "reasons.procurement", false},
	{"绩效目标", []string{"预算绩效情况", "绩效情况", "重点项目绩效目标"}, "performance", true},
	{"其他需要说明的情况", []string{"其他需要说明的事项", "其他说明"}, "other", true},
}

var textLabelIndex = func() map[string]int {
	m := map[string]int{}
	for i, l := range TextLabels {
		for _, s := range append([]string{l.Label, l.Field, "texts." + l.Field}, l.Aliases...) {
			m[normLabel(s)] = i
		}
	}
	return m
}()

// normLabel drops spaces, quotes and a final colon, and folds case, so that
// “三公”经费增减原因 and 三公经费增减原因： are one label.
func normLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '\u00a0', '\r', '\n', '“', '”', '"', '‘', '’', '\'', '「', '」':
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, ":：")
	return strings.ToLower(s)
}

// knownLabels lists the Chinese labels for a message.
func knownLabels() string {
	names := make([]string, len(TextLabels))
	for i, l := range TextLabels {
		names[i] = l.Label
	}
	return strings.Join(names, "、")
}

// readTextsSheet reads the 说明 (文字说明) sheet of a ledger workbook; nil
// when it has none.
func readTextsSheet(f *book, name string) (*model.Texts, string, model.ParseErrors) {
	sheet := textsSheet(f)
	if sheet == "" {
		return nil, "", nil
	}
	x, errs := readTextsOf(f, name, sheet)
	return x, sheet, errs
}

// textsSheet is the name of the workbook's 说明 sheet, "" when it has none.
func textsSheet(f sheetLister) string {
	for _, want := range []string{SheetTexts, SheetTextsAlt} {
		for _, s := range f.GetSheetList() {
			if strings.TrimSpace(s) == want {
				return s
			}
		}
	}
	return ""
}

func readTextsOf(f *book, name, sheet string) (*model.Texts, model.ParseErrors) {
	rows, pe := readSheet(f, name, sheet, "说明表", 10000)
	if pe != nil {
		return nil, model.ParseErrors{pe}
	}
	return readTextRows(&table{file: name, sheet: sheet}, rows, func(i int) int { return i + 1 })
}

// readTextsFile reads a texts file: a two-column CSV or TSV (UTF-8 or
// GB18030), or a workbook whose 说明 sheet (else first sheet) has the two
// columns.
func readTextsFile(name string, data []byte, o ReadOptions) (*model.Texts, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		f, err := openWorkbook(name, data, o)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		sheet := textsSheet(f)
		if sheet == "" {
			sheet = f.GetSheetList()[0]
		}
		x, errs := readTextsOf(f, name, sheet)
		if len(errs) > 0 {
			return x, errs
		}
		return x, nil
	}
	rows, lines, err := csvFile(name, data)
	if err != nil {
		return nil, err
	}
	x, errs := readTextRows(&table{file: name}, rows, func(i int) int { return lines[i] })
	if len(errs) > 0 {
		return x, errs
	}
	return x, nil
}

// readTextRows reads 项目 | 内容 rows (an optional header row 项目,内容
// first). An empty 内容 leaves the text blank; a text is kept as written,
// its paragraphs (lines of the cell) included: a list (主要职责, 绩效目标,
// 其他需要说明的情况)
// takes each non-blank line as one entry, a reason (a clause of the
// document's sentence) has its lines joined with ；, 机构设置 and 预算单位构成
// keep them as paragraphs. nil when no row gives a text.
func readTextRows(t *table, rows [][]string, rowNo func(int) int) (*model.Texts, model.ParseErrors) {
	var errs model.ParseErrors
	x := &model.Texts{}
	seen := map[int]int{} // label index → row where given
	set := false
	header := true
	for i, r := range rows {
		if blankRow(r) {
			continue
		}
		row := rowNo(i)
		label := ""
		if len(r) > 0 {
			label = strings.TrimSpace(r[0])
		}
		content := ""
		if len(r) > 1 {
			content = r[1]
		}
		if header {
			// a header row 项目,内容, or a title row 文字说明 above the texts
			k := normLabel(label)
			if k == "项目" || k == "label" || k == "item" {
				header = false
				continue
			}
			if (k == "说明" || k == "文字说明") && strings.TrimSpace(content) == "" {
				continue
			}
			header = false
		}
		for c := 2; c < len(r); c++ {
			if strings.TrimSpace(r[c]) != "" {
				errs = append(errs, t.errAt(row, c, bad(model.ErrBadValue, "说明只有两列（项目、内容）：第 "+strconv.Itoa(c+1)+" 列的文字不会被读取；多段文字请写在同一个“内容”单元格中（单元格内换行）")))
				break
			}
		}
		if label == "" {
			errs = append(errs, t.errAt(row, 0, bad(ErrUnknownLabel, "说明缺少项目名称：应为 "+knownLabels()+" 之一")))
			continue
		}
		li, ok := textLabelIndex[normLabel(label)]
		if !ok {
			errs = append(errs, t.errAt(row, 0, bad(ErrUnknownLabel, "说明的项目“"+label+"”不认识：应为 "+knownLabels()+" 之一 / unknown label; known: "+knownFields())))
			continue
		}
		tl := TextLabels[li]
		if prev, dup := seen[li]; dup && !tl.List {
			errs = append(errs, t.errAt(row, 0, bad(model.ErrBadValue, "说明的项目“"+tl.Label+"”重复：已在"+t.rowName(prev)+"给出，只能写一次")))
			continue
		}
		seen[li] = row
		paras := paragraphs(content)
		if len(paras) == 0 {
			continue // left blank, never invented
		}
		set = true
		switch tl.Field {
		case "duties":
			for _, d := range paras {
				// the document numbers the duties itself
				if d = strings.TrimSpace(dutyNumber.ReplaceAllString(d, "")); d != "" {
					x.Duties = append(x.Duties, d)
				}
			}
		case "performance":
			x.Performance = append(x.Performance, paras...)
		case "other":
			x.Other = append(x.Other, paras...)
		case "organization":
			x.Organization = strings.Join(paras, "\n")
		case "units":
			x.Units = strings.Join(paras, "\n")
		default:
			*reasonField(&x.Reasons, tl.Field) = clause(paras)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if !set {
		return nil, nil
	}
	return x, nil
}

// rowName names a row for a message: 第7行 (CSV) or A7 (sheet).
func (t *table) rowName(row int) string {
	if t.sheet != "" {
		return " " + t.sheet + "!" + cellName(0, row) + " "
	}
	return "第 " + strconv.Itoa(row) + " 行"
}

func knownFields() string {
	names := make([]string, len(TextLabels))
	for i, l := range TextLabels {
		names[i] = l.Field
	}
	return strings.Join(names, ", ")
}

func reasonField(r *model.Reasons, field string) *string {
	switch field {
	case "reasons.income":
		return &r.Income
	case "reasons.expenditure":
		return &r.Expenditure
	case "reasons.operating_costs":
		return &r.OperatingCosts
	case "reasons.three_public":
		return &r.ThreePublic
	case "reasons.reception":
		return &r.Reception
	}
	return &r.Procurement
}

// dutyNumber is the number a duty may be written with: 1．, 2. , 3、, (4),
// （五）, 六、.
var dutyNumber = regexp.MustCompile(`^\s*(?:[0-9０-９]+\s*[．.、，,)）]|[(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*、)`)

// paragraphs splits a cell into its non-blank lines, trimmed.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\r", "")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// clause joins the lines of a reason into one clause: the document writes
// it inside a sentence (收入增加的主要原因：…。).
func clause(paras []string) string {
	for i := range paras {
		paras[i] = strings.TrimRight(paras[i], "。；;.，,")
	}
	return strings.Join(paras, "；")
}

// readTexts reads the texts file of o into l (the 说明 sheet of a workbook
// is read with the workbook): the problems of its rows, or the error of a
// file that cannot be read at all.
func (l *Ledger) readTexts(name string, o ReadOptions) (model.ParseErrors, error) {
	if len(o.Texts) == 0 {
		return nil, nil
	}
	if l.textsSheet != "" {
		return model.ParseErrors{{File: name, Sheet: l.textsSheet, Err: bad(ErrTwoTexts,
			"工作簿已有“"+l.textsSheet+"”表，又给了说明文件“"+o.TextsName+"”：文字说明只能写在一处（删去工作簿的说明表，或不给说明文件）")}}, nil
	}
	x, err := readTextsFile(o.TextsName, o.Texts, o)
	var errs model.ParseErrors
	if err != nil && (Unreadable(err) || !errors.As(err, &errs)) {
		return nil, err
	}
	l.Texts = x
	return errs, nil
}
