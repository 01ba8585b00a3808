package profiles

import (
	"strconv"
	"strings"

	"gongkai/model"
)

// Profile is the layout of one region's (or year's) set of tables: which
// tables print, in which order, and how each one looks. Load and Embedded
// return validated profiles; the zero value is not useful.
type Profile struct {
	// Name identifies the profile, e.g. hubei, shanghai.
	Name string `yaml:"name"`
	// Description says in a line where the layout comes from.
	Description string `yaml:"description"`
	// Document holds the wording of the whole document.
	Document DocumentText `yaml:"document"`
	// Subject replaces {subject} in titles and notes: 部门 or 单位.
	Subject string `yaml:"subject"`
	// Defaults apply to every table that does not set the same key.
	Defaults Defaults `yaml:"defaults"`
	// Tables in printed order.
	Tables []*Table `yaml:"tables"`

	// File is where the profile was read from (for messages).
	File string `yaml:"-"`
}

// DocumentText is the wording of the document as a whole. Both texts may use
// {year}, {department} and {subject}.
type DocumentText struct {
	Title   string `yaml:"title"`   // e.g. {department}{year}年部门预算公开表
	Subject string `yaml:"subject"` // e.g. {year}年部门预算公开
}

// Defaults are the settings a table inherits when it does not set them.
type Defaults struct {
	Units    string      `yaml:"units"`    // units line, e.g. 单位：{unit}
	Unit     string      `yaml:"unit"`     // unit amounts print in (万元, 元); "" = the disclosure's
	Preparer string      `yaml:"preparer"` // line at the left of the units line, e.g. 编制部门：{department}
	Zero     string      `yaml:"zero"`     // ZeroBlank or ZeroShow
	Format   *Format     `yaml:"format"`
	Page     *Page       `yaml:"page"`
	Total    string      `yaml:"total"` // label of the 合计 row
	Empty    *EmptyTable `yaml:"empty"`
}

// Zero display of amount cells.
const (
	ZeroBlank = "blank" // a zero amount prints as an empty cell
	ZeroShow  = "show"  // a zero amount prints 0.00 (or 0)
)

// Format is how amounts print.
type Format struct {
	// Decimals is the number of places amounts are rounded to (四舍五入).
	Decimals int `yaml:"decimals"`
	// Thousands groups digits: 189,767,551.
	Thousands bool `yaml:"thousands"`
	// Trim drops trailing zeros after rounding (37.90 → 37.9, 15.00 → 15), as
	// a spreadsheet's General format shows numbers.
	Trim bool `yaml:"trim"`
}

// Page is the print setup of a table.
type Page struct {
	Landscape    *bool `yaml:"landscape"`
	FitWidth     *bool `yaml:"fit_width"`
	RepeatHeader *bool `yaml:"repeat_header"`
}

// EmptyTable says how a table without rows prints.
type EmptyTable struct {
	// Note is printed under the grid when the data states no note of its
	// own; it may use {year}, {department} and {subject}.
	Note string `yaml:"note"`
	// Rows is the number of empty bordered rows before the 合计 row.
	Rows int `yaml:"rows"`
}

// Table is the layout of one printed table.
type Table struct {
	// ID names the table in the profile and on the sheet, e.g. t05.
	ID string `yaml:"id"`
	// Data is the model table that fills it (t01 … t10); it defaults to ID.
	Data model.TableID `yaml:"data"`
	// Sheet is the tab name (at most 31 characters).
	Sheet string `yaml:"sheet"`
	// Title is printed above the table; it may use {year}, {department},
	// {subject}.
	Title string `yaml:"title"`
	// Units is the units line, e.g. 单位：{unit} or 单位:万元.
	Units string `yaml:"units"`
	// Preparer is printed at the left of the units line, e.g.
	// 编制部门：{department}.
	Preparer string `yaml:"preparer"`
	// Unit is the unit the amounts print in (万元 or 元); empty means the
	// disclosure's own unit. Amounts are converted when they differ.
	Unit string `yaml:"unit"`
	// NumberRow adds the column-number row 1 2 3 … under the header.
	NumberRow bool `yaml:"number_row"`
	// Zero is the zero display of amount columns (ZeroBlank, ZeroShow).
	Zero string `yaml:"zero"`
	// Format is how amounts print.
	Format *Format `yaml:"format"`
	// Page is the print setup.
	Page *Page `yaml:"page"`
	// Total is the label of the 合计 row when the data states no name.
	Total string `yaml:"total"`
	// TotalColumn is the field of the column that carries the 合计 label;
	// TotalSpan merges it over that many columns.
	TotalColumn string `yaml:"total_column"`
	TotalSpan   int    `yaml:"total_span"`
	// TotalRow places the 合计 rows: first (as the data states them, the
	// default) or last (Shanghai prints 合计 under the rows).
	TotalRow string `yaml:"total_row"`
	// Bold lists the row levels printed bold (default: total).
	Bold []model.Level `yaml:"bold"`
	// Levels lists the row levels printed (default: every row). Shanghai's
	// 表9 is one line for the department: levels [total] leaves out the
	// rows of its units that Hubei data states under it. When no row has
	// one of these levels, every row prints (nothing is dropped unseen).
	Levels []model.Level `yaml:"levels"`
	// Empty says how the table prints without rows.
	Empty *EmptyTable `yaml:"empty"`
	// HeaderRows is the number of header rows (without the column-number
	// row); 0 means the depth of Columns.
	HeaderRows int `yaml:"header_rows"`
	// Columns is the header as a tree: a group's children print under it.
	Columns []*Column `yaml:"columns"`
	// Variants replace Columns (and HeaderRows) when the data uses another
	// column scheme, keyed by the scheme (e.g. basic_project).
	Variants map[string]*Variant `yaml:"variants"`
	// Summary holds the wording of the summary tables (表一, 表四).
	Summary *Summary `yaml:"summary"`

	// Line is the line of the table in its file.
	Line int `yaml:"-"`

	leaves   []Leaf
	header   []HeaderCell
	rows     int
	variants map[string]*grid
}

