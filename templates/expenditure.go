package templates

import (
	"gongkai/layout"
	"gongkai/model"
)

// The expenditure grid of 表三, 表五, 表八 and 表十. unitFirst puts the unit
// code and name in columns 1–2 (表三); otherwise the function code and name
// come first (表五, 表八, 表十). The column-number row follows the header.
func expenditureForm(id model.TableID, scheme string, unitFirst bool) form {
	unitCols := []layout.Column{col("unit_code", layout.KindCode, wCode), col("unit_name", layout.KindText, wUnitName)}
	funcCols := []layout.Column{col("func_code", layout.KindCode, wCode), col("func_name", layout.KindText, wFuncName)}
	unitHead := []string{"单位编码", "单位名称"}
	funcHead := []string{"功能科目编码", "功能科目名称"}
	if unitFirst {
		funcHead[1] = "科目名称" // as printed in 表三 (spec §4.3)
	}
	first, second := funcCols, unitCols
	firstHead, secondHead := funcHead, unitHead
	nameCol := 3
	if unitFirst {
		first, second = unitCols, funcCols
		firstHead, secondHead = unitHead, funcHead
		nameCol = 1
	}
	f := form{id: id, numberRow: true, nameCol: nameCol}
	f.columns = append(append(append(f.columns, first...), second...), col("total", layout.KindAmount, wAmount))
	if scheme == model.SchemeBasicProject {
		f.columns = append(f.columns, col("basic", layout.KindAmount, wAmount), col("project", layout.KindAmount, wAmount))
		f.headerRows = 1
		f.header = []layout.HeaderCell{
			hc(1, 1, 1, 1, firstHead[0]), hc(1, 2, 1, 1, firstHead[1]),
			hc(1, 3, 1, 1, secondHead[0]), hc(1, 4, 1, 1, secondHead[1]),
			hc(1, 5, 1, 1, "总计"), hc(1, 6, 1, 1, "基本支出"), hc(1, 7, 1, 1, "项目支出"),
		}
		return f
	}
	f.columns = append(f.columns,
		col("personnel", layout.KindAmount, wAmount),
		col("public", layout.KindAmount, wAmount),
		col("other_operating", layout.KindAmount, wAmount),
		col("specific", layout.KindAmount, wAmount))
	f.headerRows = 2
	f.header = []layout.HeaderCell{
		hc(1, 1, 2, 1, firstHead[0]), hc(1, 2, 2, 1, firstHead[1]),
		hc(1, 3, 2, 1, secondHead[0]), hc(1, 4, 2, 1, secondHead[1]),
		hc(1, 5, 2, 1, "总计"), hc(1, 6, 2, 1, "人员类项目支出"),
		hc(1, 7, 1, 2, "运转类项目支出"), hc(1, 9, 2, 1, "特定目标类项目支出"),
		hc(2, 7, 1, 1, "公用经费项目支出"), hc(2, 8, 1, 1, "其他运转类项目支出"),
	}
	return f
}

// expenditure lays out an ExpenditureTable; zeros print as empty cells in
// every row (spec §3.5), and the rows keep the order the data states.
func (b builder) expenditure(mk func(scheme string) form, t *model.ExpenditureTable) layout.Sheet {
	var data []model.ExpenditureRow
	var scheme, note string
	if t != nil {
		data, scheme, note = t.Rows, t.Scheme, t.Note
	}
	f := mk(scheme)
	unitFirst := f.columns[0].Key == "unit_code"
	const showZero = false
	return rows(b, f, t != nil, data, note, func(r model.ExpenditureRow) layout.Row {
		unit := []layout.Cell{layout.TextCell(r.UnitCode), layout.TextCell(b.unitName(r.Level, r.UnitName))}
		fn := []layout.Cell{layout.TextCell(r.FuncCode), layout.TextCell(r.FuncName)}
		var cells []layout.Cell
		if unitFirst {
			cells = append(unit, fn...)
		} else {
			cells = append(fn, unit...)
		}
		cells = append(cells, amount(r.Total, showZero))
		if scheme == model.SchemeBasicProject {
			cells = append(cells, amount(r.Basic, showZero), amount(r.Project, showZero))
		} else {
			cells = append(cells, amount(r.Personnel, showZero), amount(r.Public, showZero),
				amount(r.OtherOperating, showZero), amount(r.Specific, showZero))
		}
		return unitRow(r.Level, cells...)
	})
}
