package check

import (
	"strings"

	"gongkai/model"
)

// Empty-table notes (spec §6): a note such as
// 注：本部门2023年无政府性基金预算财政拨款安排的支出，此表为空表。
// must name the fund of its own table (a note copied from another table is
// the "套模" mistake) and must not sit under a table that has money.

// fundWords maps each table to the words that name its money in a note.
var fundWords = map[model.TableID]string{
	model.T07: "三公",
	model.T08: "政府性基金",
	model.T09: "政府采购",
	model.T10: "国有资本经营",
}

type noted struct {
	id    model.TableID
	note  string
	empty bool
}

func expEmpty(et *model.ExpenditureTable) bool {
	for _, r := range et.Rows {
		if !r.Total.IsZero() || !r.Personnel.IsZero() || !r.Public.IsZero() || !r.OtherOperating.IsZero() ||
			!r.Specific.IsZero() || !r.Basic.IsZero() || !r.Project.IsZero() {
			return false
		}
	}
	return true
}

func (c *checker) notedTables() []noted {
	ts := &c.d.Tables
	var out []noted
	if t := ts.T01; t != nil {
		out = append(out, noted{model.T01, t.Note, t.IncomeGrandTotal.IsZero() && t.ExpenditureGrandTotal.Total.IsZero()})
	}
	if t := ts.T02; t != nil {
		e := true
		for _, r := range t.Rows {
			if !r.Total.IsZero() || !r.Subtotal.IsZero() {
				e = false
			}
		}
		out = append(out, noted{model.T02, t.Note, e})
	}
	if t := ts.T03; t != nil {
		out = append(out, noted{model.T03, t.Note, expEmpty(t)})
	}
	if t := ts.T04; t != nil {
		out = append(out, noted{model.T04, t.Note, t.IncomeGrandTotal.IsZero() && t.ExpenditureGrandTotal.Total.IsZero()})
	}
	if t := ts.T05; t != nil {
		out = append(out, noted{model.T05, t.Note, expEmpty(t)})
	}
	if t := ts.T06; t != nil {
		e := true
		for _, r := range t.Rows {
			if !r.Total.IsZero() || !r.Personnel.IsZero() || !r.Public.IsZero() {
				e = false
			}
		}
		out = append(out, noted{model.T06, t.Note, e})
	}
	if t := ts.T07; t != nil {
		e := true
		for _, r := range t.Rows {
			if !r.Total.IsZero() || !r.Abroad.IsZero() || !r.VehicleSubtotal.IsZero() || !r.VehiclePurchase.IsZero() ||
				!r.VehicleOperation.IsZero() || !r.Reception.IsZero() {
				e = false
			}
		}
		out = append(out, noted{model.T07, t.Note, e})
	}
	if t := ts.T08; t != nil {
		out = append(out, noted{model.T08, t.Note, expEmpty(t)})
	}
	if t := ts.T09; t != nil {
		e := true
		for _, r := range t.Rows {
			if !r.Total.IsZero() || !r.General.IsZero() || !r.GovFund.IsZero() || !r.StateCapital.IsZero() ||
				!r.SpecialAccount.IsZero() || !r.UnitFunds.IsZero() {
				e = false
			}
		}
		out = append(out, noted{model.T09, t.Note, e})
	}
	if t := ts.T10; t != nil {
		out = append(out, noted{model.T10, t.Note, expEmpty(t)})
	}
	return out
}

// saysEmpty reports whether a note declares its table empty.
func saysEmpty(note string) bool {
	return strings.Contains(note, "空表") || strings.Contains(note, "无") && strings.Contains(note, "安排")
}

func (c *checker) notes() {
	for _, x := range c.notedTables() {
		note := strings.TrimSpace(x.note)
		if note == "" || !saysEmpty(note) {
			continue
		}
		f := model.Finding{Row: "注", Column: ""}
		if !x.empty {
			f.Message = x.id.Number() + " " + x.id.Name() + " 有金额，却附有空表说明“" + note + "”"
			c.add(model.SeverityError, "E-NOTE", x.id, 1<<20, f)
			continue
		}
		// Which fund does the note name?
		var named []model.TableID
		for _, id := range model.AllTables {
			if w, ok := fundWords[id]; ok && strings.Contains(note, w) {
				named = append(named, id)
			}
		}
		own, hasOwn := fundWords[x.id]
		switch {
		case len(named) > 0 && !containsID(named, x.id):
			other := named[0]
			f.Message = x.id.Number() + " " + x.id.Name() + " 的空表说明“" + note + "”说的是" + fundWords[other] +
				"（" + other.Number() + "），不是本表的" + ownWord(x.id) + "（套用了别的表的说明）"
			c.add(model.SeverityError, "E-NOTE", x.id, 1<<20, f)
		case hasOwn && len(named) == 0:
			f.Message = x.id.Number() + " " + x.id.Name() + " 的空表说明“" + note + "”没有写明" + own + "资金"
			c.add(model.SeverityWarning, "E-NOTE", x.id, 1<<20, f)
		}
	}
}

func ownWord(id model.TableID) string {
	if w, ok := fundWords[id]; ok {
		return w
	}
	return id.Name()
}

func containsID(ids []model.TableID, id model.TableID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// document runs the checks on the whole document: which tables are given.
func (c *checker) document() {
	ts := &c.d.Tables
	var missing []string
	present := 0
	expected := c.o.Tables
	if expected == nil {
		expected = model.AllTables[:]
	}
	for _, id := range model.AllTables {
		if ts.Present(id) {
			present++
		} else if containsID(expected, id) {
			missing = append(missing, id.Number()+" "+id.Name())
		}
	}
	if present == 0 || len(missing) == 0 {
		return // a narrative-only input says nothing about the tables
	}
	c.add(model.SeverityWarning, "T-MISS", "", 0, model.Finding{
		Message: "公开表不全：未提供 " + capList(missing, "、") + "（无数据的表也应公开，并注明为空表）"})
}
