package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/model"
)

// funcRows collects the function codes and the names printed beside them
// in a disclosure's JSON, whatever table they stand in.
func funcRows(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	code := regexp.MustCompile(`^2\d{2}(\d{2}(\d{2})?)?$`)
	out := map[string]string{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range [][2]string{{"func_code", "func_name"}, {"code", "name"}} {
				c, _ := x[k[0]].(string)
				n, _ := x[k[1]].(string)
				if code.MatchString(c) {
					if out[c] == "" {
						out[c] = n
					}
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// TestCatalogKnowsUsedKuan: every 款 the bundled real disclosures use (the
// 2023 and 2026 天门 seeds, the 2025 Shanghai 万里街道 document) is in the
// embedded catalog, under the name they print; and the valid 款 that once
// gave false notes (20126, 20701, 21208, 22301) are known.
func TestCatalogKnowsUsedKuan(t *testing.T) {
	files := []string{"../examples/tianmen-12345-2023.json", "../examples/tianmen-12345-2026.json",
		"../examples/shanghai-wanli-2025.json", "testdata/seed-2023.json", "testdata/seed-2026.json"}
	seen := 0
	for _, p := range files {
		for code, name := range funcRows(t, p) {
			kuan := code
			if len(code) == 7 {
				kuan, name = code[:5], ""
			}
			if len(kuan) != 5 {
				continue
			}
			seen++
			got, ok := FunctionName(kuan)
			if !ok {
				t.Errorf("%s: 款 %s (%s) is not in the embedded catalog", filepath.Base(p), kuan, name)
				continue
			}
			if name != "" && normName(got) != normName(name) {
				t.Errorf("%s: 款 %s printed as %q, catalog has %q", filepath.Base(p), kuan, name, got)
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d 款 rows found in the examples: the walk missed them", seen)
	}
	for code, name := range map[string]string{"20126": "档案事务", "20701": "文化和旅游", "21208": "国有土地使用权出让收入安排的支出", "22301": "解决历史遗留问题及改革成本支出"} {
		if got, ok := FunctionName(code); !ok || got != name {
			t.Errorf("FunctionName(%s) = %q, %v; want %q", code, got, ok, name)
		}
	}
}

// TestEveryClassHasKuan: the catalog holds 款 under every 类 that has any
// (预备费 has none), each 款 under a 类 it holds, and the file says which
// edition it follows.
func TestEveryClassHasKuan(t *testing.T) {
	c := catalog()
	has := map[string]int{}
	for code := range c.funcName {
		if len(code) == 5 {
			if _, ok := c.funcName[code[:3]]; !ok {
				t.Errorf("款 %s under a 类 the catalog lacks", code)
			}
			has[code[:3]]++
		}
	}
	for code := range c.funcName {
		if len(code) == 3 && code != "227" && code != "234" && has[code] == 0 {
			t.Errorf("类 %s %s has no 款", code, c.funcName[code])
		}
	}
	if !strings.Contains(catalogTSV, "《2025年政府收支分类科目》") {
		t.Error("catalog.tsv does not say which edition it follows")
	}
}

// TestUnknownKuanNote: a made-up 款 still gives the 提示; a known one does not.
func TestUnknownKuanNote(t *testing.T) {
	for code, want := range map[string]bool{"2019750": true, "2128801": true, "2120801": false, "2080101": false, "2012601": false, "2070101": false} {
		x := t5()
		x.Rows[1].FuncCode, x.Rows[1].FuncName = code, "某项"
		var note bool
		for _, f := range Disclosure(disc(model.Tables{T05: x}, nil), Options{}) {
			if f.Rule == "C-FUNC" && f.Severity == model.SeverityInfo && strings.Contains(f.Message, "未收录 "+code[:5]+" 款") {
				note = true
			}
			if f.Rule == "C-FUNC" && f.Severity != model.SeverityInfo {
				t.Errorf("%s: %s", code, f)
			}
		}
		if note != want {
			t.Errorf("%s: 提示 %v, want %v", code, note, want)
		}
	}
}
