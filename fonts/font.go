package fonts

import (
	"encoding/binary"
	"io"
	"os"
	"sort"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Font is one parsed TrueType face. It keeps the file's bytes (for a TTC the
// whole collection) and what Has, Missing and Subset need: the BMP character
// map, the glyph offsets and the metrics. A Font is never modified after
// Parse, so one Font may be shared by any number of goroutines.
type Font struct {
	data   []byte  // the whole file; table offsets point into it
	ttc    bool    // data is a collection; TTF must rebuild the face
	tables []table // the face's table directory, sorted by tag

	name        string
	numGlyphs   int
	numHMetrics int
	loca        []uint32 // numGlyphs+1 offsets into glyf
	glyf, hmtx  []byte
	cmap        []uint16 // glyph id of each BMP rune, 0 = none; len 0x10000

	ttfOnce sync.Once
	ttf     []byte
}

type table struct {
	tag  string
	data []byte
}

const (
	tagTrue  = 0x74727565 // 'true'
	tagTTCF  = 0x74746366 // 'ttcf'
	tagOTTO  = 0x4F54544F // 'OTTO'
	version1 = 0x00010000
)

// MaxSize is the largest font file Load reads (64 MiB): the largest Chinese
// TrueType collections (SimSun, Microsoft YaHei, WenQuanYi) are 5–35 MB.
const MaxSize = 64 << 20

// Load reads the font file at path and parses face index of it (0 for a
// plain .ttf). Errors are *Error values naming the file and wrapping one of
// the sentinels of this package (or the *os.PathError of a file that cannot
// be read).
func Load(path string, index int) (*Font, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxSize {
		return nil, &Error{File: path, Index: index, Err: ErrTooLarge, Detail: strconv.FormatInt(st.Size()>>20, 10) + " MB"}
	}
	// A device or pipe has no size: read at most MaxSize+1 bytes of it.
	data, err := io.ReadAll(io.LimitReader(fh, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, &Error{File: path, Index: index, Err: ErrTooLarge}
	}
	f, err := Parse(data, index)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.File = path
		}
		return nil, err
	}
	return f, nil
}

// Parse parses a TrueType font ('\x00\x01\x00\x00' or 'true') or, for a
// TrueType Collection ('ttcf'), its face index. The Font keeps data: the
// caller must not modify it afterwards.
func Parse(data []byte, index int) (*Font, error) {
	f, err := parse(data, index)
	if err != nil {
		err.Index = index
		return nil, err
	}
	return f, nil
}

