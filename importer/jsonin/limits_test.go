package jsonin

import (
	"errors"
	"strings"
	"testing"

	"gongkai/model"
)

// Inputs beyond the limits are refused with their position, before the rest
// is read into memory.
func TestLimits(t *testing.T) {
	head := `{"department":"测试单位","year":2024,"unit":"万元",`
	list := func(n int, item string) string {
		return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
	}
	members := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"k`)
			b.WriteString(strings.Repeat("x", i%7))
			b.WriteString(itoa(i))
			b.WriteString(`":1`)
		}
		return b.String()
	}
	cases := []struct {
		name, in, msg string
		ok            bool
	}{
		{"rows at the limit", head + `"tables":{"t05":{"rows":[` + list(MaxItems, `{"level":"detail"}`) + `]}}}`, "", true},
		{"rows beyond", head + `"tables":{"t05":{"rows":[` + list(MaxItems+1, `{"level":"detail"}`) + `]}}}`, "一个列表超过 20000 项", false},
		{"narrative lines beyond", head + `"narrative":{"lines":{` + members(MaxItems+1) + `}}}`, "一个对象超过 20000 个字段", false},
		{"long string", head + `"description":"` + strings.Repeat("说", MaxString/3+1) + `"}`, "字符串超过 65536 字节", false},
		{"too many values", head + `"tables":{` + list(MaxValues/MaxItems+1, `"t05":{"rows":[`+list(MaxItems-1, `null`)+`]}`) + `}}`, "输入超过 1000000 个值", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in), "big.json")
			if tc.ok {
				var pe model.ParseErrors
				if errors.As(err, &pe) {
					for _, e := range pe {
						if errors.Is(e, model.ErrUnsupported) {
							t.Errorf("refused at the limit: %v", e)
						}
					}
				}
				return
			}
			if !errors.Is(err, model.ErrUnsupported) || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "big.json:1:") {
				t.Errorf("err = %.300v, want ErrUnsupported with %q and the position", err, tc.msg)
			}
		})
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// UTF-16 and UTF-32 without a byte-order mark, and UTF-32 with one, get a
// message saying what the file is and to save it as UTF-8, not a syntax
// error at the first NUL byte.
func TestWideEncodingsWithoutBOM(t *testing.T) {
	src := `{"department":"测试单位","year":2024,"unit":"万元"}`
	enc16 := func(big bool) []byte {
		var out []byte
		for _, u := range utf16Of(src) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	enc32 := func(big bool, bom bool) []byte {
		var out []byte
		rs := []rune(src)
		if bom {
			rs = append([]rune{0xFEFF}, rs...)
		}
		for _, r := range rs {
			if big {
				out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
			}
		}
		return out
	}
	for name, tc := range map[string]struct {
		in   []byte
		want string
	}{
		"UTF-16LE":          {enc16(false), "UTF-16 without BOM"},
		"UTF-16BE":          {enc16(true), "UTF-16 without BOM"},
		"UTF-32LE":          {enc32(false, false), "UTF-32 without BOM"},
		"UTF-32BE":          {enc32(true, false), "UTF-32 without BOM"},
		"UTF-32LE with BOM": {enc32(false, true), "UTF-32"},
	} {
		_, err := Read(strings.NewReader(string(tc.in)), "wide.json")
		if !errors.Is(err, model.ErrEncoding) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "save the file as UTF-8") {
			t.Errorf("%s: %v, want ErrEncoding naming %q", name, err, tc.want)
		}
	}
	// With its BOM, UTF-16 is still read.
	bom := append([]byte{0xFF, 0xFE}, enc16(false)...)
	if d, err := Read(strings.NewReader(string(bom)), "bom.json"); err != nil || d.Department != "测试单位" {
		t.Errorf("UTF-16LE with BOM: %v", err)
	}
}

// "year": 2023.5 is one mistake and gets one message.
func TestFractionalYearOneMessage(t *testing.T) {
	_, err := Read(strings.NewReader(`{"department":"测试单位","year":2023.5,"unit":"万元"}`), "y.json")
	var pe model.ParseErrors
	if !errors.As(err, &pe) || len(pe) != 1 || !strings.Contains(pe[0].Error(), "whole number") {
		t.Errorf("got %v, want one error about a whole number", err)
	}
}

func utf16Of(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}
