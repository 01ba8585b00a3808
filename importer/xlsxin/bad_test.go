package xlsxin

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/xlsxcases"
	"gongkai/model"
)

func TestBadWorkbooks(t *testing.T) {
	cases, err := xlsxcases.Cases("表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			d, fs, err := Read(bytes.NewReader(c.Data), "表.xlsx", Options{})
			if c.Unreadable {
				var e *Error
				if err == nil || !errors.As(err, &e) {
					t.Fatalf("want an *Error, got %v (findings %v)", err, fs)
				}
				if d != nil {
					t.Error("a disclosure from an unreadable workbook")
				}
				for _, w := range c.Want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := model.HasErrors(fs); got == c.Info {
				t.Errorf("errors among the findings: %v, want %v:\n%s", got, !c.Info, list(fs))
			}
			for _, w := range c.Want {
				found := false
				for _, f := range fs {
					found = found || strings.Contains(f.Message, w)
				}
				if !found {
					t.Errorf("no finding contains %q; findings:\n%s", w, list(fs))
				}
			}
		})
	}
}

func list(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestAllProblemsAtOnce: a workbook with several problems reports every
// one, each at its cell.
func TestAllProblemsAtOnce(t *testing.T) {
	_, base, err := xlsxcases.Example()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(xlsxcases.T05, "E6", "12,3x"))
	must(f.SetCellStr(xlsxcases.T05, "G8", "约5万"))
	must(f.SetCellStr(xlsxcases.T02, "C4", "总额"))
	must(f.MergeCell(xlsxcases.T06, "C7", "D7"))
	var b bytes.Buffer
	must(f.Write(&b))
	f.Close()
	_, fs, err := Read(bytes.NewReader(b.Bytes()), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"表.xlsx 表五 一般公共预算支出表!E6: “12,3x”不是金额",
		"表.xlsx 表五 一般公共预算支出表!G8: “约5万”不是金额",
		"表.xlsx 表二 部门收入总表!C3: 表头应为“总计”，实为“总额”",
		"表.xlsx 表六 一般公共预算基本支出表!C7:D7: 数据区有合并单元格",
	} {
		found := false
		for _, f := range fs {
			found = found || f.Severity == model.SeverityError && strings.Contains(f.Message, w)
		}
		if !found {
			t.Errorf("no error %q; findings:\n%s", w, list(fs))
		}
	}
}

// TestFormulaCache: a formula whose stored value differs from what it
// computes is read by its stored value, with a warning naming both.
func TestFormulaCache(t *testing.T) {
	_, base, err := xlsxcases.Example()
	if err != nil {
		t.Fatal(err)
	}
	// E6 (表五 合计 总计) keeps its stored value and gets a formula that
	// computes something else: a workbook saved without recalculation.
	var stored string
	re := regexp.MustCompile(`<c r="E6"([^>]*)><v>([^<]*)</v></c>`)
	data, err := xlsxcases.EditPart(base, "xl/worksheets/sheet5.xml", func(s string) string {
		if m := re.FindStringSubmatch(s); m != nil {
			stored = m[2]
		}
		return re.ReplaceAllString(s, `<c r="E6"$1><f>F6+1</f><v>$2</v></c>`)
	})
	if err != nil || stored == "" {
		t.Fatalf("no stored value at 表五!E6 (%v)", err)
	}
	d, fs, err := Read(bytes.NewReader(data), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T05.Rows[0].Total; got.Decimal().String() != stored {
		t.Errorf("表五 合计 = %s, want the stored %s", got, stored)
	}
	want := "表.xlsx 表五 一般公共预算支出表!E6: 公式 =F6+1 算得"
	if len(fs) != 1 || !strings.Contains(fs[0].Message, want) || !strings.Contains(fs[0].Message, "单元格保存的值为 "+stored) {
		t.Errorf("findings:\n%swant one containing %q", list(fs), want)
	}
}

// TestManyTextAmounts: a table whose amounts are all text (as some systems
// export them) reads, with one warning for the table rather than one a cell.
func TestManyTextAmounts(t *testing.T) {
	in, base, err := xlsxcases.Example()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(xlsxcases.T05, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := 6; r <= len(rows); r++ {
		for c := 5; c <= 9; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if v, _ := f.GetCellValue(xlsxcases.T05, ref, excelize.Options{RawCellValue: true}); v != "" {
				if err := f.SetCellStr(xlsxcases.T05, ref, v); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	d, fs, err := Read(bytes.NewReader(b.Bytes()), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("表.xlsx 表五 一般公共预算支出表!E6: 本表共 %d 个金额存为文本（E6、", n)
	if n <= 3 || len(fs) != 1 || !strings.HasPrefix(fs[0].Message, want) {
		t.Errorf("%d text amounts; findings:\n%swant one starting %q", n, list(fs), want)
	}
	if d := diff(normalise(in).Tables.T05, normalise(d).Tables.T05); len(d) > 0 {
		t.Errorf("表五 read from text differs:\n%s", strings.Join(d, "\n"))
	}
}

// TestCircularFormula: formulas without stored values that refer to each
// other are an error at each cell, not a number.
func TestCircularFormula(t *testing.T) {
	_, base, err := xlsxcases.Example()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<c r="(E6|E7)"([^>]*)><v>[^<]*</v></c>`)
	data, err := xlsxcases.EditPart(base, "xl/worksheets/sheet5.xml", func(s string) string {
		return re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			other := map[string]string{"E6": "SUM(E7:E13)", "E7": "E6+1"}[sub[1]]
			return `<c r="` + sub[1] + `"` + sub[2] + `><f>` + other + `</f></c>`
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	_, fs, err := Read(bytes.NewReader(data), "表.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"表.xlsx 表五 一般公共预算支出表!E6: 公式 =SUM(E7:E13) 循环引用了自身",
		"表.xlsx 表五 一般公共预算支出表!E7: 公式 =E6+1 循环引用了自身",
	} {
		found := false
		for _, f := range fs {
			found = found || f.Severity == model.SeverityError && strings.Contains(f.Message, w)
		}
		if !found {
			t.Errorf("no error %q; findings:\n%s", w, list(fs))
		}
	}
}
