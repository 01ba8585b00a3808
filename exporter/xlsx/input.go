package xlsx

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

// sumFormula is the SUM formula of the body cells refs, with runs of
// consecutive rows in one column written as a range: SUM(E7:E26,E30).
func sumFormula(refs []layout.CellRef, bodyTop int) string {
	rs := append([]layout.CellRef(nil), refs...)
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Col != rs[j].Col {
			return rs[i].Col < rs[j].Col
		}
		return rs[i].Row < rs[j].Row
	})
	var parts []string
	for i := 0; i < len(rs); {
		j := i
		for j+1 < len(rs) && rs[j+1].Col == rs[i].Col && rs[j+1].Row == rs[j].Row+1 {
			j++
		}
		first := cellName(rs[i].Col+1, bodyTop+rs[i].Row)
		if j > i {
			parts = append(parts, first+":"+cellName(rs[j].Col+1, bodyTop+rs[j].Row))
		} else {
			parts = append(parts, first)
		}
		i = j + 1
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}

// inputRules adds data validation on the input cells of a sheet (numbers in
// amount and number columns, codes of the allowed lengths in code columns)
// and protects a sheet that asks for it, without a password.
func inputRules(f *excelize.File, name string, s layout.Sheet, bodyTop int) error {
	for c, col := range s.Columns {
		var cells []string
		for i, r := range s.Rows {
			if c < len(r.Cells) && r.Cells[c].Input {
				cells = append(cells, cellName(c+1, bodyTop+i))
			}
		}
		if len(cells) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(runs(cells, c+1))
		switch {
		case col.Kind == layout.KindAmount || col.Kind == layout.KindNumber:
			if err := dv.SetRange(-1e12, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "不是数字", "请填数字（金额不要带单位、逗号或空格）。")
		case col.Kind == layout.KindCode && len(col.CodeLen) > 0:
			lo, hi := col.CodeLen[0], col.CodeLen[0]
			for _, n := range col.CodeLen {
				lo, hi = min(lo, n), max(hi, n)
			}
			if err := dv.SetRange(lo, hi, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "编码长度不对", fmt.Sprintf("编码应为 %s 位数字。", joinInts(col.CodeLen, "、")))
		default:
			continue
		}
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	if s.Protect {
		return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true,
		})
	}
	return nil
}

// runs joins the cells of one column into ranges of consecutive rows:
// "E7:E26 E30".
func runs(cells []string, col int) string {
	var parts []string
	for i := 0; i < len(cells); {
		_, r0, _ := excelize.CellNameToCoordinates(cells[i])
		j := i
		for j+1 < len(cells) {
			_, r, _ := excelize.CellNameToCoordinates(cells[j+1])
			_, rp, _ := excelize.CellNameToCoordinates(cells[j])
			if r != rp+1 {
				break
			}
			j++
		}
		_, r1, _ := excelize.CellNameToCoordinates(cells[j])
		if j > i {
			parts = append(parts, cellName(col, r0)+":"+cellName(col, r1))
		} else {
			parts = append(parts, cells[i])
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}

func joinInts(xs []int, sep string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, sep)
}

// hasSums reports whether any cell of doc is a live total.
func hasSums(doc layout.Document) bool {
	for _, s := range doc.Sheets {
		for _, r := range s.Rows {
			for _, c := range r.Cells {
				if len(c.Sum) > 0 {
					return true
				}
			}
		}
	}
	return false
}
