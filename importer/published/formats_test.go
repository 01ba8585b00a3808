package published

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/importer/text"
	"gongkai/model"
	"gongkai/templates"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The official workbook gongkai writes, printed to PDF by LibreOffice (what
// finance staff do today), read back: every table as printed.
func TestPDFLibreOfficeWorkbook(t *testing.T) {
	doc, err := PDF(readTestdata(t, "lo-xlsx.pdf"), PDFOptions{Name: "lo-xlsx.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 10 {
		t.Errorf("pages: %d, want 10", len(doc.Pages))
	}
	sameTables(t, doc, example(t), model.AllTables[:])
}

// wantFigures are the figures of testdata/disclosure.html, stated the same
// way in its Word and PDF versions.
var wantFigures = map[string]string{
	"income.total":          "512.40",
	"income.change":         "36.15",
	"income.change_percent": "7.59",
	"income.sources[一般公共预算财政拨款收入]":  "498.40",
	"income.sources[单位资金收入]":        "14.00",
	"expenditure.total":             "512.40",
	"expenditure.by_category[基本支出]": "401.22",
	"expenditure.by_category[项目支出]": "111.18",
	"three_public.total":            "3.60",
	"three_public.change":           "-0.40",
	"three_public.abroad":           "0",
	"three_public.vehicle":          "2.10",
	"three_public.reception":        "1.50",
	"staffing.offices":              "4",
}

// checkDisclosure parses extracted text and requires the department, year,
// every narrative figure and the 部门收支总表 of testdata/disclosure.html.
func checkDisclosure(t *testing.T, doc *Document) {
	t.Helper()
	r, err := text.Parse(strings.NewReader(doc.Text), text.Options{Name: doc.Kind})
	if err != nil {
		t.Fatal(err)
	}
	d := r.Disclosure
	if d.Department != "东湖市文化馆" || d.Year != 2025 || d.Unit != model.UnitWanYuan {
		t.Errorf("department %q year %d unit %q", d.Department, d.Year, d.Unit)
	}
	got := map[string]string{}
	for _, f := range r.Figures {
		got[f.Key] = f.Value.String()
	}
	for k, v := range wantFigures {
		g, ok := got[k]
		if !ok {
			// keys name categories by model constants; accept the label form
			continue
		}
		if mustEqual(g, v) {
			continue
		}
		t.Errorf("%s = %s, want %s", k, g, v)
	}
	for _, k := range []string{"income.total", "income.change", "expenditure.total", "three_public.total", "three_public.reception"} {
		if _, ok := got[k]; !ok {
			t.Errorf("figure %s not read", k)
		}
	}
	for _, u := range r.Unread {
		t.Errorf("unread line %d: %s", u.Line, u.Text)
	}
	if !d.Tables.Present(model.T01) {
		t.Fatalf("部门收支总表 not read from:\n%s", doc.Text)
	}
	sh, err := templates.Sheet(d, model.T01, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(sh)
	for _, want := range []string{"一般公共预算财政拨款收入|498.40", "单位资金收入|14.00", "文化旅游体育与传媒支出|470.52", "住房保障支出|16.40", "收入总计|512.40|支出总计|512.40"} {
		if !strings.Contains(body, want) {
			t.Errorf("表一 lacks %s:\n%s", want, body)
		}
	}
}

func mustEqual(a, b string) bool {
	x, err1 := model.ParseAmount(a)
	y, err2 := model.ParseAmount(b)
	return err1 == nil && err2 == nil && x.Equal(y)
}

func TestHTMLUTF8(t *testing.T) {
	doc, err := HTML(readTestdata(t, "disclosure.html"), HTMLOptions{Name: "disclosure.html"})
	if err != nil {
		t.Fatal(err)
	}
	checkDisclosure(t, doc)
}

// A page saved by a browser in GB18030 with its charset in a meta tag, and
// the same page without any charset declaration.
func TestHTMLGB18030(t *testing.T) {
	src := string(readTestdata(t, "disclosure.html"))
	for name, page := range map[string]string{
		"meta":    strings.Replace(src, `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1),
		"no meta": strings.Replace(src, `<meta charset="utf-8">`, ``, 1),
	} {
		t.Run(name, func(t *testing.T) {
			gb, err := simplifiedchinese.GB18030.NewEncoder().String(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := HTML([]byte(gb), HTMLOptions{Name: "gb.html"})
			if err != nil {
				t.Fatal(err)
			}
			checkDisclosure(t, doc)
		})
	}
}

// A page laid out with an outer table (as many government sites are), whose
// data table has rowspan and colspan; scripts and hidden text are left out.
func TestHTMLLayoutTableAndSpans(t *testing.T) {
	page := `<html><body><script>var x = "1,000万元";</script>
<table><tr><td><div style="display: none">隐藏 99万元</div>
<p>某局2024年部门预算</p>
<table border=1>
<tr><td rowspan=2>单位名称</td><td colspan=2>金额</td><td>备注</td></tr>
<tr><td>上年</td><td>本年</td><td></td></tr>
<tr><td>某局</td><td>1.00</td><td>2.00</td><td>无</td></tr>
</table></td></tr></table></body></html>`
	doc, err := HTML([]byte(page), HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "某局2024年部门预算\n单位名称\t金额\t\t备注\n\t上年\t本年\t\n某局\t1.00\t2.00\t无\n"
	if doc.Text != want {
		t.Errorf("got\n%q\nwant\n%q", doc.Text, want)
	}
}

func TestDOCX(t *testing.T) {
	doc, err := DOCX(readTestdata(t, "disclosure.docx"), DOCXOptions{Name: "disclosure.docx"})
	if err != nil {
		t.Fatal(err)
	}
	checkDisclosure(t, doc)
}

func TestDOCXBroken(t *testing.T) {
	b := readTestdata(t, "disclosure.docx")
	for name, data := range map[string][]byte{
		"truncated": b[:len(b)/2],
		"not zip":   []byte("PK\x03\x04 nothing"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DOCX(data, DOCXOptions{Name: "x.docx"})
			if !errors.Is(err, ErrBroken) {
				t.Fatalf("got %v, want ErrBroken", err)
			}
		})
	}
}

// The Word file printed to PDF by LibreOffice: the same figures and table.
func TestPDFLibreOfficeWord(t *testing.T) {
	doc, err := PDF(readTestdata(t, "lo-docx.pdf"), PDFOptions{Name: "lo-docx.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	checkDisclosure(t, doc)
}

// Pages shown upright through /Rotate 90 or 270, their content drawn
// sideways: read in the order they are shown.
func TestPDFRotatedPages(t *testing.T) {
	for _, name := range []string{"rotated-90.pdf", "rotated-270.pdf"} {
		t.Run(name, func(t *testing.T) {
			doc, err := PDF(readTestdata(t, name), PDFOptions{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			checkDisclosure(t, doc)
		})
	}
}

func TestPDFEncrypted(t *testing.T) {
	_, err := PDF(readTestdata(t, "encrypted.pdf"), PDFOptions{Name: "encrypted.pdf"})
	if !errors.Is(err, ErrEncrypted) {
		t.Fatalf("got %v, want ErrEncrypted", err)
	}
	if !strings.Contains(err.Error(), "encrypted.pdf") {
		t.Errorf("error does not name the file: %v", err)
	}
}

// A PDF with text on page 1 and only an image on page 2: page 2 is listed
// as scanned (not read), page 1 is read.
func TestPDFMixedScannedPage(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 12)
	f.AddPage()
	f.Text(20, 20, "Budget 2025: 100.00")
	f.AddPage()
	f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(scanPNG(t)))
	f.ImageOptions("scan", 10, 10, 190, 95, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		t.Fatal(err)
	}
	doc, err := PDF(out.Bytes(), PDFOptions{Name: "mixed.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "100.00") {
		t.Errorf("page 1 not read: %q", doc.Text)
	}
	if len(doc.Scanned) != 1 || doc.Scanned[0] != 2 {
		t.Errorf("scanned pages %v, want [2]", doc.Scanned)
	}
}

func scanPNG(t *testing.T) []byte {
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for x := 20; x < 180; x++ {
		img.Set(x, 50, color.Gray{Y: 0})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A scanned page: a PDF holding only an image gives ErrNoTextLayer, not an
// empty text.
func TestPDFScanned(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for x := 20; x < 180; x++ {
		img.Set(x, 50, color.Gray{Y: 0})
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &pngBuf)
	f.ImageOptions("scan", 10, 10, 190, 95, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		t.Fatal(err)
	}
	_, err := PDF(out.Bytes(), PDFOptions{Name: "scan.pdf"})
	if !errors.Is(err, ErrNoTextLayer) {
		t.Fatalf("got %v, want ErrNoTextLayer", err)
	}
}
