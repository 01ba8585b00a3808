package jsonin

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"gongkai/model"
)

var listed = map[string]string{"unit": model.UnitWanYuan, "date": "2027-01-01", "key": model.IncomeGeneral,
	"level": "total", "scheme": "category"}

// fill sets every field reachable from v to a value that is not its zero
// value.
func fill(v reflect.Value, depth int) {
	if v.Type() == reflect.TypeOf(model.Amount{}) {
		v.Set(reflect.ValueOf(model.MustAmount("1.25")))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(2027)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		if depth > 6 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			fill(v.Field(i), depth)
			// Strings that take only listed values get one of them.
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if s, ok := listed[tag]; ok && f.Type.Kind() == reflect.String {
				v.Field(i).SetString(s)
			}
		}
	case reflect.Slice:
		if depth > 6 {
			return
		}
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		if k.Kind() == reflect.String {
			k.SetString(model.CatPersonnel)
		}
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}

// Every kind of field of the model (a bool such as
// narrative.operating_costs.partial included) is read back as written:
// a disclosure with every field set round-trips through JSON.
func TestEveryModelFieldReads(t *testing.T) {
	var d model.Disclosure
	fill(reflect.ValueOf(&d).Elem(), 0)
	b1, err := json.MarshalIndent(&d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b1, []byte(`"partial": true`)) {
		t.Fatalf("the filled disclosure lacks a true bool:\n%.2000s", b1)
	}
	d2, err := ReadBytes(b1, "full.json")
	if err != nil {
		t.Fatalf("a disclosure with every field set: %v", err)
	}
	b2, _ := json.MarshalIndent(d2, "", "  ")
	if !bytes.Equal(b1, b2) {
		t.Errorf("round trip changed the disclosure")
	}
	_, err = ReadBytes(bytes.Replace(b1, []byte(`"partial": true`), []byte(`"partial": "yes"`), 1), "bad.json")
	if err == nil {
		t.Error(`"partial": "yes" accepted`)
	}
}
