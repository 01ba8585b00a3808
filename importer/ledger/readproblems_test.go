package ledger_test

import (
	"bytes"
	"errors"
	"gongkai/internal/testenv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/importer/ledger"
	"gongkai/model"
)

// mustBuild reads a CSV ledger (with a 收入 file when income is not "")
// and builds it.
func mustBuild(t *testing.T, text, income string) *model.Disclosure {
	t.Helper()
	o := ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027, Unit: model.UnitYuan}}
	if income != "" {
		o.Income, o.IncomeName = []byte(income), "收入.csv"
	}
	d, _, err := ledger.Load("ledger.csv", []byte(text), o, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// problems reads and builds, and returns the problems, one a line.
func problems(t *testing.T, name string, data []byte, o ledger.ReadOptions) []string {
	t.Helper()
	if o.Info.Department == "" {
		o.Info = ledger.Info{Department: "测试局", Year: 2027}
	}
	l, err := ledger.Read(name, data, o)
	if err == nil {
		_, _, err = ledger.Build(l, ledger.Options{})
	}
	if err == nil {
		t.Fatal("no error")
	}
	if ledger.Unreadable(err) || !ledger.ContentError(err) {
		t.Errorf("a problem of the content taken for an unreadable file: %v", err)
	}
	return strings.Split(err.Error(), "\n")
}

// wantProblems checks that got is exactly want, by prefix, in order.
func wantProblems(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
}

// unitRows are the units of 表二 (code and name), in order.
func unitRows(d *model.Disclosure) []string {
	var out []string
	for _, r := range d.Tables.T02.Rows {
		if r.Level == model.LevelUnit {
			out = append(out, r.UnitCode+" "+r.UnitName)
		}
	}
	return out
}

// A code saved as a number with a decimal point (301001.0, as Excel and
// WPS write it) is the same code: it used to build silently as a unit
// 3010010. Any other point is refused with what to do, in every code
// column and in the 收入 file.
func TestCodeWithDecimalPoint(t *testing.T) {
	text := hdr + "\n" + good + "\n" +
		strings.NewReplacer("901001", "901001.0", "2010101", "2010101.0", "30101,", "30101.00,").Replace(good) + "\n"
	d := mustBuild(t, text, "单位编码,资金性质,上年结转\n901001.0,一般公共预算,100\n")
	if got := unitRows(d); len(got) != 1 || got[0] != "901001 测试单位" {
		t.Errorf("units %q, want the one unit 901001", got)
	}
	if got := d.Tables.T02.Rows[0].Total.String(); got != "20000.00" {
		t.Errorf("表二 合计 %s, want 20000.00 (both lines in one unit)", got)
	}
	if got := d.Tables.T02.Rows[0].Carryover.String(); got != "100.00" {
		t.Errorf("上年结转 %s, want 100.00 (the 收入 row of 901001.0)", got)
	}

	text = hdr + "\n" + strings.Replace(good, "901001", "901001.5", 1) + "\n" +
		strings.Replace(good, "2010101", "201.0101", 1) + "\n" +
		strings.Replace(good, "30101,", "3010.1,", 1) + "\n"
	got := problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{Income: []byte("单位编码,资金性质,上年结转\n90100.1,一般公共预算,100\n"), IncomeName: "收入.csv"})
	wantProblems(t, got, []string{
		"ledger.csv:2: 单位编码“901001.5”含小数点：编码只能是数字",
		"ledger.csv:3: 功能科目编码“201.0101”含小数点",
		"ledger.csv:4: 经济科目编码“3010.1”含小数点",
		"收入.csv:2: 单位编码“90100.1”含小数点",
	})

	// In a workbook: a text cell 901001.0 and a 科室编码 4.0.
	rows := ledgerRows()
	rows[1][0] = "901001.0"
	data := workbook(t, rows, func(f *excelize.File) { f.SetCellStr("基本信息", "B3", "4.0") })
	d, _, err := ledger.Load("预算明细.xlsx", data, ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := unitRows(d); len(got) != 1 || got[0] != "901001 测试单位" {
		t.Errorf("workbook units %q, want 901001", got)
	}
	if got := d.Tables.T03.Rows[1].UnitCode; got != "04" {
		t.Errorf("科室编码 4.0 read as %q, want 04", got)
	}
}

// Two unit codes with one name: the tables would print two units that
// nobody can tell apart (most often a code typed wrong on some lines).
func TestTwoCodesOneName(t *testing.T) {
	text := hdr + "\n" + good + "\n" + good + "\n" + strings.Replace(good, "901001", "901011", 1) + "\n"
	got := problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{})
	wantProblems(t, got, []string{"ledger.csv:4: 单位编码 901011 与 第 2 行 的单位编码 901001 是同一个单位名称“测试单位”"})
}

