package xlsxzip

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowsOf reads a sheet with RowReader: row number → cells.
func rowsOf(t *testing.T, data []byte, sheet string, maxCols int) (map[int][]string, error) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part, err := SheetPart(zr, sheet)
	if err != nil {
		t.Fatal(err)
	}
	sst, err := SharedStrings(zr)
	if err != nil {
		return nil, err
	}
	rr, err := NewRowReader(zr, part, sst, maxCols)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	out := map[int][]string{}
	for rr.Next() {
		if len(rr.Cells()) > 0 {
			out[rr.Row()] = rr.Cells()
		}
	}
	return out, rr.Err()
}

// excelizeRows reads a sheet with excelize's iterator (RawCellValue), as
// the ledger reader did: row number → cells, empty rows left out.
func excelizeRows(t *testing.T, data []byte, sheet string) map[int][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	it, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]string{}
	for n := 1; it.Next(); n++ {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) > 0 {
			out[n] = cols
		}
	}
	return out
}

// A workbook written by excelize with every kind of value (shared and
// inline strings, rich text, numbers, booleans, formulas with and without
// a cached value, escapes, line ends, gaps between rows and columns) reads
// the same through RowReader as through excelize's iterator.
func TestRowReaderAgreesWithExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	texts := []string{"", "预算", "a & b < c > d", `"quoted" 'single'`, "line\nbreak", "cr\r\nlf", "_x000D_ esc _x005F_x0041_", "  spaces  ", "2010101", "0901", "12,345.67", "tab\there"}
	for round := 0; round < 20; round++ {
		f := excelize.NewFile()
		f.NewSheet("明细")
		for r := 1; r <= 60; r++ {
			if rng.IntN(5) == 0 {
				continue // a gap
			}
			for c := 1; c <= 20; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				switch rng.IntN(9) {
				case 0:
					f.SetCellStr("明细", cell, texts[rng.IntN(len(texts))])
				case 1:
					f.SetCellFloat("明细", cell, rng.Float64()*1e6, -1, 64)
				case 2:
					f.SetCellInt("明细", cell, rng.Int64N(1e9))
				case 3:
					f.SetCellBool("明细", cell, rng.IntN(2) == 0)
				case 4:
					f.SetCellFormula("明细", cell, "SUM(A1:A2)")
				case 5:
					f.SetCellRichText("明细", cell, []excelize.RichTextRun{{Text: "富"}, {Text: texts[rng.IntN(len(texts))]}})
				case 6:
					f.SetCellValue("明细", cell, fmt.Sprintf("%d", rng.IntN(100)))
				}
			}
		}
		// A second sheet through the stream writer (inline strings).
		f.NewSheet("流")
		sw, _ := f.NewStreamWriter("流")
		for r := 1; r <= 40; r += 1 + rng.IntN(3) {
			row := []any{texts[rng.IntN(len(texts))], rng.Float64(), nil, "x", rng.IntN(2) == 0}
			cell, _ := excelize.CoordinatesToCellName(1+rng.IntN(3), r)
			sw.SetRow(cell, row)
		}
		sw.Flush()
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, sheet := range []string{"明细", "流"} {
			got, err := rowsOf(t, buf.Bytes(), sheet, 0)
			if err != nil {
				t.Fatal(err)
			}
			if want := excelizeRows(t, buf.Bytes(), sheet); !reflect.DeepEqual(got, want) {
				for r := 1; r <= 60; r++ {
					if !reflect.DeepEqual(got[r], want[r]) {
						t.Errorf("round %d, %s row %d:\n got %q\nwant %q", round, sheet, r, got[r], want[r])
						break
					}
				}
			}
		}
	}
}

// withSheet returns a workbook whose sheet 明细 is the given XML.
func withSheet(t testing.TB, sheetXML, sst string) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "明细")
	f.SetCellStr("明细", "A1", "x") // makes a shared-string table
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		var content string
		switch zf.Name {
		case "xl/worksheets/sheet1.xml":
			content = sheetXML
		case "xl/sharedStrings.xml":
			content = sst
		default:
			zw.Copy(zf)
			continue
		}
		w, _ := zw.Create(zf.Name)
		io.WriteString(w, content)
	}
	zw.Close()
	return out.Bytes()
}

