package pdf

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"gongkai/layout"
)

// Our writer draws what the PDF library drew for the same calls: every word
// of every page (pdftotext -bbox) at the same place, within 0.05 pt, except
// the footer, which the library centred as if "共 {nb} 页" were the text.
func TestSameDrawingAsLibrary(t *testing.T) {
	tool(t, "pdftotext")
	doc := example2023(t)
	ours := writePDF(t, doc)
	o := testOpts()
	o.library = true
	lib := writeWith(t, doc, o)
	a, b := words(t, ours), words(t, lib)
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d words on our pages, %d on the library's", len(a), len(b))
	}
	for i := range a {
		if a[i].text != b[i].text || a[i].page != b[i].page {
			t.Fatalf("word %d: %q on page %d, library %q on page %d", i, a[i].text, a[i].page, b[i].text, b[i].page)
		}
		if a[i].footer {
			continue
		}
		for j := range a[i].box {
			if d := math.Abs(a[i].box[j] - b[i].box[j]); d > 0.05 {
				t.Errorf("page %d %q: box %v, library %v", a[i].page, a[i].text, a[i].box, b[i].box)
				break
			}
		}
	}
}

type bboxWord struct {
	page   int
	text   string
	box    [4]float64
	footer bool
}

var (
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>|<page width="[\d.]+" height="([\d.]+)">`)
)

func words(t *testing.T, pdf []byte) []bboxWord {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdftotext", "-bbox", path, "-")
	var ws []bboxWord
	page, height := 0, 0.0
	for _, m := range wordRe.FindAllStringSubmatch(out, -1) {
		if m[6] != "" {
			page++
			height, _ = strconv.ParseFloat(m[6], 64)
			continue
		}
		var w bboxWord
		w.page, w.text = page, m[5]
		for j := range 4 {
			w.box[j], _ = strconv.ParseFloat(m[j+1], 64)
		}
		w.footer = w.box[1] > height-40
		ws = append(ws, w)
	}
	return ws
}

func writeWith(t *testing.T, doc layout.Document, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