// Full-width digits and points (typed with a Chinese input method) are
// read as their ASCII forms, in codes and in amounts.
func TestFullWidthDigits(t *testing.T) {
	text := hdr + "\n" + strings.NewReplacer("901001", "９０１００１", ",10000", ",１２３４５．６７", "30101,", "３０１０１,").Replace(good) + "\n"
	d := mustBuild(t, text, "")
	if got := unitRows(d); len(got) != 1 || got[0] != "901001 测试单位" {
		t.Errorf("units %q", got)
	}
	if got := d.Tables.T02.Rows[0].Total.String(); got != "12345.67" {
		t.Errorf("合计 %s, want 12345.67", got)
	}
	// The year and date of the 基本信息 rows, and a 品目 code.
	l, err := ledger.Read("ledger.csv", []byte("部门名称,测试局\n年度,２０２７\n公开日期,２０２７年１月５日\n"+text), ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Info.Year != 2027 || l.Info.Date != "2027-01-05" {
		t.Errorf("年度 %d, 公开日期 %q; want 2027, 2027-01-05", l.Info.Year, l.Info.Date)
	}
	if k := ledger.ProcurementKindOf("Ａ０２０１０１０４　台式计算机"); k != ledger.ProcGoods {
		t.Errorf("品目 Ａ０２０１０１０４ is %s, want 货物", k)
	}
}

// An amount saved from a currency format (¥12,345.00, ￥12,345.00) is
// read; a lone dash (an accounting format's zero) is refused, never read
// as 0.
func TestCurrencyAndDash(t *testing.T) {
	text := hdr + "\n" + strings.Replace(good, ",10000", `,"¥12,345.00"`, 1) + "\n" +
		strings.Replace(good, ",10000", `,"￥1,000.50"`, 1) + "\n" +
		strings.Replace(good, ",10000", `,"-¥345.00"`, 1) + "\n"
	d := mustBuild(t, text, "")
	if got := d.Tables.T02.Rows[0].Total.String(); got != "13000.50" {
		t.Errorf("合计 %s, want 13000.50", got)
	}
	got := problems(t, "ledger.csv", []byte(hdr+"\n"+good+"\n"+strings.Replace(good, ",10000", ",-", 1)+"\n"), ledger.ReadOptions{})
	wantProblems(t, got, []string{"ledger.csv:3: 金额“-”是会计格式的零：请填 0"})
}

// A 合计/小计 row among or under the lines is one message at its line,
// not the 6–7 empty fields; a line whose 项目名称 holds 合计 is a line.
func TestTotalRow(t *testing.T) {
	text := "序号," + hdr + "\n" +
		"1," + good + "\n" +
		"," + strings.Replace(good, ",,,,,,10000", ",合计办公设备购置,,,,,5000", 1) + "\n" +
		"小计,,,,,,,,,,,,,,,15000\n" +
		"2," + strings.Replace(good, "人员类", "公用经费", 1) + "\n" +
		",,合  计：,,,,,,,,,,,,,25000\n"
	got := problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{})
	wantProblems(t, got, []string{
		"ledger.csv:4: 第 4 行像是合计行（“小计”），不是预算明细：请删除（合计由 gongkai 计算）",
		"ledger.csv:6: 第 6 行像是合计行（“合  计：”），不是预算明细：请删除（合计由 gongkai 计算）",
	})
	l, err := ledger.Read("ledger.csv", []byte(text), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}})
	if err == nil {
		t.Fatal("no error")
	}
	_ = l
	if !errors.Is(err, ledger.ErrTotalRow) {
		t.Errorf("not ErrTotalRow: %v", err)
	}
	// Without the total rows the line of the project 合计办公设备购置 builds.
	lines := strings.Split(text, "\n")
	d := mustBuild(t, strings.Join([]string{lines[0], lines[1], lines[2], lines[4]}, "\n"), "")
	if got := d.Tables.T02.Rows[0].Total.String(); got != "25000.00" {
		t.Errorf("合计 %s, want 25000.00", got)
	}
}

