package xlsxzip

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The merged ranges are found whatever chunk boundary falls inside the tag,
// with a namespace prefix, and not in text that merely names them.
func TestMergeCells(t *testing.T) {
	cells := `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCells &lt;mergeCells ref="Z9:Z10"/&gt; mergeCellsX</t></is></c></row></sheetData>`
	for _, tc := range []struct {
		name, xml string
		want      []string
	}{
		{"none", `<worksheet>` + cells + `</worksheet>`, nil},
		{"empty", `<worksheet>` + cells + `<mergeCells/></worksheet>`, nil},
		{"two", `<worksheet>` + cells + `<mergeCells count="2"><mergeCell ref="J2:J3"/><mergeCell ref="A5:C5"/></mergeCells><pageMargins/></worksheet>`, []string{"J2:J3", "A5:C5"}},
		{"prefixed", `<x:worksheet xmlns:x="urn:x">` + strings.ReplaceAll(cells, "<", "<x:") + `<x:mergeCells count="1"><x:mergeCell ref="B2:B4"/></x:mergeCells></x:worksheet>`, []string{"B2:B4"}},
		{"decoy tag", `<worksheet>` + cells + `<mergeCellsX/><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>`, []string{"A1:A2"}},
	} {
		for _, chunk := range []int{1, 5, 17, 64, 1 << 20} {
			got, err := mergeCells(strings.NewReader(tc.xml), chunk)
			if err != nil {
				t.Errorf("%s, chunk %d: %v", tc.name, chunk, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s, chunk %d: %q, want %q", tc.name, chunk, got, tc.want)
			}
		}
	}
}

// MergeCells agrees with excelize's GetMergeCells on a workbook excelize
// wrote, found through Sheets.
func TestSheetsAndMergeCellsOfWorkbook(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "基本信息")
	f.NewSheet("明细")
	f.SetCellValue("明细", "A1", "x")
	f.MergeCell("明细", "J2", "J3")
	f.MergeCell("明细", "A7", "D7")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := Check(buf.Bytes(), Limits{Total: 1 << 20, Part: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := Sheets(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sheet{{"基本信息", "xl/worksheets/sheet1.xml"}, {"明细", "xl/worksheets/sheet2.xml"}}
	if !reflect.DeepEqual(sheets, want) {
		t.Errorf("Sheets = %v, want %v", sheets, want)
	}
	part, err := SheetPart(zr, "明细")
	if err != nil {
		t.Fatal(err)
	}
	got, err := MergeCells(zr, part)
	if err != nil {
		t.Fatal(err)
	}
	mc, _ := f.GetMergeCells("明细")
	var lib []string
	for _, m := range mc {
		lib = append(lib, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if !reflect.DeepEqual(got, lib) || len(got) != 2 {
		t.Errorf("MergeCells = %q, excelize %q", got, lib)
	}
}

func zipOf(t *testing.T, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, s := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheck(t *testing.T) {
	big := strings.Repeat("x", 3000)
	for _, tc := range []struct {
		name  string
		parts map[string]string
		l     Limits
		want  error
	}{
		{"within", map[string]string{"a.xml": big, "b.xml": big}, Limits{Total: 6000, Part: 3000}, nil},
		{"part", map[string]string{"a.xml": big, "b.xml": big + "x"}, Limits{Total: 10000, Part: 3000}, &SizeError{Part: "b.xml", Size: 3001, Limit: 3000}},
		{"total", map[string]string{"a.xml": big, "b.xml": big}, Limits{Total: 5999, Part: 3000}, &SizeError{Size: 6000, Limit: 5999}},
		{"dtd", map[string]string{"xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><workbook/>`}, Limits{}, &DTDError{Part: "xl/workbook.xml"}},
	} {
		_, err := Check(zipOf(t, tc.parts), tc.l)
		if !reflect.DeepEqual(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := Check([]byte("PK\x03\x04 not a zip"), Limits{}); !errors.Is(err, ErrNotZip) {
		t.Errorf("not a zip: %v", err)
	}
}

// The options never let excelize extract a part that Check let through to a
// temporary file.
func TestExcelizeKeepsPartsInMemory(t *testing.T) {
	for _, l := range []Limits{{Total: 256 << 20, Part: 200 << 20}, {Total: 64 << 20, Part: 16 << 20}, {Total: 1 << 20, Part: 1 << 20}} {
		o := l.Excelize()
		if o.UnzipXMLSizeLimit < l.Part || o.UnzipSizeLimit != l.Total || o.UnzipXMLSizeLimit > o.UnzipSizeLimit {
			t.Errorf("%+v: %+v", l, o)
		}
	}
}

// Hidden columns come from the <cols> list before the cells; a range
// hides every column in it, and a column of the list that is not hidden
// stays visible.
func TestHiddenColumns(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<cols><col min="2" max="4" width="9" hidden="1"/><col min="6" max="6" width="20"/><col min="16" max="16" hidden="true"/></cols>` +
		`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`
	data := zipOf(t, map[string]string{"xl/worksheets/sheet1.xml": sheet})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := HiddenColumns(zr, "xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	for c := 1; c <= 20; c++ {
		want := c >= 2 && c <= 4 || c == 16
		if got[c] != want {
			t.Errorf("column %d hidden %v, want %v", c, got[c], want)
		}
	}
}

// Overlapping ranges, a range past the last column, an empty one (min
// above max) and a range that is not hidden.
func TestHiddenColumnRanges(t *testing.T) {
	sheet := `<worksheet><cols><col min="3" max="5" hidden="1"/><col min="4" max="8" hidden="1"/><col min="7" max="9" width="3"/>` +
		`<col min="20" max="10" hidden="1"/><col min="16380" max="99999" hidden="1"/><col min="0" max="1" hidden="1"/></cols><sheetData/></worksheet>`
	data := zipOf(t, map[string]string{"xl/worksheets/sheet1.xml": sheet})
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	got, err := HiddenColumns(zr, "xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{1: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 16380: true, 16381: true, 16382: true, 16383: true, 16384: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hidden %v, want %v", got, want)
	}
}

// BenchmarkHiddenColumnsWide reads a column list of 8,000 ranges, each of
// all 16,384 columns (289 KB; 1.6 s when every range was filled as it
// came).
func BenchmarkHiddenColumnsWide(b *testing.B) {
	sheet := `<worksheet><cols>` + strings.Repeat(`<col min="1" max="16384" hidden="1"/>`, 8000) + `</cols><sheetData/></worksheet>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte(sheet))
	zw.Close()
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	for i := 0; i < b.N; i++ {
		if h, err := HiddenColumns(zr, "xl/worksheets/sheet1.xml"); err != nil || len(h) != 16384 {
			b.Fatal(len(h), err)
		}
	}
}
