package check

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"gongkai/model"
)

// Values: amounts that cannot be negative (NEG), table amounts with more
// than two decimals (PREC), and text with control, bidirectional or
// invisible characters (TEXT). These rules look at every field of the
// disclosure by reflection, so a field added to the model is covered
// without a new rule.

var amountType = reflect.TypeOf(model.Amount{})

// columnNames are the Chinese column titles of the tables' amount fields
// (JSON names); a field missing here is named by its JSON name.
var columnNames = map[string]string{
	"total": "合计", "personnel": "人员类", "public": "公用经费", "other_operating": "其他运转类",
	"specific": "特定目标类", "basic": "基本支出", "project": "项目支出", "subtotal": "小计",
	"general": "一般公共预算", "gov_fund": "政府性基金预算", "state_capital": "国有资本经营预算",
	"special_account": "财政专户管理资金", "unit_funds": "单位资金", "carryover": "上年结转",
	"abroad": "因公出国（境）费", "vehicle_subtotal": "公务用车购置及运行费小计",
	"vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费", "reception": "公务接待费",
	"quantity": "数量", "amount": "金额", "income_total": "本年收入合计", "income_grand_total": "收入总计",
	"expenditure_total": "本年支出合计", "expenditure_grand_total": "支出总计", "carry_forward": "结转下年",
	"category_total": "支出类别分类合计", "economic_total": "经济分类合计",
}

// place is where a value is: the JSON path, and for table values the table,
// the row index (-1 outside rows) and the row's label.
type place struct {
	path  string
	table model.TableID
	row   int
	label string
	field string // the JSON name of the field
}

// visit calls fn for every Amount and every string of d.
func visit(d *model.Disclosure, amount func(p place, a model.Amount), text func(p place, s string)) {
	var walk func(v reflect.Value, p place)
	walk = func(v reflect.Value, p place) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), p)
			}
		case reflect.Struct:
			if v.Type() == amountType {
				amount(p, v.Interface().(model.Amount))
				return
			}
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" {
					continue
				}
				if name == "" {
					name = f.Name
				}
				q := p
				q.field = name
				q.path = join(p.path, name)
				if p.path == "tables" {
					q.table = model.TableID(name)
				}
				walk(v.Field(i), q)
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				q := p
				q.path = p.path + "[" + strconv.Itoa(i) + "]"
				if p.table != "" && q.row < 0 {
					q.row = i
					q.label = rowLabel(v.Index(i))
				}
				walk(v.Index(i), q)
			}
		case reflect.Map:
			keys := v.MapKeys()
			sortValues(keys)
			for _, k := range keys {
				q := p
				q.path = p.path + "[" + strconv.Quote(k.String()) + "]"
				text(place{path: p.path + " 的键", table: p.table, row: p.row, label: p.label, field: p.field}, k.String())
				walk(v.MapIndex(k), q)
			}
		case reflect.String:
			text(p, v.String())
		}
	}
	walk(reflect.ValueOf(d).Elem(), place{row: -1})
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func sortValues(ks []reflect.Value) {
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j].String() < ks[j-1].String(); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

