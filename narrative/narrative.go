package narrative

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

//go:embed styles/*.tmpl
var embedded embed.FS

// Options choose the wording. The zero value writes the built-in style of
// the disclosure's year.
type Options struct {
	// Style names the style: 2023, 2026, shanghai, or one of Dir. "" picks
	// the style named like Tables.Profile when there is one (shanghai),
	// else by year: 2026 from 2026 on, else 2023.
	Style string
	// Dir is a directory of NAME.tmpl files that add styles or replace
	// built-in ones of the same name ("" for none).
	Dir string
	// Tables are the options of the tables (templates.Document).
	Tables templates.Options
}

// Styles lists the style names available with o.Dir, sorted.
func Styles(o Options) ([]string, error) {
	set, err := styleFiles(o)
	if err != nil {
		return nil, err
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

// styleFiles maps each style name to its template text.
func styleFiles(o Options) (map[string]string, error) {
	set := map[string]string{}
	ents, _ := fs.ReadDir(embedded, "styles")
	for _, e := range ents {
		b, err := fs.ReadFile(embedded, "styles/"+e.Name())
		if err != nil {
			return nil, err
		}
		set[strings.TrimSuffix(e.Name(), ".tmpl")] = string(b)
	}
	if o.Dir != "" {
		ents, err := os.ReadDir(o.Dir)
		if err != nil {
			return nil, fmt.Errorf("narrative: text templates: %w", err)
		}
		for _, e := range ents {
			if e.IsDir() || path.Ext(e.Name()) != ".tmpl" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(o.Dir, e.Name()))
			if err != nil {
				return nil, fmt.Errorf("narrative: text templates: %w", err)
			}
			set[strings.TrimSuffix(e.Name(), ".tmpl")] = string(b)
		}
	}
	return set, nil
}

func styleName(d *model.Disclosure, o Options, set map[string]string) string {
	if o.Style != "" {
		return o.Style
	}
	// a style named like the layout profile is that profile's wording
	if p := o.Tables.Profile; p != nil && p.Name != "" {
		if _, ok := set[p.Name]; ok {
			return p.Name
		}
	}
	if d.Year >= 2026 {
		return "2026"
	}
	return "2023"
}

// Text runs the style on d and returns its output: the lines of the markup
// described in the package doc. Findings name what the text had to leave
// out (a reason, a duty list) because the model does not give it.
func Text(d *model.Disclosure, o Options) (string, []model.Finding, error) {
	t, f, err := prepare(d, o)
	if err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, f); err != nil {
		return "", nil, fmt.Errorf("%w: %s: %v", ErrTemplate, t.Name(), err)
	}
	return tidy(unmark(b.String())), missing(f), nil
}

// prepare parses the style of d and computes the facts in the style's
// unit: a style may define a template "unit" (万元 or 元) to write its
// amounts in that unit whatever the data's; without one, the data's unit.
func prepare(d *model.Disclosure, o Options) (*template.Template, Facts, error) {
	if d == nil {
		return nil, Facts{}, ErrNoDisclosure
	}
	set, err := styleFiles(o)
	if err != nil {
		return nil, Facts{}, err
	}
	name := styleName(d, o, set)
	src, ok := set[name]
	if !ok {
		return nil, Facts{}, fmt.Errorf("%w: %q", ErrUnknownStyle, name)
	}
	unit := ""
	for range 2 { // the second pass has the funcs of the style's unit
		t, err := template.New(name).Funcs(funcs(unitOr(unit, d))).Parse(src)
		if err != nil {
			return nil, Facts{}, fmt.Errorf("%w: %s: %v", ErrTemplate, name, err)
		}
		if u := t.Lookup("unit"); u != nil && unit == "" {
			var b bytes.Buffer
			if err := u.Execute(&b, nil); err != nil {
				return nil, Facts{}, fmt.Errorf("%w: %s: %v", ErrTemplate, name, err)
			}
			unit = strings.TrimSpace(b.String())
			if unit != model.UnitWanYuan && unit != model.UnitYuan {
				return nil, Facts{}, fmt.Errorf("%w: %s: unit %q is neither 万元 nor 元", ErrTemplate, name, unit)
			}
			continue
		}
		return t, facts(d, unit), nil
	}
	return nil, Facts{}, fmt.Errorf("%w: %s", ErrTemplate, name)
}

