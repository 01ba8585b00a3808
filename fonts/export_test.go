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

// GlyphOf returns the outline of r's glyph, with composite glyphs resolved
// (component ids zeroed, the components' outlines appended), and its advance
// width (tests only).
func GlyphOf(f *Font, r rune) ([]byte, uint16) {
	g := f.cmap[r]
	adv, _ := f.metrics(g)
	return f.outline(g, 0), adv
}

func (f *Font) outline(g uint16, depth int) []byte {
	data := append([]byte(nil), f.glyph(g)...)
	if depth > 8 {
		return data
	}
	var comps []uint16
	_ = eachComponent(data, func(at int) error {
		comps = append(comps, binary.BigEndian.Uint16(data[at:]))
		binary.BigEndian.PutUint16(data[at:], 0)
		return nil
	})
	for _, c := range comps {
		data = append(data, f.outline(c, depth+1)...)
	}
	return data
}

// NumGlyphs returns the face's glyph count (tests only).
func NumGlyphs(f *Font) int { return f.numGlyphs }

// WithFormat12Cmap returns ttf with its cmap replaced by a single (3,10)
// format 12 subtable of the same mappings (tests only).
func WithFormat12Cmap(ttf []byte) []byte {
	f, err := Parse(ttf, 0)
	if err != nil {
		panic(err)
	}
	var groups [][3]uint32
	for r, g := range f.cmap {
		if g == 0 {
			continue
		}
		if n := len(groups); n > 0 && groups[n-1][1]+1 == uint32(r) && groups[n-1][2]+uint32(r)-groups[n-1][0] == uint32(g) {
			groups[n-1][1] = uint32(r)
			continue
		}
		groups = append(groups, [3]uint32{uint32(r), uint32(r), uint32(g)})
	}
	be := binary.BigEndian
	c := make([]byte, 12+16+12*len(groups))
	be.PutUint16(c[2:], 1)
	be.PutUint16(c[4:], 3)
	be.PutUint16(c[6:], 10)
	be.PutUint32(c[8:], 12)
	st := c[12:]
	be.PutUint16(st, 12)
	be.PutUint32(st[4:], uint32(len(st)))
	be.PutUint32(st[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(st[16+12*i:], g[0])
		be.PutUint32(st[20+12*i:], g[1])
		be.PutUint32(st[24+12*i:], g[2])
	}
	var ts []table
	for _, t := range f.tables {
		if t.tag == "cmap" {
			t.data = c
		}
		ts = append(ts, t)
	}
	return buildSFNT(ts)
}
