package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"gongkai/model"
)

// MaxSize is the largest profile file Parse reads (1 MiB).
const MaxSize = 1 << 20

// LoadFile reads and validates the profile file name.
func LoadFile(name string) (*Profile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("profiles: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("profiles: %s: %w", name, err)
	}
	return Parse(name, b)
}

// Parse reads and validates a profile from YAML. Every problem found is
// returned at once as model.ParseErrors, each with the file and line, e.g.
//
//	my.yaml:41: column “合计” has span 3 but the header has 2 rows
//
// The problems wrap ErrSyntax, ErrUnknownKey, ErrUnknownField, ErrSpan,
// ErrMissingTable, ErrDuplicateID or ErrBadValue.
func Parse(name string, data []byte) (*Profile, error) {
	if len(data) > MaxSize {
		return nil, model.ParseErrors{{File: name, Err: &problem{ErrBadValue, fmt.Sprintf("the file is larger than %d bytes", MaxSize)}}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, model.ParseErrors{{File: name, Err: &problem{ErrMissingTable, "the file is empty"}}}
		}
		return nil, yamlErrors(name, err)
	}
	v := validator{file: name}
	v.keys(&root, reflect.TypeFor[Profile](), "")
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	p := &Profile{File: name}
	if err := root.Decode(p); err != nil {
		return nil, yamlErrors(name, err)
	}
	v.profile(p, &root)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return p, nil
}

// UnmarshalYAML records the line of a table.
func (t *Table) UnmarshalYAML(n *yaml.Node) error {
	type plain Table
	if err := n.Decode((*plain)(t)); err != nil {
		return err
	}
	t.Line = n.Line
	return nil
}

// UnmarshalYAML records the line of a column.
func (c *Column) UnmarshalYAML(n *yaml.Node) error {
	type plain Column
	if err := n.Decode((*plain)(c)); err != nil {
		return err
	}
	c.Line = n.Line
	return nil
}

// UnmarshalYAML records the line of a variant.
func (va *Variant) UnmarshalYAML(n *yaml.Node) error {
	type plain Variant
	if err := n.Decode((*plain)(va)); err != nil {
		return err
	}
	va.Line = n.Line
	return nil
}

// UnmarshalYAML records the line of a footer row.
func (f *FooterRow) UnmarshalYAML(n *yaml.Node) error {
	type plain FooterRow
	if err := n.Decode((*plain)(f)); err != nil {
		return err
	}
	f.Line = n.Line
	return nil
}

var reYAMLLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlErrors turns the library's messages ("yaml: line 4: …") into
// located problems.
func yamlErrors(name string, err error) error {
	var out model.ParseErrors
	var lines []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		lines = te.Errors
	} else {
		lines = []string{err.Error()}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		pe := &model.ParseError{File: name}
		if m := reYAMLLine.FindStringSubmatch(l); m != nil {
			pe.Line, _ = strconv.Atoi(m[1])
			l = m[2]
		}
		pe.Err = &problem{ErrSyntax, strings.TrimPrefix(l, "yaml: ")}
		out = append(out, pe)
	}
	return out
}

type validator struct {
	file string
	errs model.ParseErrors
}

func (v *validator) add(line int, kind error, format string, args ...any) {
	v.errs = append(v.errs, &model.ParseError{File: v.file, Line: line, Err: &problem{kind, fmt.Sprintf(format, args...)}})
}

// keys reports mapping keys that the type t does not have, walking the
// node tree beside the Go types.
func (v *validator) keys(n *yaml.Node, t reflect.Type, where string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			v.keys(c, t, where)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // the decoder reports the type mismatch
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			fields[tag] = f.Type
			names = append(names, tag)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Value == "<<" && k.Tag == "!!merge" {
				continue // a merged anchor is checked where it is defined
			}
			ft, ok := fields[k.Value]
			if !ok {
				v.add(k.Line, ErrUnknownKey, "unknown key %q%s (known: %s)", k.Value, where, strings.Join(names, ", "))
				continue
			}
			v.keys(val, ft, where)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				v.keys(c, t.Elem(), where)
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				v.keys(n.Content[i], t.Elem(), where)
			}
		}
	}
}

var sheetChars = regexp.MustCompile(`[\[\]:*?/\\]`)

