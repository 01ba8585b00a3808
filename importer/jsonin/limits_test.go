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
