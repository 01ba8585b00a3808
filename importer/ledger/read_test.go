package ledger_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/examples"
	"gongkai/importer/ledger"
	"gongkai/model"
)

const hdr = "单位编码,单位名称,单位类型,功能科目编码,功能科目名称,经济科目编码,经济科目名称,支出类别,资金性质,项目名称,三公类别,政府采购品目,采购数量,计量单位,金额"
const good = "901001,测试单位,行政,2010101,行政运行,30101,基本工资,人员类,一般公共预算,,,,,,10000"

func readCSV(t *testing.T, text string) (*ledger.Ledger, error) {
	t.Helper()
	return ledger.Read("ledger.csv", []byte(text), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}})
}

// Every problem of a CSV ledger is reported at once, each with its line,
// and the sentinel its error wraps.
func TestBadInputCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // "line:sentinel-substring" messages must appear in order
		is   []error
	}{
		{"missing columns", "单位编码,单位名称,金额,功能科目编码\n901001,x,1,2010101\n", []string{"ledger.csv:1: 表头缺少必需的列：单位类型、经济科目编码、支出类别、资金性质"}, []error{ledger.ErrMissingColumn}},
		{"duplicate header", hdr + ",金额（元）\n" + good + ",1\n", []string{"ledger.csv:1: 列“金额（元）”与 第 15 列“金额”重复"}, []error{ledger.ErrDuplicateColumn}},
		{"unknown amount unit", strings.Replace(hdr, "金额", "金额（千元）", 1) + "\n" + good + "\n", []string{"ledger.csv:1: 金额列“金额（千元）”的单位不认识"}, []error{ledger.ErrUnknownValue}},
		{"unknown fund, two lines", hdr + "\n" + good + "\n" + strings.Replace(good, "一般公共预算", "一般预算", 1) + "\n" + strings.Replace(good, "人员类", "工资类", 1) + "\n",
			[]string{"ledger.csv:3: 资金性质“一般预算”不是已知类别", "ledger.csv:4: 支出类别“工资类”不是已知类别"}, []error{ledger.ErrUnknownValue}},
		{"amount as text", hdr + "\n" + strings.Replace(good, ",10000", ",约一万", 1) + "\n", []string{"ledger.csv:2: 金额“约一万”不是数字"}, []error{ledger.ErrBadAmount}},
		{"unquoted thousands separator", hdr + "\n" + strings.Replace(good, ",10000", ",10,000", 1) + "\n" + good + ",,\n",
			[]string{"ledger.csv:2:16: 这一行有 16 栏，表头只有 15 栏（第 16 栏“000”没有表头）"}, []error{model.ErrBadValue}},
		{"bad thousands separators", hdr + "\n" + strings.Replace(good, ",10000", `,"1,00,00"`, 1) + "\n", []string{"ledger.csv:2: 金额“1,00,00”的千位分隔符位置不对"}, []error{ledger.ErrBadAmount}},
		{"more than 2 decimals in 元", hdr + "\n" + strings.Replace(good, ",10000", ",100.005", 1) + "\n", []string{"ledger.csv:2: 金额“100.005”的小数超过两位"}, []error{ledger.ErrBadAmount}},
		{"empty amount", hdr + "\n" + strings.Replace(good, ",10000", ",", 1) + "\n", []string{"ledger.csv:2: 金额为空"}, []error{model.ErrMissingField}},
		{"lost leading zeros", hdr + "\n" + strings.Replace(good, "901001", "1001", 1) + "\n", []string{"ledger.csv:2: 单位编码“1001”只有 4 位"}, []error{ledger.ErrLostZero}},
		{"function class of another fund", hdr + "\n" + strings.Replace(good, "2010101", "2230101", 1) + "\n", []string{"ledger.csv:2: 功能科目 2230101 属于 223国有资本经营预算支出，不能用“一般公共预算”资金"}, []error{ledger.ErrFundClass}},
		{"bad function code", hdr + "\n" + strings.Replace(good, "2010101", "20101", 1) + "\n", []string{"ledger.csv:2: 功能科目编码“20101”应为以 2 开头的 7 位数字"}, []error{ledger.ErrBadCode}},
		{"unknown unit type", hdr + "\n" + strings.Replace(good, "行政", "企业", 1) + "\n", []string{"ledger.csv:2: 单位类型“企业”不是已知类别"}, []error{ledger.ErrUnknownValue}},
		{"negative cell", hdr + "\n" + good + "\n" + strings.Replace(good, ",10000", ",-20000", 1) + "\n", []string{"ledger.csv:3: 单位 901001、功能科目 2010101、经济科目 30101、人员类项目支出、一般公共预算 各行合计为负数 -10000.00 元（负数行：第 3 行）"}, []error{model.ErrBadValue}},
		{"unit with two names", hdr + "\n" + good + "\n" + strings.Replace(good, "测试单位", "另一单位", 1) + "\n", []string{"ledger.csv:3: 单位 901001 的名称“另一单位”与前面的“测试单位”不同"}, []error{model.ErrBadValue}},
		{"mixed schemes", hdr + "\n" + good + "\n" + strings.Replace(good, "人员类", "基本支出", 1) + "\n", []string{"ledger.csv:3: 支出类别“基本支出”与第 2 行的“人员类项目支出”是两种口径"}, []error{model.ErrBadValue}},
		{"unit of another department", "主管部门编码,901\n" + hdr + "\n" + good + "\n" + strings.Replace(good, "901001", "902001", 1) + "\n",
			[]string{"ledger.csv:4: 单位 902001 测试单位 不属于主管部门 901"}, []error{ledger.ErrUnknownUnit}},
		{"三公 kind against its economic 款", hdr + "\n" + strings.Replace(strings.Replace(good, "30101,基本工资", "30217,公务接待费", 1), "一般公共预算,,,", "一般公共预算,,因公出国(境)费,", 1) + "\n",
			[]string{"ledger.csv:2: 三公类别“因公出国(境)费”与经济科目 30217 不符（30217 属于公务接待费）"}, []error{model.ErrBadValue}},
		{"header only", hdr + "\n", []string{"ledger.csv: 表头下没有预算明细行"}, []error{ledger.ErrNoLines}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := readCSV(t, tc.text)
			if err == nil {
				_, _, err = ledger.Build(l, ledger.Options{})
			}
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			last := -1
			for _, w := range tc.want {
				i := strings.Index(msg, w)
				if i < 0 || i < last {
					t.Errorf("error\n%s\nlacks (in order) %q", msg, w)
				}
				last = i
			}
			for _, s := range tc.is {
				if !errors.Is(err, s) {
					t.Errorf("error does not wrap %v: %v", s, err)
				}
			}
			if ledger.Unreadable(err) {
				t.Errorf("content problem reported as unreadable: %v", err)
			}
		})
	}
}

