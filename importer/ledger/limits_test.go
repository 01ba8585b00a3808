package ledger_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"gongkai/importer/ledger"
	"gongkai/internal/ledgergen"
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

// A 明细 sheet bigger than excelize's default in-memory size (16 MB) is
// read in memory: nothing is written to disk.
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