func parse(data []byte, index int) (*Font, *Error) {
	if len(data) < 12 {
		return nil, errf(ErrNotFont, "文件太短（"+strconv.Itoa(len(data))+" 字节）")
	}
	off := 0
	ttc := false
	switch tag := u32(data, 0); tag {
	case tagTTCF:
		n := int(u32(data, 8))
		if index < 0 || index >= n {
			return nil, errf(ErrFaceIndex, "序号 "+strconv.Itoa(index)+"，该字体集共有 "+strconv.Itoa(n)+" 个字体（序号 0–"+strconv.Itoa(n-1)+"）")
		}
		if 12+4*(index+1) > len(data) {
			return nil, errf(ErrMalformed, "字体集目录不完整")
		}
		off = int(u32(data, 12+4*index))
		ttc = true
		if off+12 > len(data) || off < 0 {
			return nil, errf(ErrMalformed, "字体集中的字体位置超出文件")
		}
		switch u32(data, off) {
		case version1, tagTrue:
		case tagOTTO:
			return nil, errf(ErrCFF, "")
		default:
			return nil, errf(ErrMalformed, "字体集中的字体头无效")
		}
	case version1, tagTrue:
		if index != 0 {
			return nil, errf(ErrFaceIndex, "序号 "+strconv.Itoa(index)+"，这是单个字体文件，只有序号 0")
		}
	case tagOTTO:
		return nil, errf(ErrCFF, "")
	default:
		return nil, errf(ErrNotFont, "")
	}

	numTables := int(u16(data, off+4))
	if off+12+16*numTables > len(data) {
		return nil, errf(ErrMalformed, "表目录超出文件")
	}
	f := &Font{data: data, ttc: ttc}
	for i := 0; i < numTables; i++ {
		r := off + 12 + 16*i
		start, length := int(u32(data, r+8)), int(u32(data, r+12))
		if start < 0 || length < 0 || start > len(data) || length > len(data)-start {
			return nil, errf(ErrMalformed, "表 "+strconv.Quote(string(data[r:r+4]))+" 超出文件")
		}
		f.tables = append(f.tables, table{tag: string(data[r : r+4]), data: data[start : start+length : start+length]})
	}
	sort.SliceStable(f.tables, func(i, j int) bool { return f.tables[i].tag < f.tables[j].tag })

	need := func(tag string, min int) ([]byte, *Error) {
		t := f.table(tag)
		if t == nil {
			if tag == "glyf" && f.table("CFF ") != nil {
				return nil, errf(ErrCFF, "")
			}
			return nil, errf(ErrMalformed, "缺少 "+tag+" 表")
		}
		if len(t) < min {
			return nil, errf(ErrMalformed, tag+" 表太短")
		}
		return t, nil
	}
	head, err := need("head", 54)
	if err != nil {
		return nil, err
	}
	maxp, err := need("maxp", 6)
	if err != nil {
		return nil, err
	}
	hhea, err := need("hhea", 36)
	if err != nil {
		return nil, err
	}
	if f.glyf, err = need("glyf", 0); err != nil {
		return nil, err
	}
	if f.hmtx, err = need("hmtx", 0); err != nil {
		return nil, err
	}
	locaData, err := need("loca", 0)
	if err != nil {
		return nil, err
	}
	cmapData, err := need("cmap", 4)
	if err != nil {
		return nil, err
	}

	f.numGlyphs = int(u16(maxp, 4))
	f.numHMetrics = int(u16(hhea, 34))
	if f.numGlyphs == 0 || f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs {
		return nil, errf(ErrMalformed, "字形数或度量数无效")
	}
	if len(f.hmtx) < 4*f.numHMetrics {
		return nil, errf(ErrMalformed, "hmtx 表太短")
	}
	if u16(head, 18) == 0 { // unitsPerEm
		return nil, errf(ErrMalformed, "head 表的 unitsPerEm 为 0")
	}
	f.loca = make([]uint32, f.numGlyphs+1)
	switch u16(head, 50) {
	case 0:
		if len(locaData) < 2*(f.numGlyphs+1) {
			return nil, errf(ErrMalformed, "loca 表太短")
		}
		for i := range f.loca {
			f.loca[i] = 2 * uint32(u16(locaData, 2*i))
		}
	case 1:
		if len(locaData) < 4*(f.numGlyphs+1) {
			return nil, errf(ErrMalformed, "loca 表太短")
		}
		for i := range f.loca {
			f.loca[i] = u32(locaData, 4*i)
		}
	default:
		return nil, errf(ErrMalformed, "loca 格式无效")
	}
	for i := 0; i < f.numGlyphs; i++ {
		if f.loca[i] > f.loca[i+1] || f.loca[i+1] > uint32(len(f.glyf)) {
			return nil, errf(ErrMalformed, "字形 "+strconv.Itoa(i)+" 的位置超出 glyf 表")
		}
	}

	f.cmap = make([]uint16, 0x10000)
	if !readCmap(cmapData, f.cmap, f.numGlyphs) {
		return nil, errf(ErrNoUnicodeCmap, "")
	}
	f.name = readName(f.table("name"))
	return f, nil
}

// table returns the data of the table with tag, or nil.
func (f *Font) table(tag string) []byte {
	i := sort.Search(len(f.tables), func(i int) bool { return f.tables[i].tag >= tag })
	if i < len(f.tables) && f.tables[i].tag == tag {
		return f.tables[i].data
	}
	return nil
}

