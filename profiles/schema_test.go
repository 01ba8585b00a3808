package profiles

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "profile.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSchemaMatchesTypes keeps docs/profile.schema.json and the Go types in
// step: every key a profile file may use is in the schema, and the schema
// names no key the loader would refuse.
func TestSchemaMatchesTypes(t *testing.T) {
	s := loadSchema(t)
	defs := s["$defs"].(map[string]any)
	props := func(obj map[string]any) []string {
		var out []string
		for k := range obj["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	keys := func(t reflect.Type) []string {
		var out []string
		for i := range t.NumField() {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if tag != "" && tag != "-" {
				out = append(out, tag)
			}
		}
		sort.Strings(out)
		return out
	}
	root := s
	doc := root["properties"].(map[string]any)["document"].(map[string]any)
	for _, c := range []struct {
		typ reflect.Type
		obj map[string]any
	}{
		{reflect.TypeFor[Profile](), root},
		{reflect.TypeFor[DocumentText](), doc},
		{reflect.TypeFor[Defaults](), defs["defaults"].(map[string]any)},
		{reflect.TypeFor[Format](), defs["format"].(map[string]any)},
		{reflect.TypeFor[Page](), defs["page"].(map[string]any)},
		{reflect.TypeFor[EmptyTable](), defs["empty"].(map[string]any)},
		{reflect.TypeFor[Table](), defs["table"].(map[string]any)},
		{reflect.TypeFor[Variant](), defs["variant"].(map[string]any)},
		{reflect.TypeFor[Column](), defs["column"].(map[string]any)},
		{reflect.TypeFor[Summary](), defs["summary"].(map[string]any)},
		{reflect.TypeFor[IncomeRow](), defs["income_row"].(map[string]any)},
		{reflect.TypeFor[FooterRow](), defs["footer_row"].(map[string]any)},
	} {
		if got, want := props(c.obj), keys(c.typ); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: schema has %v, the type %v", c.typ.Name(), got, want)
		}
	}
}

// TestEmbeddedProfilesSatisfySchema validates every embedded profile (and
// the test-only third region) against the schema with a small validator of
// the keywords the schema uses.
func TestEmbeddedProfilesSatisfySchema(t *testing.T) {
	s := loadSchema(t)
	files := []string{filepath.Join("..", "templates", "testdata", "thirdregion.yaml")}
	for _, n := range Names() {
		files = append(files, n+".yaml")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := yaml.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		for _, p := range validate(s, s, jsonish(v), "") {
			t.Errorf("%s: %s", f, p)
		}
	}
	// And the validator does refuse what the schema forbids.
	bad := map[string]any{"name": "x", "tables": []any{map[string]any{"id": "t01", "columns": []any{}, "colour": "red"}}}
	if len(validate(s, s, bad, "")) < 2 {
		t.Error("the schema validator accepts an empty header and an unknown key")
	}
}

// jsonish turns YAML's map[string]any (and ints) into JSON's shapes.
func jsonish(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonish(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = jsonish(e)
		}
		return x
	case int:
		return float64(x)
	}
	return v
}

// validate checks v against schema node sch: type, enum, required,
// properties, additionalProperties, propertyNames, items, minItems,
// minimum, maximum, maxLength and $ref into root's $defs.
func validate(root, sch map[string]any, v any, at string) []string {
	if ref, ok := sch["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return validate(root, root["$defs"].(map[string]any)[name].(map[string]any), v, at)
	}
	var out []string
	bad := func(format string, args ...any) { out = append(out, at+": "+fmt.Sprintf(format, args...)) }
	if typ, ok := sch["type"].(string); ok {
		okType := false
		switch typ {
		case "object":
			_, okType = v.(map[string]any)
		case "array":
			_, okType = v.([]any)
		case "string":
			_, okType = v.(string)
		case "boolean":
			_, okType = v.(bool)
		case "number":
			_, okType = v.(float64)
		case "integer":
			f, isNum := v.(float64)
			okType = isNum && f == float64(int64(f))
		}
		if !okType {
			bad("%v is not %s", v, typ)
			return out
		}
	}
	if enum, ok := sch["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			bad("%v is not one of %v", v, enum)
		}
	}
	if f, ok := v.(float64); ok {
		if m, ok := sch["minimum"].(float64); ok && f < m {
			bad("%v < %v", f, m)
		}
		if m, ok := sch["maximum"].(float64); ok && f > m {
			bad("%v > %v", f, m)
		}
	}
	if s, ok := v.(string); ok {
		if m, ok := sch["maxLength"].(float64); ok && utf8.RuneCountInString(s) > int(m) {
			bad("%q is longer than %v", s, m)
		}
	}
	if arr, ok := v.([]any); ok {
		if m, ok := sch["minItems"].(float64); ok && len(arr) < int(m) {
			bad("fewer than %v items", m)
		}
		if items, ok := sch["items"].(map[string]any); ok {
			for i, e := range arr {
				out = append(out, validate(root, items, e, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		if req, ok := sch["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					bad("missing %v", r)
				}
			}
		}
		props, _ := sch["properties"].(map[string]any)
		for k, e := range obj {
			if names, ok := sch["propertyNames"].(map[string]any); ok {
				out = append(out, validate(root, names, k, at+"."+k)...)
			}
			if p, ok := props[k].(map[string]any); ok {
				out = append(out, validate(root, p, e, at+"."+k)...)
				continue
			}
			switch ap := sch["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("unknown key %q", k)
				}
			case map[string]any:
				out = append(out, validate(root, ap, e, at+"."+k)...)
			}
		}
	}
	return out
}
