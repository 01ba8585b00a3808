package ledger

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gongkai/model"
)

// Note is a 提示 of Build: a figure or name the disclosure leaves blank
// because the ledger does not give it, with the first line concerned.
type Note struct {
	Pos  Pos
	Text string // in Chinese
	// FuncCode is the function code of a note that it has no name (a
	// region's catalog, Options.Catalog, would name it); "" for others.
	FuncCode string
}

// String is the note with its place: ledger.csv:12: … or 预算明细.xlsx 明细!A12: ….
func (n Note) String() string {
	switch {
	case n.Pos == (Pos{}):
		return n.Text // a line built in code without a position
	case n.Pos.File == "":
		return n.Pos.String() + ": " + n.Text // 第 12 行: …
	}
	return posErr(n.Pos, errors.New(n.Text)).Error()
}

func (b *builder) note(p Pos, format string, args ...any) {
	b.rep.Notes = append(b.rep.Notes, Note{Pos: p, Text: fmt.Sprintf(format, args...)})
}

// ProcurementKind is the kind of a 政府采购品目 in the 政府采购品目分类目录:
// 货物 (A), 工程 (B) or 服务 (C).
type ProcurementKind uint8

// Procurement kinds; ProcUnknown for a 品目 neither its code nor its name
// decides.
const (
	ProcUnknown  ProcurementKind = iota
	ProcGoods                    // 货物, codes A…
	ProcWorks                    // 工程, codes B…
	ProcServices                 // 服务, codes C…
)

// String is the Chinese name: 货物, 工程, 服务, or 无法判断.
func (k ProcurementKind) String() string {
	return [...]string{"无法判断", "货物", "工程", "服务"}[k]
}

//go:embed procitems.tsv
var procItemsTSV string

type procRule struct {
	kind                  ProcurementKind
	text                  string
	prefix, suffix, whole bool
}

// procNames and procPatterns are the whole names and the patterns of
// procitems.tsv.
var procNames, procPatterns = parseProcItems(procItemsTSV)

func parseProcItems(s string) (map[string]ProcurementKind, []procRule) {
	names := map[string]ProcurementKind{}
	var pats []procRule
	for _, line := range strings.Split(s, "\n") {
		k, pat, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		kind := map[string]ProcurementKind{"A": ProcGoods, "B": ProcWorks, "C": ProcServices}[k]
		if kind == ProcUnknown {
			panic("ledger: procitems.tsv: bad kind " + k)
		}
		r := procRule{kind: kind, text: strings.Trim(pat, "*")}
		switch {
		case strings.HasPrefix(pat, "*") && strings.HasSuffix(pat, "*"):
		case strings.HasPrefix(pat, "*"):
			r.suffix = true
		case strings.HasSuffix(pat, "*"):
			r.prefix = true
		default:
			names[normProcName(pat)] = kind
			continue
		}
		pats = append(pats, r)
	}
	return names, pats
}

var procCode = regexp.MustCompile(`^([ABCabc])\d{2,}`)

func normProcName(s string) string {
	return strings.NewReplacer(" ", "", "\u3000", "", "\t", "", "（", "(", "）", ")").Replace(s)
}

// ProcurementKindOf decides the kind of a 政府采购品目 as a ledger writes
// it: by its code (A02010104, C1204 物业管理服务: the first letter), else by
// its name (the names and patterns of procitems.tsv, docs/ledger-format.md).
// Full-width letters and digits are read as their ASCII forms.
func ProcurementKindOf(item string) ProcurementKind {
	item = strings.TrimSpace(narrow(item)) // Ａ０２０１０１０４ is A02010104
	if m := procCode.FindStringSubmatch(item); m != nil {
		return map[string]ProcurementKind{"A": ProcGoods, "B": ProcWorks, "C": ProcServices}[strings.ToUpper(m[1])]
	}
	name := normProcName(item)
	if k, ok := procNames[name]; ok {
		return k
	}
	for _, r := range procPatterns {
		switch {
		case r.suffix && strings.HasSuffix(name, r.text),
			r.prefix && strings.HasPrefix(name, r.text),
			!r.suffix && !r.prefix && strings.Contains(name, r.text):
			return r.kind
		}
	}
	return ProcUnknown
}

// procurementKinds states 货物类, 工程类 and 服务类 of the 政府采购预算: the
// printed detail rows of 表九 by the kind of their 品目, so the three add
// up to its 合计. When a 品目 cannot be decided the three are left blank
// (a part could be any of them) and a note names the 品目.
func (b *builder) procurementKinds(n *model.Narrative, t9 *model.ProcurementTable) {
	if t9 == nil || len(t9.Rows) == 0 {
		return
	}
	var sums [4]model.Amount
	for i := range sums {
		sums[i] = b.amt(0)
	}
	undecided := false
	seen := map[string]bool{}
	for _, r := range t9.Rows {
		if r.Level != model.LevelDetail {
			continue
		}
		k := ProcurementKindOf(r.Item)
		if k == ProcUnknown {
			undecided = true
			if !seen[r.Item] {
				seen[r.Item] = true
				b.note(b.firstProcLine(r.Item), "政府采购品目“%s”无法判断是货物、工程还是服务（写上品目编码，如 A02010104 台式计算机、C1204 物业管理服务，或使用 docs/ledger-format.md 所列名称），文字说明不写货物类、工程类、服务类金额", r.Item)
			}
			continue
		}
		sums[k] = sums[k].Add(r.Total)
	}
	if undecided {
		return
	}
	n.Procurement.Goods, n.Procurement.Works, n.Procurement.Services = strip(sums[ProcGoods]), strip(sums[ProcWorks]), strip(sums[ProcServices])
}

func (b *builder) firstProcLine(item string) Pos {
	for i := range b.l.Lines {
		if b.l.Lines[i].ProcItem == item {
			return b.l.Lines[i].Pos
		}
	}
	return Pos{}
}

// nameNotes names every function code the tables print without a name (no
// name in the ledger, Options.Catalog or the embedded catalog), with the
// first line that uses it.
func (b *builder) nameNotes() {
	seen := map[string]bool{}
	for i := range b.l.Lines {
		ln := &b.l.Lines[i]
		if len(ln.FuncCode) != 7 {
			continue
		}
		for _, c := range []string{ln.FuncCode[:3], ln.FuncCode[:5], ln.FuncCode} {
			if seen[c] {
				continue
			}
			seen[c] = true
			if b.funcName(c) == "" {
				b.note(ln.Pos, "功能科目 %s 没有名称（明细的功能科目名称、本地区目录和内置目录都没有），表中科目名称为空：请在明细中写上名称，或给出本地区的功能科目目录", c)
				b.rep.Notes[len(b.rep.Notes)-1].FuncCode = c
			}
		}
	}
}