// profile checks the decoded profile and computes each table's grid.
func (v *validator) profile(p *Profile, root *yaml.Node) {
	line := 1
	if len(root.Content) > 0 {
		line = root.Content[0].Line
	}
	if p.Name == "" {
		v.add(line, ErrBadValue, "the profile has no name")
	}
	if len(p.Tables) == 0 {
		v.add(line, ErrMissingTable, "the profile has no tables")
	}
	v.zero(line, p.Defaults.Zero)
	v.format(line, p.Defaults.Format)
	ids := map[string]int{}
	sheets := map[string]int{}
	for _, t := range p.Tables {
		if t == nil {
			v.add(line, ErrMissingTable, "an empty table entry")
			continue
		}
		if t.ID == "" {
			v.add(t.Line, ErrMissingTable, "a table without id")
			continue
		}
		if first, dup := ids[t.ID]; dup {
			v.add(t.Line, ErrDuplicateID, "table id %q is used twice (first at line %d)", t.ID, first)
		}
		ids[t.ID] = t.Line
		if t.Data == "" {
			t.Data = model.TableID(t.ID)
		}
		if !t.Data.Valid() {
			v.add(t.Line, ErrMissingTable, "table %q: data %q is not a model table (t01 … t10)", t.ID, t.Data)
			continue
		}
		v.inherit(p, t)
		if t.Sheet == "" {
			t.Sheet = t.Data.Number() + " " + t.Data.Name()
		}
		if n := len([]rune(t.Sheet)); n > 31 || sheetChars.MatchString(t.Sheet) {
			v.add(t.Line, ErrBadValue, "table %q: sheet name %q must have at most 31 characters and none of []:*?/\\", t.ID, t.Sheet)
		}
		if first, dup := sheets[t.Sheet]; dup {
			v.add(t.Line, ErrDuplicateID, "sheet name %q is used twice (first at line %d)", t.Sheet, first)
		}
		sheets[t.Sheet] = t.Line
		if t.Title == "" {
			t.Title = t.Data.Name()
		}
		v.zero(t.Line, t.Zero)
		v.format(t.Line, t.Format)
		if t.TotalRow != "" && t.TotalRow != "first" && t.TotalRow != "last" {
			v.add(t.Line, ErrBadValue, "table %q: total_row %q is neither first nor last", t.ID, t.TotalRow)
		}
		if t.Unit != "" && t.Unit != model.UnitWanYuan && t.Unit != model.UnitYuan {
			v.add(t.Line, ErrBadValue, "table %q: unit %q is neither 万元 nor 元", t.ID, t.Unit)
		}
		for _, l := range t.Bold {
			if !validLevel(l) {
				v.add(t.Line, ErrBadValue, "table %q: bold level %q is not a row level", t.ID, l)
			}
		}
		for _, l := range t.Levels {
			if !validLevel(l) {
				v.add(t.Line, ErrBadValue, "table %q: levels: %q is not a row level", t.ID, l)
			}
		}
		if t.Empty != nil && t.Empty.Rows < 0 {
			v.add(t.Line, ErrBadValue, "table %q: empty rows %d is negative", t.ID, t.Empty.Rows)
		}
		g, ok := v.grid(t, t.Columns, t.HeaderRows, t.Line)
		if ok {
			t.leaves, t.header, t.rows = g.leaves, g.header, g.rows
		}
		t.variants = map[string]*grid{}
		for scheme, va := range t.Variants {
			if va == nil {
				continue
			}
			if RowType(t.Data) != reflect.TypeFor[model.ExpenditureRow]() {
				v.add(va.Line, ErrBadValue, "table %q: variants apply only to expenditure tables (t03, t05, t08, t10)", t.ID)
				continue
			}
			if scheme != model.SchemeBasicProject && scheme != model.SchemeCategory {
				v.add(va.Line, ErrBadValue, "table %q: variant %q is not a column scheme (%s, %s)", t.ID, scheme, model.SchemeCategory, model.SchemeBasicProject)
				continue
			}
			if g, ok := v.grid(t, va.Columns, va.HeaderRows, va.Line); ok {
				t.variants[scheme] = g
			}
		}
		if ok && t.TotalColumn != "" {
			found := false
			for i, l := range t.leaves {
				if l.Field == t.TotalColumn {
					found = true
					if t.TotalSpan > len(t.leaves)-i {
						v.add(t.Line, ErrSpan, "table %q: total_span %d runs past the last column", t.ID, t.TotalSpan)
					}
				}
			}
			if !found {
				v.add(t.Line, ErrUnknownField, "table %q: total_column %q is not one of its columns", t.ID, t.TotalColumn)
			}
		}
		v.summary(t)
	}
}

func validLevel(l model.Level) bool {
	switch l {
	case model.LevelTotal, model.LevelSection, model.LevelDepartment, model.LevelUnit,
		model.LevelDetail, model.LevelClass, model.LevelItem:
		return true
	}
	return false
}

