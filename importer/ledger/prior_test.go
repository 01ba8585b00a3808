package ledger_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/importer/ledger"
	"gongkai/model"
	"gongkai/narrative"
)

// threePublicChanges prints the item changes of the “三公”经费 and their words.
func threePublicChanges(n *model.Narrative) string {
	t := n.ThreePublic
	return fmt.Sprint("出国 ", t.AbroadChange, " ", n.Words["three_public.abroad_change"],
		"; 购置 ", t.VehiclePurchaseChange, " ", n.Words["three_public.vehicle_purchase_change"],
		"; 运行 ", t.VehicleOperationChange, " ", n.Words["three_public.vehicle_operation_change"],
		"; 接待 ", t.ReceptionChange, " ", t.ReceptionPercent, " ", n.Words["three_public.reception_change"], n.Words["three_public.reception_change_percent"])
}

// Last year's budget.json gives the change of every item of the “三公”经费,
// as the seed states them (公务接待费 0.12 万元，较上年减少 0.01356 万元，
// 下降 10.15%), and the text prints them.
func TestPriorThreePublicItems(t *testing.T) {
	prior, err := jsonin.Read(bytes.NewReader(examples.Sample()), examples.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	prior.Narrative.ThreePublic.Reception = model.MustAmount("0.13356")
	prior.Narrative.ThreePublic.Total = model.MustAmount("0.13356")
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{Info: ledger.Info{Year: 2024}}, ledger.Options{Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := threePublicChanges(d.Narrative), "出国 0 无变化; 购置 0 无变化; 运行 0 无变化; 接待 -0.01356 -10.15 减少下降"; got != want {
		t.Errorf("changes %q, want %q", got, want)
	}
	if fs := check.Disclosure(d, check.Options{Exact: true}); model.HasErrors(fs) {
		t.Errorf("check --exact: %v", fs)
	}
	text, _, err := narrative.Text(d, narrative.Options{Style: "2023"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"公务接待费0.12万元，比上年减少0.01万元，下降10.15%", "因公出国（境）经费0.00万元，与上年持平"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// Last year's ledger, built in 元, gives the items' changes in this year's
// 万元; an item last year did not give stays without a change.
func TestPriorLedgerInYuan(t *testing.T) {
	last := strings.Replace(string(examples.SampleLedger()), ",公务接待费,,,,1200", ",公务接待费,,,,1500", 1)
	prior, _, err := ledger.Load(examples.LedgerName, []byte(last), ledger.ReadOptions{Info: ledger.Info{Unit: model.UnitYuan}}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prior.Narrative.ThreePublic.Abroad = model.Amount{}
	prior.Tables.T07 = nil
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{Info: ledger.Info{Year: 2024}}, ledger.Options{Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := threePublicChanges(d.Narrative), "出国  ; 购置 0 无变化; 运行 0 无变化; 接待 -0.03 -20.00 减少下降"; got != want {
		t.Errorf("changes %q, want %q", got, want)
	}
	if got := d.Narrative.ThreePublic.PriorTotal.String(); got != "0.15" {
		t.Errorf("“三公”经费 上年 %s, want 0.15 (1,500 元)", got)
	}
}