// What a finance user's CSV looks like is accepted: GB18030, a BOM, tabs,
// quoted thousands separators, negative reduction lines, empty rows and
// columns in another order with English headers.
func TestAcceptedCSV(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(hdr + "\n" + good + "\n")
	reordered := "amount,fund,category,economic code,function code,unit type,unit name,unit code\n\n10000,一般公共预算,人员类,30101,2010101,行政,测试单位,901001\n,,,,,,,\n"
	for name, text := range map[string]string{
		"gb18030":         gb,
		"bom":             "\ufeff" + hdr + "\n" + good + "\n",
		"tabs":            strings.ReplaceAll(hdr+"\n"+good+"\n", ",", "\t"),
		"thousands":       hdr + "\n" + strings.Replace(good, ",10000", `,"10,500.00"`, 1) + "\n" + strings.Replace(good, ",10000", ",-500", 1) + "\n",
		"english":         reordered,
		"万元":              strings.Replace(hdr, "金额", "金额（万元）", 1) + "\n" + strings.Replace(good, ",10000", ",1", 1) + "\n",
		"trailing commas": hdr + ",,\n" + good + ",,,\n",
	} {
		t.Run(name, func(t *testing.T) {
			l, err := readCSV(t, text)
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := ledger.Build(l, ledger.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Tables.T03.Rows[0].Total.String(); got != "1.00" {
				t.Errorf("表三 合计 %s, want 1.00 (万元)", got)
			}
		})
	}
}

func TestGarbageIsUnreadable(t *testing.T) {
	_, err := ledger.Read("x.xlsx", []byte("PK\x03\x04 not a zip"), ledger.ReadOptions{})
	if err == nil || !ledger.Unreadable(err) {
		t.Errorf("damaged workbook: %v, want an unreadable error", err)
	}
	_, err = ledger.Read("x.csv", []byte("a,b\n\"unterminated\n"), ledger.ReadOptions{})
	if err == nil {
		t.Error("no error for bad CSV")
	}
}

// workbook writes a ledger workbook: a 基本信息 sheet and a 明细 sheet.
func workbook(t *testing.T, rows [][]any, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "基本信息")
	for i, kv := range [][2]string{{"部门名称", "测试局"}, {"年度", "2027"}, {"科室编码", "04"}, {"科室名称", "行政政法科"}} {
		f.SetCellStr("基本信息", "A"+string(rune('1'+i)), kv[0])
		f.SetCellStr("基本信息", "B"+string(rune('1'+i)), kv[1])
	}
	f.NewSheet("明细")
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("明细", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ledgerRows() [][]any {
	h := strings.Split(hdr, ",")
	row := func(unit any, fund string, amt any) []any {
		return []any{unit, "测试单位", "行政", "2010101", "行政运行", "30101", "基本工资", "人员类", fund, "", "", "", "", "", amt}
	}
	hs := make([]any, len(h))
	for i, s := range h {
		hs[i] = s
	}
	return [][]any{hs, row("901001", "一般公共预算", 12345.67), row("901001", "一般公共预算", "1,000.00")}
}

func TestWorkbook(t *testing.T) {
	data := workbook(t, ledgerRows(), nil)
	if !ledger.IsLedger(data) {
		t.Fatal("IsLedger: a ledger workbook not recognised")
	}
	d, _, err := ledger.Load("预算明细.xlsx", data, ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Department != "测试局" || d.Year != 2027 || d.Tables.T03.Rows[1].UnitCode != "04" {
		t.Errorf("基本信息 not read: %q %d %+v", d.Department, d.Year, d.Tables.T03.Rows[1])
	}
	// 12,345.67 + 1,000.00 元 = 1.334567 万元: printed within 0.01.
	if got := d.Tables.T03.Rows[0].Total.String(); got != "1.33" && got != "1.34" {
		t.Errorf("合计 %s, want 1.33 or 1.34", got)
	}
}

// Workbook problems carry sheet!cell: a merged range, a fund that is not
// known, a unit code stored as a number that lost its leading zeros.
func TestBadWorkbook(t *testing.T) {
	rows := ledgerRows()
	rows[2][8] = "一般预算"
	rows = append(rows, []any{12345, "测试单位", "行政", 2010101, "行政运行", 30101, "基本工资", "人员类", "一般公共预算", "", "", "", "", "", 1})
	data := workbook(t, rows, func(f *excelize.File) { f.MergeCell("明细", "J2", "J3") })
	_, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, w := range []string{
		"预算明细.xlsx: 明细!J2: 合并单元格 J2:J3",
		"预算明细.xlsx: 明细!I3: 资金性质“一般预算”不是已知类别",
		"预算明细.xlsx: 明细!A4: 单位编码“12345”只有 5 位",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("error\n%s\nlacks %q", msg, w)
		}
	}
	if !errors.Is(err, ledger.ErrMergedCell) || !errors.Is(err, ledger.ErrLostZero) {
		t.Errorf("sentinels missing: %v", err)
	}
}

// The example ledger is recognised as a ledger by content.
func TestIsLedger(t *testing.T) {
	if !ledger.IsLedger(examples.SampleLedger()) {
		t.Error("example ledger not recognised")
	}
	if ledger.IsLedger([]byte("天门市2023年部门预算公开\n一、部门概况\n")) {
		t.Error("a text disclosure taken for a ledger")
	}
}

func TestCatalogFile(t *testing.T) {
	cat, err := ledger.ReadCatalog("cat.tsv", []byte("编码\t名称\n2012601\t行政运行\n20126\t档案事务\n"))
	if err != nil || cat["20126"] != "档案事务" {
		t.Fatalf("%v %v", cat, err)
	}
	_, err = ledger.ReadCatalog("cat.tsv", []byte("2012601\t行政运行\n2012602 一般行政管理事务\n"))
	if err == nil || !strings.Contains(err.Error(), "cat.tsv:2:") {
		t.Errorf("bad catalog line: %v", err)
	}
	l, err := readCSV(t, hdr+"\n"+strings.Replace(strings.Replace(good, "2010101", "2012601", 1), "行政运行", "", 1)+"\n")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := ledger.Build(l, ledger.Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T03.Rows[2].FuncName; got != "行政运行" {
		t.Errorf("name from --catalog: %q", got)
	}
}

// Build checks lines made by a program (not by Read) instead of failing on them.
func TestBuildBadProgramLines(t *testing.T) {
	l := &ledger.Ledger{Info: ledger.Info{Department: "测试局", Year: 2027}, Lines: []ledger.Line{{UnitCode: "901001", FuncCode: "201", EconCode: "30101", Amount: 1}}}
	if _, _, err := ledger.Build(l, ledger.Options{}); !errors.Is(err, ledger.ErrBadCode) {
		t.Errorf("err = %v, want ErrBadCode", err)
	}
	if _, _, err := ledger.Build(&ledger.Ledger{}, ledger.Options{}); err == nil {
		t.Error("an empty ledger built")
	}
}
