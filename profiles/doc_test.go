package profiles

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/model"
)

var updateDoc = flag.Bool("update", false, "rewrite the generated part of docs/profile-format.md")

// profileDoc is the generated part of docs/profile-format.md: for every
// embedded profile, each table's leaf columns with the model field they
// read; then the fields each model table offers.
func profileDoc() string {
	var b strings.Builder
	for _, n := range Names() {
		p, err := Embedded(n)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(&b, "\n### 版式 %s\n\n%s\n", n, p.Description)
		for _, t := range p.Tables {
			fmt.Fprintf(&b, "\n**%s** (`%s`, data `%s`)\n\n| 列 column | 表头 header | 字段 field | 类型 kind |\n| --- | --- | --- | --- |\n", t.Sheet, t.ID, t.Data)
			for _, l := range t.LeafColumns() {
				fmt.Fprintf(&b, "| %d | %s | `%s` | %s |\n", l.Index+1, strings.Join(l.Words, " / "), l.Field, l.Kind)
			}
			for _, s := range t.Schemes() {
				leaves, _, _ := t.ForScheme(s)
				var parts []string
				for _, l := range leaves {
					parts = append(parts, fmt.Sprintf("%s=`%s`", strings.Join(l.Words, "/"), l.Field))
				}
				fmt.Fprintf(&b, "\nWith `scheme: %s`: %s.\n", s, strings.Join(parts, ", "))
			}
		}
	}
	fmt.Fprintf(&b, "\n### 模型字段 / Model fields by table\n\nBesides these, every table may show `narrative.<path>` figures (`gongkai profile fields TABLE` lists them).\n")
	for _, id := range model.AllTables {
		var names []string
		for _, f := range Fields(id) {
			if !strings.HasPrefix(f.Name, "narrative.") {
				names = append(names, fmt.Sprintf("`%s` (%s)", f.Name, f.Kind))
			}
		}
		fmt.Fprintf(&b, "\n- **%s %s %s**: %s\n", id, id.Number(), id.Name(), strings.Join(names, ", "))
	}
	return b.String()
}

// TestProfileDoc keeps the generated lists of docs/profile-format.md in
// step with the embedded profiles and the model.
func TestProfileDoc(t *testing.T) {
	name := filepath.Join("..", "docs", "profile-format.md")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- generated:begin -->", "<!-- generated:end -->"
	text := string(b)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %s … %s markers", name, begin, end)
	}
	want := text[:i+len(begin)] + "\n" + profileDoc() + "\n" + text[j:]
	if *updateDoc {
		if err := os.WriteFile(name, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if text != want {
		t.Errorf("%s is out of date; run: go test ./profiles -run TestProfileDoc -update", name)
	}
}
