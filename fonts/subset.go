package fonts

import (
	"encoding/binary"
	"slices"
	"strconv"
)

// Subset returns a standalone TrueType file holding .notdef and exactly the
// glyphs of runes (plus the components of composite glyphs), renumbered from
// 1 in rune order: tables head, hhea, maxp, OS/2, name, cmap (format 4), post
// (format 3), loca, glyf, hmtx, and cvt, fpgm, prep and gasp when the face
// has them. Repeated runes count once; runes the face cannot show (see
// Missing) are left out. The same face and rune set always give the same
// bytes, whatever the order of runes.
//
// Subset only reads the Font, so it may run concurrently; its cost grows with
// the number of runes, not with the size of the face.
func (f *Font) Subset(runes []rune) ([]byte, error) {
	rs := make([]rune, 0, len(runes))
	for _, r := range runes {
		if f.Has(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)

	// Old glyph ids in their new order, and the way back.
	olds := []uint16{0}
	newID := map[uint16]uint16{0: 0}
	add := func(g uint16) {
		if _, ok := newID[g]; !ok {
			newID[g] = uint16(len(olds))
			olds = append(olds, g)
		}
	}
	for _, r := range rs {
		add(f.cmap[r])
	}
	// Components of composite glyphs, appended after the runes' glyphs; the
	// list grows while it is walked, so nested composites are covered.
	for i := 0; i < len(olds); i++ {
		g := f.glyph(olds[i])
		err := eachComponent(g, func(at int) error {
			c := binary.BigEndian.Uint16(g[at:])
			if int(c) >= f.numGlyphs {
				return errf(ErrMalformed, "组合字形 "+strconv.Itoa(int(olds[i]))+" 引用了不存在的字形 "+strconv.Itoa(int(c)))
			}
			add(c)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(olds) > 0xFFFF {
		return nil, errf(ErrMalformed, "字形太多")
	}

	// glyf and loca; every glyph padded to 4 bytes.
	size := 0
	for _, g := range olds {
		size += (len(f.glyph(g)) + 3) &^ 3
	}
	glyf := make([]byte, 0, size)
	offsets := make([]int, 0, len(olds)+1)
	for _, old := range olds {
		offsets = append(offsets, len(glyf))
		start := len(glyf)
		glyf = append(glyf, f.glyph(old)...)
		g := glyf[start:]
		_ = eachComponent(g, func(at int) error {
			binary.BigEndian.PutUint16(g[at:], newID[binary.BigEndian.Uint16(g[at:])])
			return nil
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	offsets = append(offsets, len(glyf))
	longLoca := len(glyf) > 2*0xFFFF
	var loca []byte
	if longLoca {
		loca = make([]byte, 4*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint32(loca[4*i:], uint32(o))
		}
	} else {
		loca = make([]byte, 2*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint16(loca[2*i:], uint16(o/2))
		}
	}

	// hmtx: a full metric for every glyph.
	hmtx := make([]byte, 4*len(olds))
	for i, g := range olds {
		adv, lsb := f.metrics(g)
		binary.BigEndian.PutUint16(hmtx[4*i:], adv)
		binary.BigEndian.PutUint16(hmtx[4*i+2:], lsb)
	}

	cmap, err := cmapFormat4(rs, func(r rune) uint16 { return newID[f.cmap[r]] })
	if err != nil {
		return nil, err
	}

	head := slices.Clone(f.table("head"))
	binary.BigEndian.PutUint16(head[50:], boolU16(longLoca))
	hhea := slices.Clone(f.table("hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(olds)))
	maxp := slices.Clone(f.table("maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(olds)))

	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000)
	if p := f.table("post"); len(p) >= 16 {
		copy(post[4:16], p[4:16]) // italicAngle, underline, isFixedPitch
	}

	ts := []table{
		{"cmap", cmap}, {"glyf", glyf}, {"head", head}, {"hhea", hhea},
		{"hmtx", hmtx}, {"loca", loca}, {"maxp", maxp}, {"name", subsetName(f.table("name"), f.name)},
		{"post", post},
	}
	if os2 := f.table("OS/2"); os2 != nil {
		os2 = slices.Clone(os2)
		if len(os2) >= 68 && len(rs) > 0 {
			binary.BigEndian.PutUint16(os2[64:], uint16(rs[0]))
			binary.BigEndian.PutUint16(os2[66:], uint16(rs[len(rs)-1]))
		}
		ts = append(ts, table{"OS/2", os2})
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if t := f.table(tag); t != nil {
			ts = append(ts, table{tag, t})
		}
	}
	return buildSFNT(ts), nil
}

// glyph returns the glyf data of glyph g (empty for a blank glyph).
func (f *Font) glyph(g uint16) []byte {
	return f.glyf[f.loca[g]:f.loca[g+1]]
}

// metrics returns the advance width and left side bearing of glyph g.
func (f *Font) metrics(g uint16) (adv, lsb uint16) {
	if int(g) < f.numHMetrics {
		return u16(f.hmtx, 4*int(g)), u16(f.hmtx, 4*int(g)+2)
	}
	adv = u16(f.hmtx, 4*(f.numHMetrics-1))
	return adv, u16(f.hmtx, 4*f.numHMetrics+2*(int(g)-f.numHMetrics))
}

// Composite glyph flags.
const (
	argWords       = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// eachComponent calls fn with the byte offset of every component glyph index
// of a composite glyph; it does nothing for a simple glyph.
func eachComponent(g []byte, fn func(at int) error) error {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	for p := 10; ; {
		if p+4 > len(g) {
			return errf(ErrMalformed, "组合字形不完整")
		}
		flags := binary.BigEndian.Uint16(g[p:])
		if err := fn(p + 2); err != nil {
			return err
		}
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// cmapFormat4 writes a cmap table with one (3,1) format 4 subtable mapping
// the sorted runes rs to their glyph ids: one delta segment per run of
// consecutive runes with consecutive glyph ids, then the final 0xFFFF segment.
func cmapFormat4(rs []rune, gid func(rune) uint16) ([]byte, error) {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, r := range rs {
		g := gid(r)
		if n := len(segs); n > 0 && rune(segs[n-1].end)+1 == r && segs[n-1].delta+uint16(r) == g {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, errf(ErrMalformed, "一个子集最多约 8000 段不连续的字符，这里有 "+strconv.Itoa(n))
	}
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	out := make([]byte, 12+length)
	be := binary.BigEndian
	be.PutUint16(out[2:], 1)  // numTables
	be.PutUint16(out[4:], 3)  // Windows
	be.PutUint16(out[6:], 1)  // Unicode BMP
	be.PutUint32(out[8:], 12) // offset
	st := out[12:]
	be.PutUint16(st[0:], 4)
	be.PutUint16(st[2:], uint16(length))
	be.PutUint16(st[6:], uint16(2*n))
	be.PutUint16(st[8:], uint16(2*sr))
	be.PutUint16(st[10:], uint16(es))
	be.PutUint16(st[12:], uint16(2*n-2*sr))
	for i, s := range segs {
		be.PutUint16(st[14+2*i:], s.end)
		be.PutUint16(st[16+2*n+2*i:], s.start)
		be.PutUint16(st[16+4*n+2*i:], s.delta)
		// idRangeOffset stays 0.
	}
	return out, nil
}

// subsetName keeps the name records 0–6 (copyright, family, style, unique
// id, full name, version, PostScript name) of a name table and drops the
// rest (license text, descriptions). Without a usable table it writes one
// with the family name.
func subsetName(t []byte, family string) []byte {
	type rec struct {
		pid, eid, lang, id uint16
		s                  []byte
	}
	var recs []rec
	if len(t) >= 6 {
		n, storage := int(u16(t, 2)), int(u16(t, 4))
		for i := 0; i < n && 6+12*i+12 <= len(t); i++ {
			r := 6 + 12*i
			id, l, off := u16(t, r+6), int(u16(t, r+8)), storage+int(u16(t, r+10))
			if id <= 6 && off+l <= len(t) {
				recs = append(recs, rec{u16(t, r), u16(t, r+2), u16(t, r+4), id, t[off : off+l]})
			}
		}
	}
	if len(recs) == 0 {
		if family == "" {
			family = "Subset"
		}
		s := make([]byte, 0, 2*len(family))
		for _, c := range family {
			if c > 0xFFFF {
				c = '?'
			}
			s = binary.BigEndian.AppendUint16(s, uint16(c))
		}
		recs = []rec{{3, 1, 0x409, 1, s}}
	}
	slices.SortStableFunc(recs, func(a, b rec) int {
		for _, d := range [][2]uint16{{a.pid, b.pid}, {a.eid, b.eid}, {a.lang, b.lang}, {a.id, b.id}} {
			if d[0] != d[1] {
				return int(d[0]) - int(d[1])
			}
		}
		return 0
	})
	storage := 6 + 12*len(recs)
	out := make([]byte, storage)
	be := binary.BigEndian
	be.PutUint16(out[2:], uint16(len(recs)))
	be.PutUint16(out[4:], uint16(storage))
	for i, r := range recs {
		p := 6 + 12*i
		be.PutUint16(out[p:], r.pid)
		be.PutUint16(out[p+2:], r.eid)
		be.PutUint16(out[p+4:], r.lang)
		be.PutUint16(out[p+6:], r.id)
		be.PutUint16(out[p+8:], uint16(len(r.s)))
		be.PutUint16(out[p+10:], uint16(len(out)-storage))
		out = append(out, r.s...)
	}
	return out
}

func boolU16(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}