// Every problem of the carry-overs at once, in line order: a unit
// without spending does not hide the others; a negative one says so.
func TestCarryoverProblemsAtOnce(t *testing.T) {
	text := hdr + "\n" + good + "\n"
	income := "单位编码,资金性质,上年结转\n" +
		"901001,一般公共预算,20000\n" + // 2: more than the 10000 spent
		"901009,一般公共预算,100\n" + // 3: a unit without spending
		"901001,政府性基金预算,50\n" + // 4: a fund the unit does not spend
		"901001,单位资金,-5\n" + // 5: negative
		"合计,,20145\n" // 6: a total
	got := problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"})
	wantProblems(t, got, []string{
		"收入.csv:2: 单位 901001 一般公共预算上年结转 20000.00 元超过其一般公共预算支出 10000.00 元",
		"收入.csv:3: 收入表中的单位 901009 在支出明细中没有支出",
		"收入.csv:4: 单位 901001 测试单位没有政府性基金预算支出，不能有政府性基金预算上年结转（50.00 元）",
		"收入.csv:5: 上年结转“-5”不能为负数",
		"收入.csv:6: 第 6 行像是合计行（“合计”），不是上年结转",
	})
	// The same with a line that does not parse (Read's check of the
	// lines that parse): still every carry-over problem.
	text += strings.NewReplacer("901001", "901002", "测试单位", "第二单位", "一般公共预算", "一般预算").Replace(good) + "\n"
	got = problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"})
	wantProblems(t, got, []string{
		"ledger.csv:3: 资金性质“一般预算”不是已知类别",
		"收入.csv:2: 单位 901001 一般公共预算上年结转 20000.00 元超过",
		"收入.csv:3: 收入表中的单位 901009 在支出明细中没有支出",
		"收入.csv:4: 单位 901001 测试单位没有政府性基金预算支出",
		"收入.csv:5: 上年结转“-5”不能为负数",
		"收入.csv:6: 第 6 行像是合计行",
	})
}

// titled writes the usual Excel/WPS layout: a merged title row, a merged
// 单位 row, then the header and the lines.
func titled(t *testing.T, unitRow string, edit func(f *excelize.File)) []byte {
	t.Helper()
	rows := append([][]any{{"测试局2027年部门预算明细表"}, {unitRow}}, ledgerRows()...)
	return workbook(t, rows, func(f *excelize.File) {
		f.MergeCell("明细", "A1", "O1")
		f.MergeCell("明细", "A2", "O2")
		if edit != nil {
			edit(f)
		}
	})
}

