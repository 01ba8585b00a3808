package model

import "testing"

func TestTablesExpenditureSetClear(t *testing.T) {
	var ts Tables
	for _, id := range []TableID{T03, T05, T08, T10} {
		et := &ExpenditureTable{Note: string(id)}
		ts.SetExpenditure(id, et)
		if got := ts.Expenditure(id); got != et || !ts.Present(id) {
			t.Errorf("%s: Expenditure after SetExpenditure = %v, present %v", id, got, ts.Present(id))
		}
	}
	ts.SetExpenditure(T06, &ExpenditureTable{})
	if ts.Expenditure(T06) != nil || ts.Present(T06) {
		t.Error("表六 is not an expenditure table: SetExpenditure must leave it alone")
	}
	ts.T01, ts.T06 = &SummaryTable{}, &BasicTable{}
	for _, id := range AllTables {
		ts.Clear(id)
		if ts.Present(id) {
			t.Errorf("%s still present after Clear", id)
		}
	}
}