// inherit fills what a table leaves unset from the profile's defaults.
func (v *validator) inherit(p *Profile, t *Table) {
	d := p.Defaults
	if t.Units == "" {
		t.Units = d.Units
	}
	if t.Preparer == "" {
		t.Preparer = d.Preparer
	}
	if t.Unit == "" {
		t.Unit = d.Unit
	}
	if t.Zero == "" {
		t.Zero = d.Zero
	}
	if t.Zero == "" {
		t.Zero = ZeroBlank
	}
	if t.Format == nil {
		t.Format = d.Format
	}
	if t.Format == nil {
		t.Format = &Format{Decimals: 2}
	}
	if t.Page == nil {
		t.Page = d.Page
	} else if d.Page != nil {
		merged := *t.Page
		if merged.Landscape == nil {
			merged.Landscape = d.Page.Landscape
		}
		if merged.FitWidth == nil {
			merged.FitWidth = d.Page.FitWidth
		}
		if merged.RepeatHeader == nil {
			merged.RepeatHeader = d.Page.RepeatHeader
		}
		t.Page = &merged
	}
	if t.Page == nil {
		t.Page = &Page{}
	}
	if t.Total == "" {
		t.Total = d.Total
	}
	if t.Total == "" {
		t.Total = "合计"
	}
	if t.Empty == nil {
		t.Empty = d.Empty
	} else if d.Empty != nil && t.Empty.Note == "" {
		e := *t.Empty
		e.Note = d.Empty.Note
		t.Empty = &e
	}
	if t.Empty == nil {
		t.Empty = &EmptyTable{}
	}
	if t.Bold == nil { // bold: [] prints no row bold
		t.Bold = []model.Level{model.LevelTotal}
	}
	if t.TotalSpan == 0 {
		t.TotalSpan = 1
	}
}

func (v *validator) zero(line int, z string) {
	if z != "" && z != ZeroBlank && z != ZeroShow {
		v.add(line, ErrBadValue, "zero %q is neither %s nor %s", z, ZeroBlank, ZeroShow)
	}
}

func (v *validator) format(line int, f *Format) {
	if f != nil && (f.Decimals < 0 || f.Decimals > 6) {
		v.add(line, ErrBadValue, "format decimals %d is not between 0 and 6", f.Decimals)
	}
}

// grid checks a header tree and lays it out: every path from the top to a
// leaf must fill the header's rows exactly.
func (v *validator) grid(t *Table, cols []*Column, rows, line int) (*grid, bool) {
	if len(cols) == 0 {
		v.add(line, ErrMissingTable, "table %q has no columns", t.ID)
		return nil, false
	}
	// The depth a tree needs: groups take their rows (1 unless set), a
	// leaf one row.
	var need func(c *Column) int
	need = func(c *Column) int {
		if c == nil {
			return 0
		}
		if len(c.Columns) == 0 {
			return 1 // a leaf fills what is left; its own span is checked below
		}
		own := max(c.Rows, 1)
		deepest := 0
		for _, ch := range c.Columns {
			deepest = max(deepest, need(ch))
		}
		return own + deepest
	}
	depth := 0
	for _, c := range cols {
		depth = max(depth, need(c))
	}
	if rows == 0 {
		rows = depth
	}
	g := &grid{rows: rows}
	ok := true
	keys := map[string]int{}
	var place func(c *Column, row int, words []string)
	place = func(c *Column, row int, words []string) {
		if c == nil {
			v.add(line, ErrBadValue, "table %q: an empty column entry", t.ID)
			ok = false
			return
		}
		if c.Rows < 0 {
			v.add(c.Line, ErrSpan, "column “%s” has span %d", c.Text, c.Rows)
			ok = false
			return
		}
		words = append(append([]string(nil), words...), c.Text)
		if len(c.Columns) == 0 { // a leaf
			span := rows - row
			if c.Rows > 0 && c.Rows != span {
				if row == 0 {
					v.add(c.Line, ErrSpan, "column “%s” has span %d but the header has %d rows", c.Text, c.Rows, rows)
				} else {
					v.add(c.Line, ErrSpan, "column “%s” has span %d but %d header rows are left under its group", c.Text, c.Rows, span)
				}
				ok = false
				return
			}
			if span < 1 {
				v.add(c.Line, ErrSpan, "column “%s” starts below the header's %d rows", c.Text, rows)
				ok = false
				return
			}
			v.leaf(t, c, len(g.leaves), words, g, keys)
			g.header = append(g.header, HeaderCell{Row: row, Col: len(g.leaves) - 1, RowSpan: span, ColSpan: 1, Text: c.Text})
			return
		}
		if c.Field != "" {
			v.add(c.Line, ErrBadValue, "column “%s” has both a field and columns under it; only a leaf shows a field", c.Text)
			ok = false
		}
		span := max(c.Rows, 1)
		if row+span >= rows {
			v.add(c.Line, ErrSpan, "column “%s” has span %d but the header has %d rows, leaving none for the columns under it", c.Text, span, rows)
			ok = false
			return
		}
		first := len(g.leaves)
		at := len(g.header)
		g.header = append(g.header, HeaderCell{Row: row, RowSpan: span, Text: c.Text})
		for _, ch := range c.Columns {
			place(ch, row+span, words)
		}
		g.header[at].Col = first
		g.header[at].ColSpan = len(g.leaves) - first
	}
	for _, c := range cols {
		place(c, 0, nil)
	}
	if !ok {
		return nil, false
	}
	sortHeader(g.header)
	return g, true
}