// Variant is another header for another column scheme of the data.
type Variant struct {
	HeaderRows int       `yaml:"header_rows"`
	Columns    []*Column `yaml:"columns"`
	Line       int       `yaml:"-"`
}

// Column is one header cell: a leaf shows a model field; a group spans its
// children.
type Column struct {
	// Text is the header text.
	Text string `yaml:"text"`
	// Field is the model field a leaf shows (see Fields).
	Field string `yaml:"field"`
	// Key is the layout column key; it defaults to Field with dots as
	// underscores.
	Key string `yaml:"key"`
	// Kind is text, code, amount or number; it defaults to the field's kind.
	Kind string `yaml:"kind"`
	// Width is in CJK character widths.
	Width float64 `yaml:"width"`
	// Rows is the number of header rows the cell spans; a leaf spans down to
	// the last header row when it is not set.
	Rows int `yaml:"rows"`
	// Zero overrides the table's zero display for this column.
	Zero string `yaml:"zero"`
	// Columns are the children of a group.
	Columns []*Column `yaml:"columns"`

	// Line is the line of the column in its file.
	Line int `yaml:"-"`
}

// Summary is the wording and structure of a summary table (表一, 表四): an
// income block beside expenditure by function and by category and economic
// class, then footer rows.
type Summary struct {
	// IncomeLabels name income lines the data gives without a label, by
	// income key (general, gov_fund, …).
	IncomeLabels map[string]string `yaml:"income_labels"`
	// IncomeRows, when set, are the income rows printed in this order
	// whatever the data lists, each filled from the data's line of that key.
	IncomeRows []IncomeRow `yaml:"income_rows"`
	// FunctionLabel is how a function line is labelled: code_name (201一般公共服务支出,
	// the default) or ordinal (一、一般公共服务支出).
	FunctionLabel string `yaml:"function_label"`
	// CategoryTotal and EconomicTotal are the first lines of the category
	// and economic blocks (支出类别分类, 部门预算支出经济分类).
	CategoryTotal string `yaml:"category_total"`
	EconomicTotal string `yaml:"economic_total"`
	// BlockGap is the number of empty rows between the two blocks.
	BlockGap int `yaml:"block_gap"`
	// TotalsShowZero prints 0.00 in every amount of block totals and footer
	// rows, whatever the column's zero display.
	TotalsShowZero bool `yaml:"totals_show_zero"`
	// MinRows pads the body with empty rows to this many rows before the footer.
	MinRows int `yaml:"min_rows"`
	// Footer rows, in order.
	Footer []FooterRow `yaml:"footer"`
}

// IncomeRow is a fixed income row of a summary table.
type IncomeRow struct {
	Key   string `yaml:"key"`
	Label string `yaml:"label"`
}

