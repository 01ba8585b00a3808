package ledger_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"gongkai/internal/testenv"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/examples"
	"gongkai/importer/ledger"
	"gongkai/internal/ledgergen"
	"gongkai/internal/xlsxzip"
	"gongkai/model"
)

// The 明细 sheet of the workbooks that workbook() and ledgergen write.
const linesPart = "xl/worksheets/sheet2.xml"

// rezip returns the workbook with the content of one part replaced by
// edit's result.
func rezip(t *testing.T, data []byte, part string, edit func(old string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if zf.Name != part {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		old, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(part)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, edit(string(old)))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// noTempFiles points the temporary directory at an empty one and, when the
// test ends, fails if anything was written there (excelize extracts a part
// over its UnzipXMLSizeLimit to a temporary file).
func noTempFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Cleanup(func() {
		if es, _ := os.ReadDir(dir); len(es) > 0 {
			t.Errorf("%d files written to the temporary directory, e.g. %s", len(es), es[0].Name())
		}
	})
}

// refused checks that err is a size limit (exit 2) with the given message.
func refused(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatal("workbook over a limit was read")
	}
	if !errors.Is(err, ledger.ErrTooLarge) || !ledger.Unreadable(err) {
		t.Errorf("err = %v; want ErrTooLarge, unreadable (exit 2)", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error\n%v\nlacks %q", err, want)
	}
}

// A 1 MB workbook whose 明细 sheet unpacks to 348 MB (a million rows) is
// refused from the zip directory, before anything is inflated, and is
// still recognised as a ledger (by its sheet name) so that the ledger's
// message is the one shown.
func TestWorkbookBombRefused(t *testing.T) {
	noTempFiles(t)
	var buf bytes.Buffer
	if err := ledgergen.Bomb(&buf, 348<<20); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 2<<20 {
		t.Fatalf("bomb of %d bytes", buf.Len())
	}
	if !ledger.IsLedger(buf.Bytes()) {
		t.Error("IsLedger: a workbook with a 明细 sheet not recognised")
	}
	_, err := ledger.Read("预算明细.xlsx", buf.Bytes(), ledger.ReadOptions{})
	refused(t, err, "预算明细.xlsx: 工作簿的部件 "+linesPart+" 解压后 347 MB，超过每个部件 200 MB 的上限（明细最多 200,000 行")
}

// All parts together over MaxUnzipSize, each under the per-part limit.
func TestWorkbookTotalRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := ledgergen.Bomb(&buf, 480<<10); err != nil {
		t.Fatal(err)
	}
	_, err := ledger.Read("预算明细.xlsx", buf.Bytes(), ledger.ReadOptions{MaxUnzipSize: 490 << 10})
	refused(t, err, "预算明细.xlsx: 工作簿解压后共 ")
	refused(t, err, "超过 490 KB 的上限")
}

// A sheet of more lines than the limit is refused when the reader reaches
// the first line over it; a single cell a million rows down is reached
// without reading the empty rows above it.
func TestWorkbookTooManyRows(t *testing.T) {
	base := workbook(t, ledgerRows(), nil)
	many := rezip(t, base, linesPart, func(s string) string {
		return strings.Replace(s, "</sheetData>", strings.Repeat("<row><c><v>1</v></c></row>", 1000)+"</sheetData>", 1)
	})
	_, err := ledger.Read("预算明细.xlsx", many, ledger.ReadOptions{MaxRows: 1001})
	refused(t, err, "预算明细.xlsx: 明细: 明细超过 1,001 行的上限")
	// Exactly MaxRows lines are read (to the lines' own errors: these
	// rows of one number are not budget lines).
	_, err = ledger.Read("预算明细.xlsx", many, ledger.ReadOptions{MaxRows: 1002})
	if errors.Is(err, ledger.ErrTooLarge) {
		t.Errorf("1,002 lines refused with MaxRows 1,002: %v", err)
	}
	var csv strings.Builder
	csv.WriteString(hdr + "\n")
	for i := 0; i < 10; i++ {
		csv.WriteString(good + "\n")
	}
	if _, err := ledger.Read("ledger.csv", []byte(csv.String()), ledger.ReadOptions{MaxRows: 10, Info: ledger.Info{Department: "测试局", Year: 2027}}); err != nil {
		t.Errorf("10 CSV lines with MaxRows 10: %v", err)
	}
	_, err = ledger.Read("ledger.csv", []byte(csv.String()+good+"\n"), ledger.ReadOptions{MaxRows: 10})
	refused(t, err, "ledger.csv: 明细超过 10 行的上限")

	far := rezip(t, base, linesPart, func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>`, 1)
	})
	_, err = ledger.Read("预算明细.xlsx", far, ledger.ReadOptions{})
	refused(t, err, "预算明细.xlsx: 明细: 明细超过 200,000 行的上限")
}

// Blank rows below the lines (cells with a style and no value, as a sheet
// formatted down to its last row has) are not lines and count for nothing.
func TestWorkbookBlankTail(t *testing.T) {
	data := rezip(t, workbook(t, ledgerRows(), nil), linesPart, func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="1048576"><c r="A1048576" s="1"/><c r="O1048576" s="1"/></row></sheetData>`, 1)
	})
	l, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Lines) != 2 {
		t.Errorf("%d lines, want 2", len(l.Lines))
	}
}