func unitOr(unit string, d *model.Disclosure) string {
	switch {
	case unit != "":
		return unit
	case d.Unit != "":
		return d.Unit
	}
	return model.UnitWanYuan
}

// tidy drops blank lines and the spaces around lines.
func tidy(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// userMark starts every line of a text the user wrote (主要职责, 增减原因
// …) while the style runs (a private-use character, never in real text), so
// that unmark can tell where such a line stands at the start of a line of
// the markup.
const userMark = "\ue000"

// escapeText marks every line of a user's text with userMark. The text is
// trimmed first, as the style's trim and tidy would have done
// without the mark: a mark after a final line break would keep trim from
// taking off the final 。 (a reason "人员增加。\n" printed a line "。"), and
// one before leading spaces would keep them.
func escapeText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	return userMark + strings.ReplaceAll(s, "\n", "\n"+userMark)
}

// unmark removes the marks of escapeText from the style's output. A line
// that starts with a user's text which looks like the markup (a part "= ",
// a heading "# " or "## ", the place of the tables "@tables", or the escape
// itself "\\") gets a leading backslash, which Parts and Plain take away:
// a user's text is always a paragraph, never a heading or a part.
func unmark(text string) string {
	if !strings.Contains(text, userMark) {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		user := strings.HasPrefix(l, userMark)
		l = strings.TrimSpace(strings.ReplaceAll(l, userMark, ""))
		if user && (l == "@tables" || strings.HasPrefix(l, "= ") || strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "\\")) {
			l = "\\" + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func escapeAll(xs []string) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = escapeText(x)
	}
	return out
}

// Plain returns the text for reading: the markup's part and heading marks
// removed and the place of the tables left out.
func Plain(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		switch {
		case l == "":
			continue
		case l == "@tables":
			continue
		case strings.HasPrefix(l, "\\"): // a user's line that looks like markup
			l = l[1:]
		case strings.HasPrefix(l, "= "):
			b.WriteString("\n" + strings.TrimPrefix(l, "= ") + "\n\n")
			continue
		case strings.HasPrefix(l, "## "):
			l = strings.TrimPrefix(l, "## ")
		case strings.HasPrefix(l, "# "):
			l = strings.TrimPrefix(l, "# ")
		}
		b.WriteString(l + "\n")
	}
	return strings.TrimLeft(b.String(), "\n")
}

// Parts turns the markup into the document's parts.
func Parts(text string) []layout.Part {
	var parts []layout.Part
	cur := func() *layout.Part {
		if len(parts) == 0 {
			parts = append(parts, layout.Part{})
		}
		return &parts[len(parts)-1]
	}
	for _, l := range strings.Split(text, "\n") {
		switch {
		case l == "":
		case strings.HasPrefix(l, "\\"): // a user's line that looks like markup
			p := cur()
			p.Blocks = append(p.Blocks, layout.Block{Kind: layout.Paragraph, Text: l[1:]})
		case strings.HasPrefix(l, "= "):
			parts = append(parts, layout.Part{Title: strings.TrimPrefix(l, "= ")})
		case l == "@tables":
			cur().Tables = true
		case strings.HasPrefix(l, "## "):
			p := cur()
			p.Blocks = append(p.Blocks, layout.Block{Kind: layout.Heading, Level: 2, Text: strings.TrimPrefix(l, "## ")})
		case strings.HasPrefix(l, "# "):
			p := cur()
			p.Blocks = append(p.Blocks, layout.Block{Kind: layout.Heading, Level: 1, Text: strings.TrimPrefix(l, "# ")})
		default:
			p := cur()
			p.Blocks = append(p.Blocks, layout.Block{Kind: layout.Paragraph, Text: l})
		}
	}
	return parts
}

