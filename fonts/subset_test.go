package fonts_test

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gongkai/fonts"
)

// sampleText is what a ten-table disclosure PDF draws: titles, headers, names,
// amounts, full-width punctuation.
const sampleText = `表一 部门收支总表 表二 部门收入总表 表三 部门支出总表 表四 财政拨款收支总表
表五 一般公共预算支出表 表六 一般公共预算基本支出表 表七 一般公共预算“三公”经费支出表
表八 政府性基金预算支出表 表九 国有资本经营预算收入表 表十 国有资本经营预算支出表
单位：万元 项目 本年预算 功能分类科目编码 类 款 项 经济分类科目 人员经费 公用经费
合计 一般公共服务支出 社会保障和就业支出 卫生健康支出 城乡社区支出 住房保障支出
行政运行 机关事业单位基本养老保险缴费支出 住房公积金 因公出国（境）费用 公务接待费
公务用车购置及运行费 本单位 2023 年没有政府性基金预算拨款安排的支出，故本表为空表。
0123456789 .,-% 1,270.82 44.54 7.24 51.79 第 1 页 / 共 10 页 天门市某某局`

func sampleRunes() []rune {
	var rs []rune
	for _, r := range sampleText {
		if r != '\n' {
			rs = append(rs, r)
		}
	}
	return rs
}

func TestSubset(t *testing.T) {
	f := defaultFont(t)
	rs := append(sampleRunes(), 0x20000, '\n', 0xE000) // three the font cannot show
	sub, err := f.Subset(rs)
	if err != nil {
		t.Fatal(err)
	}
	if err := fonts.VerifyChecksums(sub); err != nil {
		t.Fatal(err)
	}
	s, err := fonts.Parse(sub, 0)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if s.Name() != f.Name() {
		t.Errorf("subset Name() = %q, want %q", s.Name(), f.Name())
	}
	want := map[rune]bool{}
	for _, r := range sampleText {
		if r != '\n' {
			want[r] = true
		}
	}
	// Exactly the runes asked for, with the same glyph outlines and widths.
	for r := rune(0); r < 0xFFFF; r++ {
		if s.Has(r) != want[r] {
			t.Fatalf("subset Has(%U) = %v, want %v", r, s.Has(r), want[r])
		}
		if !want[r] {
			continue
		}
		g0, a0 := fonts.GlyphOf(f, r)
		g1, a1 := fonts.GlyphOf(s, r)
		if !bytes.Equal(g0, g1) || a0 != a1 {
			t.Errorf("%q: glyph or width differs in the subset (%d bytes, advance %d; want %d, %d)", r, len(g1), a1, len(g0), a0)
		}
	}
	// Micro Hei draws most hanzi as a composite of one outline glyph.
	if n := fonts.NumGlyphs(s); n < len(want)+1 || n > 2*len(want)+1 {
		t.Errorf("subset has %d glyphs for %d runes", n, len(want))
	}
	perGlyph := len(sub) / len(want)
	t.Logf("%d runes → %d bytes (%d bytes per glyph)", len(want), len(sub), perGlyph)
	if perGlyph > 400 {
		t.Errorf("subset is %d bytes per glyph; tables not trimmed?", perGlyph)
	}
}

func TestSubsetDeterministic(t *testing.T) {
	f := defaultFont(t)
	rs := sampleRunes()
	a, err := f.Subset(rs)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(rs)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := f.Subset(append(shuffled, shuffled[:10]...))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same runes in another order, with repeats, give different bytes")
	}
}

func TestSubsetEdgeCases(t *testing.T) {
	f := defaultFont(t)
	for _, tc := range []struct {
		name  string
		runes []rune
		glyph int
	}{
		{"nothing", nil, 1},
		{"only runes the font lacks", []rune{0x20000, '\n'}, 1},
		{"ascii run", []rune("ABCDEFGHIJ"), 11},
		{"space", []rune(" "), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub, err := f.Subset(tc.runes)
			if err != nil {
				t.Fatal(err)
			}
			s, err := fonts.Parse(sub, 0)
			if err != nil {
				t.Fatal(err)
			}
			if n := fonts.NumGlyphs(s); n != tc.glyph {
				t.Errorf("%d glyphs, want %d", n, tc.glyph)
			}
			if err := fonts.VerifyChecksums(sub); err != nil {
				t.Error(err)
			}
		})
	}
}

