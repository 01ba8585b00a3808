package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer Write gives excelize. It does three things
// excelize's own writer does not:
//
//   - it writes the parts in name order ([Content_Types].xml first):
//     excelize writes stream-written sheets in map order, so the same
//     document would otherwise not give the same bytes;
//   - it compresses at flate.BestSpeed (archive/zip's default level cost a
//     fifth of a workbook's time, for a few percent of size);
//   - it turns the stream writer's inline strings into a shared-string
//     table (xl/sharedStrings.xml), as the normal API writes them: the
//     table keeps workbooks with many repeated names small, and readers
//     that expect it (and our own readers' limits on it) keep working.
type sortedZip struct {
	w      io.Writer
	parts  []*zipPart
	open   *zipPart
	fw     *flate.Writer
	sheets []*zipPart         // worksheet parts, kept uncompressed until Close
	bodies map[string]*splice // body rows to put into a worksheet, by part name
	spills []*spillBuf        // removed by Close
}

type zipPart struct {
	name  string
	crc   uint32
	size  uint64
	data  bytes.Buffer // compressed, or raw for a worksheet
	raw   bool
	spill *flate.Writer // a large worksheet's raw XML, compressed while it waits
	out   *spillBuf     // a worksheet's or the shared strings' compressed data, instead of data
}

// spillSize is the raw XML of a worksheet kept as it is until Close; a
// larger sheet (a province's findings) is compressed while it waits, and
// decompressed once when the shared strings are made.
const spillSize = 4 << 20

// sheetWriter takes a worksheet's raw XML.
type sheetWriter struct{ p *zipPart }

func (w sheetWriter) Write(b []byte) (int, error) {
	p := w.p
	if p.spill == nil && p.data.Len()+len(b) > spillSize {
		raw := append([]byte(nil), p.data.Bytes()...)
		p.data.Reset()
		fw, err := flate.NewWriter(&p.data, flate.BestSpeed)
		if err != nil {
			return 0, err
		}
		p.spill = fw
		if _, err := fw.Write(raw); err != nil {
			return 0, err
		}
	}
	if p.spill != nil {
		return p.spill.Write(b)
	}
	return p.data.Write(b)
}

func newSortedZip(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} }

// Create starts a part; the previous one is finished.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.HasSuffix(name, ".xml") {
		p.raw = true
		z.sheets = append(z.sheets, p)
		return sheetWriter{p}, nil
	}
	z.start(p)
	return partWriter{z: z, p: p}, nil
}

func (z *sortedZip) start(p *zipPart) {
	if z.fw == nil {
		z.fw = getFlate()
	}
	if p.out != nil {
		z.fw.Reset(p.out)
	} else {
		z.fw.Reset(&p.data)
	}
	z.open = p
}

// spilled gives p a spillBuf for its compressed data.
func (z *sortedZip) spilled(p *zipPart) {
	p.out = &spillBuf{}
	z.spills = append(z.spills, p.out)
}

type partWriter struct {
	z *sortedZip
	p *zipPart
}

func (w partWriter) Write(b []byte) (int, error) {
	w.p.crc = crc32.Update(w.p.crc, crc32.IEEETable, b)
	w.p.size += uint64(len(b))
	return w.z.fw.Write(b)
}

func (z *sortedZip) finish() error {
	if z.open == nil {
		return nil
	}
	z.open = nil
	return z.fw.Close()
}

// compress replaces p's data by its compressed form.
func (z *sortedZip) compress(p *zipPart, raw []byte) error {
	p.raw = false
	p.data = bytes.Buffer{}
	z.start(p)
	if _, err := (partWriter{z: z, p: p}).Write(raw); err != nil {
		return err
	}
	return z.finish()
}

// AddFS is not used when writing a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("xlsx: AddFS is not supported")
}

