package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gongkai/internal/gendisclosure"
	"gongkai/model"
)

// The property test: a department's budget is generated as exact amounts in
// 元 (a fact table of unit × function item × category, basic-expenditure
// items, "三公" and procurement lines), every table and narrative figure is
// computed from those exact values and only then rounded to 2 places in
// 万元, as upstream systems do. Such a disclosure must never produce an
// error. Changing any one stated amount by 0.10 万元 or more must always
// produce one.
//
// Why 0.10 suffices: every amount the generator states sits in at least one
// identity of at most 9 terms (a 合计 against at most 8 function rows is the
// largest), whose tolerance is at most 9 × 0.005 = 0.045; the rounding error
// already present is at most that tolerance, so a change above twice it
// (0.09) always shows.
func generate(r *rand.Rand) *model.Disclosure {
	cat := catalog()
	return gendisclosure.Generate(r, func(code string) string { return cat.funcName[code] })
}

// amountSlot is one stated amount of a disclosure that the property test may change.
type amountSlot struct {
	path string
	get  func() model.Amount
	set  func(model.Amount)
}

// skipField names the amounts that are not money in an identity:
// percentages (checked by recomputation, not by sums), counts, and the
// 政府采购 change (the model holds no prior year for it), and the columns of
// the other expenditure scheme.
func skipField(name string) bool {
	return strings.Contains(name, "Percent") || strings.Contains(name, "Count") || name == "Quantity" ||
		name == "Staffing" || name == "Vehicles" || name == "Procurement.Change" ||
		// a “三公” item's change with no prior year stated contradicts nothing
		name == "AbroadChange" || name == "VehicleChange" || name == "VehiclePurchaseChange" || name == "VehicleOperationChange" ||
		name == "Basic" || name == "Project" // not columns of the 一体化 (category) scheme the generator uses
}

func slots(v reflect.Value, path string, out *[]amountSlot) {
	amountType := reflect.TypeOf(model.Amount{})
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			slots(v.Elem(), path, out)
		}
	case reflect.Struct:
		if v.Type() == amountType {
			*out = append(*out, amountSlot{path, func() model.Amount { return v.Interface().(model.Amount) }, func(a model.Amount) { v.Set(reflect.ValueOf(a)) }})
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || skipField(f.Name) || skipField(strings.TrimPrefix(path+"."+f.Name, ".Narrative.")) {
				continue
			}
			slots(v.Field(i), path+"."+f.Name, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			slots(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		if v.Type().Elem() != amountType {
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			k := k
			*out = append(*out, amountSlot{path + "[" + k.String() + "]",
				func() model.Amount { return v.MapIndex(k).Interface().(model.Amount) },
				func(a model.Amount) { v.SetMapIndex(k, reflect.ValueOf(a)) }})
		}
	}
}

func errorsOf(fs []model.Finding) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Severity == model.SeverityError {
			out = append(out, f)
		}
	}
	return out
}

func TestPropertyConsistentNeverErrs(t *testing.T) {
	r := rand.New(rand.NewPCG(2023, 12345))
	for i := 0; i < 400; i++ {
		d := generate(r)
		if errs := errorsOf(Disclosure(d, Options{})); len(errs) > 0 {
			t.Fatalf("disclosure %d: consistent input gave %d errors, first: %s", i, len(errs), errs[0])
		}
	}
}

func TestPropertyChangedAmountErrs(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 54321))
	checked := 0
	for i := 0; i < 400; i++ {
		d := generate(r)
		var ss []amountSlot
		slots(reflect.ValueOf(d), "", &ss)
		// Change two amounts per disclosure, each on its own copy.
		for k := 0; k < 2; k++ {
			s := ss[r.IntN(len(ss))]
			old := s.get()
			cents := 10 + r.Int64N(100_000) // 0.10 … 1000 万元
			if r.IntN(2) == 0 {
				cents = -cents
			}
			s.set(model.A(old.Decimal().Add(decimal.New(cents, -2))))
			if errs := errorsOf(Disclosure(d, Options{})); len(errs) == 0 {
				t.Fatalf("disclosure %d: %s changed from %q by %s gave no error", i, s.path, old.String(), decimal.New(cents, -2))
			}
			s.set(old)
			checked++
		}
	}
	if checked < 800 {
		t.Fatalf("only %d changes checked", checked)
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }
