package text

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Result.Encoding.
const (
	EncUTF8      = "UTF-8"
	EncUTF8BOM   = "UTF-8 (BOM)"
	EncUTF16LE   = "UTF-16LE"
	EncUTF16BE   = "UTF-16BE"
	EncGB18030   = "GB18030"
	EncUTF16LEB  = "UTF-16LE (BOM)"
	EncUTF16BEB  = "UTF-16BE (BOM)"
	encUndecoded = ""
)

// decode turns raw bytes into a UTF-8 string and names the encoding.
// It returns ok=false when the bytes are not text in any supported encoding.
func decode(b []byte) (s string, enc string, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return "", EncUTF8BOM, false
		}
		return string(b), EncUTF8BOM, true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], unicode.LittleEndian, EncUTF16LEB)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], unicode.BigEndian, EncUTF16BEB)
	}
	if len(b) >= 4 {
		// UTF-16 without BOM: ASCII characters give a NUL in every other byte.
		even, odd := 0, 0
		n := len(b)
		if n > 4096 {
			n = 4096
		}
		for i := 0; i+1 < n; i += 2 {
			if b[i] == 0 {
				even++
			}
			if b[i+1] == 0 {
				odd++
			}
		}
		if odd > 0 && even*10 < odd {
			if s, enc, ok := decodeUTF16(b, unicode.LittleEndian, EncUTF16LE); ok && plausibleText([]byte(s)) {
				return s, enc, true
			}
		}
		if even > 0 && odd*10 < even {
			if s, enc, ok := decodeUTF16(b, unicode.BigEndian, EncUTF16BE); ok && plausibleText([]byte(s)) {
				return s, enc, true
			}
		}
	}
	// a file cut in the middle of a character is still UTF-8
	for k := 1; k <= 3 && k <= len(b) && !utf8.Valid(b); k++ {
		if utf8.Valid(b[:len(b)-k]) && !utf8.FullRune(b[len(b)-k:]) {
			b = b[:len(b)-k]
		}
	}
	if utf8.Valid(b) {
		if bytes.IndexByte(b, 0) >= 0 {
			return "", encUndecoded, false
		}
		return string(b), EncUTF8, true
	}
	if s, ok := decodeMixed(b); ok && strings.IndexByte(s, 0) < 0 && plausibleText([]byte(s)) {
		return s, EncMixed, true
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.IndexByte(out, 0) >= 0 || !plausibleText(out) {
		return "", encUndecoded, false
	}
	return string(out), EncGB18030, true
}

// EncMixed: a GB18030 file with lines in UTF-8 (pasted from another file);
// each line is decoded in its own encoding and Parse reports the UTF-8
// lines (finding P9).
const EncMixed = "GB18030 + UTF-8"

// decodeMixed decodes line by line when some lines are UTF-8 with Chinese
// text (at least two multi-byte characters: GB18030 text is almost never
// valid UTF-8 as well) and the others are not UTF-8.
func decodeMixed(b []byte) (string, bool) {
	lines := bytes.SplitAfter(b, []byte("\n"))
	isUTF8 := make([]bool, len(lines))
	n := 0
	for i, l := range lines {
		if utf8.Valid(l) && utf8.RuneCount(l) <= len(l)-4 { // two or more 3-byte characters
			isUTF8[i] = true
			n++
		}
	}
	if n == 0 {
		return "", false
	}
	var out bytes.Buffer
	dec := simplifiedchinese.GB18030.NewDecoder()
	for i, l := range lines {
		if isUTF8[i] || utf8.Valid(l) {
			out.Write(l)
			continue
		}
		d, err := dec.Bytes(l)
		if err != nil {
			return "", false
		}
		out.Write(d)
	}
	return out.String(), true
}

// utf8Lines are the 1-based lines of a mixed file that are UTF-8 with
// non-ASCII text.
func utf8Lines(b []byte) []int {
	var out []int
	for i, l := range bytes.SplitAfter(b, []byte("\n")) {
		if utf8.Valid(l) && utf8.RuneCount(l) <= len(l)-4 {
			out = append(out, i+1)
		}
	}
	return out
}

func decodeUTF16(b []byte, e unicode.Endianness, name string) (string, string, bool) {
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", name, false
	}
	return string(out), name, true
}

// plausibleText rejects binary data that happens to decode as GB18030:
// too many control characters or private-use code points.
func plausibleText(b []byte) bool {
	bad, n := 0, 0
	for _, r := range string(b) {
		n++
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || (r >= 0xE000 && r <= 0xF8FF) {
			bad++
		}
	}
	return n == 0 || bad*20 < n
}
