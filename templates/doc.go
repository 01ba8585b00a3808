// Package templates lays out the standard 部门预算公开表 of a
// model.Disclosure as renderer-neutral layout sheets: the printed title, the
// units line, the header grid with its merged cells (spec/forms.md §4), the
// column-number row, typed columns with widths, and the body rows with the
// zero display of each table. It also builds the two extra sheets of a
// converted text disclosure: 文中数据 (FiguresSheet) and 核对结果
// (FindingsSheet).
//
// Its place in gongkai's one-way flow:
//
//	importer → model → check → templates (by profile) → layout → exporter/xlsx, exporter/pdf
//
// templates imports only model, profiles and layout; the exporters draw what it
// builds and never see the model.
//
// Every layout is data: the profile (package profiles, an embedded YAML
// file such as profiles/hubei.yaml, or a user's file) says which tables print
// and in which order, their titles, units line, header grid with its spans,
// the model field each leaf column shows, the column-number row, the zero
// display, the number format and the empty-table note. Options.Profile
// chooses it; nil means hubei. The code here is the engine that reads the
// profile: one for the summary tables (表一, 表四) and one for every table of
// rows.
//
// Nothing is recomputed: a total shows what the data states, mistakes
// included (the check package reports them). Amounts are rounded once, here,
// half away from zero (四舍五入) to two places, with layout.AmountCell.
//
// The column-number row (1 2 3 …) of 表二, 三, 五, 七, 八, 九 and 十 is part of
// Sheet.Header: its cells are the last header row and Sheet.NumberRow is
// true, so an exporter draws every header cell the same way and may style
// that row differently.
package templates
