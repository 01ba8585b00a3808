package text

import "testing"

func TestNormalizeLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"２０２６年预算收入总额２９６．０１万元", "2026年预算收入总额296.01万元"},
		{"增长17.56 ％", "增长17.56%"},
		{"收入1,270.82万元", "收入1270.82万元"},
		{"收入1，270.82万元", "收入1270.82万元"},
		{"共12,345,678元", "共12345678元"},
		{"2021,2022年", "2021,2022年"}, // not a thousands separator (four digits)
		{"0.5,123万元", "0.5,123万元"},   // a fraction is never a leading group
		{"政 府 采 购 预 算 0 万 元", "政府采购预算0万元"},
		{"天门市 12345 公共服务热线中心", "天门市12345公共服务热线中心"},
		{"第1部分\u3000概况", "第1部分概况"},
		{"a\u00a0b", "a b"},
		{"<b>301</b>\t<b>工资福利支出</b>", "301\t工资福利支出"},
		{"1 2 3", "1 2 3"}, // digits stay apart
		{"单位编码\t\t合计", "单位编码\t\t合计"},
		{"x < y > z", "x < y > z"},
	}
	for _, c := range cases {
		if got := normalizeLine(c.in); got != c.want {
			t.Errorf("normalizeLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
		enc  string
		ok   bool
	}{
		{"utf8", []byte("预算"), "预算", EncUTF8, true},
		{"utf8 bom", []byte("\xEF\xBB\xBF预算"), "预算", EncUTF8BOM, true},
		{"gb18030", []byte{0xD4, 0xA4, 0xCB, 0xE3}, "预算", EncGB18030, true},
		{"utf16le bom", []byte{0xFF, 0xFE, 0x84, 0x98, 0x97, 0x7B}, "预算", EncUTF16LEB, true},
		{"utf16be bom", []byte{0xFE, 0xFF, 0x98, 0x84, 0x7B, 0x97}, "预算", EncUTF16BEB, true},
		{"utf16le no bom", []byte{'1', 0, '2', 0, 0x84, 0x98}, "12预", EncUTF16LE, true},
		{"cut in a character", []byte("预算\xE7\xAE"), "预算", EncUTF8, true},
		{"binary", []byte{0, 1, 2, 3, 0xFF, 0xFE, 0xFD, 0, 0, 0}, "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, enc, ok := decode(c.in)
			if ok != c.ok || (ok && (s != c.want || enc != c.enc)) {
				t.Errorf("decode = %q %q %v, want %q %q %v", s, enc, ok, c.want, c.enc, c.ok)
			}
		})
	}
}