// Markup that other writers produce, or that a hostile file holds, reads as
// excelize reads it: namespace prefixes, comments, CDATA, character
// references, phonetic runs, empty cells and rows, cells without
// references.
func TestRowReaderMarkup(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst ` + ns + ` count="3"><si><t>共享</t></si><si><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si><si><t/></si></sst>`
	for _, tc := range []struct{ name, data string }{
		{"plain", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1"><v>1.5</v></c></row>`},
		{"no references", `<row><c t="s"><v>0</v></c><c/><c><v>2</v></c></row><row/><row><c t="inlineStr"><is><t>行</t></is></c></row>`},
		{"comments and CDATA", `<!-- a comment > with a bracket --><row r="2"><c r="B2" t="str"><f>A1</f><v><![CDATA[a<b&c]]></v></c></row>`},
		{"references", `<row r="3"><c r="A3" t="inlineStr"><is><t>&#20013;&#x6587; &lt;&amp;&gt; &quot;&apos;</t></is></c></row>`},
		{"quoted bracket", `<row r="4" spans="1:2" x14ac:dyDescent="0.2" foo="a>b"><c r="B4" s="3"><v>7</v></c></row>`},
		{"empty cells", `<row r="5"><c r="A5" s="1"/><c r="B5" s="1"></c><c r="C5"><v></v></c><c r="D5"><f>1+1</f></c></row>`},
		{"error and bool", `<row r="6"><c r="A6" t="e"><v>#DIV/0!</v></c><c r="B6" t="b"><v>1</v></c></row>`},
	} {
		for _, prefix := range []string{"", "x:"} {
			xml := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + ns + ` xmlns:x14ac="urn:x14ac"><sheetData>` + tc.data + `</sheetData></worksheet>`
			if prefix != "" {
				xml = strings.NewReplacer("<row", "<x:row", "</row", "</x:row", "<c ", "<x:c ", "<c>", "<x:c>", "<c/>", "<x:c/>", "</c>", "</x:c>", "<v>", "<x:v>", "</v>", "</x:v>",
					"<is>", "<x:is>", "</is>", "</x:is>", "<t>", "<x:t>", "</t>", "</x:t>", "<f>", "<x:f>", "</f>", "</x:f>", "<sheetData>", "<x:sheetData>", "</sheetData>", "</x:sheetData>",
					"<worksheet "+ns, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "</worksheet>", "</x:worksheet>").Replace(xml)
			}
			data := withSheet(t, xml, sst)
			got, err := rowsOf(t, data, "明细", 0)
			if err != nil {
				t.Errorf("%s %s: %v", tc.name, prefix, err)
				continue
			}
			if want := excelizeRows(t, data, "明细"); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s:\n got %v\nwant %v", tc.name, prefix, got, want)
			}
		}
	}
}

// Cells beyond maxCols are dropped without widening the row; a row out of
// order and a shared string not in the table are errors.
func TestRowReaderLimits(t *testing.T) {
	const head = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	const tail = `</sheetData></worksheet>`
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>`
	got, err := rowsOf(t, withSheet(t, head+`<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>`+tail, sst), "明细", 256)
	if err != nil || !reflect.DeepEqual(got, map[int][]string{1: {"1"}}) {
		t.Errorf("wide row: %v %v", got, err)
	}
	for _, bad := range []string{`<row r="2"/><row r="1"/>`, `<row r="1"><c t="s"><v>5</v></c></row>`, `<row r="1048577"/>`, `<row r="1"><c r="A"><v>1</v></c></row>`} {
		if _, err := rowsOf(t, withSheet(t, head+bad+tail, sst), "明细", 0); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// A tag whose quoted attribute holds many '>' (a hostile sheet: it packs
// into a few hundred bytes of zip) is read whole, as one tag.
func TestRowReaderLongQuotedTag(t *testing.T) {
	const head = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	const tail = `</sheetData></worksheet>`
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>`
	for _, attr := range []string{`x="` + strings.Repeat(">'", 50_000) + `"`, `x='` + strings.Repeat(`">`, 50_000) + `'`} {
		data := withSheet(t, head+`<row r="1" `+attr+`><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>`+tail, sst)
		got, err := rowsOf(t, data, "明细", 0)
		if err != nil || !reflect.DeepEqual(got, map[int][]string{1: {"1"}, 2: {"", "2"}}) {
			t.Errorf("%.8s…: %v %v", attr, got, err)
		}
	}
}

// BenchmarkRowReaderLongTag reads a row tag whose quoted attribute holds
// 640,000 '>': linear in the tag (it took 4.4 s when every '>' counted the
// quotes of the whole tag again).
func BenchmarkRowReaderLongTag(b *testing.B) {
	data := withSheet(b, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1" x="`+
		strings.Repeat(">", 640_000)+`"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, `<sst/>`)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	part, _ := SheetPart(zr, "明细")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rr, _ := NewRowReader(zr, part, nil, 0)
		for rr.Next() {
		}
		if rr.Err() != nil {
			b.Fatal(rr.Err())
		}
		rr.Close()
	}
}

// A shared-string table of millions of empty items (a few hundred bytes
// zipped) is held at four bytes an item, and one over MaxStrings is
// refused rather than grown without end.
func TestSharedStringsBounded(t *testing.T) {
	many := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		b.WriteString(strings.Repeat("<si/>", n))
		b.WriteString(`<si><t>末</t></si></sst>`)
		return withSheet(t, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData></sheetData></worksheet>`, b.String())
	}
	open := func(data []byte) (*Strings, error) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		return SharedStrings(zr)
	}
	s, err := open(many(1000))
	if err != nil || s.Len() != 1001 || s.At(0) != "" || s.At(1000) != "末" {
		t.Fatalf("1,001 items: %d, %v", s.Len(), err)
	}
	if testing.Short() {
		t.Skip("the table over the limit is large; skipped with -short")
	}
	if _, err := open(many(MaxStrings)); !errors.Is(err, ErrTooManyStrings) {
		t.Errorf("%d items: %v, want ErrTooManyStrings", MaxStrings+1, err)
	}
}