// Close builds the shared strings, then writes the parts in name order.
func (z *sortedZip) Close() error {
	defer func() {
		for _, b := range z.spills {
			b.close()
		}
	}()
	if err := z.finish(); err != nil {
		return err
	}
	defer func() { putFlate(z.fw); z.fw = nil }()
	if err := z.shareStrings(); err != nil {
		return err
	}
	sort.SliceStable(z.parts, func(i, j int) bool { return z.parts[i].name < z.parts[j].name })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		n, data := int64(p.data.Len()), io.Reader(bytes.NewReader(p.data.Bytes()))
		if p.out != nil {
			var err error
			if n, data, err = p.out.reader(); err != nil {
				return err
			}
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(n), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// The shared-string parts and their registration.
const (
	sstPart        = "xl/sharedStrings.xml"
	sstContentType = `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	sstRel         = `<Relationship Id="rIdGongkaiSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
)

var (
	inlineOpen  = []byte(` t="inlineStr"><is><t`)
	inlineClose = []byte(`</t></is></c>`)
)

// shareStrings rewrites every inline string cell of the worksheets, in
// sheet order, as an index into one shared-string table, and adds the
// table to the package. Cell text is already escaped XML, so it is copied
// as it is.
func (z *sortedZip) shareStrings() error {
	sort.Slice(z.sheets, func(i, j int) bool { return sheetNumber(z.sheets[i].name) < sheetNumber(z.sheets[j].name) })
	index := map[string]int{}
	sst := &spillBuf{} // the table's <si> elements
	z.spills = append(z.spills, sst)
	count := 0
	var num [20]byte
	for _, p := range z.sheets {
		// Rewrite straight into the compressor: no second copy of a sheet.
		var src io.Reader
		if p.spill != nil {
			if err := p.spill.Close(); err != nil {
				return err
			}
		}
		raw := p.data
		if p.spill != nil {
			src = flate.NewReader(&raw)
		}
		p.raw, p.spill = false, nil
		p.data = bytes.Buffer{}
		z.spilled(p)
		z.start(p)
		w := partWriter{z: z, p: p}
		cell := func(key []byte) {
			n, ok := index[string(key)]
			if !ok {
				n = len(index)
				index[string(key)] = n
				sst.WriteString("<si><t")
				sst.Write(key)
				sst.WriteString("</t></si>")
			}
			count++
			w.Write([]byte(` t="s"><v>`))
			w.Write(strconv.AppendInt(num[:0], int64(n), 10))
			w.Write([]byte(`</v></c>`))
		}
		var err error
		if sp := z.bodies[p.name]; sp != nil {
			err = spliceSheet(src, raw.Bytes(), sp, w, cell)
		} else {
			err = eachInline(src, raw.Bytes(), w, cell)
		}
		if err != nil {
			return err
		}
		if err := z.finish(); err != nil {
			return err
		}
	}
	for name, sp := range z.bodies {
		if !sp.done {
			return errors.New("xlsx: no part " + name + " for its body rows")
		}
	}
	if count == 0 {
		return nil
	}
	for _, q := range z.parts {
		if q.name == sstPart {
			return errors.New("xlsx: a shared-string table besides the stream-written sheets")
		}
	}
	var head bytes.Buffer
	head.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	head.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`)
	head.WriteString(strconv.Itoa(count))
	head.WriteString(`" uniqueCount="`)
	head.WriteString(strconv.Itoa(len(index)))
	head.WriteString(`">`)
	p := &zipPart{name: sstPart}
	z.parts = append(z.parts, p)
	z.spilled(p)
	z.start(p)
	w := partWriter{z: z, p: p}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	_, si, err := sst.reader()
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, si); err != nil {
		return err
	}
	if _, err := w.Write([]byte(`</sst>`)); err != nil {
		return err
	}
	if err := z.finish(); err != nil {
		return err
	}
	for _, q := range z.parts {
		switch q.name {
		case "[Content_Types].xml":
			if err := z.insertBefore(q, "</Types>", sstContentType); err != nil {
				return err
			}
		case "xl/_rels/workbook.xml.rels":
			if err := z.insertBefore(q, "</Relationships>", sstRel); err != nil {
				return err
			}
		}
	}
	return nil
}

// eachInline copies src to w, replacing every inline string cell's tail
// (from ` t="inlineStr"` to `</c>`) by what cell writes for its key (the
// attributes of <t>, ">" and the text). It reads src in pieces, so a large
// sheet is never whole in memory.
// When src is nil, whole is the entire sheet.
func eachInline(src io.Reader, whole []byte, w io.Writer, cell func(key []byte)) error {
	var buf, chunk []byte
	eof := src == nil
	if eof {
		buf = whole
	} else {
		buf = make([]byte, 0, 256<<10)
		chunk = make([]byte, 128<<10)
	}
	pos := 0 // buf[:pos] is done
	// fill moves what is left to the front and reads more.
	fill := func() error {
		buf = append(buf[:0], buf[pos:]...)
		pos = 0
		n, err := io.ReadFull(src, chunk)
		buf = append(buf, chunk[:n]...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			eof = true
			return nil
		}
		return err
	}
	for {
		if !eof && len(buf)-pos < 64<<10 {
			if err := fill(); err != nil {
				return err
			}
		}
		i := bytes.Index(buf[pos:], inlineOpen)
		if i < 0 {
			if eof {
				_, err := w.Write(buf[pos:])
				return err
			}
			keep := min(len(buf)-pos, len(inlineOpen)-1) // a match may start at the end
			w.Write(buf[pos : len(buf)-keep])
			pos = len(buf) - keep
			if err := fill(); err != nil {
				return err
			}
			continue
		}
		i += pos
		rest := buf[i+len(inlineOpen):]
		end := bytes.Index(rest, inlineClose)
		if end < 0 {
			if eof {
				return errors.New("xlsx: unexpected inline string in a stream-written sheet")
			}
			w.Write(buf[pos:i])
			pos = i
			if len(buf)-pos > 64<<20 {
				return errors.New("xlsx: a cell of more than 64 MB")
			}
			if err := fill(); err != nil {
				return err
			}
			continue
		}
		if bytes.IndexByte(rest[:end], '>') < 0 {
			return errors.New("xlsx: unexpected inline string in a stream-written sheet")
		}
		w.Write(buf[pos:i])
		cell(rest[:end])
		pos = i + len(inlineOpen) + end + len(inlineClose)
	}
}

// spliceSheet copies a worksheet (its frame: title, header, notes) as
// eachInline does, with sp's body rows put in at their place.
func spliceSheet(src io.Reader, whole []byte, sp *splice, w io.Writer, cell func(key []byte)) error {
	if src != nil { // a frame of more than spillSize: not expected, but read it
		b, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		whole = b
	}
	mark := []byte("</sheetData>")
	if sp.at > 0 {
		mark = []byte(`<row r="` + strconv.Itoa(sp.at) + `"`)
	}
	i := bytes.Index(whole, mark)
	if i < 0 {
		return errors.New("xlsx: no place for the body rows in a stream-written sheet")
	}
	if err := eachInline(nil, whole[:i], w, cell); err != nil {
		return err
	}
	if err := sp.write(func(chunk []byte) error { return eachInline(nil, chunk, w, cell) }); err != nil {
		return err
	}
	sp.done = true
	return eachInline(nil, whole[i:], w, cell)
}

// insertBefore adds text before the closing tag of a compressed part.
func (z *sortedZip) insertBefore(p *zipPart, closing, text string) error {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(p.data.Bytes())))
	if err != nil {
		return err
	}
	if bytes.Contains(raw, []byte("sharedStrings")) {
		return nil
	}
	i := bytes.LastIndex(raw, []byte(closing))
	if i < 0 {
		return errors.New("xlsx: " + p.name + " has no " + closing)
	}
	b := append(append(append([]byte(nil), raw[:i]...), text...), raw[i:]...)
	p.crc, p.size = 0, 0
	return z.compress(p, b)
}

