package narrative

import (
	"strings"
	"text/template"
)

var numerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// cn writes 1…99 as a Chinese numeral: 1 一, 10 十, 12 十二, 20 二十.
func cn(n int) string {
	switch {
	case n <= 10:
		return numerals[max(n, 0)]
	case n < 20:
		return "十" + numerals[n-10]
	case n%10 == 0:
		return numerals[n/10] + "十"
	default:
		return numerals[n/10] + "十" + numerals[n%10]
	}
}

// funcs are the functions a style may call. The counters (part, sec, sub)
// belong to one execution.
func funcs(unit string) template.FuncMap {
	var nPart, nSec, nSub int
	return template.FuncMap{
		// m prints an amount with the unit: 231.79万元.
		"m": func(f Figure) string { return f.String() + unit },
		// pct prints a percentage: 34.39%.
		"pct": func(f Figure) string { return f.String() + "%" },
		// part numbers the parts: 第一部分, 第二部分 …; it restarts sec.
		"part": func() string { nPart++; nSec, nSub = 0, 0; return "第" + cn(nPart) + "部分" },
		// sec numbers the sections of a part: 一、二、…; it restarts sub.
		"sec": func() string { nSec++; nSub = 0; return cn(nSec) + "、" },
		// sub numbers the sub-sections: （一）（二）…
		"sub": func() string { nSub++; return "（" + cn(nSub) + "）" },
		// restart restarts sec and sub (for parts numbered by the style itself).
		"restart": func() string { nSec, nSub = 0, 0; return "" },
		"cn":      cn,
		"inc":     func(i int) int { return i + 1 },
		"dec":     func(i int) int { return i - 1 },
		// items joins labelled amounts: 办公费1.50万元、印刷费0.30万元.
		"items": func(sep string, its []Item) string {
			parts := make([]string, 0, len(its))
			for _, it := range its {
				parts = append(parts, it.Name+it.Amount.String()+unit)
			}
			return strings.Join(parts, sep)
		},
		"join": strings.Join,
		// known reports whether any figure is known.
		"known": func(fs ...Figure) bool {
			for _, f := range fs {
				if f.Known {
					return true
				}
			}
			return false
		},
		// trim drops a final 。 or ； so that a style can end the sentence itself.
		"trim": func(s string) string { return strings.TrimRight(strings.TrimSpace(s), "。；;.") },
	}
}
