package profiles

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"gongkai/model"
)

// Field is a model field a leaf column can show.
type Field struct {
	Name string // e.g. unit_name, func_code.class, narrative.operating_costs.total
	Kind string // text, code, amount, number
	// Doc says what the field holds, in the words of the tables.
	Doc string
}

// Column kinds (the layout's).
const (
	KindText   = "text"
	KindCode   = "code"
	KindAmount = "amount"
	KindNumber = "number"
)

// Shapes of model tables: which engine lays them out.
const (
	ShapeSummary = "summary" // 表一, 表四: income block beside expenditure blocks
	ShapeRows    = "rows"    // every other table: one row per data row
)

// Shape returns the shape of model table id.
func Shape(id model.TableID) string {
	if id == model.T01 || id == model.T04 {
		return ShapeSummary
	}
	return ShapeRows
}

// RowType returns the Go type of a row of model table id (nil for the
// summary tables).
func RowType(id model.TableID) reflect.Type {
	switch id {
	case model.T02:
		return reflect.TypeFor[model.IncomeRow]()
	case model.T03, model.T05, model.T08, model.T10:
		return reflect.TypeFor[model.ExpenditureRow]()
	case model.T06:
		return reflect.TypeFor[model.BasicRow]()
	case model.T07:
		return reflect.TypeFor[model.ThreePublicRow]()
	case model.T09:
		return reflect.TypeFor[model.ProcurementRow]()
	}
	return nil
}

// Code parts: a function code 2010350 is 类 201, 款 03, 项 50; an economic
// code 30101 is 类 301, 款 01.
var codeParts = []struct {
	suffix     string
	start, end int
	doc        string
}{
	{".class", 0, 3, "类 (first 3 digits)"},
	{".item", 3, 5, "款 (digits 4–5)"},
	{".subitem", 5, 7, "项 (digits 6–7)"},
}

// CodePart returns the part of a code a derived field names (func_code.item
// of 2010350 is 03); ok is false when field is no code part.
func CodePart(field, code string) (base string, part string, ok bool) {
	for _, p := range codeParts {
		if b, found := strings.CutSuffix(field, p.suffix); found {
			if len(code) < p.end {
				return b, "", true
			}
			return b, code[p.start:p.end], true
		}
	}
	return field, "", false
}

// Summary fields: the columns and footer values of 表一 and 表四.
var summaryFields = []Field{
	{"income_item", KindText, "income line label (一、一般公共预算财政拨款收入)"},
	{"income_amount", KindAmount, "income line amount"},
	{"function_item", KindText, "function line label"},
	{"function_total", KindAmount, "function line 合计"},
	{"function_general", KindAmount, "function line 一般公共预算"},
	{"function_gov_fund", KindAmount, "function line 政府性基金预算"},
	{"function_state_capital", KindAmount, "function line 国有资本经营预算"},
	{"class_item", KindText, "category or economic line label"},
	{"class_total", KindAmount, "category or economic line 合计"},
	{"class_general", KindAmount, "category or economic line 一般公共预算"},
	{"class_gov_fund", KindAmount, "category or economic line 政府性基金预算"},
	{"class_state_capital", KindAmount, "category or economic line 国有资本经营预算"},
	{"function_personnel", KindAmount, "function line 基本支出 人员经费 (by_category)"},
	{"function_public", KindAmount, "function line 基本支出 公用经费 (by_category)"},
	{"function_project", KindAmount, "function line 项目支出 (by_category)"},
}

// Footer values of a summary table.
var (
	footerIncome      = []string{"income_total", "carryover", "income_grand_total"}
	footerExpenditure = []string{"expenditure_total", "carry_forward", "expenditure_grand_total"}
)

// Fields returns the fields a leaf column of a table filled by model table
// id may show, sorted by name: the row fields (their JSON names), the code
// parts of every code field, and the narrative figures
// (narrative.three_public.total …) that print beside a table.
func Fields(id model.TableID) []Field {
	fieldsOnce.Do(func() {
		fieldsByTable = map[model.TableID][]Field{}
		for _, t := range model.AllTables {
			fieldsByTable[t] = computeFields(t)
		}
	})
	return append([]Field(nil), fieldsByTable[id]...)
}

var (
	fieldsOnce    sync.Once
	fieldsByTable map[model.TableID][]Field
)

func computeFields(id model.TableID) []Field {
	var out []Field
	if Shape(id) == ShapeSummary {
		out = append(out, summaryFields...)
	} else if rt := RowType(id); rt != nil {
		for i := range rt.NumField() {
			f := rt.Field(i)
			name := jsonName(f)
			if name == "" || name == "level" {
				continue
			}
			switch {
			case f.Type == reflect.TypeFor[model.Amount]():
				kind := KindAmount
				if name == "quantity" {
					kind = KindNumber
				}
				out = append(out, Field{name, kind, f.Name})
			case f.Type.Kind() == reflect.String:
				kind := KindText
				if name == "code" || strings.HasSuffix(name, "_code") {
					kind = KindCode
					for _, p := range codeParts {
						if name == "code" && p.suffix == ".subitem" {
							continue // economic codes have 类 and 款 only
						}
						out = append(out, Field{name + p.suffix, KindCode, p.doc + " of " + name})
					}
				}
				out = append(out, Field{name, kind, f.Name})
			}
		}
	}
	out = append(out, narrativeFields()...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// field returns the field name of table id, or ok false.
func field(id model.TableID, name string) (Field, bool) {
	Fields(id)
	for _, f := range fieldsByTable[id] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// narrativeFields are the amounts of model.Narrative as narrative.<path>.
func narrativeFields() []Field {
	var out []Field
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			name := jsonName(f)
			if name == "" {
				continue
			}
			switch {
			case f.Type == reflect.TypeFor[model.Amount]():
				out = append(out, Field{prefix + name, KindAmount, "narrative figure"})
			case f.Type.Kind() == reflect.Struct:
				walk(f.Type, prefix+name+".")
			}
		}
	}
	walk(reflect.TypeFor[model.Narrative](), "narrative.")
	return out
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	return name
}

// NarrativeAmount returns the narrative figure a narrative.<path> field
// names; ok is false when n is nil or the path names no amount.
func NarrativeAmount(n *model.Narrative, fieldName string) (model.Amount, bool) {
	path, found := strings.CutPrefix(fieldName, "narrative.")
	if !found || n == nil {
		return model.Amount{}, false
	}
	v := reflect.ValueOf(*n)
	for _, part := range strings.Split(path, ".") {
		if v.Kind() != reflect.Struct {
			return model.Amount{}, false
		}
		next := reflect.Value{}
		for i := range v.NumField() {
			if jsonName(v.Type().Field(i)) == part {
				next = v.Field(i)
				break
			}
		}
		if !next.IsValid() {
			return model.Amount{}, false
		}
		v = next
	}
	a, ok := v.Interface().(model.Amount)
	return a, ok
}