// A merged title and 单位 row above the header are read; a merged range
// from the header down is still refused.
func TestMergedTitleRows(t *testing.T) {
	d, _, err := ledger.Load("预算明细.xlsx", titled(t, "单位：元", nil), ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T03.Rows[0].Total.String(); got != "1.33" && got != "1.34" {
		t.Errorf("合计 %s 万元, want 1.33 or 1.34", got)
	}
	got := problems(t, "预算明细.xlsx", titled(t, "单位：元", func(f *excelize.File) { f.MergeCell("明细", "J4", "J5") }), ledger.ReadOptions{})
	wantProblems(t, got, []string{"预算明细.xlsx: 明细!J4: 合并单元格 J4:J5：明细表每行一条预算明细，不能合并单元格"})

	// 单位：万元 above a bare 金额 header: the amounts are in 万元.
	d, _, err = ledger.Load("预算明细.xlsx", titled(t, "单位：万元", func(f *excelize.File) {
		f.SetCellValue("明细", "O4", 1.5)
		f.SetCellValue("明细", "O5", 2)
	}), ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T03.Rows[0].Total.String(); got != "3.50" {
		t.Errorf("合计 %s 万元, want 3.50", got)
	}
	// …and a header that says 元 under it is an error, not a guess.
	got = problems(t, "预算明细.xlsx", titled(t, "单位：万元", func(f *excelize.File) { f.SetCellStr("明细", "O3", "金额（元）") }), ledger.ReadOptions{})
	wantProblems(t, got, []string{"预算明细.xlsx: 明细!A2: 表头上方写“单位：万元”，金额列表头却是“金额（元）”"})
}

// The same titled workbook saved again by LibreOffice (as a user's
// office suite would) reads the same.
func TestMergedTitleRowsLibreOffice(t *testing.T) {
	t.Parallel()
	saved := testenv.LibreOfficeResave(t, "titled.xlsx", titled(t, "单位：元", nil))
	f, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	merged, _ := f.GetMergeCells("明细")
	f.Close()
	if len(merged) != 2 {
		t.Fatalf("LibreOffice kept %d merged ranges, want the 2 title rows", len(merged))
	}
	d, _, err := ledger.Load("预算明细.xlsx", saved, ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T03.Rows[0].Total.String(); got != "1.33" && got != "1.34" {
		t.Errorf("合计 %s 万元, want 1.33 or 1.34", got)
	}
}

// A hidden column that repeats 金额: the message says it is hidden.
func TestHiddenDuplicateColumn(t *testing.T) {
	rows := ledgerRows()
	rows[0] = append(rows[0], "金额（元）")
	got := problems(t, "预算明细.xlsx", workbook(t, rows, func(f *excelize.File) { f.SetColVisible("明细", "P", false) }), ledger.ReadOptions{})
	wantProblems(t, got, []string{"预算明细.xlsx: 明细!P1: 列“金额（元）”与 O1 列“金额”重复（同一栏目只能有一列）；P1 列是隐藏列"})
}

// Amounts in a 元 column with many 3–6 decimals look like 万元: the hint
// is given once, with the first such line.
func TestWanYuanHint(t *testing.T) {
	text := hdr + "\n"
	for _, a := range []string{"1.234567", "0.5", "2.1", "0.000125"} {
		text += strings.Replace(good, ",10000", ","+a, 1) + "\n"
	}
	got := problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{})
	const hint = "若以万元填写，表头写 金额（万元）"
	if n := strings.Count(strings.Join(got, "\n"), hint); n != 0 {
		t.Errorf("hint given for 2 such lines (%d times):\n%s", n, strings.Join(got, "\n"))
	}
	text += strings.Replace(good, ",10000", ",3.123456", 1) + "\n"
	got = problems(t, "ledger.csv", []byte(text), ledger.ReadOptions{})
	wantProblems(t, got, []string{
		"ledger.csv:2: 金额“1.234567”的小数超过两位（金额以元为单位，最小到分）。提示：共 3 行金额有三至六位小数，像是以万元填写的：" + hint,
		"ledger.csv:5: 金额“0.000125”的小数超过两位（金额以元为单位，最小到分）",
		"ledger.csv:6: 金额“3.123456”的小数超过两位（金额以元为单位，最小到分）",
	})
	if strings.Contains(got[2], hint) {
		t.Errorf("hint given twice: %s", got[2])
	}
}
