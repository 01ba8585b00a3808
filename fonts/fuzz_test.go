package fonts_test

import (
	"testing"

	"gongkai/fonts"
)

// FuzzParse: no bytes make Parse, or what follows a successful Parse, panic.
//
//	go test ./fonts -run '^$' -fuzz FuzzParse -fuzztime 1m
func FuzzParse(f *testing.F) {
	face := defaultFont(f)
	small, err := face.Subset([]rune("合计0"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, 0)
	f.Add(makeTTC(small), 0)
	f.Add(makeTTC(small), 1)
	f.Add([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), 7)
	f.Add([]byte{}, 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		font, err := fonts.Parse(data, index)
		if err != nil {
			if font != nil {
				t.Fatal("a Font together with an error")
			}
			_ = err.Error()
			return
		}
		_ = font.Name()
		_ = font.Missing("合计 0\U00020000")
		ttf := font.TTF()
		if _, err := fonts.Parse(ttf, 0); err != nil {
			t.Fatalf("TTF() of a parsed face does not parse: %v", err)
		}
		sub, err := font.Subset([]rune("合计 0A\u4e00\uffff"))
		if err != nil {
			return
		}
		if _, err := fonts.Parse(sub, 0); err != nil {
			t.Fatalf("Subset of a parsed face does not parse: %v", err)
		}
	})
}
