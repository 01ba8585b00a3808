package jsonin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gongkai/internal/testenv"
	"gongkai/model"
)

// The JSON Schema in docs/ is for editors; these tests keep it in step with
// the model types and with the reader's rules, and check the examples against it.

const schemaPath = "../../docs/disclosure.schema.json"

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func defOf(s map[string]any, name string) map[string]any {
	if name == "Disclosure" {
		return s
	}
	d, _ := s["$defs"].(map[string]any)[name].(map[string]any)
	return d
}

// refOf returns the $defs name a property points to (directly, through
// items, or through anyOf with null).
func refOf(p map[string]any) string {
	if r, ok := p["$ref"].(string); ok {
		return strings.TrimPrefix(r, "#/$defs/")
	}
	if it, ok := p["items"].(map[string]any); ok {
		return refOf(it)
	}
	if as, ok := p["anyOf"].([]any); ok {
		for _, a := range as {
			if r := refOf(a.(map[string]any)); r != "" {
				return r
			}
		}
	}
	if ap, ok := p["additionalProperties"].(map[string]any); ok {
		return refOf(ap)
	}
	return ""
}

// pick returns keyword k of schema p, or of the first of its anyOf
// alternatives that has it (a nullable value is anyOf [{type: T, …}, {type: null}]).
func pick(p map[string]any, k string) any {
	if v, ok := p[k]; ok {
		return v
	}
	if as, ok := p["anyOf"].([]any); ok {
		for _, a := range as {
			if v := pick(a.(map[string]any), k); v != nil {
				return v
			}
		}
	}
	return nil
}

