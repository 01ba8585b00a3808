package text

import (
	"strings"
	"testing"

	"gongkai/model"
)

func parseString(t *testing.T, s string) *Result {
	t.Helper()
	r, err := Parse(strings.NewReader(s), Options{Name: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// 表七 in the vertical 项目/预算数 layout common nationally.
func TestThreePublicVertical(t *testing.T) {
	r := parseString(t, "某局2025年部门预算公开\n"+
		"表七 一般公共预算“三公”经费支出表\n"+
		"单位：万元\n"+
		"项目\t预算数\n"+
		"合计\t15.50\n"+
		"1.因公出国（境）费\t0.00\n"+
		"2.公务接待费\t5.00\n"+
		"3.公务用车购置及运行费\t10.50\n"+
		"其中：（1）公务用车购置费\t\n"+
		"（2）公务用车运行费\t10.50\n")
	tb := r.Disclosure.Tables.T07
	if tb == nil || len(tb.Rows) != 1 {
		t.Fatalf("表七 = %+v", tb)
	}
	row := tb.Rows[0]
	got := strings.Join([]string{row.Total.String(), row.Abroad.String(), row.Reception.String(), row.VehicleSubtotal.String(), row.VehiclePurchase.String(), row.VehicleOperation.String()}, "|")
	if got != "15.50|0.00|5.00|10.50||10.50" {
		t.Errorf("表七 row = %s", got)
	}
	if len(r.Unread) != 0 {
		t.Errorf("unread %v", r.Unread)
	}
}

// Columns are mapped by their header words wherever they stand; a column
// no rule knows is reported and its numbers listed as unread.
func TestColumnsByHeaderWords(t *testing.T) {
	r := parseString(t, "某局2025年部门预算公开\n"+
		"一般公共预算支出表\n"+
		"单位：万元\n"+
		"单位名称\t单位编码\t总计\t上年预算数\t特定目标类项目支出\t人员类项目支出\t功能科目名称\t功能科目编码\n"+
		"合计\t\t10.00\t9.00\t4.00\t6.00\t\t\n"+
		"某局\t123001\t10.00\t9.00\t4.00\t6.00\t事业运行\t2010350\n")
	tb := r.Disclosure.Tables.T05
	if tb == nil || len(tb.Rows) != 2 {
		t.Fatalf("表五 = %+v", tb)
	}
	d := tb.Rows[1]
	if d.Level != model.LevelDetail || d.UnitCode != "123001" || d.UnitName != "某局" || d.FuncCode != "2010350" || d.FuncName != "事业运行" ||
		d.Total.String() != "10.00" || d.Specific.String() != "4.00" || d.Personnel.String() != "6.00" || !d.Public.IsBlank() {
		t.Errorf("row = %+v", d)
	}
	if tb.Rows[0].Level != model.LevelTotal || tb.Rows[0].UnitName != "合计" {
		t.Errorf("total row = %+v", tb.Rows[0])
	}
	if !hasFinding(r.Findings, "P7", 5) || len(r.Unread) != 2 {
		t.Errorf("the 上年预算数 column must be reported: %v %v", r.Findings, r.Unread)
	}
}

// Tables in 元 beside a narrative in 万元: both kept, nothing converted, P3.
func TestUnitMismatch(t *testing.T) {
	r := parseString(t, "某局2025年部门预算公开\n"+
		"2025年预算收入总额10万元。\n"+
		"一般公共预算基本支出表\n"+
		"单位：元\n"+
		"科目编码\t科目名称\t合计\t人员经费\t公用经费\n"+
		"\t合计\t100000.00\t60000.00\t40000.00\n")
	d := r.Disclosure
	if d.Unit != "元" || d.Narrative.Unit != "万元" || d.Narrative.Income.Total.String() != "10" || d.Tables.T06.Rows[0].Total.String() != "100000.00" {
		t.Errorf("units %q/%q, values %s / %s", d.Unit, d.Narrative.Unit, d.Narrative.Income.Total, d.Tables.T06.Rows[0].Total)
	}
	if !hasFinding(r.Findings, "P3", 0) {
		t.Errorf("no P3: %v", r.Findings)
	}
}

// An empty table with its note keeps the note as stated.
func TestEmptyTableNote(t *testing.T) {
	r := parseString(t, "某局2025年部门预算公开\n"+
		"政府性基金预算支出表\n"+
		"单位：万元\n"+
		"功能科目编码\t功能科目名称\t单位编码\t单位名称\t总计\t人员类项目支出\t公用经费项目支出\t其他运转类项目支出\t特定目标类项目支出\n"+
		"\t\t\t合计\t\t\t\t\t\n"+
		"注：本部门2025年无政府性基金预算财政拨款安排的支出，此表为空表。\n")
	tb := r.Disclosure.Tables.T08
	if tb == nil || tb.Note != "注：本部门2025年无政府性基金预算财政拨款安排的支出，此表为空表。" || len(tb.Rows) != 1 || !tb.Rows[0].Total.IsBlank() {
		t.Errorf("表八 = %+v", tb)
	}
	if len(r.Unread) != 0 {
		t.Errorf("unread %v", r.Unread)
	}
}

// A layout-preserving PDF extraction separates cells by runs of spaces.
// Rows with every cell printed are read; a table whose rows lost blank
// cells is not read, and its lines are listed (never shifted values).
func TestLayoutSpaces(t *testing.T) {
	r := parseString(t, "某局2025年部门预算公开\n"+
		"一般公共预算基本支出表\n"+
		"单位：万元\n"+
		"科目编码    科目名称        合计     人员经费    公用经费\n"+
		"            合计            10.00    6.00        4.00\n"+
		"301         工资福利支出    6.00     6.00        0.00\n"+
		"302         商品和服务支出  4.00     0.00        4.00\n"+
		"部门支出总表\n"+
		"单位：万元\n"+
		"单位编码    单位名称    总计     人员类项目支出   公用经费项目支出   特定目标类项目支出\n"+
		"            合计        10.00    6.00                               4.00\n")
	tb := r.Disclosure.Tables.T06
	if tb == nil || dumpBasic(tb) != "total||合计|10.00|6.00|4.00\nclass|301|工资福利支出|6.00|6.00|0.00\nclass|302|商品和服务支出|4.00|0.00|4.00\n" {
		t.Errorf("表六 = %+v", tb)
	}
	if r.Disclosure.Tables.T03 != nil {
		t.Error("表三 lost a blank cell and must not be read")
	}
	if !hasFinding(r.Findings, "P7", 0) || len(r.Unread) != 1 || r.Unread[0].Line != 11 {
		t.Errorf("unread %v findings %v", r.Unread, r.Findings)
	}
}
