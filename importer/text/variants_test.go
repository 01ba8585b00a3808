package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

func parseVariant(t *testing.T, name string) *Result {
	t.Helper()
	r, err := ParseFile(filepath.Join("testdata", "variants", name))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The 2026 seed in other encodings, line ends and typography parses to the
// same figures on the same lines.
func TestVariants2026SameFigures(t *testing.T) {
	cases := []struct {
		file, encoding string
		lines          bool
	}{
		{"2026-gb18030.txt", EncGB18030, true},
		{"2026-utf16le-bom.txt", EncUTF16LEB, true},
		{"2026-utf16be.txt", EncUTF16BE, true},
		{"2026-utf8-bom-crlf.txt", EncUTF8BOM, true},
		{"2026-cr.txt", EncUTF8, true},
		{"2026-fullwidth.txt", EncUTF8, true},
		{"2026-spaced.txt", EncUTF8, true},
		{"2026-numbering.txt", EncUTF8, true},
		{"2026-linebreaks.txt", EncUTF8, false}, // lines move; values do not
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			r := parseVariant(t, tc.file)
			if r.Encoding != tc.encoding {
				t.Errorf("encoding %q, want %q", r.Encoding, tc.encoding)
			}
			d := r.Disclosure
			if d.Department != "天门市12345公共服务热线中心" || d.Year != 2026 || d.Unit != "万元" {
				t.Errorf("department %q year %d unit %q", d.Department, d.Year, d.Unit)
			}
			assertFigures(t, r, want2026, tc.lines)
			if len(r.Unread) != 0 {
				t.Errorf("unread: %v", r.Unread)
			}
		})
	}
}

// 元 instead of 万元, with thousands separators: every amount is 10000
// times the seed's, in 元, and the unit says 元. Nothing is converted.
func TestVariantYuan(t *testing.T) {
	r := parseVariant(t, "2026-yuan.txt")
	var want []fig
	for _, f := range want2026 {
		if f.unit == "万元" {
			f.value = decimal.RequireFromString(f.value).Shift(4).String()
			f.unit = "元"
		}
		want = append(want, f)
	}
	assertFigures(t, r, want, true)
	if r.Disclosure.Unit != model.UnitYuan || r.Disclosure.Narrative.Unit != model.UnitYuan {
		t.Errorf("unit %q / %q, want 元", r.Disclosure.Unit, r.Disclosure.Narrative.Unit)
	}
	if hasFinding(r.Findings, "P3", 0) {
		t.Errorf("a document wholly in 元 is not unclear: %v", r.Findings)
	}
}

// Older and alternative wordings: 收入预算, 较2025年增加, 基本支出/项目支出,
// 与上年持平, 较上年无增减.
func TestVariantWording(t *testing.T) {
	r := parseVariant(t, "2026-wording.txt")
	var want []fig
	for _, f := range want2026 {
		switch f.key {
		case "income.prior_total":
			continue // not stated in this wording
		case "expenditure.by_category[人员类项目支出]":
			want = append(want, fig{18, "expenditure.by_category[基本支出]", "78.01", "万元"})
			continue
		case "expenditure.by_category[公用经费项目支出]", "expenditure.by_category[其他运转类项目支出]":
			continue
		case "expenditure.by_category[特定目标类项目支出]":
			want = append(want, fig{18, "expenditure.by_category[项目支出]", "218", "万元"})
			continue
		}
		want = append(want, f)
	}
	assertFigures(t, r, want, true)
	n := r.Disclosure.Narrative
	if n.Words["three_public.change"] != "持平" || n.Words["three_public.reception_change"] != "无增减" || n.Words["income.change"] != "增加" {
		t.Errorf("words: %v", n.Words)
	}
	if len(r.Unread) != 0 {
		t.Errorf("unread: %v", r.Unread)
	}
}

// unread2023 without line 94, whose name and phone number the variants
// replace by （略）.
func unread2023Variant() []int {
	var out []int
	for _, l := range unread2023 {
		if l != 94 {
			out = append(out, l)
		}
	}
	return out
}

func TestVariants2023(t *testing.T) {
	for _, file := range []string{"2023-gb18030.txt", "2023-pipes.md"} {
		t.Run(file, func(t *testing.T) {
			r := parseVariant(t, file)
			assertFigures(t, r, want2023, true)
			assertTables2023(t, r.Disclosure)
			var lines []int
			for _, u := range r.Unread {
				lines = append(lines, u.Line)
			}
			if !equalInts(lines, unread2023Variant()) {
				t.Errorf("unread lines %v", lines)
			}
		})
	}
}

// Tables as one cell per line (PDF text): 表六 prints every cell ("0.00"),
// so it is read whole; 表三 and 表五 lose their blank cells, so their rows
// cannot be placed: they are not read at all (never a shifted value), every
// row is listed as unread and P7 says why; 表四's blocks cannot be rebuilt.
func TestVariant2023Cells(t *testing.T) {
	r := parseVariant(t, "2023-cells.txt")
	assertFigures(t, r, want2023, true)
	ts := r.Disclosure.Tables
	if ts.T06 == nil || dumpBasic(ts.T06) != want2023T06 {
		t.Errorf("表六 not read whole")
	}
	if ts.T03 != nil || ts.T04 != nil || ts.T05 != nil {
		t.Errorf("tables with lost blank cells must not be read: %v %v %v", ts.T03 != nil, ts.T04 != nil, ts.T05 != nil)
	}
	p7 := 0
	for _, f := range r.Findings {
		if f.Rule == "P7" {
			p7++
		}
	}
	if p7 != 3 {
		t.Errorf("%d P7 findings, want 3 (表三, 表四, 表五)", p7)
	}
	// every numbered row of 表三, 表四, 表五 is listed
	if n := len(r.Unread) - len(unread2023Variant()); n < 8+8+28 {
		t.Errorf("only %d table rows listed as unread", n)
	}
}

func TestVariantsHoldNoPersonalData(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "variants", "2023-*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(bytesReader(b), Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, u := range r.Unread {
			if strings.Contains(u.Text, "项目负责人") {
				t.Errorf("%s: the project sheet's person line still holds a number: %s", f, u.Text)
			}
		}
		for _, l := range strings.Split(r.Disclosure.Department+"\n"+string(b), "\n") {
			if strings.Contains(l, "项目负责人") {
				found = strings.Contains(l, "（略）") || strings.Contains(l, "\xef\xbc\x88")
			}
		}
		if !found && !strings.HasSuffix(f, "gb18030.txt") {
			t.Errorf("%s: the name and phone must be replaced by （略）", f)
		}
	}
}
