package ledger_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/importer/ledger"
	"gongkai/model"
)

// bigLedger is a ledger of n lines with Chinese text on every line, the
// department name padded with pad ASCII letters so that a fixed byte offset
// falls at every place of a multi-byte character as pad varies.
func bigLedger(n, pad int) string {
	var b strings.Builder
	b.WriteString("部门名称,测试局" + strings.Repeat("x", pad) + "\n年度,2027\n" + hdr + "\n")
	for i := 0; i < n; i++ {
		b.WriteString(good + "\n")
	}
	return b.String()
}

// A ledger of a few hundred lines (far more than the 4 KB IsLedger looks
// at) is a ledger wherever the 4 KB cut falls: inside a character of UTF-8
// (with or without BOM) or GB18030, or between two.
func TestIsLedgerLongFile(t *testing.T) {
	for pad := 0; pad < 8; pad++ {
		text := bigLedger(300, pad)
		gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"UTF-8": []byte(text), "UTF-8 BOM": []byte("\ufeff" + text), "GB18030": []byte(gb)} {
			if len(data) < 3*4096 {
				t.Fatalf("test ledger of %d bytes is too short", len(data))
			}
			if !ledger.IsLedger(data) {
				t.Errorf("%s ledger of %d bytes, pad %d: not recognised as a ledger", name, len(data), pad)
			}
		}
	}
	// One long first line: the header is not in the first 4 KB, but the
	// cut must not make a UTF-8 file look like GB18030 either way.
	long := strings.Repeat("说明", 3000) + "\n" + hdr + "\n" + good + "\n"
	for cut := 0; cut < 3; cut++ {
		if ledger.IsLedger([]byte(long[cut:])) {
			t.Errorf("a text whose first 4 KB hold no header taken for a ledger (offset %d)", cut)
		}
	}
	// The cut at every byte of the header line: the header is seen when
	// the whole line, with its line end, lies in the first 4 KB.
	for end := 4096 - 8; end <= 4096+8; end++ {
		pad := end - 1 - len(hdr)
		text := strings.Repeat("x", pad) + "\n" + hdr + "\n" + strings.Repeat(good+"\n", 20)
		want := end < 4096
		if got := ledger.IsLedger([]byte(text)); got != want {
			t.Errorf("header line ending at byte %d: IsLedger = %v, want %v", end, got, want)
		}
	}
}

// A 公开日期 typed as a date cell of the 基本信息 sheet is the date, not
// the day number the cell holds; a date that is not one is reported at
// its cell.
func TestInfoDateCell(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(f *excelize.File)
		want string // the date read, or the error
	}{
		{"date cell", func(f *excelize.File) {
			f.SetCellValue("基本信息", "B11", time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC))
		}, "2027-01-05"},
		{"day number", func(f *excelize.File) { f.SetCellValue("基本信息", "B11", 45000) }, "2023-03-15"},
		{"text 年月日", func(f *excelize.File) { f.SetCellStr("基本信息", "B11", "2027年1月5日") }, "2027-01-05"},
		{"text with slashes", func(f *excelize.File) { f.SetCellStr("基本信息", "B11", "2027/1/5") }, "2027-01-05"},
		{"no such day", func(f *excelize.File) { f.SetCellStr("基本信息", "B11", "2027-02-30") }, "预算明细.xlsx: 基本信息!B11: 公开日期“2027-02-30”不是日期"},
		{"not a date", func(f *excelize.File) { f.SetCellStr("基本信息", "B11", "一月") }, "预算明细.xlsx: 基本信息!B11: 公开日期“一月”不是日期"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := workbook(t, ledgerRows(), func(f *excelize.File) {
				f.SetCellStr("基本信息", "A11", "公开日期")
				tc.set(f)
			})
			l, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
			if strings.Contains(tc.want, "!") {
				if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, model.ErrBadValue) {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.Info.Date != tc.want {
				t.Errorf("公开日期 %q, want %q", l.Info.Date, tc.want)
			}
		})
	}
	// In CSV a number is no date.
	_, err := readCSV(t, "公开日期,45000\n"+hdr+"\n"+good+"\n")
	if err == nil || !strings.Contains(err.Error(), "ledger.csv:1: 公开日期“45000”不是日期") {
		t.Errorf("CSV day number: %v", err)
	}
}

