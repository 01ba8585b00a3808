package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/golden"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/templates"
)

// example2023 is the layout of the bundled 2023 example.
func example2023(t testing.TB) layout.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "tianmen-12345-2023.json"))
	if err != nil {
		t.Fatalf("the bundled example is missing: %v", err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(&d, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func write(t testing.TB, doc layout.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// describeStyle is what a user sees of a cell style: number format, bold,
// size, alignment, wrap, borders.
func describeStyle(f *excelize.File, id int) string {
	st, err := f.GetStyle(id)
	if err != nil {
		return "style?" + err.Error()
	}
	var parts []string
	if st.CustomNumFmt != nil {
		parts = append(parts, "fmt="+*st.CustomNumFmt)
	} else if st.NumFmt != 0 {
		parts = append(parts, fmt.Sprintf("fmt#%d", st.NumFmt))
	}
	if st.Font != nil {
		if st.Font.Bold {
			parts = append(parts, "bold")
		}
		parts = append(parts, fmt.Sprintf("%s %gpt", st.Font.Family, st.Font.Size))
	}
	if a := st.Alignment; a != nil {
		parts = append(parts, "h="+a.Horizontal)
		if a.WrapText {
			parts = append(parts, "wrap")
		}
	}
	if len(st.Border) > 0 {
		parts = append(parts, fmt.Sprintf("border×%d", len(st.Border)))
	}
	return strings.Join(parts, " ")
}

var cellTypes = map[excelize.CellType]string{
	excelize.CellTypeUnset: "-", excelize.CellTypeBool: "b", excelize.CellTypeDate: "d",
	excelize.CellTypeError: "e", excelize.CellTypeFormula: "f", excelize.CellTypeInlineString: "is",
	excelize.CellTypeNumber: "n", excelize.CellTypeSharedString: "s",
}

// dumpSheet is a text dump of one sheet as a user would check it: page
// setup, print titles, panes, column widths, merges, row heights and every
// cell with its type, raw value, shown value and style.
func dumpSheet(t testing.TB, f *excelize.File, name string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "sheet %s\n", name)
	pl, err := f.GetPageLayout(name)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "page size=%d orientation=%s fitToWidth=%d fitToHeight=%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
	sp, _ := f.GetSheetProps(name)
	fmt.Fprintf(&b, "fitToPage=%v\n", sp.FitToPage != nil && *sp.FitToPage)
	pm, _ := f.GetPageMargins(name)
	fmt.Fprintf(&b, "margins l=%g r=%g t=%g b=%g centred=%v\n", *pm.Left, *pm.Right, *pm.Top, *pm.Bottom, pm.Horizontally != nil && *pm.Horizontally)
	hf, _ := f.GetHeaderFooter(name)
	fmt.Fprintf(&b, "footer %q\n", hf.OddFooter)
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == name {
			fmt.Fprintf(&b, "defined %s = %s\n", dn.Name, dn.RefersTo)
		}
	}
	panes, _ := f.GetPanes(name)
	fmt.Fprintf(&b, "panes freeze=%v ySplit=%d topLeft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
	cols, _ := f.GetCols(name)
	maxCol := len(cols)
	var widths []string
	for c := 1; c <= maxCol; c++ {
		cn, _ := excelize.ColumnNumberToName(c)
		w, _ := f.GetColWidth(name, cn)
		widths = append(widths, fmt.Sprintf("%s=%g", cn, w))
	}
	fmt.Fprintf(&b, "widths %s\n", strings.Join(widths, " "))
	merges, _ := f.GetMergeCells(name)
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(ms)
	fmt.Fprintf(&b, "merges %s\n", strings.Join(ms, " "))
	covered := map[string]string{} // cells inside a merge, other than its top-left
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					covered[ref] = m.GetStartAxis()
				}
			}
		}
	}
	rows, _ := f.GetRows(name)
	for r := 1; r <= len(rows)+1; r++ {
		h, _ := f.GetRowHeight(name, r)
		line := []string{fmt.Sprintf("row %d h=%g", r, h)}
		for c := 1; c <= maxCol; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			sid, _ := f.GetCellStyle(name, ref)
			if top, ok := covered[ref]; ok {
				if sid != 0 {
					line = append(line, fmt.Sprintf("  %s in %s [%s]", ref, top, describeStyle(f, sid)))
				}
				continue
			}
			typ, _ := f.GetCellType(name, ref)
			raw, _ := f.GetCellValue(name, ref, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue(name, ref)
			if sid == 0 && raw == "" {
				continue
			}
			if typ == excelize.CellTypeUnset && raw != "" {
				typ = excelize.CellTypeNumber // excelize writes numbers without a type
			}
			v := fmt.Sprintf("%q", raw)
			if shown != raw {
				v += fmt.Sprintf(" shows %q", shown)
			}
			line = append(line, fmt.Sprintf("  %s %s %s [%s]", ref, cellTypes[typ], v, describeStyle(f, sid)))
		}
		b.WriteString(strings.Join(line, "\n"))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGoldenDump keeps a text dump of every sheet of the 2023 example's
// workbook in testdata/<id>.golden (go test ./exporter/xlsx -update).
func TestGoldenDump(t *testing.T) {
	doc := example2023(t)
	f := open(t, write(t, doc))
	defer f.Close()
	list := f.GetSheetList()
	if len(list) != len(doc.Sheets) {
		t.Fatalf("%d sheets, want %d", len(list), len(doc.Sheets))
	}
	for i, s := range doc.Sheets {
		if list[i] != s.Name {
			t.Errorf("sheet %d is %q, want %q", i, list[i], s.Name)
		}
		golden.Assert(t, s.ID, []byte(dumpSheet(t, f, list[i])))
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%s|%s|%s|%s|%s", props.Title, props.Creator, props.Subject, props.Created, props.Modified)
	if want := "天门市12345公共服务热线中心2023年部门预算公开表|天门市12345公共服务热线中心|2023年部门预算公开|2023-01-01T00:00:00Z|2023-01-01T00:00:00Z"; got != want {
		t.Errorf("document properties\n got %s\nwant %s", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	doc := example2023(t)
	a, b := write(t, doc), write(t, doc)
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes of the same document differ (%d and %d bytes)", len(a), len(b))
	}
}

func BenchmarkWrite(b *testing.B) {
	doc := example2023(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	t0 := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/file")
	reportCPU(b, t0)
}

// reportCPU adds CPU milliseconds per workbook, GC included: on a shared
// machine wall-clock ns/op says little.
func reportCPU(b *testing.B, t0 time.Duration) {
	if d := cpuTime() - t0; d > 0 {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkWriteLarge is one sheet of 100,000 body rows (a whole
// province's detail lines in one table): time and memory stay linear.
func BenchmarkWriteLarge(b *testing.B) {
	doc := example2023(b)
	s := doc.Sheets[4] // 表五
	rows := s.Rows
	for len(s.Rows) < 100000 {
		s.Rows = append(s.Rows, rows[len(s.Rows)%len(rows)])
	}
	doc.Sheets = []layout.Sheet{s}
	b.ReportAllocs()
	t0 := cpuTime()
	for b.Loop() {
		if err := Write(io.Discard, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, t0)
}
