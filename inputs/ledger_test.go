package inputs

import (
	"errors"
	"testing"

	"gongkai/examples"
	"gongkai/importer/ledger"
	"gongkai/model"
)

// A ledger is recognised by its header row (after the 基本信息 rows of the
// CSV form) and built into the disclosure.
func TestLoadLedger(t *testing.T) {
	data := examples.SampleLedger()
	if k := Sniff("明细.txt", data); k != Ledger {
		t.Fatalf("Sniff = %q, want ledger", k)
	}
	r, err := Load("明细.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != Ledger || r.Disclosure.Year != 2023 || r.Disclosure.Tables.T05 == nil {
		t.Fatalf("kind %q, disclosure %+v", r.Kind, r.Disclosure)
	}
	if model.HasErrors(r.Findings) {
		t.Errorf("findings %v", r.Findings)
	}
}

// Settings only a ledger uses are refused for another kind of input, before
// it is read, with an error that says what was given and what the input is;
// a function catalog is not one of them.
func TestNotLedger(t *testing.T) {
	data := []byte(`{"department": "某某局", "year": 2027, "unit": "万元"}`)
	_, err := Load("budget.json", data, Options{Ledger: ledger.ReadOptions{Info: ledger.Info{Year: 2027, Region: "天门市"}}})
	var nl *NotLedgerError
	if !errors.As(err, &nl) || nl.Kind != JSON || err.Error() != "budget.json: 年度、地区只用于预算明细输入，这个文件是 JSON 公开数据" {
		t.Errorf("Load(JSON, with ledger settings) = %v", err)
	}
	_, err = Load("budget.json", data, Options{Build: ledger.Options{Prior: &model.Disclosure{}}})
	if !errors.As(err, &nl) || len(nl.Given) != 1 || nl.Given[0] != "上年数据" {
		t.Errorf("Load(JSON, with a prior) = %v", err)
	}
	r, err := Load("budget.json", data, Options{Build: ledger.Options{Catalog: map[string]string{"2012604": "档案馆"}}})
	if err != nil || r.Kind != JSON {
		t.Errorf("Load(JSON, with a catalog) = %v, %v", r, err)
	}
	// A ledger takes them.
	r, err = Load("明细.csv", examples.SampleLedger(), Options{Ledger: ledger.ReadOptions{Info: ledger.Info{Year: 2027, Region: "某市"}}})
	if err != nil || r.Disclosure.Year != 2027 || r.Disclosure.Region != "某市" {
		t.Errorf("Load(ledger, with settings) = %v", err)
	}
}