// A 明细 sheet bigger than excelize's default in-memory size (16 MB, above
// which excelize extracts a sheet to a temporary file) is read without
// writing anything to disk.
func TestWorkbookLargeSheetInMemory(t *testing.T) {
	noTempFiles(t)
	data := rezip(t, workbook(t, ledgerRows(), nil), linesPart, func(s string) string {
		return strings.Replace(s, "</sheetData>", strings.Repeat(" ", 17<<20)+"</sheetData>", 1)
	})
	l, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Lines) != 2 {
		t.Errorf("%d lines, want 2", len(l.Lines))
	}
}

// The same lines read the same from CSV and from the workbook saved by
// LibreOffice (shared strings, styles, its own markup), and the rows of
// its 明细 sheet are what excelize's iterator gives.
func TestWorkbookSavedByLibreOffice(t *testing.T) {
	t.Parallel()
	rows := ledgergen.Rows(ledgergen.Options{Lines: 500, Units: 5, Seed: 9})
	var csv, book bytes.Buffer
	if err := ledgergen.WriteCSV(&csv, rows); err != nil {
		t.Fatal(err)
	}
	if err := ledgergen.WriteXLSX(&book, rows); err != nil {
		t.Fatal(err)
	}
	saved := testenv.LibreOfficeResave(t, "ledger.xlsx", book.Bytes())
	want, err := ledger.Read("预算明细.csv", csv.Bytes(), ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ledger.Read("预算明细.xlsx", saved, ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "LibreOffice", got, want, "明细")

	zr, err := zip.NewReader(bytes.NewReader(saved), int64(len(saved)))
	if err != nil {
		t.Fatal(err)
	}
	part, err := xlsxzip.SheetPart(zr, "明细")
	if err != nil {
		t.Fatal(err)
	}
	sst, err := xlsxzip.SharedStrings(zr)
	if err != nil || sst.Len() == 0 {
		t.Fatalf("shared strings: %d, %v", sst.Len(), err)
	}
	rr, err := xlsxzip.NewRowReader(zr, part, sst, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	f, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	it, err := f.Rows("明细")
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; it.Next(); n++ {
		cols, _ := it.Columns(excelize.Options{RawCellValue: true})
		if !rr.Next() || rr.Row() != n || !reflect.DeepEqual(rr.Cells(), cols) {
			t.Fatalf("row %d: %d %q, excelize %q (%v)", n, rr.Row(), rr.Cells(), cols, rr.Err())
		}
	}
	if rr.Next() {
		t.Errorf("row %d after excelize's last", rr.Row())
	}
}

// sameLines compares lines read from a workbook with the same lines read
// from CSV: equal but for their place.
func sameLines(t *testing.T, what string, got, want *ledger.Ledger, sheet string) {
	t.Helper()
	if got.Info != want.Info || len(got.Lines) != len(want.Lines) {
		t.Fatalf("%s: %+v, %d lines; CSV %+v, %d lines", what, got.Info, len(got.Lines), want.Info, len(want.Lines))
	}
	for i := range got.Lines {
		g, w := got.Lines[i], want.Lines[i]
		if g.Pos.Sheet != sheet || g.Pos.Row != i+2 {
			t.Errorf("%s: line %d at %+v", what, i, g.Pos)
		}
		g.Pos, w.Pos = ledger.Pos{}, ledger.Pos{}
		if g != w {
			t.Fatalf("%s: line %d\n got %+v\nwant %+v", what, i, g, w)
		}
	}
}

// The same lines read the same from CSV and from a workbook (excelize's
// stream writer: inline strings, amounts as numbers), and from a workbook
// whose sheet of lines is not named 明细 (found by its header row).
func TestWorkbookReadsAsCSV(t *testing.T) {
	rows := ledgergen.Rows(ledgergen.Options{Lines: 2000, Units: 7, Seed: 3})
	var csv, book bytes.Buffer
	if err := ledgergen.WriteCSV(&csv, rows); err != nil {
		t.Fatal(err)
	}
	if err := ledgergen.WriteXLSX(&book, rows); err != nil {
		t.Fatal(err)
	}
	renamed := rezip(t, book.Bytes(), "xl/workbook.xml", func(s string) string { return strings.Replace(s, `name="明细"`, `name="数据"`, 1) })
	want, err := ledger.Read("预算明细.csv", csv.Bytes(), ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"明细": book.Bytes(), "数据": renamed} {
		got, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameLines(t, name, got, want, name)
	}
}

// Rows holding one cell in the last column (XFD) are read as blank rows:
// only the first 256 columns are read, and nothing is allocated for the
// columns between (excelize's iterator widened each such row to 16,384
// cells, 0.7 ms a row).
func TestWorkbookWideRows(t *testing.T) {
	data := rezip(t, workbook(t, ledgerRows(), nil), linesPart, func(s string) string {
		return strings.Replace(s, "</sheetData>", strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 199_000)+"</sheetData>", 1)
	})
	l, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Lines) != 2 {
		t.Errorf("%d lines, want 2", len(l.Lines))
	}
}