// A 科室编码 typed as a number keeps its two digits.
func TestSectionCodeNumber(t *testing.T) {
	data := workbook(t, ledgerRows(), func(f *excelize.File) { f.SetCellValue("基本信息", "B3", 4) })
	d, _, err := ledger.Load("预算明细.xlsx", data, ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T03.Rows[1].UnitCode; got != "04" {
		t.Errorf("科室编码 typed as the number 4 printed %q, want 04", got)
	}
}

// Every problem at once: the lines that parse are checked against each
// other (Build's checks) and against the 收入 file even when other lines
// do not parse, and the list is in file and line order.
func TestAllProblemsAtOnce(t *testing.T) {
	other := strings.NewReplacer("901001", "901002", "测试单位", "第二单位")
	text := hdr + "\n" +
		good + "\n" + // 2
		strings.Replace(good, "一般公共预算", "一般预算", 1) + "\n" + // 3: unknown fund
		strings.Replace(good, "测试单位", "别的名字", 1) + "\n" + // 4: second name of 901001
		other.Replace(good) + "\n" + // 5
		strings.Replace(other.Replace(good), ",10000", ",-30000", 1) + "\n" // 6: 901002 nets to -20000
	income := "单位编码,资金性质,上年结转\n901009,一般公共预算,100\n"
	_, err := ledger.Read("ledger.csv", []byte(text), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027},
		Income: []byte(income), IncomeName: "收入.csv"})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"ledger.csv:3: 资金性质“一般预算”不是已知类别",
		"ledger.csv:4: 单位 901001 的名称“别的名字”与前面的“测试单位”不同",
		"ledger.csv:6: 单位 901002、功能科目 2010101、经济科目 30101、人员类项目支出、一般公共预算 各行合计为负数 -20000.00 元（负数行：第 6 行）",
		"收入.csv:2: 收入表中的单位 901009 在支出明细中没有支出",
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
	if !errors.Is(err, ledger.ErrNegativeNet) || !errors.Is(err, model.ErrBadValue) {
		t.Errorf("sentinels: %v", err)
	}
	// Every line parses: the lines netting negative and the 收入 row of a
	// unit without spending are both reported.
	text = hdr + "\n" + good + "\n" + strings.Replace(good, ",10000", ",-30000", 1) + "\n"
	l, err := ledger.Read("ledger.csv", []byte(text), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027},
		Income: []byte(income), IncomeName: "收入.csv"})
	if err == nil {
		_, _, err = ledger.Build(l, ledger.Options{})
	}
	if err == nil || !strings.Contains(err.Error(), "ledger.csv:3: 单位 901001") || !strings.Contains(err.Error(), "收入.csv:2: 收入表中的单位 901009") {
		t.Errorf("negative cell and a 收入 row of a unit without spending:\n%v", err)
	}
	// A unit with a line that did not parse is not judged on its sums: the
	// line might have offset the negative one.
	text = hdr + "\n" + strings.Replace(good, "一般公共预算", "一般预算", 1) + "\n" + strings.Replace(good, ",10000", ",-5000", 1) + "\n"
	_, err = readCSV(t, text)
	if err == nil || strings.Contains(err.Error(), "负数") || !strings.Contains(err.Error(), "ledger.csv:2: 资金性质") {
		t.Errorf("negative cell of a unit with a line not parsed: %v", err)
	}
}

// A workbook with its own 收入 sheet and a 收入 file: refused, not added
// together.
func TestTwoIncomes(t *testing.T) {
	data := workbook(t, ledgerRows(), func(f *excelize.File) {
		f.NewSheet("收入")
		f.SetSheetRow("收入", "A1", &[]any{"单位编码", "资金性质", "上年结转"})
		f.SetSheetRow("收入", "A2", &[]any{"901001", "一般公共预算", "100"})
	})
	_, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{Income: []byte("单位编码,资金性质,上年结转\n901001,一般公共预算,100\n"), IncomeName: "收入.csv"})
	if !errors.Is(err, ledger.ErrTwoIncomes) || !strings.Contains(err.Error(), "预算明细.xlsx: 收入: 工作簿已有“收入”表，又给了收入文件“收入.csv”") {
		t.Errorf("err = %v", err)
	}
}

// The header row is looked for in the first 50 rows, in a CSV file and a
// workbook alike.
func TestHeaderRowLimit(t *testing.T) {
	for _, row := range []int{11, 50, 51} {
		text := "部门名称,测试局\n年度,2027\n" + strings.Repeat("说明,备注\n", row-3) + hdr + "\n" + good + "\n"
		_, csvErr := ledger.Read("ledger.csv", []byte(text), ledger.ReadOptions{})
		f := excelize.NewFile()
		for i, line := range strings.Split(text, "\n") {
			for c, v := range strings.Split(line, ",") {
				if v != "" {
					cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
					f.SetCellStr("Sheet1", cell, v)
				}
			}
		}
		var buf bytes.Buffer
		f.Write(&buf)
		_, bookErr := ledger.Read("ledger.xlsx", buf.Bytes(), ledger.ReadOptions{})
		if ok := row <= 50; (csvErr == nil) != ok || (bookErr == nil) != ok || ledger.IsLedger(buf.Bytes()) != ok || ledger.IsLedger([]byte(text)) != ok {
			t.Errorf("header on row %d: CSV %v, workbook %v", row, csvErr, bookErr)
		}
	}
}