// types lists the JSON types schema p allows, through anyOf.
func types(p map[string]any) string {
	out := fmt.Sprint(p["type"])
	if as, ok := p["anyOf"].([]any); ok {
		for _, a := range as {
			out += " " + types(a.(map[string]any))
		}
	}
	return out
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestSchemaMatchesModel walks every struct type reachable from
// model.Disclosure: each JSON field is a schema property pointing to the right
// definition and each property is a JSON field; required fields and allowed
// values are those the reader enforces; every object forbids other fields.
func TestSchemaMatchesModel(t *testing.T) {
	s := loadSchema(t)
	seen := map[reflect.Type]bool{}
	var visit func(reflect.Type)
	visit = func(typ reflect.Type) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		def := defOf(s, typ.Name())
		if def == nil {
			t.Errorf("schema has no $defs/%s", typ.Name())
			return
		}
		if pick(def, "additionalProperties") != false {
			t.Errorf("%s: additionalProperties must be false, like the reader", typ.Name())
		}
		props := pick(def, "properties").(map[string]any)
		var fieldNames []string
		for _, f := range fieldsOf(typ) {
			fieldNames = append(fieldNames, f.name)
			p, ok := props[f.name].(map[string]any)
			if !ok {
				t.Errorf("%s.%s is missing from the schema", typ.Name(), f.name)
				continue
			}
			ft := typ.FieldByIndex(f.index).Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map {
				ft = ft.Elem()
			}
			switch {
			case ft == amountType:
				if refOf(p) != "amount" {
					t.Errorf("%s.%s is an amount but the schema says %v", typ.Name(), f.name, p)
				}
			case ft.Kind() == reflect.Struct:
				if got := refOf(p); got != ft.Name() {
					t.Errorf("%s.%s points to %q, want %q", typ.Name(), f.name, got, ft.Name())
				}
				visit(ft)
			case ft.Kind() == reflect.String:
				if items, ok := p["items"].(map[string]any); ok && typ.FieldByIndex(f.index).Type.Kind() == reflect.Slice {
					p = items // a list of texts
				}
				if !strings.Contains(types(p), "string") && pick(p, "additionalProperties") == nil {
					t.Errorf("%s.%s is text but the schema type is %v", typ.Name(), f.name, types(p))
				}
			case ft.Kind() == reflect.Int:
				if !strings.Contains(types(p), "integer") && pick(p, "additionalProperties") == nil {
					t.Errorf("%s.%s is a whole number but the schema type is %v", typ.Name(), f.name, types(p))
				}
			}
		}
		for name := range props {
			if name == "$schema" && typ.Name() == "Disclosure" {
				continue
			}
			if !slices.Contains(fieldNames, name) {
				t.Errorf("schema property %s.%s is not a model field", typ.Name(), name)
			}
		}
		r := rulesFor(typ)
		var req []string
		if v := pick(def, "required"); v != nil {
			req = strs(v)
		}
		if !sameSet(req, r.required) {
			t.Errorf("%s: schema requires %v, the reader %v", typ.Name(), req, r.required)
		}
		for name, allowed := range r.oneOf {
			p, _ := props[name].(map[string]any)
			if p == nil || pick(p, "enum") == nil || !sameSet(strs(pick(p, "enum")), allowed) {
				t.Errorf("%s.%s: schema enum %v, the reader allows %v", typ.Name(), name, pick(p, "enum"), allowed)
			}
		}
	}
	visit(reflect.TypeOf(model.Disclosure{}))
	// by_category keys.
	bc := pick(defOf(s, "ExpenditureFigures"), "properties").(map[string]any)["by_category"].(map[string]any)
	if !sameSet(strs(pick(bc, "propertyNames").(map[string]any)["enum"]), categoryKeys) {
		t.Errorf("by_category keys differ from the reader's")
	}
	for name := range s["$defs"].(map[string]any) {
		found := name == "amount"
		for typ := range seen {
			found = found || typ.Name() == name
		}
		if !found {
			t.Errorf("schema $defs/%s is no model type", name)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

// validate checks v against the subset of JSON Schema 2020-12 the schema
// uses: $ref, type, enum, properties, required, additionalProperties, items,
// anyOf, pattern, minimum, maximum, minLength, propertyNames.
func validate(root, sch map[string]any, v any, path string) []string {
	if r, ok := sch["$ref"].(string); ok {
		return validate(root, defOf(root, strings.TrimPrefix(r, "#/$defs/")), v, path)
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	if as, ok := sch["anyOf"].([]any); ok {
		okAny := false
		for _, a := range as {
			okAny = okAny || len(validate(root, a.(map[string]any), v, path)) == 0
		}
		if !okAny {
			bad("matches no alternative")
		}
		return errs
	}
	if ty, ok := sch["type"]; ok {
		types := []string{}
		if s, ok := ty.(string); ok {
			types = append(types, s)
		} else {
			types = strs(ty)
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			bad("type %s, want %v", jsonType(v), types)
			return errs
		}
	}
	if e, ok := sch["enum"]; ok {
		if s, isStr := v.(string); !isStr || !slices.Contains(strs(e), s) {
			bad("%v not in %v", v, e)
		}
	}
	switch x := v.(type) {
	case string:
		if p, ok := sch["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			bad("%q does not match %s", x, p)
		}
		if m, ok := sch["minLength"].(float64); ok && len([]rune(x)) < int(m) {
			bad("shorter than %v", m)
		}
	case json.Number:
		f, _ := x.Float64()
		if m, ok := sch["minimum"].(float64); ok && f < m {
			bad("%v < %v", x, m)
		}
		if m, ok := sch["maximum"].(float64); ok && f > m {
			bad("%v > %v", x, m)
		}
	case []any:
		if it, ok := sch["items"].(map[string]any); ok {
			for i, e := range x {
				errs = append(errs, validate(root, it, e, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case map[string]any:
		props, _ := sch["properties"].(map[string]any)
		if req, ok := sch["required"]; ok {
			for _, r := range strs(req) {
				if _, ok := x[r]; !ok {
					bad("missing %s", r)
				}
			}
		}
		if pn, ok := sch["propertyNames"].(map[string]any); ok {
			for k := range x {
				errs = append(errs, validate(root, pn, k, path+"."+k)...)
			}
		}
		for k, e := range x {
			if p, ok := props[k].(map[string]any); ok {
				errs = append(errs, validate(root, p, e, path+"."+k)...)
				continue
			}
			switch ap := sch["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("field %s not allowed", k)
				}
			case map[string]any:
				errs = append(errs, validate(root, ap, e, path+"."+k)...)
			}
		}
	}
	sort.Strings(errs)
	return errs
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if regexp.MustCompile(`^-?[0-9]+$`).MatchString(x.String()) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Every example, and what the reader writes back, satisfies the schema.
func TestExamplesSatisfySchema(t *testing.T) {
	s := loadSchema(t)
	for _, p := range examplePaths(t) {
		raw, _ := os.ReadFile(p)
		d, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		back, _ := json.Marshal(d)
		for what, b := range map[string][]byte{"file": raw, "marshalled": back} {
			if errs := validate(s, s, decodeAny(t, b), ""); len(errs) > 0 {
				t.Errorf("%s (%s):\n%s", p, what, strings.Join(errs, "\n"))
			}
		}
	}
}

// The validator above can fail: inputs the reader rejects fail the schema too.
func TestSchemaRejects(t *testing.T) {
	s := loadSchema(t)
	for _, in := range []string{
		`{"department": "x", "year": 2023, "unit": "万元", "extra": 1}`,
		`{"department": "x", "year": 2023}`,
		`{"department": "x", "year": 2023, "unit": "千元"}`,
		`{"department": "x", "year": 2023, "unit": "万元", "tables": {"t05": {"rows": [{"level": "total", "total": "1,234.00"}]}}}`,
		`{"department": "x", "year": 2023, "unit": "万元", "tables": {"t06": {"rows": [{"level": "detail", "name": "合计"}]}}}`,
		`{"department": "x", "year": 2023, "unit": "万元", "tables": {"t03": {"rows": [{"total": "1.00"}]}}}`,
		`{"department": "x", "year": 2023, "unit": "万元", "narrative": {"expenditure": {"by_category": {"人员支出": "1"}}}}`,
		`{"department": "x", "year": "2023", "unit": "万元"}`,
	} {
		if errs := validate(s, s, decodeAny(t, []byte(in)), ""); len(errs) == 0 {
			t.Errorf("schema accepts %s", in)
		}
		if _, err := Read(strings.NewReader(in), "x.json"); err == nil {
			t.Errorf("reader accepts %s", in)
		}
	}
}

// TestSchemaAjvStrict compiles the schema with Ajv in strict mode (a second,
// independent validator; it refused the multi-type amount) and validates both
// bundled examples with it, and checks that it rejects a wrong amount.
func TestSchemaAjvStrict(t *testing.T) {
	node, script := testenv.NodeTool(t, "ajv-check.js", "ajv")
	examples, _ := filepath.Glob("../../examples/*.json")
	if len(examples) < 2 {
		t.Fatalf("examples: %v", examples)
	}
	out, err := exec.Command(node, append([]string{script, schemaPath}, examples...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("Ajv (strict): %v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"department":"测试单位","year":2024,"unit":"万元","tables":{"t05":{"rows":[{"level":"total","total":"12,3x"}]}}}`), 0o644)
	out, err = exec.Command(node, script, schemaPath, bad).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "/tables/t05/rows/0/total") {
		t.Errorf("Ajv accepted an amount with a comma: %v\n%s", err, out)
	}
}
