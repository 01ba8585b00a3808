// Package profiles holds the layouts of the disclosure tables as data: for
// each region (or year) a YAML file says which tables print and in which
// order, their titles, units line, header grid with its spans, which model
// field each leaf column shows, the column-number row, zero display, number
// format, empty-table note and page setup.
//
// Its place in gongkai's one-way flow:
//
//	importer → model → check → templates (by profile) → layout → exporters
//
// templates builds the sheets from a Profile; the readers of official
// workbooks and of text tables find tables through it (Table, TableFor,
// LeafColumns, Words). profiles imports only model: the field names a
// column may show are the JSON names of the model's row fields (Fields).
//
// The profiles hubei (the default, 天门市 wording) and shanghai are embedded;
// Parse and LoadFile read a user's file and validate it, reporting every
// problem with its file and line.
package profiles