// readCmap fills m with the BMP mappings of the best Unicode subtable and
// reports whether there was one. Glyph ids ≥ numGlyphs count as unmapped.
func readCmap(c []byte, m []uint16, numGlyphs int) bool {
	n := int(u16(c, 2))
	if 4+8*n > len(c) {
		return false
	}
	best, bestRank := -1, 0
	for i := 0; i < n; i++ {
		r := 4 + 8*i
		pid, eid, off := u16(c, r), u16(c, r+2), int(u32(c, r+4))
		if off < 0 || off+2 > len(c) {
			continue
		}
		format := u16(c, off)
		rank := 0
		switch {
		case format == 4 && pid == 3 && eid == 1:
			rank = 4
		case format == 4 && pid == 0:
			rank = 3
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return false
	}
	st := c[best:]
	if u16(st, 0) == 4 {
		return readFormat4(st, m, numGlyphs)
	}
	return readFormat12(st, m, numGlyphs)
}

func readFormat4(st []byte, m []uint16, numGlyphs int) bool {
	if len(st) < 14 {
		return false
	}
	segX2 := int(u16(st, 6))
	if 16+4*segX2 > len(st) {
		return false
	}
	ends, starts, deltas, ros := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	prevEnd := -1
	for s := 0; s < segX2/2; s++ {
		end, start := int(u16(st, ends+2*s)), int(u16(st, starts+2*s))
		delta, ro := int(u16(st, deltas+2*s)), int(u16(st, ros+2*s))
		if start > end || start <= prevEnd {
			continue // malformed or overlapping segment: ignore it
		}
		prevEnd = end
		for ch := start; ch <= end; ch++ {
			if ch == 0xFFFF {
				break
			}
			var g int
			if ro == 0 {
				g = (ch + delta) & 0xFFFF
			} else {
				a := ros + 2*s + ro + 2*(ch-start)
				if a+2 > len(st) {
					continue
				}
				if g = int(u16(st, a)); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g < numGlyphs {
				m[ch] = uint16(g)
			}
		}
	}
	return true
}

func readFormat12(st []byte, m []uint16, numGlyphs int) bool {
	if len(st) < 16 {
		return false
	}
	n := int(u32(st, 12))
	if n < 0 || n > (len(st)-16)/12 {
		return false
	}
	prevEnd := int64(-1)
	for i := 0; i < n; i++ {
		r := 16 + 12*i
		start, end, g := int64(u32(st, r)), int64(u32(st, r+4)), int64(u32(st, r+8))
		if start > end || start <= prevEnd {
			continue
		}
		prevEnd = end
		for ch := start; ch <= end && ch < 0xFFFF; ch++ {
			if gg := g + ch - start; gg < int64(numGlyphs) {
				m[ch] = uint16(gg)
			}
		}
	}
	return true
}

// readName returns the family name (name id 1), preferring Windows English,
// then any Windows Unicode entry, then Macintosh Roman.
func readName(t []byte) string {
	if len(t) < 6 {
		return ""
	}
	n, storage := int(u16(t, 2)), int(u16(t, 4))
	best, bestRank := "", 0
	for i := 0; i < n; i++ {
		r := 6 + 12*i
		if r+12 > len(t) {
			break
		}
		pid, eid, lang, id := u16(t, r), u16(t, r+2), u16(t, r+4), u16(t, r+6)
		length, off := int(u16(t, r+8)), storage+int(u16(t, r+10))
		if id != 1 || off+length > len(t) {
			continue
		}
		s := t[off : off+length]
		rank := 0
		switch {
		case pid == 3 && (eid == 1 || eid == 10) && lang == 0x409:
			rank = 4
		case pid == 3 && (eid == 1 || eid == 10), pid == 0:
			rank = 3
		case pid == 1 && eid == 0:
			rank = 2
		}
		if rank <= bestRank {
			continue
		}
		if pid == 1 {
			best, bestRank = macRoman(s), rank
		} else {
			best, bestRank = utf16be(s), rank
		}
	}
	return best
}

func utf16be(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = u16(b, 2*i)
	}
	return string(utf16.Decode(u))
}

func macRoman(b []byte) string {
	r := make([]rune, 0, len(b))
	for _, c := range b {
		if c < 0x80 {
			r = append(r, rune(c))
		} else {
			r = append(r, utf8.RuneError)
		}
	}
	return string(r)
}

// Name returns the face's family name from its name table (e.g.
// "WenQuanYi Micro Hei"), or "" when it has none.
func (f *Font) Name() string { return f.name }

// Has reports whether the face maps r to a glyph. It is false for every rune
// above U+FFFF, which the PDF library cannot draw.
func (f *Font) Has(r rune) bool {
	return r >= 0 && r < 0xFFFF && f.cmap[r] != 0
}

// Missing returns the runes of s the face cannot show, in order of first
// appearance, without repeats: runes it does not map and every rune above
// U+FFFF. Invalid UTF-8 is read as U+FFFD, as by a range loop. It returns nil when the face shows
// all of s.
func (f *Font) Missing(s string) []rune {
	var miss []rune
	for _, r := range s {
		if f.Has(r) {
			continue
		}
		seen := false
		for _, m := range miss {
			if m == r {
				seen = true
				break
			}
		}
		if !seen {
			miss = append(miss, r)
		}
	}
	return miss
}

// TTF returns the face as a standalone TrueType file. For a plain .ttf that is
// the data given to Parse; for a collection face it is a new file holding the
// face's tables (DSIG dropped) with a fresh table directory, checksums and
// head.checkSumAdjustment, built once and then reused. The caller must not
// modify the result.
func (f *Font) TTF() []byte {
	if !f.ttc {
		return f.data
	}
	f.ttfOnce.Do(func() {
		ts := make([]table, 0, len(f.tables))
		for _, t := range f.tables {
			if t.tag != "DSIG" {
				ts = append(ts, t)
			}
		}
		f.ttf = buildSFNT(ts)
	})
	return f.ttf
}

func u16(b []byte, i int) uint16 {
	if i < 0 || i+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[i:])
}

func u32(b []byte, i int) uint32 {
	if i < 0 || i+4 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint32(b[i:])
}