// Document lays out the whole disclosure: cover, 目录, the parts of the
// style with the ten tables in their place. Without an @tables line in the
// style, the tables follow the last part.
func Document(d *model.Disclosure, o Options) (layout.Document, []model.Finding, error) {
	text, findings, err := Text(d, o)
	if err != nil {
		return layout.Document{}, nil, err
	}
	doc, err := templates.Document(d, o.Tables)
	if err != nil {
		return layout.Document{}, nil, err
	}
	// The document's title is the profile's title of the tables without
	// the final 表: 天门市…2023年部门预算公开表 → 天门市…2023年部门预算公开.
	doc.Title = strings.TrimSuffix(doc.Title, "表")
	if doc.Title == "" {
		doc.Title = fmt.Sprintf("%s%d年部门预算公开", d.Department, d.Year)
	}
	for i := range doc.Sheets {
		// the 目录 numbers the tables as the document does: 一、部门收支总表
		// the profile's sheet name without its number: 表1 财务收支预算总表 → 财务收支预算总表
		name := doc.Sheets[i].Name
		if _, rest, ok := strings.Cut(name, " "); ok && strings.HasPrefix(name, "表") {
			name = rest
		} else if id := model.TableID(doc.Sheets[i].ID); id.Valid() && name == "" {
			name = id.Name()
		}
		doc.Sheets[i].Contents = cn(i+1) + "、" + name
	}
	doc.Parts = Parts(text)
	hasTables := false
	for _, p := range doc.Parts {
		hasTables = hasTables || p.Tables
	}
	if !hasTables && len(doc.Parts) > 0 {
		doc.Parts[len(doc.Parts)-1].Tables = true
	}
	date := doc.Date.Format("2006年1月2日")
	if d.Date == "" {
		date = ""
	}
	coverTitle := strings.TrimSpace(strings.TrimPrefix(doc.Title, d.Department))
	if coverTitle == "" {
		coverTitle = doc.Title
	}
	doc.Cover = &layout.Cover{Title: coverTitle, Department: d.Department, Year: fmt.Sprintf("%d年", d.Year), Date: date}
	doc.ContentsTitle = "目  录"
	doc.Header = doc.Title
	return doc, findings, nil
}

// missing lists, as 提示 findings, the texts the model does not give that
// the document would state: a reason for each change, the duties.
func missing(f Facts) []model.Finding {
	var out []model.Finding
	add := func(field, msg string) {
		out = append(out, model.Finding{Severity: model.SeverityInfo, Rule: "TXT", Field: field, Message: msg})
	}
	reason := func(c Change, r, field, what string) {
		if c.Known && !c.Same && strings.TrimSpace(r) == "" {
			add("texts.reasons."+field, "情况说明未写"+what+c.Word+"的原因：输入没有给出（texts.reasons."+field+"）")
		}
	}
	reason(f.Income.Change, f.Income.Reason, "income", "预算收入")
	reason(f.Expenditure.Change, f.Expenditure.Reason, "expenditure", "预算支出")
	reason(f.Operating.Change, f.Operating.Reason, "operating_costs", "机关运行经费")
	reason(f.ThreePublic.Change, f.ThreePublic.Reason, "three_public", "“三公”经费")
	reason(f.ThreePublic.ReceptionChange, f.ThreePublic.ReceptionReason, "reception", "公务接待费")
	reason(f.Procurement.Change, f.Procurement.Reason, "procurement", "政府采购预算")
	if len(f.Duties) == 0 {
		add("texts.duties", "概况未写主要职责：输入没有给出（texts.duties）")
	}
	if f.Organization == "" {
		add("texts.organization", "概况未写机构设置情况：输入没有给出（texts.organization）")
	}
	return out
}
