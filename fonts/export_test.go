package fonts

import (
	"encoding/binary"
	"fmt"
)

// VerifyChecksums checks every table checksum and head.checkSumAdjustment of
// a TrueType file (tests only).
func VerifyChecksums(ttf []byte) error {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		r := 12 + 16*i
		tag := string(ttf[r : r+4])
		sum, off, l := binary.BigEndian.Uint32(ttf[r+4:]), int(binary.BigEndian.Uint32(ttf[r+8:])), int(binary.BigEndian.Uint32(ttf[r+12:]))
		data := append([]byte(nil), ttf[off:off+l]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if got := checksum(data); got != sum {
			return fmt.Errorf("table %q: checksum %08x, directory says %08x", tag, got, sum)
		}
		if i > 0 && string(ttf[r-16:r-12]) >= tag {
			return fmt.Errorf("table directory not sorted at %q", tag)
		}
		if off%4 != 0 {
			return fmt.Errorf("table %q not 4-byte aligned", tag)
		}
	}
	if s := checksum(ttf); s != 0xB1B0AFBA {
		return fmt.Errorf("whole-file checksum %08x, want B1B0AFBA (head.checkSumAdjustment wrong)", s)
	}
	return nil
}