// FooterRow is one footer row of a summary table: an income label and value
// beside an expenditure label and values. A row of kind carryover_lines
// prints the carry-over lines the data gives, or Labels with empty amounts
// when the data lists none.
type FooterRow struct {
	Kind             string   `yaml:"kind"`              // "" or carryover_lines
	Income           string   `yaml:"income"`            // e.g. 本年收入合计
	IncomeValue      string   `yaml:"income_value"`      // summary field, e.g. income_total
	Expenditure      string   `yaml:"expenditure"`       // e.g. 本年支出合计
	ExpenditureValue string   `yaml:"expenditure_value"` // summary field, e.g. expenditure_total
	Bold             bool     `yaml:"bold"`
	ShowZero         bool     `yaml:"show_zero"` // the income value prints 0.00 when zero
	Labels           []string `yaml:"labels"`    // carryover_lines: labels printed when the data lists none
	Line             int      `yaml:"-"`
}

// Footer row kinds.
const FooterCarryoverLines = "carryover_lines"

// Leaf is a leaf column of a table's header: what it shows and the words
// above it, for readers that find a table by its header.
type Leaf struct {
	Index int      // 0-based column
	Key   string   // layout key
	Field string   // model field (see Fields)
	Kind  string   // text, code, amount, number
	Width float64  // CJK character widths
	Zero  string   // ZeroBlank or ZeroShow
	Words []string // header texts from the top group down to the leaf
}

// HeaderCell is one cell of a header grid: 0-based row and column, spans at
// least 1.
type HeaderCell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
}

type grid struct {
	leaves []Leaf
	header []HeaderCell
	rows   int
}

// DataTables are the model tables the profile prints, in its order (for
// check.Options.Tables); nil for a nil profile.
func (p *Profile) DataTables() []model.TableID {
	if p == nil {
		return nil
	}
	ids := make([]model.TableID, 0, len(p.Tables))
	for _, t := range p.Tables {
		ids = append(ids, t.Data)
	}
	return ids
}

// Table returns the table with id, or nil.
func (p *Profile) Table(id string) *Table {
	for _, t := range p.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// TableFor returns the first table filled by model table id, or nil.
func (p *Profile) TableFor(id model.TableID) *Table {
	for _, t := range p.Tables {
		if t.Data == id {
			return t
		}
	}
	return nil
}

// LeafColumns returns the leaf columns of the default header.
func (t *Table) LeafColumns() []Leaf { return append([]Leaf(nil), t.leaves...) }

// Header returns the header grid of the default header (without the
// column-number row) and its number of rows.
func (t *Table) Header() ([]HeaderCell, int) {
	return append([]HeaderCell(nil), t.header...), t.rows
}

// Schemes lists the column schemes with their own header, sorted.
func (t *Table) Schemes() []string {
	var out []string
	for s := range t.variants {
		out = append(out, s)
	}
	sortStrings(out)
	return out
}

// ForScheme returns the leaf columns and header of the data's column
// scheme: the variant of that scheme, else the default header.
func (t *Table) ForScheme(scheme string) ([]Leaf, []HeaderCell, int) {
	if g, ok := t.variants[scheme]; ok {
		return append([]Leaf(nil), g.leaves...), append([]HeaderCell(nil), g.header...), g.rows
	}
	return t.LeafColumns(), append([]HeaderCell(nil), t.header...), t.rows
}

// Words are the header words of every leaf column of every variant, for a
// reader that recognises a table by its header.
func (t *Table) Words() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ls []Leaf) {
		for _, l := range ls {
			for _, w := range l.Words {
				if !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	add(t.leaves)
	for _, s := range t.Schemes() {
		add(t.variants[s].leaves)
	}
	return out
}

// Fill replaces the placeholders {year}, {department}, {subject} and {unit}
// of a profile text.
func (p *Profile) Fill(text string, year int, department, unit string) string {
	subject := p.Subject
	if subject == "" {
		subject = "部门"
	}
	return strings.NewReplacer("{year}", strconv.Itoa(year), "{department}", department,
		"{subject}", subject, "{unit}", unit).Replace(text)
}

// ShowZero reports whether a zero amount of the leaf prints.
func (l Leaf) ShowZero() bool { return l.Zero == ZeroShow }

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// FooterIncomeLabel returns the income label of the summary footer row
// that shows value (income_total, carryover, income_grand_total), or "".
func (t *Table) FooterIncomeLabel(value string) string {
	if t.Summary == nil {
		return ""
	}
	for _, f := range t.Summary.Footer {
		if f.Kind == "" && f.IncomeValue == value {
			return f.Income
		}
	}
	return ""
}

// CarryoverLabels returns the labels a summary table prints under its
// carry-over row when the data lists no lines.
func (t *Table) CarryoverLabels() []string {
	if t.Summary == nil {
		return nil
	}
	for _, f := range t.Summary.Footer {
		if f.Kind == FooterCarryoverLines {
			return append([]string(nil), f.Labels...)
		}
	}
	return nil
}
