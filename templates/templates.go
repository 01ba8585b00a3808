package templates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// decimals is the number of places of the extra sheets (文中数据, 核对结果).
const decimals = 2

// Options control Document and Sheet. The zero value prints every table of
// the default profile (hubei).
type Options struct {
	// OnlyPresent skips the tables the disclosure does not give (nil)
	// instead of printing them empty with their note.
	OnlyPresent bool
	// Profile is the layout; nil means profiles.Default() (hubei). Use
	// profiles.Open to get an embedded profile by name or a user's file.
	Profile *profiles.Profile
}

func (o Options) profile() *profiles.Profile {
	if o.Profile != nil {
		return o.Profile
	}
	return profiles.Default()
}

// Document lays out the tables of d in the order of the profile, one sheet
// each. With o.OnlyPresent the tables d does not give are left out;
// otherwise they print empty with their note.
//
// The document title comes from the profile, e.g.
// 天门市12345公共服务热线中心2023年部门预算公开表, its author is the
// department, and its date d.Date (or 1 January of the year), so the same
// input always gives the same document.
func Document(d *model.Disclosure, o Options) (layout.Document, error) {
	if d == nil {
		return layout.Document{}, ErrNoDisclosure
	}
	date, err := documentDate(d)
	if err != nil {
		return layout.Document{}, err
	}
	p := o.profile()
	unit := unitOf(d)
	doc := layout.Document{
		Title:   p.Fill(p.Document.Title, d.Year, d.Department, unit),
		Author:  d.Department,
		Subject: p.Fill(p.Document.Subject, d.Year, d.Department, unit),
		Date:    date,
	}
	for _, t := range p.Tables {
		if o.OnlyPresent && !d.Tables.Present(t.Data) {
			continue
		}
		s, err := sheet(d, p, t)
		if err != nil {
			return layout.Document{}, err
		}
		doc.Sheets = append(doc.Sheets, s)
	}
	return doc, nil
}

// Sheet lays out one table of d: the profile's table with that id, else
// the first one filled by model table id. A table d does not give prints
// empty with its note, unless o.OnlyPresent is set, when Sheet returns
// ErrTableAbsent.
func Sheet(d *model.Disclosure, id model.TableID, o Options) (layout.Sheet, error) {
	if d == nil {
		return layout.Sheet{}, ErrNoDisclosure
	}
	p := o.profile()
	t := p.Table(string(id))
	if t == nil {
		t = p.TableFor(id)
	}
	if t == nil {
		return layout.Sheet{}, fmt.Errorf("%w: %q (profile %s)", ErrUnknownTable, string(id), p.Name)
	}
	if o.OnlyPresent && !d.Tables.Present(t.Data) {
		return layout.Sheet{}, fmt.Errorf("%w: %s %s", ErrTableAbsent, t.Data.Number(), t.Data.Name())
	}
	return sheet(d, p, t)
}

func sheet(d *model.Disclosure, p *profiles.Profile, t *profiles.Table) (layout.Sheet, error) {
	if d.Unit != "" && d.Unit != model.UnitWanYuan && d.Unit != model.UnitYuan {
		return layout.Sheet{}, fmt.Errorf("金额单位（unit）“%s”应为“万元”或“元” / %w", d.Unit, ErrBadUnit)
	}
	b := builder{d: d, p: p, t: t}
	if profiles.Shape(t.Data) == profiles.ShapeSummary {
		var st *model.SummaryTable
		if t.Data == model.T01 {
			st = d.Tables.T01
		} else {
			st = d.Tables.T04
		}
		return b.summary(st), nil
	}
	return b.rowTable(), nil
}

// unitOf is the disclosure's unit; with none stated the units line says so
// (单位：（未注明）) rather than claim 万元, and no amount is converted.
func unitOf(d *model.Disclosure) string {
	if d.Unit == "" {
		return UnitUnstated
	}
	return d.Unit
}

// UnitUnstated stands for the unit of a disclosure whose Unit is empty.
const UnitUnstated = "（未注明）"

