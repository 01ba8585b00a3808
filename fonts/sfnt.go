package fonts

import (
	"encoding/binary"
	"sort"
)

// buildSFNT writes a TrueType file from tables: the table directory in tag
// order, each table padded to four bytes, every checksum and
// head.checkSumAdjustment computed. The head table is copied, never modified
// in place.
func buildSFNT(tables []table) []byte {
	ts := append([]table(nil), tables...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].tag < ts[j].tag })
	n := len(ts)
	size := 12 + 16*n
	for _, t := range ts {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, size)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	be := binary.BigEndian
	be.PutUint32(out[0:], version1)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(sr*16))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(n*16-sr*16))
	off, headAt := 12+16*n, -1
	for i, t := range ts {
		copy(out[off:], t.data)
		if t.tag == "head" && len(t.data) >= 12 {
			headAt = off
			be.PutUint32(out[off+8:], 0)
		}
		r := 12 + 16*i
		copy(out[r:r+4], t.tag)
		be.PutUint32(out[r+4:], checksum(out[off:off+len(t.data)]))
		be.PutUint32(out[r+8:], uint32(off))
		be.PutUint32(out[r+12:], uint32(len(t.data)))
		off += (len(t.data) + 3) &^ 3
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the TrueType table checksum: the sum of big-endian uint32
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	i := 0
	for ; i+4 <= len(b); i += 4 {
		s += binary.BigEndian.Uint32(b[i:])
	}
	if i < len(b) {
		var last [4]byte
		copy(last[:], b[i:])
		s += binary.BigEndian.Uint32(last[:])
	}
	return s
}
