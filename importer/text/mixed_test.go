package text

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A GB18030 file with a line pasted in UTF-8 used to become mojibake without
// a word: each line is now read in its own encoding and P9 names the line.
func TestMixedEncodings(t *testing.T) {
	gb := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var in bytes.Buffer
	in.Write(gb("测试中心2025年部门预算公开\n"))
	in.Write(gb("一、收入预算情况\n"))
	in.WriteString("2025年预算收入总额100万元，比上年预算增加10万元，增长11.11%。\n") // line 3, UTF-8
	in.Write(gb("二、支出预算情况\n"))
	res, err := Parse(&in, Options{Name: "mixed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != EncMixed {
		t.Errorf("encoding %q, want %q", res.Encoding, EncMixed)
	}
	var p9 string
	for _, f := range res.Findings {
		if f.Rule == "P9" {
			p9 = f.Message
			if f.Line != 3 {
				t.Errorf("P9 at line %d, want 3", f.Line)
			}
		}
	}
	if !strings.Contains(p9, "第3行 为 UTF-8") {
		t.Errorf("P9 = %q, want it to name line 3", p9)
	}
	if res.Disclosure.Department != "测试中心" {
		t.Errorf("department %q: the GB18030 lines were not read", res.Disclosure.Department)
	}
	if got := res.Disclosure.Narrative; got == nil || got.Income.Total.String() != "100" {
		t.Errorf("the UTF-8 line was not read: %+v", got)
	}
	// A file wholly in GB18030 is not mixed.
	res, err = Parse(bytes.NewReader(gb("测试中心2025年部门预算公开\n2025年预算收入总额100万元。\n")), Options{})
	if err != nil || res.Encoding != EncGB18030 {
		t.Errorf("pure GB18030: %v %q", err, res.Encoding)
	}
}
