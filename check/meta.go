package check

import (
	"reflect"
	"strconv"

	"gongkai/model"
)

// Zero values that would otherwise pass silently (D-META, R-LEVEL): a
// disclosure with no department, year or unit, or with nothing in it to
// check, and table rows without a level (a 合计 row without one was taken
// for a detail row and its subtotal never checked).

func (c *checker) meta() {
	d := c.d
	if d.Department == "" {
		c.add(model.SeverityError, "D-META", "", 0, model.Finding{Field: "department", Message: "缺少公开主体（department，部门或单位名称）"})
	}
	if d.Year == 0 {
		c.add(model.SeverityError, "D-META", "", 0, model.Finding{Field: "year", Message: "缺少预算年度（year）"})
	}
	switch d.Unit {
	case model.UnitWanYuan, model.UnitYuan:
	case "":
		c.add(model.SeverityError, "D-META", "", 0, model.Finding{Field: "unit", Message: "缺少金额单位（unit：万元或元）；公开表的单位行将印作“（未注明）”"})
	default:
		c.add(model.SeverityError, "D-META", "", 0, model.Finding{Field: "unit", Message: "金额单位“" + d.Unit + "”应为万元或元"})
	}
	present := 0
	for _, id := range model.AllTables {
		if d.Tables.Present(id) {
			present++
		}
	}
	if present == 0 && d.Narrative == nil {
		c.add(model.SeverityError, "D-META", "", 0, model.Finding{Message: "公开数据中没有任何表，也没有文字说明中的数字：没有可核对的内容"})
	} else if set, nonzero := statedAmounts(reflect.ValueOf(d.Tables)); set && !nonzero && d.Narrative == nil {
		// A blank template read back (its SUM totals are 0), or tables
		// whose every amount is 0: every check passes on nothing.
		c.add(model.SeverityWarning, "D-META", "", 0, model.Finding{Message: "公开表中没有任何不为 0 的金额：是否还没有填写（空白模板）？"})
	}
}

// statedAmounts reports whether v holds a model.Amount that is stated
// (set) and one that is not 0 (nonzero).
func statedAmounts(v reflect.Value) (set, nonzero bool) {
	visit := func(w reflect.Value) bool {
		s, n := statedAmounts(w)
		set, nonzero = set || s, nonzero || n
		return nonzero
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return statedAmounts(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == amountType {
			a := v.Interface().(model.Amount)
			return !a.IsBlank(), !a.IsZero()
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && visit(v.Field(i)) {
				return
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if visit(v.Index(i)) {
				return
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if visit(it.Value()) {
				return
			}
		}
	}
	return
}

var levelType = reflect.TypeOf(model.Level(""))

// levels reports rows without a level in the tables whose rows have one,
// except 表六, whose level follows from the code (none: 合计, 3 digits: 类,
// 5: 款).
func (c *checker) levels() {
	tv := reflect.ValueOf(&c.d.Tables).Elem()
	for i, id := range model.AllTables {
		if id == model.T06 {
			continue
		}
		t := tv.Field(i)
		if t.Kind() != reflect.Pointer || t.IsNil() {
			continue
		}
		rows := t.Elem().FieldByName("Rows")
		if !rows.IsValid() || rows.Kind() != reflect.Slice {
			continue
		}
		var missing []string
		first := -1
		for r := 0; r < rows.Len(); r++ {
			lv := rows.Index(r).FieldByName("Level")
			if !lv.IsValid() || lv.Type() != levelType || lv.String() != "" {
				continue
			}
			if first < 0 {
				first = r
			}
			label := rowLabel(rows.Index(r))
			if label == "" {
				label = "第" + strconv.Itoa(r+1) + "行"
			}
			missing = append(missing, label)
		}
		if len(missing) > 0 {
			c.add(model.SeverityError, "R-LEVEL", id, first, model.Finding{Row: missing[0], Column: "level",
				Message: id.Number() + " 有 " + thousands(len(missing)) + " 行没有层级（level：total 合计、section 科室、department 部门、unit 单位、detail 明细），合计无法核对：" + capList(missing, "、")})
		}
	}
}
