package xlsxin

import (
	"strings"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// form is what the reader matches one table against: the layout templates
// builds for an empty disclosure (title, header grid, columns with their
// model keys), and for the expenditure tables one form per column scheme.
type form struct {
	id     model.TableID
	scheme string // expenditure tables: the column scheme of this variant
	sheet  layout.Sheet
	titles []string   // normalised: the printed title and the table's name
	paths  [][]string // per column: normalised header texts, top to bottom, without the number row
	leaf   []layout.HeaderCell
	fields []string // per column: the model field the profile's leaf shows (func_code.class for a part of a code)
	// zeroBlank per column: the profile prints a 0 there as an empty cell,
	// so an empty cell states 0 (elsewhere an empty cell states nothing).
	zeroBlank []bool
	unit      string // the table's own amount unit when the profile sets one
}

// forms returns the forms of the tables of profile p, one per column
// scheme of an expenditure table.
func forms(p *profiles.Profile) ([]form, error) {
	var out []form
	for _, pt := range p.Tables {
		id := pt.Data
		schemes := []string{""}
		if v := pt.Schemes(); len(v) > 0 {
			schemes = append([]string{model.SchemeCategory}, v...)
		}
		for _, sc := range schemes {
			d := &model.Disclosure{Year: 2000, Unit: model.UnitWanYuan}
			if sc != "" {
				t := &model.ExpenditureTable{Scheme: sc}
				d.Tables.SetExpenditure(id, t)
			}
			s, err := templates.Sheet(d, model.TableID(pt.ID), templates.Options{Profile: p})
			if err != nil {
				return nil, err
			}
			f := form{id: id, scheme: sc, sheet: s, unit: pt.Unit}
			leaves, _, _ := pt.ForScheme(sc)
			if len(leaves) == len(s.Columns) {
				for _, l := range leaves {
					f.fields = append(f.fields, l.Field)
					f.zeroBlank = append(f.zeroBlank, l.Kind == profiles.KindAmount && !l.ShowZero())
					if l.Field == "basic" && f.scheme == "" {
						f.scheme = model.SchemeBasicProject // the columns of the older scheme, whatever the profile calls it
					}
				}
			}
			// Titles may carry the year ({year}年部门…): match without it.
			f.titles = []string{stripYear(norm(s.Title)), norm(id.Name())}
			f.paths, f.leaf = headerPaths(s)
			out = append(out, f)
		}
	}
	return out, nil
}

// headerRows is the number of header rows without the column-number row.
func (f *form) headerRows() int {
	if f.sheet.NumberRow {
		return f.sheet.HeaderRows - 1
	}
	return f.sheet.HeaderRows
}

// headerPaths returns, per column, the texts of the header cells above it
// (top to bottom, normalised, the column-number row left out) and the
// lowest of those cells.
func headerPaths(s layout.Sheet) ([][]string, []layout.HeaderCell) {
	rows := s.HeaderRows
	if s.NumberRow {
		rows--
	}
	paths := make([][]string, len(s.Columns))
	leaf := make([]layout.HeaderCell, len(s.Columns))
	for r := 0; r < rows; r++ {
		for _, h := range s.Header {
			if h.Row != r {
				continue
			}
			for c := h.Col; c < h.Col+max(h.ColSpan, 1) && c < len(paths); c++ {
				paths[c] = append(paths[c], norm(h.Text))
				leaf[c] = h
			}
		}
	}
	return paths, leaf
}

// firstHeaderTexts returns the normalised texts of the top header row.
func (f *form) firstHeaderTexts() map[string]bool {
	m := map[string]bool{}
	for _, h := range f.sheet.Header {
		if h.Row == 0 {
			m[norm(h.Text)] = true
		}
	}
	return m
}

// norm removes white space and unifies the quotes and brackets people type
// in both widths, so that 一般公共预算"三公"经费支出表 and
// 一般公共预算“三公”经费支出表 match.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			continue
		case '“', '”', '"', '＂', '「', '」':
			r = '"'
		case '（':
			r = '('
		case '）':
			r = ')'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stripYear removes a year (2000年) from a normalised title.
func stripYear(s string) string { return yearRE.ReplaceAllString(s, "") }
