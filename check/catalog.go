package check

import (
	_ "embed"
	"strings"
	"sync"
)

// catalog.tsv is the classification catalog of spec/classification.md: the
// function 类 and 款 of the 2025 edition with a sample of 项, the outdated
// 类 names, and both economic classifications (部门 3xx, 政府 5xx) at 类
// and 款 level. A 类 it lacks is a warning, a 款 a 提示, never an error:
// the function catalog changes every year, and its 项 are only a sample
// (their names come from the ledger or a region's catalog).
//
//go:embed catalog.tsv
var catalogTSV string

type catalogData struct {
	funcName   map[string]string    // code → name (类, 款, 项)
	funcUnsure map[string]bool      // codes whose name is uncertain (? in catalog.tsv): not compared
	funcByName map[string]string    // normalised 类 name → code
	oldFunc    map[string]string    // normalised outdated 类 name → code
	dept       map[string]string    // 部门预算经济分类 code → name
	gov        map[string]string    // 政府预算经济分类 code → name
	econMap    map[string][2]string // 部门 款 → 政府 款 for 机关, for 事业单位
}

// catalog parses the embedded catalog once; the result is never modified.
var catalog = sync.OnceValue(func() *catalogData {
	c := &catalogData{
		funcName: map[string]string{}, funcUnsure: map[string]bool{}, funcByName: map[string]string{}, oldFunc: map[string]string{},
		dept: map[string]string{}, gov: map[string]string{}, econMap: map[string][2]string{},
	}
	for _, line := range strings.Split(catalogTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		kind, code, name := f[0], f[1], f[2]
		switch kind {
		case "func":
			c.funcName[code] = name
			if len(f) >= 4 && f[3] == "?" {
				c.funcUnsure[code] = true
			}
			if len(code) == 3 {
				c.funcByName[normName(name)] = code
			}
		case "old":
			c.oldFunc[normName(name)] = code
		case "dept":
			c.dept[code] = name
		case "gov":
			c.gov[code] = name
		case "map":
			// map	部门款	机关→	事业单位→
			if len(f) >= 4 {
				c.econMap[code] = [2]string{name, f[3]}
			}
		}
	}
	return c
})