// newPDF builds a one-page PDF drawing text with the font bytes ttf, and
// returns it with fpdf's width of text at 12 pt.
func newPDF(t testing.TB, ttf []byte, text string) ([]byte, float64) {
	t.Helper()
	p := fpdf.New("L", "mm", "A4", "")
	when := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(when)
	p.SetModificationDate(when)
	p.AddUTF8FontFromBytes("cjk", "", ttf)
	p.SetFont("cjk", "", 12)
	p.AddPage()
	w := p.GetStringWidth(text)
	for i, line := range strings.Split(text, "\n") {
		p.SetXY(10, 10+8*float64(i))
		p.CellFormat(0, 8, line, "", 0, "L", false, 0, "")
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes(), w
}

func TestFpdfAcceptsSubset(t *testing.T) {
	f := defaultFont(t)
	sub, err := f.Subset(sampleRunes())
	if err != nil {
		t.Fatal(err)
	}
	pdfSub, wSub := newPDF(t, sub, sampleText)
	pdfFull, wFull := newPDF(t, f.TTF(), sampleText)
	if wSub != wFull {
		t.Errorf("fpdf measures %.4f mm with the subset, %.4f mm with the full face", wSub, wFull)
	}
	t.Logf("PDF with subset: %d bytes; with the full face: %d bytes", len(pdfSub), len(pdfFull))
	if len(pdfSub) > len(pdfFull)+1024 {
		t.Errorf("PDF from the subset (%d bytes) is larger than from the full face (%d)", len(pdfSub), len(pdfFull))
	}
	// Width of every line, one by one, so one wrong advance cannot hide in a sum.
	for _, line := range strings.Split(sampleText, "\n") {
		_, a := newPDF(t, sub, line)
		_, b := newPDF(t, f.TTF(), line)
		if a != b {
			t.Errorf("width of %q: subset %.4f, full %.4f", line, a, b)
		}
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: text extraction not checked")
	}
	path := t.TempDir() + "/subset.pdf"
	if err := os.WriteFile(path, pdfSub, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	got := strings.Join(strings.Fields(string(out)), " ")
	for _, line := range strings.Split(sampleText, "\n") {
		if want := strings.Join(strings.Fields(line), " "); !strings.Contains(got, want) {
			t.Errorf("pdftotext does not give back %q;\ngot %q", want, got)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		out, err := exec.Command("pdffonts", path).CombinedOutput()
		// fpdf names the font without the "ABCDEF+" subset tag, so pdffonts
		// says "sub no" although fpdf always embeds a subset.
		if err != nil || !strings.Contains(string(out), "CID TrueType") || !strings.Contains(string(out), "Identity-H       yes") {
			t.Errorf("pdffonts does not show an embedded font (err %v):\n%s", err, out)
		}
	}
}

func TestSubsetAllGlyphsRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	f := defaultFont(t)
	// Every BMP rune of the face: the largest subset there can be.
	var rs []rune
	for r := rune(0); r < 0xFFFF; r++ {
		if f.Has(r) {
			rs = append(rs, r)
		}
	}
	sub, err := f.Subset(rs)
	if err != nil {
		t.Fatal(err)
	}
	s, err := fonts.Parse(sub, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !s.Has(r) {
			t.Fatalf("full subset lost %U", r)
		}
	}
	if err := fonts.VerifyChecksums(sub); err != nil {
		t.Error(err)
	}
}

func TestMissingMatchesSubset(t *testing.T) {
	f := defaultFont(t)
	s := "部门𠀀预算\t公开"
	sub, _ := f.Subset([]rune(s))
	g, err := fonts.Parse(sub, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Missing(s), f.Missing(s)) {
		t.Errorf("subset misses %q, face misses %q", g.Missing(s), f.Missing(s))
	}
}

// A face whose only Unicode cmap is format 12 (as some large CJK fonts) reads
// the same and still subsets to the format 4 the PDF library needs.
func TestFormat12Cmap(t *testing.T) {
	f := defaultFont(t)
	rs := sampleRunes()
	sub, err := f.Subset(rs)
	if err != nil {
		t.Fatal(err)
	}
	g, err := fonts.Parse(fonts.WithFormat12Cmap(sub), 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := fonts.Parse(sub, 0)
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r < 0xFFFF; r++ {
		if g.Has(r) != s.Has(r) {
			t.Fatalf("format 12: Has(%q) = %v, format 4: %v", r, g.Has(r), s.Has(r))
		}
	}
	sub2, err := g.Subset(rs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sub, sub2) {
		t.Error("subset of the format 12 face differs from the subset of the original")
	}
	newPDF(t, sub2, sampleText)
}
