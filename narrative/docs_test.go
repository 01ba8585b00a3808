package narrative

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// docs/text-templates.md names every field a template can use and every
// function.
func TestTemplateDocsComplete(t *testing.T) {
	b, err := os.ReadFile("../docs/text-templates.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			if !strings.Contains(doc, "."+f.Name) && !strings.Contains(doc, "`"+f.Name) {
				t.Errorf("docs/text-templates.md does not name %s%s", prefix, f.Name)
			}
			if f.Type.Kind() == reflect.Struct && f.Type.Name() == "" { // the groups: Staff, Income …
				walk(prefix+f.Name+".", f.Type)
			}
		}
	}
	walk(".", reflect.TypeOf(Facts{}))
	walk("Change.", reflect.TypeOf(Change{}))
	for name := range funcs("万元") {
		if !strings.Contains(doc, "`"+name+"`") && !strings.Contains(doc, "`"+name+" ") {
			t.Errorf("docs/text-templates.md does not name the function %s", name)
		}
	}
}