// Numbers, headers and CSV quoting: each problem in Chinese, at its place.
func TestNumbersAndQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string // the whole first problem, from its place on
		wantN      int    // problems
		is         error
	}{
		{"exponent", hdr + "\n" + strings.Replace(good, ",10000", ",1e3", 1) + "\n",
			"ledger.csv:2: 金额“1e3”是科学计数法：请写出完整的数字", 1, ledger.ErrBadAmount},
		{"digits lost to a display", hdr + "\n" + strings.Replace(good, ",10000", ",1.23457E+11", 1) + "\n",
			"ledger.csv:2: 金额“1.23457E+11”是科学计数法", 1, ledger.ErrBadAmount},
		{"amount in 千元", strings.Replace(hdr, ",金额", ",金额（千元）", 1) + "\n" + good + "\n",
			"ledger.csv:1: 金额列“金额（千元）”的单位不认识：应为“金额”（元）、“金额（元）”或“金额（万元）”", 1, ledger.ErrUnknownValue},
		{"三公类别 of another fund", hdr + "\n" + strings.Replace(strings.Replace(good, "一般公共预算,,,", "政府性基金预算,,公务接待费,", 1), "2010101", "2120101", 1) + "\n",
			"ledger.csv:2: 三公类别“公务接待费”只用于一般公共预算的行", 1, ledger.ErrFundClass},
		{"bare quote", hdr + "\n" + strings.Replace(good, "测试单位", `测试"单位`, 1) + "\n",
			`ledger.csv:2:10: 双引号（"）位置不对`, 1, model.ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readCSV(t, tc.text)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(err.Error(), "\n")
			if !strings.HasPrefix(got[0], tc.want) || len(got) != tc.wantN || !errors.Is(err, tc.is) {
				t.Errorf("got\n%s\nwant %d problem(s), the first starting %q, wrapping %v", err, tc.wantN, tc.want, tc.is)
			}
		})
	}
	// In a workbook a number is stored exactly: 1E-3 万元 (Excel's own
	// form for 0.001) is 10 元.
	rows := ledgerRows()
	rows[0][14] = "金额（万元）"
	rows[1][14] = "1E-3"
	rows = rows[:2]
	l, err := ledger.Read("预算明细.xlsx", workbook(t, rows, nil), ledger.ReadOptions{})
	if err != nil || l.Lines[0].Amount != 1000 {
		t.Errorf("workbook 1E-3 万元: %v %+v", err, l)
	}
	// A text cell showing a long number's lost digits is refused there too.
	rows[1][14] = "-1E3"
	if _, err = ledger.Read("预算明细.xlsx", workbook(t, rows, nil), ledger.ReadOptions{}); err == nil || !strings.Contains(err.Error(), "是科学计数法") {
		t.Errorf("workbook -1E3: %v", err)
	}
	rows[1][14] = "1.23457E+06"
	_, err = ledger.Read("预算明细.xlsx", workbook(t, rows, nil), ledger.ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "预算明细.xlsx: 明细!O2: 金额“1.23457E+06”是科学计数法") {
		t.Errorf("workbook 1.23457E+06: %v", err)
	}
}

// A 公开日期 given by a program (ReadOptions.Info) is checked too.
func TestInfoDateOption(t *testing.T) {
	_, err := ledger.Read("ledger.csv", []byte(hdr+"\n"+good+"\n"), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027, Date: "2027/1/5"}})
	if err == nil || !strings.Contains(err.Error(), "ledger.csv: 公开日期“2027/1/5”不是 YYYY-MM-DD") {
		t.Errorf("err = %v", err)
	}
}

// Build refuses last year's data of another year than the one before.
func TestPriorOfAnotherYear(t *testing.T) {
	l, err := readCSV(t, hdr+"\n"+good+"\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []int{2027, 2025, 2028} {
		_, _, err := ledger.Build(l, ledger.Options{Prior: &model.Disclosure{Department: "测试局", Year: y}, PriorName: "上年.json"})
		if !errors.Is(err, ledger.ErrPriorYear) || !strings.Contains(err.Error(), "上年.json: year: 上年数据是 "+strconv.Itoa(y)+" 年的，本年预算是 2027 年") {
			t.Errorf("prior of %d: %v", y, err)
		}
	}
	_, rep, err := ledger.Build(l, ledger.Options{Prior: &model.Disclosure{Department: "别的局", Year: 2026}})
	if err != nil || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "上年数据的部门是“别的局”") {
		t.Errorf("prior of another department: %v %v", err, rep)
	}
}