func documentDate(d *model.Disclosure) (time.Time, error) {
	if d.Date == "" {
		return time.Date(d.Year, time.January, 1, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", d.Date)
	if err != nil {
		return time.Time{}, fmt.Errorf("公开日期（date）“%s”不是 YYYY-MM-DD 格式的日期（如 2027-01-05）/ %w", d.Date, ErrBadDate)
	}
	return t, nil
}

// hc is a header cell in the spec's notation: 1-based row and column,
// rowspan, colspan.
func hc(r, c, rowSpan, colSpan int, text string) layout.HeaderCell {
	return layout.HeaderCell{Row: r - 1, Col: c - 1, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func col(key string, kind layout.ColumnKind, width float64) layout.Column {
	return layout.Column{Key: key, Kind: kind, Width: width}
}

// builder lays out one table of one disclosure by a profile.
type builder struct {
	d *model.Disclosure
	p *profiles.Profile
	t *profiles.Table
}

// fill replaces the placeholders of a profile text.
func (b builder) fill(text string) string {
	return b.p.Fill(text, b.d.Year, b.d.Department, unitOf(b.d))
}

// frame returns the sheet of the table without rows: names, title, units
// line, header with the column-number row, page intent.
func (b builder) frame(leaves []profiles.Leaf, header []profiles.HeaderCell, headerRows int) layout.Sheet {
	t := b.t
	unit := t.Unit
	if unit == "" {
		unit = unitOf(b.d)
	}
	s := layout.Sheet{
		ID:         t.ID,
		Name:       t.Sheet,
		Title:      b.fill(t.Title),
		UnitLine:   b.p.Fill(t.Units, b.d.Year, b.d.Department, unit),
		Preparer:   b.fill(t.Preparer),
		HeaderRows: headerRows,
		NumberRow:  t.NumberRow,
		Decimals:   int32(t.Format.Decimals),
		Thousands:  t.Format.Thousands,
		TrimZeros:  t.Format.Trim,
		Page:       layout.Page{Landscape: on(t.Page.Landscape), FitWidth: on(t.Page.FitWidth), RepeatHeader: on(t.Page.RepeatHeader)},
	}
	for _, l := range leaves {
		s.Columns = append(s.Columns, layout.Column{Key: l.Key, Kind: layout.ColumnKind(l.Kind), Width: l.Width})
	}
	for _, h := range header {
		s.Header = append(s.Header, layout.HeaderCell{Row: h.Row, Col: h.Col, RowSpan: h.RowSpan, ColSpan: h.ColSpan, Text: h.Text})
	}
	if t.NumberRow {
		for c := range leaves {
			s.Header = append(s.Header, layout.HeaderCell{Row: headerRows, Col: c, RowSpan: 1, ColSpan: 1, Text: strconv.Itoa(c + 1)})
		}
		s.HeaderRows++
	}
	return s
}

func on(b *bool) bool { return b != nil && *b }

// notes returns the notes under a table: the note the data states, else the
// profile's empty-table note when the table is empty.
func (b builder) notes(stated string, empty bool) []string {
	if stated != "" {
		return []string{stated}
	}
	if empty && b.t.Empty.Note != "" {
		return []string{b.fill(b.t.Empty.Note)}
	}
	return nil
}

// amount is the display cell of a in the table's unit and number format;
// showZero says whether a zero prints (0.00) or as an empty cell.
func (b builder) amount(a model.Amount, showZero bool) layout.Cell {
	return b.amountFrom(a, unitOf(b.d), showZero)
}

// amountFrom is amount for an amount stated in unit from.
func (b builder) amountFrom(a model.Amount, from string, showZero bool) layout.Cell {
	f := b.t.Format
	v := a.Decimal()
	if b.t.Unit != "" && !a.IsBlank() {
		switch {
		case from == model.UnitYuan && b.t.Unit == model.UnitWanYuan:
			v = v.Shift(-4)
		case from == model.UnitWanYuan && b.t.Unit == model.UnitYuan:
			v = v.Shift(4)
		}
	}
	c := layout.AmountCell(v, a.IsBlank(), int32(f.Decimals), showZero)
	if c.Empty || !c.Numeric {
		return c
	}
	if f.Trim {
		c.Text = c.Value.String()
		if c.Text == "" {
			c.Text = "0"
		}
	}
	if f.Thousands {
		c.Text = group(c.Text)
	}
	return c
}

// group inserts thousands separators in a decimal text: 189767551 → 189,767,551.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var out []byte
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	if hasFrac {
		return sign + string(out) + "." + frac
	}
	return sign + string(out)
}

// number is a count or quantity shown as stated (not rounded).
func number(a model.Amount) layout.Cell {
	if a.IsBlank() {
		return layout.Cell{Empty: true}
	}
	return layout.Cell{Text: a.String(), Value: a.Decimal(), Numeric: true}
}

// depth is the place of a row level in the hierarchy 合计 → 科室 → 部门 →
// 单位 → detail (and 合计 → 类 → 款 in 表六).
func depth(l model.Level) int {
	switch l {
	case model.LevelTotal:
		return 0
	case model.LevelSection, model.LevelClass:
		return 1
	case model.LevelDepartment, model.LevelItem:
		return 2
	case model.LevelUnit:
		return 3
	}
	return 4
}

// emphasis returns Bold for 合计 rows.
func emphasis(l model.Level) layout.Emphasis {
	if l == model.LevelTotal {
		return layout.Bold
	}
	return layout.Plain
}

func ref(id model.TableID, part string, i int) string {
	return fmt.Sprintf("%s.%s[%d]", id, part, i)
}