// leaf checks a leaf column and adds it to g.
func (v *validator) leaf(t *Table, c *Column, index int, words []string, g *grid, keys map[string]int) {
	l := Leaf{Index: index, Field: c.Field, Key: c.Key, Kind: c.Kind, Width: c.Width, Zero: c.Zero, Words: words}
	if c.Field == "" {
		v.add(c.Line, ErrUnknownField, "column “%s” names no model field (field:)", c.Text)
	} else if f, ok := field(t.Data, c.Field); !ok {
		v.add(c.Line, ErrUnknownField, "column “%s”: %q is not a field of %s (%s); see `gongkai profile fields %s`", c.Text, c.Field, t.Data, t.Data.Name(), t.Data)
	} else if l.Kind == "" {
		l.Kind = f.Kind
	}
	switch l.Kind {
	case "", KindText, KindCode, KindAmount, KindNumber:
	default:
		v.add(c.Line, ErrBadValue, "column “%s”: kind %q is not text, code, amount or number", c.Text, l.Kind)
	}
	if l.Key == "" {
		l.Key = strings.ReplaceAll(c.Field, ".", "_")
	}
	if first, dup := keys[l.Key]; dup && l.Key != "" {
		v.add(c.Line, ErrDuplicateID, "column “%s”: key %q is used twice in table %q (first at line %d)", c.Text, l.Key, t.ID, first)
	}
	keys[l.Key] = c.Line
	if c.Width < 0 || c.Width > 100 {
		v.add(c.Line, ErrBadValue, "column “%s”: width %g is not between 0 and 100", c.Text, c.Width)
	}
	if l.Width == 0 {
		l.Width = 6
	}
	v.zero(c.Line, c.Zero)
	if l.Zero == "" {
		l.Zero = t.Zero
	}
	g.leaves = append(g.leaves, l)
}

func sortHeader(h []HeaderCell) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && (h[j].Row < h[j-1].Row || h[j].Row == h[j-1].Row && h[j].Col < h[j-1].Col); j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// summary checks the summary options of a table.
func (v *validator) summary(t *Table) {
	s := t.Summary
	if Shape(t.Data) != ShapeSummary {
		if s != nil {
			v.add(t.Line, ErrBadValue, "table %q: summary options apply only to t01 and t04", t.ID)
		}
		return
	}
	if s == nil {
		t.Summary = &Summary{}
		s = t.Summary
	}
	switch s.FunctionLabel {
	case "":
		s.FunctionLabel = "code_name"
	case "code_name", "ordinal":
	default:
		v.add(t.Line, ErrBadValue, "table %q: function_label %q is neither code_name nor ordinal", t.ID, s.FunctionLabel)
	}
	if s.BlockGap < 0 || s.MinRows < 0 {
		v.add(t.Line, ErrBadValue, "table %q: block_gap and min_rows must not be negative", t.ID)
	}
	has := map[string]bool{}
	for _, l := range t.leaves {
		has[l.Field] = true
	}
	if len(t.leaves) > 0 && !has["income_item"] {
		v.add(t.Line, ErrUnknownField, "table %q: a summary table needs an income_item column", t.ID)
	}
	for _, r := range s.IncomeRows {
		if r.Key == "" || r.Label == "" {
			v.add(t.Line, ErrBadValue, "table %q: an income row needs a key and a label", t.ID)
		}
	}
	for _, f := range s.Footer {
		switch f.Kind {
		case FooterCarryoverLines:
			continue
		case "":
		default:
			v.add(f.Line, ErrBadValue, "footer row kind %q is not %s", f.Kind, FooterCarryoverLines)
			continue
		}
		if f.IncomeValue != "" && !contains(footerIncome, f.IncomeValue) {
			v.add(f.Line, ErrUnknownField, "footer income_value %q is not one of %s", f.IncomeValue, strings.Join(footerIncome, ", "))
		}
		if f.ExpenditureValue != "" && !contains(footerExpenditure, f.ExpenditureValue) {
			v.add(f.Line, ErrUnknownField, "footer expenditure_value %q is not one of %s", f.ExpenditureValue, strings.Join(footerExpenditure, ", "))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
