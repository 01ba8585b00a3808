// Package archtest enforces the one-way data flow of gongkai:
//
//	importer → model → check → templates → layout → exporter
//
// Each package may import only the gongkai packages listed for it in allowed.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "gongkai"

// allowed maps a package directory (or a prefix ending in "/") to the gongkai
// packages it may import. internal/ helpers may be imported by anyone.
var allowed = map[string][]string{
	"model":         {},
	"layout":        {},
	"fonts":         {},
	"check":         {"model"},
	"importer/":     {"model", "importer/", "profiles", "check", "templates", "layout"},
	"profiles":      {"model"},
	"templates":     {"model", "layout", "profiles"},
	"narrative":     {"model", "layout", "profiles", "templates"},
	"inputs":        {"model", "importer/", "profiles", "check"},
	"exporter/html": {"layout"},
	"batch":         {"*"},
	"bench/":        {"*"},
	"server":        {"*"},
	"exporter/xlsx": {"layout"},
	"exporter/pdf":  {"layout", "fonts", "fonts/"},
	"fonts/":        {"fonts"},
	"cmd/":          {"*"},
	"internal/":     {"*"},
	"examples":      {"model"},
	".":             {"*"}, // package gongkai: the one-call path over every step
}

func rulesFor(dir string) ([]string, bool) {
	if r, ok := allowed[dir]; ok {
		return r, true
	}
	best := ""
	for k := range allowed {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(dir+"/", k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return nil, false
	}
	return allowed[best], true
}

func permitted(rules []string, imp string) bool {
	for _, r := range rules {
		switch {
		case r == "*":
			return true
		case strings.HasSuffix(r, "/") && strings.HasPrefix(imp+"/", r):
			return true
		case r == imp:
			return true
		}
	}
	return strings.HasPrefix(imp, "internal/")
}

func TestImportDirections(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	fset := token.NewFileSet()
	checked := 0
	var bad []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rules, known := rulesFor(rel)
		for _, is := range f.Imports {
			imp, _ := strconv.Unquote(is.Path.Value)
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			imp = strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			checked++
			if !known {
				bad = append(bad, rel+": package has no rule in allowed but imports "+imp)
				continue
			}
			if imp == rel {
				continue
			}
			if !permitted(rules, imp) {
				bad = append(bad, rel+" must not import "+imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}

func TestRulesCatchAViolation(t *testing.T) {
	rules, _ := rulesFor("exporter/xlsx")
	if permitted(rules, "model") {
		t.Fatal("exporter/xlsx importing model must be refused")
	}
	rules, _ = rulesFor("model")
	if permitted(rules, "check") {
		t.Fatal("model importing check must be refused")
	}
	rules, _ = rulesFor("importer/text")
	if !permitted(rules, "model") || permitted(rules, "exporter/xlsx") {
		t.Fatal("importer/text may import model and never an exporter")
	}
}
