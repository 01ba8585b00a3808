package inputs

import (
	"testing"

	"gongkai/examples"
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