// rowLabel is a row's code and name, from the fields rows have.
func rowLabel(v reflect.Value) string {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	get := func(name string) string {
		f := v.FieldByName(name)
		if f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
		return ""
	}
	var parts []string
	for _, n := range []string{"UnitCode", "UnitName", "FuncCode", "FuncName", "Code", "Name", "Label", "Project", "Item"} {
		if s := strings.TrimSpace(get(n)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// signed reports whether an amount field may be negative: changes and their
// percentages.
func signed(field string) bool { return strings.Contains(field, "change") }

func (c *checker) values() {
	type cell struct {
		p    place
		text string
	}
	prec := map[model.TableID][]cell{}
	firstRow := map[model.TableID]int{}
	visit(c.d, func(p place, a model.Amount) {
		if a.IsBlank() {
			return
		}
		if a.Decimal().Sign() < 0 && !signed(p.field) {
			c.negative(p, a)
		}
		if p.table != "" && a.Places() > 2 {
			if _, ok := firstRow[p.table]; !ok {
				firstRow[p.table] = p.row
			}
			prec[p.table] = append(prec[p.table], cell{p, a.String()})
		}
	}, func(p place, s string) {
		c.text(p, s)
	})
	for _, id := range model.AllTables {
		cells := prec[id]
		if len(cells) == 0 {
			continue
		}
		list := make([]string, len(cells))
		for i, x := range cells {
			list[i] = strings.TrimSpace(x.p.label+" "+colName(x.p.field)) + " " + x.text
		}
		c.add(model.SeverityWarning, "PREC", id, firstRow[id], model.Finding{Row: cells[0].p.label, Column: colName(cells[0].p.field),
			Message: id.Number() + " 有 " + thousands(len(cells)) + " 个金额多于 2 位小数：" + capList(list, "、") + "；公开表印 2 位小数，印出时将四舍五入"})
	}
}

func colName(field string) string {
	if n, ok := columnNames[field]; ok {
		return n
	}
	return field
}

// negative reports an amount below zero where none can be: 三公 (表七 and
// the narrative's three_public) is an error; other amounts a warning.
func (c *checker) negative(p place, a model.Amount) {
	where := p.path
	if p.table != "" {
		where = strings.TrimSpace(p.table.Number() + " " + p.label + " " + colName(p.field))
	}
	f := model.Finding{Row: p.label, Column: colName(p.field)}
	if p.table == "" {
		f.Field = strings.TrimPrefix(p.path, "narrative.")
	}
	if p.table == model.T07 || strings.HasPrefix(p.path, "narrative.three_public.") {
		f.Message = where + " 为 " + a.String() + "：“三公”经费不能为负数"
		c.add(model.SeverityError, "NEG", p.table, p.row, f)
		return
	}
	f.Message = where + " 为 " + a.String() + "：预算金额不应为负数（增减额除外），请核实"
	c.add(model.SeverityWarning, "NEG", p.table, p.row, f)
}

// text reports characters a reader cannot see or that reorder what is
// shown: bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F,
// U+061C) are errors, since the printed name then differs from the stored
// one; other control, format (zero-width, soft hyphen, BOM), private-use
// and replacement characters are warnings. Line breaks and tabs are allowed
// in the free texts (description, note).
func (c *checker) text(p place, s string) {
	var bidi, other []string
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			if p.field == "description" || p.field == "note" || p.field == "notes" {
				continue
			}
			other = append(other, runeName(r))
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			bidi = append(bidi, runeName(r))
		case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Co, r),
			r == 0xFFFD, r == 0x2028, r == 0x2029, r == 0x3164, r == 0x115F, r == 0x1160:
			other = append(other, runeName(r))
		}
	}
	if len(bidi) == 0 && len(other) == 0 {
		return
	}
	where := p.path
	if p.table != "" {
		where = strings.TrimSpace(p.table.Number() + " " + p.label + " " + colName(p.field))
	}
	f := model.Finding{Row: p.label, Column: colName(p.field)}
	if p.table == "" && strings.HasPrefix(p.path, "narrative.") {
		f.Field = strings.TrimPrefix(p.path, "narrative.")
	}
	shown := strconv.QuoteToASCII(s)
	if len(shown) > 80 {
		shown = shown[:80] + "…"
	}
	if len(bidi) > 0 {
		f.Message = where + " 含有改变文字方向的控制字符 " + capList(dedup(bidi), "、") + "：印出的文字与数据不同，请删除（" + shown + "）"
		c.add(model.SeverityError, "TEXT", p.table, p.row, f)
		return
	}
	f.Message = where + " 含有看不见的字符 " + capList(dedup(other), "、") + "，请删除（" + shown + "）"
	c.add(model.SeverityWarning, "TEXT", p.table, p.row, f)
}

func runeName(r rune) string {
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	return "U+" + strings.Repeat("0", max(0, 4-len(h))) + h
}

func dedup(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
