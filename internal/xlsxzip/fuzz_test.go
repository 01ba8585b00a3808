package xlsxzip

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// The readers of sheets never panic and always end, whatever the markup:
// a workbook whose sheet and shared strings are the fuzzer's bytes gives
// rows or an error.
func FuzzRowReader(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a&amp;b</t></r></is></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
		`<sst><si><t>x</t><rPh><t>y</t></rPh></si></sst>`)
	f.Add(`<x:worksheet><x:sheetData><x:row><x:c><x:v><![CDATA[1<2]]></x:v></x:c><!-- > --><x:c r="XFD1" foo="a>b"/></x:row></x:sheetData></x:worksheet>`, `<sst/>`)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, s := range map[string]string{"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst} {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			w.Write([]byte(s))
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		strs, err := SharedStrings(zr)
		if err != nil {
			return
		}
		rr, err := NewRowReader(zr, "xl/worksheets/sheet1.xml", strs, 256)
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for rr.Next() {
			if rr.Row() <= last || len(rr.Cells()) > 256 {
				t.Fatalf("row %d after %d, %d cells", rr.Row(), last, len(rr.Cells()))
			}
			last = rr.Row()
		}
		rr.Close()
		mergeCells(strings.NewReader(sheet), 7)
	})
}
