package ledger_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/importer/ledger"
)

// bigLedger is a ledger of n lines with Chinese text on every line, the
// department name padded with pad ASCII letters so that a fixed byte offset
// falls at every place of a multi-byte character as pad varies.
func bigLedger(n, pad int) string {
	var b strings.Builder
	b.WriteString("部门名称,测试局" + strings.Repeat("x", pad) + "\n年度,2027\n" + hdr + "\n")
	for i := 0; i < n; i++ {
		b.WriteString(good + "\n")
	}
	return b.String()
}

// A ledger of a few hundred lines (far more than the 4 KB IsLedger looks
// at) is a ledger wherever the 4 KB cut falls: inside a character of UTF-8
// (with or without BOM) or GB18030, or between two.
func TestIsLedgerLongFile(t *testing.T) {
	for pad := 0; pad < 8; pad++ {
		text := bigLedger(300, pad)
		gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"UTF-8": []byte(text), "UTF-8 BOM": []byte("\ufeff" + text), "GB18030": []byte(gb)} {
			if len(data) < 3*4096 {
				t.Fatalf("test ledger of %d bytes is too short", len(data))
			}
			if !ledger.IsLedger(data) {
				t.Errorf("%s ledger of %d bytes, pad %d: not recognised as a ledger", name, len(data), pad)
			}
		}
	}
	// One long first line: the header is not in the first 4 KB, but the
	// cut must not make a UTF-8 file look like GB18030 either way.
	long := strings.Repeat("说明", 3000) + "\n" + hdr + "\n" + good + "\n"
	for cut := 0; cut < 3; cut++ {
		if ledger.IsLedger([]byte(long[cut:])) {
			t.Errorf("a text whose first 4 KB hold no header taken for a ledger (offset %d)", cut)
		}
	}
	// The cut at every byte of the header line: the header is seen when
	// the whole line, with its line end, lies in the first 4 KB.
	for end := 4096 - 8; end <= 4096+8; end++ {
		pad := end - 1 - len(hdr)
		text := strings.Repeat("x", pad) + "\n" + hdr + "\n" + strings.Repeat(good+"\n", 20)
		want := end < 4096
		if got := ledger.IsLedger([]byte(text)); got != want {
			t.Errorf("header line ending at byte %d: IsLedger = %v, want %v", end, got, want)
		}
	}
}
