package model

// TableID names one of the ten tables: "t01" … "t10".
type TableID string

// The ten tables in their official order.
const (
	T01 TableID = "t01"
	T02 TableID = "t02"
	T03 TableID = "t03"
	T04 TableID = "t04"
	T05 TableID = "t05"
	T06 TableID = "t06"
	T07 TableID = "t07"
	T08 TableID = "t08"
	T09 TableID = "t09"
	T10 TableID = "t10"
)

// AllTables lists the ten tables in the official order.
var AllTables = [...]TableID{T01, T02, T03, T04, T05, T06, T07, T08, T09, T10}

var tableInfo = map[TableID]struct{ number, name string }{
	T01: {"表一", "部门收支总表"},
	T02: {"表二", "部门收入总表"},
	T03: {"表三", "部门支出总表"},
	T04: {"表四", "财政拨款收支总表"},
	T05: {"表五", "一般公共预算支出表"},
	T06: {"表六", "一般公共预算基本支出表"},
	T07: {"表七", "一般公共预算“三公”经费支出表"},
	T08: {"表八", "政府性基金预算支出表"},
	T09: {"表九", "政府采购预算表"},
	T10: {"表十", "国有资本经营预算支出表"},
}

// Number returns the table's number as finance staff say it, e.g. 表五.
func (t TableID) Number() string { return tableInfo[t].number }

// Name returns the table's standard name, e.g. 一般公共预算支出表.
func (t TableID) Name() string { return tableInfo[t].name }

// Valid reports whether t is one of the ten tables.
func (t TableID) Valid() bool { _, ok := tableInfo[t]; return ok }

// Present reports whether the disclosure gives table t.
func (ts *Tables) Present(t TableID) bool {
	switch t {
	case T01:
		return ts.T01 != nil
	case T02:
		return ts.T02 != nil
	case T03:
		return ts.T03 != nil
	case T04:
		return ts.T04 != nil
	case T05:
		return ts.T05 != nil
	case T06:
		return ts.T06 != nil
	case T07:
		return ts.T07 != nil
	case T08:
		return ts.T08 != nil
	case T09:
		return ts.T09 != nil
	case T10:
		return ts.T10 != nil
	}
	return false
}

// Expenditure returns the expenditure table t (表三, 表五, 表八 or 表十),
// nil when it is not given or t is not one of them.
func (ts *Tables) Expenditure(t TableID) *ExpenditureTable {
	switch t {
	case T03:
		return ts.T03
	case T05:
		return ts.T05
	case T08:
		return ts.T08
	case T10:
		return ts.T10
	}
	return nil
}

// SetExpenditure sets the expenditure table t (表三, 表五, 表八 or 表十); it
// does nothing for any other table.
func (ts *Tables) SetExpenditure(t TableID, et *ExpenditureTable) {
	switch t {
	case T03:
		ts.T03 = et
	case T05:
		ts.T05 = et
	case T08:
		ts.T08 = et
	case T10:
		ts.T10 = et
	}
}

// Clear removes table t.
func (ts *Tables) Clear(t TableID) {
	switch t {
	case T01:
		ts.T01 = nil
	case T02:
		ts.T02 = nil
	case T03, T05, T08, T10:
		ts.SetExpenditure(t, nil)
	case T04:
		ts.T04 = nil
	case T06:
		ts.T06 = nil
	case T07:
		ts.T07 = nil
	case T09:
		ts.T09 = nil
	}
}