// sheetNumber is N of xl/worksheets/sheetN.xml.
func sheetNumber(name string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "xl/worksheets/sheet"), ".xml"))
	return n
}

// freeFlate keeps flate writers between workbooks (each holds a few hundred
// KB of state). A channel, not a sync.Pool, which every GC empties.
var freeFlate = make(chan *flate.Writer, max(runtime.GOMAXPROCS(0), 2))

func getFlate() *flate.Writer {
	select {
	case fw := <-freeFlate:
		return fw
	default:
	}
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	return fw
}

func putFlate(fw *flate.Writer) {
	if fw == nil {
		return
	}
	select {
	case freeFlate <- fw:
	default:
	}
}

// spillBuf keeps what is written in memory up to spillMem bytes, then in a
// temporary file: the compressed sheets and the shared strings of a whole
// province's findings are not held in memory until the zip is written.
type spillBuf struct {
	mem  bytes.Buffer
	file *os.File
	w    *bufio.Writer
	n    int64
}

// spillMem is what a spillBuf keeps in memory (a variable for tests).
var spillMem = 1 << 20

func (b *spillBuf) Write(p []byte) (int, error) {
	if b.file == nil && b.mem.Len()+len(p) > spillMem {
		f, err := os.CreateTemp("", "gongkai-xlsx-*")
		if err != nil {
			return 0, err
		}
		b.file, b.w = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := b.w.Write(b.mem.Bytes()); err != nil {
			return 0, err
		}
		b.mem = bytes.Buffer{}
	}
	b.n += int64(len(p))
	if b.file != nil {
		return b.w.Write(p)
	}
	return b.mem.Write(p)
}

func (b *spillBuf) WriteString(s string) (int, error) { return b.Write([]byte(s)) }

// reader returns the length and contents written.
func (b *spillBuf) reader() (int64, io.Reader, error) {
	if b.file == nil {
		return b.n, bytes.NewReader(b.mem.Bytes()), nil
	}
	if err := b.w.Flush(); err != nil {
		return 0, nil, err
	}
	return b.n, io.NewSectionReader(b.file, 0, b.n), nil
}

// close removes the temporary file.
func (b *spillBuf) close() {
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
		b.file = nil
	}
}