// Amounts as large as one may be (10^15 元), many of them: their sum did
// not fit in int64 (93 lines made Build panic on a "negative" cell, 185
// printed a wrong total). The sum is bounded by 10^15 元 too (beyond any
// budget): an error at the line where it goes over, for the lines and for
// the 收入 rows.
func TestAmountSumBounded(t *testing.T) {
	const row = "526003,天门市12345公共服务热线中心,参公,2010350,事业运行,30101,基本工资,人员类,一般公共预算,,,,,,1000000000000000\n"
	head := strings.Join(strings.SplitAfter(string(examples.SampleLedger()), "\n")[:11], "")
	for _, n := range []int{2, 93, 185} {
		_, _, err := ledger.Load("明细.csv", []byte(head+strings.Repeat(row, n)), ledger.ReadOptions{}, ledger.Options{})
		if !errors.Is(err, ledger.ErrBadAmount) || !strings.Contains(err.Error(), "明细.csv:13: 预算明细的金额合计（按绝对值）到这一行超过 10^15 元") {
			t.Errorf("%d lines of 10^15 元: %v", n, err)
		}
	}
	// A negative line before the bound and its positive line after it: one
	// problem (the bound), not a "negative" cell as well.
	neg := strings.Replace(row, ",1000000000000000", ",-5", 1) + strings.Repeat(row, 2) + strings.Replace(row, ",1000000000000000", ",5", 1)
	_, _, err := ledger.Load("明细.csv", []byte(head+strings.Replace(neg, "30101,基本工资", "30102,津贴补贴", -1)), ledger.ReadOptions{}, ledger.Options{})
	var pes model.ParseErrors
	if !errors.As(err, &pes) || len(pes) != 1 || !errors.Is(err, ledger.ErrBadAmount) {
		t.Errorf("a negative line and the bound: %v", err)
	}
	income := "单位编码,资金性质,上年结转,本年收入\n" + strings.Repeat("526003,一般公共预算,0,1000000000000000\n", 200)
	_, _, err = ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"}, ledger.Options{})
	if !errors.Is(err, ledger.ErrBadAmount) || !strings.Contains(err.Error(), "收入.csv:3: 收入表的金额合计（按绝对值）到这一行超过 10^15 元") {
		t.Errorf("200 收入 rows of 10^15 元: %v", err)
	}
}

// A 收入 sheet, or a 收入 file, over its row limit is named with the limit
// (ErrTooLarge), as the 明细 and 说明 sheets are; it read "无法读取工作表：
// too many rows".
func TestIncomeSheetRowLimit(t *testing.T) {
	book := func(sheet string, withLines bool) []byte {
		f := excelize.NewFile()
		if withLines {
			f.SetSheetName("Sheet1", "明细")
			f.SetSheetRow("明细", "A1", &[]any{"单位编码", "单位名称", "单位类型", "功能科目编码", "经济科目编码", "支出类别", "资金性质", "金额（元）"})
			f.SetSheetRow("明细", "A2", &[]any{"901001", "测试单位", "行政", "2010101", "30101", "人员类", "一般公共预算", "100"})
			f.NewSheet(sheet)
		} else {
			f.SetSheetName("Sheet1", sheet)
		}
		f.SetSheetRow(sheet, "A1", &[]any{"单位编码", "资金性质", "上年结转"})
		f.SetSheetRow(sheet, "A2", &[]any{"901001", "一般公共预算", "10"})
		f.SetCellValue(sheet, "A100001", "901001")
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	info := ledger.Info{Department: "测试局", Year: 2027}
	_, err := ledger.Read("明细.xlsx", book("收入", true), ledger.ReadOptions{Info: info})
	if !errors.Is(err, ledger.ErrTooLarge) || !strings.Contains(err.Error(), "明细.xlsx: 收入: 收入表超过 100,000 行的上限") {
		t.Errorf("收入 sheet: %v", err)
	}
	const csv = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额（元）\n901001,测试单位,行政,2010101,30101,人员类,一般公共预算,100\n"
	_, err = ledger.Read("明细.csv", []byte(csv), ledger.ReadOptions{Info: info, Income: book("上年结转", false), IncomeName: "收入.xlsx"})
	if !errors.Is(err, ledger.ErrTooLarge) || !strings.Contains(err.Error(), "收入.xlsx: 上年结转: 收入表超过 100,000 行的上限") {
		t.Errorf("收入 file: %v", err)
	}
}
