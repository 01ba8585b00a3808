package text

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestWriteVariants regenerates testdata/variants/* from the two seeds:
//
//	GONGKAI_WRITE_VARIANTS=1 go test ./importer/text -run WriteVariants
//
// The person's name and phone number of the 2023 project sheet are replaced.
func TestWriteVariants(t *testing.T) {
	if os.Getenv("GONGKAI_WRITE_VARIANTS") == "" {
		t.Skip("set GONGKAI_WRITE_VARIANTS=1 to regenerate testdata/variants from the seeds")
	}
	s23 := readSeed(t, seed2023)
	s26 := readSeed(t, seed2026)
	dir := filepath.Join("testdata", "variants")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(s26)
	if err != nil {
		t.Fatal(err)
	}
	write("2026-gb18030.txt", []byte(gb))
	write("2026-utf16le-bom.txt", append([]byte{0xFF, 0xFE}, utf16le(s26)...))
	write("2026-utf16be.txt", utf16be(s26))
	write("2026-utf8-bom-crlf.txt", append([]byte{0xEF, 0xBB, 0xBF}, []byte(strings.ReplaceAll(s26, "\n", "\r\n"))...))
	write("2026-cr.txt", []byte(strings.ReplaceAll(s26, "\n", "\r")))
	write("2026-fullwidth.txt", []byte(fullWidth(s26)))
	write("2026-spaced.txt", []byte(spaceOut(s26)))
	write("2026-yuan.txt", []byte(toYuan(s26)))
	write("2026-numbering.txt", []byte(renumber(s26)))
	write("2026-linebreaks.txt", []byte(breakLines(s26, 37)))
	write("2026-wording.txt", []byte(reword(s26)))
	gb23, err := simplifiedchinese.GB18030.NewEncoder().String(s23)
	if err != nil {
		t.Fatal(err)
	}
	write("2023-gb18030.txt", []byte(gb23))
	write("2023-pipes.md", []byte(pipes(s23)))
	write("2023-cells.txt", []byte(cells(s23)))
}

func readSeed(t *testing.T, name string) string {
	b, err := os.ReadFile(seedPath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	// never copy the person's name and phone number (spec §7.5)
	return rePerson.ReplaceAllString(s, "${1}（略）${2}（略）")
}

func utf16le(s string) []byte {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.Bytes()
}

func utf16be(s string) []byte {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.Bytes()
}

// fullWidth writes digits, %, the decimal point, commas, colons and
// parentheses in full width, and spaces as U+3000.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r == '%', r == '.', r == ',', r == ':', r == '(', r == ')':
			return r - '!' + 0xFF01
		case r == ' ':
			return 0x3000
		}
		return r
	}, s)
}

// spaceOut puts a space between every two characters of a line, the way
// some PDF extractions do (政 府 采 购), except inside numbers.
func spaceOut(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		rs := []rune(line)
		for i, r := range rs {
			b.WriteRune(r)
			if i+1 < len(rs) && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Han, rs[i+1])) && rs[i+1] != ' ' && r != ' ' {
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var rePerson = regexp.MustCompile(`(项目负责人\t)[^\t\n]*(\t联系电话\t)[^\t\n]*`)

var reWan = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*万元`)

// toYuan restates every 万元 amount in 元 with thousands separators.
func toYuan(s string) string {
	return reWan.ReplaceAllStringFunc(s, func(m string) string {
		num := reWan.FindStringSubmatch(m)[1]
		d := decimal.RequireFromString(num).Shift(4)
		str := d.String()
		intPart, frac := str, ""
		if i := strings.IndexByte(str, '.'); i >= 0 {
			intPart, frac = str[:i], str[i:]
		}
		var out []byte
		for i := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				out = append(out, ',')
			}
			out = append(out, intPart[i])
		}
		return string(out) + frac + "元"
	})
}

// renumber restyles the headings: markdown parts, (一) with ASCII
// parentheses, 1. instead of 1、, 第一部分 instead of 第1部分.
func renumber(s string) string {
	r := strings.NewReplacer(
		" 第1部分　", "# 第一部分 ",
		"第二部分　", "# 第二部分 ",
		"第三部分　", "# 第三部分 ",
		" 四部分　", "# 第四部分 ",
		"1、 主要职责及机构设置情况", "一、主要职责及机构设置情况",
		"（一）主要职责", "(一) 主要职责",
		"（二）机构设置情况", "(二) 机构设置情况",
		"1．预算收入情况", "(一)预算收入情况",
		"2．预算支出情况", "(二)预算支出情况",
	)
	return r.Replace(s)
}

// breakLines wraps long lines at n characters, the way PDF text does.
func breakLines(s string, n int) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		rs := []rune(line)
		for len(rs) > n {
			b.WriteString(string(rs[:n]))
			b.WriteByte('\n')
			rs = rs[n:]
		}
		b.WriteString(string(rs))
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// reword uses the older and the alternative wordings: 基本支出/项目支出,
// 收入预算, 较2025年, 持平, 无增减, shares without 占.
func reword(s string) string {
	r := strings.NewReplacer(
		"2026年预算收入总额296.01万元，比上年251.79万元预算增加44.22 万元，增长17.56 %。",
		"2026年收入预算296.01万元，较2025年增加44.22万元，增长17.56%。",
		"其中：人员类项目支出70.7万元，公用经费项目支出7.31万元，其他运转类项目支出0万元，特定目标类项目支出218万元。",
		"其中：基本支出78.01万元，项目支出218万元。",
		"较上年预算无变化，其中：公务接待费0.12万元，较上年无变化；",
		"与上年持平，其中：公务接待费0.12万元，较上年无增减；",
	)
	return r.Replace(s)
}

// tableBlocks finds the four tables of the 2023 seed: heading line index,
// first and last line of tab rows.
func tableLines(lines []string) [][2]int {
	var out [][2]int
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "### ") && tableTitle(normalizeLine(lines[i])) != "" {
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(lines[j], "#") && !(strings.TrimSpace(lines[j]) == "" && j+1 < len(lines) && strings.TrimSpace(lines[j+1]) == "") {
				j++
			}
			out = append(out, [2]int{i + 1, j})
			i = j - 1
		}
	}
	return out
}

// pipes writes the tables of the 2023 seed as markdown pipe tables.
func pipes(s string) string {
	lines := strings.Split(s, "\n")
	for _, tb := range tableLines(lines) {
		first := true
		for k := tb[0]; k < tb[1]; k++ {
			l := lines[k]
			if strings.HasPrefix(l, "单位：") {
				lines[k] = strings.TrimRight(l, "\t")
				continue
			}
			if !strings.Contains(l, "\t") {
				continue
			}
			cells := strings.Split(l, "\t")
			lines[k] = "| " + strings.Join(cells, " | ") + " |"
			if first {
				// a markdown rule after the first header row (one more line)
				lines[k] += "\n|" + strings.Repeat(" --- |", len(cells))
				first = false
			}
		}
	}
	return strings.Join(lines, "\n")
}

// cells writes the tables of the 2023 seed one non-empty cell per line, as
// PDF text extraction does (blank cells vanish).
func cells(s string) string {
	lines := strings.Split(s, "\n")
	for _, tb := range tableLines(lines) {
		for k := tb[0]; k < tb[1]; k++ {
			l := lines[k]
			if strings.HasPrefix(l, "单位：") {
				lines[k] = strings.TrimRight(l, "\t")
				continue
			}
			if !strings.Contains(l, "\t") {
				continue
			}
			var ne []string
			for _, c := range strings.Split(l, "\t") {
				if c = strings.TrimSpace(c); c != "" {
					ne = append(ne, c)
				}
			}
			lines[k] = strings.Join(ne, "\n")
		}
	}
	return strings.Join(lines, "\n")
}
