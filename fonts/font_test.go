package fonts_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
)

// debianTTC is where Debian's fonts-wqy-microhei installs the collection.
const debianTTC = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func defaultFont(t testing.TB) *fonts.Font {
	t.Helper()
	f, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestHasAndMissing(t *testing.T) {
	f := defaultFont(t)
	tests := []struct {
		name string
		s    string
		want []rune
	}{
		{"empty", "", nil},
		{"ascii and hanzi", "表一 部门收支总表 2023 合计 1,270.82", nil},
		{"full-width punctuation", "单位：万元（）、。；“”", nil},
		{"above U+FFFF always missing", "合计𠀀计𠀀", []rune{0x20000}},
		{"control characters in order, no repeats", "a\tb\nc\td", []rune{'\t', '\n'}},
		{"private use area", "\ue000x\ue000", []rune{0xE000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := f.Missing(tc.s)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Missing(%q) = %q, want %q", tc.s, got, tc.want)
			}
			for _, r := range tc.s {
				if f.Has(r) == containsRune(tc.want, r) {
					t.Errorf("Has(%U) = %v, but Missing says %q", r, f.Has(r), got)
				}
			}
		})
	}
	if f.Has(-1) || f.Has(0x10FFFF+1) || f.Has(0xFFFF) {
		t.Error("Has accepts runes outside the font's BMP map")
	}
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func TestParseErrors(t *testing.T) {
	ttf := wqymicrohei.TTF()
	otto := append([]byte("OTTO"), ttf[4:64]...)
	ttc := makeTTC(ttf)
	badLoca := append([]byte(nil), ttf...)
	truncated := ttf[:len(ttf)/2]
	tests := []struct {
		name  string
		data  []byte
		index int
		want  error
	}{
		{"empty", nil, 0, fonts.ErrNotFont},
		{"text file", []byte("部门,金额\n合计,1.00\n"), 0, fonts.ErrNotFont},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), 0, fonts.ErrNotFont},
		{"CFF OpenType", otto, 0, fonts.ErrCFF},
		{"index of a plain ttf", ttf, 1, fonts.ErrFaceIndex},
		{"negative index", ttf, -1, fonts.ErrFaceIndex},
		{"index beyond a collection", ttc, 1, fonts.ErrFaceIndex},
		{"truncated", truncated, 0, fonts.ErrMalformed},
		{"bad loca format", setHead(badLoca, 50, 7), 0, fonts.ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := fonts.Parse(tc.data, tc.index)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Parse: err = %v, want %v", err, tc.want)
			}
			if f != nil {
				t.Error("a Font together with an error")
			}
			var fe *fonts.Error
			if !errors.As(err, &fe) || fe.Index != tc.index {
				t.Errorf("error %#v does not carry the face index %d", err, tc.index)
			}
		})
	}
}

// setHead overwrites the uint16 at off in the head table of a TTF.
func setHead(ttf []byte, off int, v uint16) []byte {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		r := 12 + 16*i
		if string(ttf[r:r+4]) == "head" {
			binary.BigEndian.PutUint16(ttf[int(binary.BigEndian.Uint32(ttf[r+8:]))+off:], v)
		}
	}
	return ttf
}

// makeTTC wraps one TTF into a one-face collection: table offsets in a TTC
// count from the start of the file, so the face is shifted by the header.
func makeTTC(ttf []byte) []byte {
	const hdr = 16
	out := make([]byte, hdr+len(ttf))
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], 1)
	binary.BigEndian.PutUint32(out[12:], hdr)
	copy(out[hdr:], ttf)
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		r := hdr + 12 + 16*i + 8
		binary.BigEndian.PutUint32(out[r:], binary.BigEndian.Uint32(out[r:])+hdr)
	}
	return out
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	otf := filepath.Join(dir, "NotoSansCJK-Regular.otf")
	txt := filepath.Join(dir, "budget.json")
	os.WriteFile(otf, append([]byte("OTTO"), make([]byte, 60)...), 0o644)
	os.WriteFile(txt, []byte(`{"year": 2023}`), 0o644)
	for _, tc := range []struct {
		path string
		want error
		says []string
	}{
		{otf, fonts.ErrCFF, []string{otf, "CFF", "TrueType", "SimSun", "Songti", "WenQuanYi Micro Hei"}},
		{txt, fonts.ErrNotFont, []string{txt, "不是 TrueType", "SimHei"}},
	} {
		_, err := fonts.Load(tc.path, 0)
		if !errors.Is(err, tc.want) {
			t.Fatalf("Load(%s): %v, want %v", tc.path, err, tc.want)
		}
		for _, s := range tc.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("Load(%s): %q does not say %q", tc.path, err, s)
			}
		}
	}
	_, err := fonts.Load(filepath.Join(dir, "absent.ttf"), 0)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of an absent file: %v", err)
	}
}

func TestCollectionFace(t *testing.T) {
	ttf := wqymicrohei.TTF()
	f, err := fonts.Parse(makeTTC(ttf), 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "WenQuanYi Micro Hei" {
		t.Errorf("Name() = %q", f.Name())
	}
	// The face copied out of the collection is the original file again.
	if !bytes.Equal(f.TTF(), ttf) {
		t.Error("TTF() of a collection face differs from the face it was made from")
	}
	_, err = fonts.Parse(makeTTC(ttf), 3)
	if err == nil || !strings.Contains(err.Error(), "共有 1 个字体") {
		t.Errorf("index error does not say how many faces there are: %v", err)
	}
}

func TestDebianCollection(t *testing.T) {
	data, err := os.ReadFile(debianTTC)
	if err != nil {
		t.Skipf("fonts-wqy-microhei not installed (%v)", err)
	}
	for i, want := range []string{"WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"} {
		f, err := fonts.Parse(data, i)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name() != want {
			t.Errorf("face %d: Name() = %q, want %q", i, f.Name(), want)
		}
		g, err := fonts.Parse(f.TTF(), 0)
		if err != nil {
			t.Fatalf("face %d: TTF() does not parse: %v", i, err)
		}
		if g.Name() != want || !reflect.DeepEqual(g.Missing("部门预算𠀀\n"), []rune{0x20000, '\n'}) {
			t.Errorf("face %d: standalone TTF lost data", i)
		}
		if err := fonts.VerifyChecksums(f.TTF()); err != nil {
			t.Errorf("face %d: %v", i, err)
		}
	}
}

// One Font serves many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	f, err := fonts.Parse(makeTTC(wqymicrohei.TTF()), 0)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := f.Subset([]rune("部门预算"))
	done := make(chan []byte)
	for i := 0; i < 4; i++ {
		go func() {
			_ = f.TTF()
			_ = f.Missing("部门预算𠀀")
			sub, _ := f.Subset([]rune("算预门部"))
			done <- sub
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent Subset gave other bytes")
		}
	}
}
