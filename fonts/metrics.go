package fonts

// Metrics are a face's global measures in font units, as a PDF font
// descriptor states them.
type Metrics struct {
	UnitsPerEm             int
	XMin, YMin, XMax, YMax int // bounding box of all glyphs (head)
	Ascent, Descent        int // hhea ascender and descender (descent ≤ 0)
	CapHeight              int // OS/2 sCapHeight, or Ascent when the face has none
}

// Metrics returns the face's global measures (tables head, hhea and OS/2,
// which Parse has checked).
func (f *Font) Metrics() Metrics {
	head, hhea := f.table("head"), f.table("hhea")
	m := Metrics{
		UnitsPerEm: int(u16(head, 18)),
		XMin:       int(int16(u16(head, 36))), YMin: int(int16(u16(head, 38))),
		XMax: int(int16(u16(head, 40))), YMax: int(int16(u16(head, 42))),
		Ascent: int(int16(u16(hhea, 4))), Descent: int(int16(u16(hhea, 6))),
	}
	m.CapHeight = m.Ascent
	if os2 := f.table("OS/2"); len(os2) >= 90 && u16(os2, 0) >= 2 {
		m.CapHeight = int(int16(u16(os2, 88)))
	}
	return m
}

// Advance returns the advance width of r in font units, 0 when the face
// cannot show r.
func (f *Font) Advance(r rune) int {
	if !f.Has(r) {
		return 0
	}
	adv, _ := f.metrics(f.cmap[r])
	return int(adv)
}
