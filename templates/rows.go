package templates

import (
	"reflect"
	"slices"
	"strings"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// rowTable lays out a table of rows (every table but 表一 and 表四): one
// layout row per data row, in the order the data states them, each leaf
// column showing the model field the profile names. A table the data does
// not give (nil) or gives without rows prints the profile's empty rows, one
// 合计 row and the empty-table note.
func (b builder) rowTable() layout.Sheet {
	t := b.t
	tv := tableValue(&b.d.Tables, t.Data)
	var rows reflect.Value
	var note, scheme string
	present := tv.IsValid() && !tv.IsNil()
	if present {
		e := tv.Elem()
		rows = e.FieldByName("Rows")
		note = e.FieldByName("Note").String()
		if f := e.FieldByName("Scheme"); f.IsValid() {
			scheme = f.String()
		}
	}
	leaves, header, headerRows := t.ForScheme(scheme)
	s := b.frame(leaves, header, headerRows)
	if !present || rows.Len() == 0 {
		for range t.Empty.Rows {
			s.Rows = append(s.Rows, layout.Row{Cells: emptyCells(len(leaves)), Level: 1, Ref: string(t.Data) + ".rows"})
		}
		cells := emptyCells(len(leaves))
		b.putTotal(cells, leaves)
		s.Rows = append(s.Rows, layout.Row{Cells: cells, Emphasis: layout.Bold, Level: 0, Ref: string(t.Data) + ".rows"})
		s.Notes = b.notes(note, true)
		return s
	}
	order := make([]int, 0, rows.Len())
	for i := range rows.Len() {
		if len(t.Levels) == 0 || slices.Contains(t.Levels, model.Level(rows.Index(i).FieldByName("Level").String())) {
			order = append(order, i)
		}
	}
	if len(order) == 0 { // no row of the levels printed: print them all
		for i := range rows.Len() {
			order = append(order, i)
		}
	}
	if t.TotalRow == "last" {
		isTotal := func(i int) bool {
			return model.Level(rows.Index(i).FieldByName("Level").String()) == model.LevelTotal
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch ta, tb := isTotal(a), isTotal(b); {
			case ta == tb:
				return 0
			case tb:
				return -1
			}
			return 1
		})
	}
	// The struct field each leaf reads, found once per sheet.
	rowType := rows.Type().Elem()
	index := make([][]int, len(leaves))
	for c, l := range leaves {
		name := l.Field
		if base, _, isPart := profiles.CodePart(name, ""); isPart {
			name = base
		}
		if f, ok := structField(rowType, name); ok {
			index[c] = f.Index
		}
	}
	levelField, _ := rowType.FieldByName("Level")
	for _, i := range order {
		r := rows.Index(i)
		level := model.Level(r.FieldByIndex(levelField.Index).String())
		cells := make([]layout.Cell, len(leaves))
		for c, l := range leaves {
			cells[c] = b.cell(r, l, index[c])
		}
		if level == model.LevelTotal {
			b.totalLabel(cells, leaves)
		}
		e := layout.Plain
		if slices.Contains(t.Bold, level) {
			e = layout.Bold
		}
		s.Rows = append(s.Rows, layout.Row{Cells: cells, Emphasis: e, Level: depth(level), Ref: ref(t.Data, "rows", i)})
	}
	s.Notes = b.notes(note, false)
	return s
}

// totalLabel puts the 合计 label into a total row that states no name in
// the total column.
func (b builder) totalLabel(cells []layout.Cell, leaves []profiles.Leaf) {
	for i, l := range leaves {
		if l.Field == b.t.TotalColumn && cells[i].Empty {
			b.putTotal(cells, leaves)
			return
		}
	}
}

// putTotal writes the 合计 label into the total column, merged over the
// profile's span when the cells it covers are empty or repeat the label
// (a 合计 row that states its name as 合计 prints it once).
func (b builder) putTotal(cells []layout.Cell, leaves []profiles.Leaf) {
	at := -1
	for i, l := range leaves {
		if l.Field == b.t.TotalColumn {
			at = i
			break
		}
	}
	if at < 0 {
		return
	}
	cells[at] = layout.TextCell(b.t.Total)
	span := min(b.t.TotalSpan, len(cells)-at)
	if span <= 1 {
		return
	}
	for k := at + 1; k < at+span; k++ {
		if !cells[k].Empty && cells[k].Text != b.t.Total {
			return
		}
	}
	for k := at + 1; k < at+span; k++ {
		cells[k] = layout.Cell{Empty: true}
	}
	cells[at].ColSpan = span
	cells[at].Align = layout.AlignCenter
}

// cell is the display cell of leaf l of data row r; index is the struct
// field the leaf reads (nil for a narrative figure or a field the row lacks).
func (b builder) cell(r reflect.Value, l profiles.Leaf, index []int) layout.Cell {
	if strings.HasPrefix(l.Field, "narrative.") {
		a, _ := profiles.NarrativeAmount(b.d.Narrative, l.Field)
		from := unitOf(b.d)
		if b.d.Narrative != nil && b.d.Narrative.Unit != "" {
			from = b.d.Narrative.Unit
		}
		return b.amountFrom(a, from, l.ShowZero())
	}
	if index == nil {
		return layout.Cell{Empty: true}
	}
	switch x := r.FieldByIndex(index).Interface().(type) {
	case string:
		if _, part, isPart := profiles.CodePart(l.Field, x); isPart {
			return layout.TextCell(part)
		}
		return layout.TextCell(x)
	case model.Amount:
		if l.Kind == profiles.KindNumber {
			return number(x)
		}
		return b.amount(x, l.ShowZero())
	}
	return layout.Cell{Empty: true}
}

// structField returns the field of struct type t whose JSON name is name.
func structField(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// fieldByJSON returns the field of struct value v whose JSON name is name.
func fieldByJSON(v reflect.Value, name string) reflect.Value {
	if f, ok := structField(v.Type(), name); ok {
		return v.FieldByIndex(f.Index)
	}
	return reflect.Value{}
}

// tableValue returns the pointer field of ts that holds model table id.
func tableValue(ts *model.Tables, id model.TableID) reflect.Value {
	v := reflect.ValueOf(ts).Elem()
	return fieldByJSON(v, string(id))
}

func emptyCells(n int) []layout.Cell {
	c := make([]layout.Cell, n)
	for i := range c {
		c[i] = layout.Cell{Empty: true}
	}
	return c
}
