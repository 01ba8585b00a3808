package xlsxzip

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxRow is the last row a worksheet may have (Excel's limit).
const MaxRow = 1 << 20

// RowReader reads the rows of a worksheet part as a stream, giving each
// row's cell values as stored (what excelize's Rows.Columns gives with
// RawCellValue: shared strings looked up, numbers as written, no number
// format applied). It exists because excelize's iterator, built on
// encoding/xml, was 85% of the time of reading a ledger workbook, and
// allocates a slice as wide as a row's last column for every row (a
// hostile sheet of rows holding one cell in column XFD took 0.7 ms a row);
// this reader scans the markup itself and drops cells beyond MaxCols
// without allocating for them.
type RowReader struct {
	rc      io.ReadCloser
	s       scanner
	sst     *Strings
	maxCols int
	row     int
	cells   []string
	v, is   []byte // text of the cell being read, kept between rows
	err     error
	done    bool
}

// NewRowReader opens the worksheet part for reading; sst is the workbook's
// shared-string table (SharedStrings) and maxCols the number of columns
// kept (0: all).
func NewRowReader(zr *zip.Reader, part string, sst *Strings, maxCols int) (*RowReader, error) {
	rc, err := open(zr, part)
	if err != nil {
		return nil, err
	}
	return &RowReader{rc: rc, s: scanner{br: bufio.NewReaderSize(rc, 64<<10)}, sst: sst, maxCols: maxCols}, nil
}

// Row returns the 1-based number of the current row.
func (r *RowReader) Row() int { return r.row }

// Cells returns the values of the current row's cells, column A first,
// up to its last cell with a value (a new slice for every row).
func (r *RowReader) Cells() []string { return r.cells }

// Err returns the error that ended Next, if any.
func (r *RowReader) Err() error { return r.err }

// Close closes the part.
func (r *RowReader) Close() error { return r.rc.Close() }

// ErrRowOrder: a row whose number is not above the row before it.
var ErrRowOrder = errors.New("xlsxzip: rows out of order")

// Next advances to the next row element; it returns false at the end of
// the sheet's data or on an error (Err).
func (r *RowReader) Next() bool {
	if r.done {
		return false
	}
	var (
		inData, inRow, inCell, inV, inIS, inT, inRPh, hasIS, hasF bool
		col                                                       int
		typ                                                       string
	)
	if r.v == nil {
		r.v, r.is = make([]byte, 0, 64), make([]byte, 0, 64)
	}
	v, is := r.v, r.is
	defer func() { r.v, r.is = v[:0], is[:0] }()
	fail := func(err error) bool {
		r.err, r.done = err, true
		return false
	}
	inData = r.row > 0 || r.s.inData
	for {
		var tag []byte
		var err error
		switch {
		case inV:
			v, tag, err = r.s.next(v)
		case inT:
			is, tag, err = r.s.next(is)
		default:
			_, tag, err = r.s.next(nil)
		}
		if err == io.EOF {
			r.done = true
			if inRow {
				return fail(fmt.Errorf("xlsxzip: row %d not closed", r.row))
			}
			return false
		}
		if err != nil {
			return fail(err)
		}
		end := tag[0] == '/'
		empty := !end && tag[len(tag)-1] == '/'
		name, attrs := tagName(tag)
		if !end && name == "sheetData" {
			inData, r.s.inData = true, true
			if empty {
				r.done = true
				return false
			}
			continue
		}
		if !inData {
			continue
		}
		switch {
		case !end && name == "row":
			n := r.row + 1
			if a, ok := attr(attrs, "r"); ok {
				n, err = strconv.Atoi(string(a))
				if err != nil || n < 1 || n > MaxRow {
					return fail(fmt.Errorf("xlsxzip: row number %q", a))
				}
				if n <= r.row {
					return fail(fmt.Errorf("%w: row %d after row %d", ErrRowOrder, n, r.row))
				}
			}
			r.row, r.cells, col = n, make([]string, 0, len(r.cells)), 0
			if empty {
				return true
			}
			inRow = true
		case !end && name == "c" && inRow:
			col++
			if a, ok := attr(attrs, "r"); ok {
				c, ok := column(a)
				if !ok {
					return fail(fmt.Errorf("xlsxzip: row %d: cell reference %q", r.row, a))
				}
				col = c
			}
			t, _ := attr(attrs, "t")
			typ = cellType(t)
			v, is, hasIS, hasF = v[:0], is[:0], false, false
			inCell = !empty
			if empty {
				// A cell without content has no value (excelize keeps none).
				continue
			}
		case name == "v" && inCell:
			inV = !end && !empty
		case name == "f" && inCell && !end:
			hasF = true
		case name == "is" && inCell:
			inIS = !end && !empty
			hasIS = true
		case name == "rPh" && inIS:
			inRPh = !end && !empty
		case name == "t" && inIS && !inRPh:
			inT = !end && !empty
		case end && name == "c" && inCell:
			inCell = false
			val, err := r.value(typ, v, is, hasIS)
			if err != nil {
				return fail(err)
			}
			if (val != "" || hasF) && (r.maxCols <= 0 || col <= r.maxCols) {
				for len(r.cells) < col-1 {
					r.cells = append(r.cells, "")
				}
				r.cells = append(r.cells, val)
			}
		case end && name == "row" && inRow:
			return true
		case end && name == "sheetData":
			r.done = true
			return false
		}
	}
}

// cellType is the type attribute of a cell, as far as values depend on it.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	}
	return ""
}

// value is a cell's value as excelize gives it with RawCellValue.
func (r *RowReader) value(typ string, v, is []byte, hasIS bool) (string, error) {
	switch typ {
	case "s":
		if len(v) == 0 {
			return "", nil
		}
		s, err := unescape(v)
		if err != nil {
			return "", err
		}
		i, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || i < 0 || i >= r.sst.Len() {
			return "", fmt.Errorf("xlsxzip: row %d: shared string %q not in the table of %d", r.row, s, r.sst.Len())
		}
		return r.sst.At(i), nil
	case "inlineStr":
		if hasIS {
			s, err := unescape(is)
			return bstrUnmarshal(s), err
		}
	}
	return unescape(v)
}

// Strings is a workbook's shared-string table, kept compactly (the texts
// one after another in one buffer, and where each ends), so that a table of
// millions of empty items, a few hundred bytes zipped, costs four bytes an
// item rather than a string header and more.
type Strings struct {
	buf []byte
	end []uint32
}

// MaxStrings bounds the items of a shared-string table: a sheet within the
// readers' limits (200,000 rows of a few dozen columns) never needs more.
const MaxStrings = 8_000_000

// ErrTooManyStrings: the shared-string table has more than MaxStrings items.
var ErrTooManyStrings = errors.New("xlsxzip: too many shared strings")

// Len is the number of items (0 for a nil table).
func (s *Strings) Len() int {
	if s == nil {
		return 0
	}
	return len(s.end)
}

// At is the text of item i.
func (s *Strings) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.end[i-1]
	}
	return string(s.buf[start:s.end[i]])
}

func (s *Strings) add(text string) error {
	if len(s.end) >= MaxStrings {
		return fmt.Errorf("%w: more than %d", ErrTooManyStrings, MaxStrings)
	}
	if uint64(len(s.buf))+uint64(len(text)) > 1<<32-1 {
		return fmt.Errorf("%w: over 4 GB of text", ErrTooManyStrings)
	}
	s.buf = append(s.buf, text...)
	s.end = append(s.end, uint32(len(s.buf)))
	return nil
}

// SharedStrings reads the workbook's shared-string table
// (xl/sharedStrings.xml; nil when there is none): each item's text and the
// text of its runs, without phonetic runs. More than MaxStrings items is
// ErrTooManyStrings.
func SharedStrings(zr *zip.Reader) (*Strings, error) {
	rc, err := open(zr, "xl/sharedStrings.xml")
	if err != nil {
		return nil, nil
	}
	defer rc.Close()
	s := scanner{br: bufio.NewReaderSize(rc, 64<<10)}
	out := &Strings{}
	var inSI, inT, inRPh bool
	buf := make([]byte, 0, 64)
	for {
		var tag []byte
		var err error
		if inT {
			buf, tag, err = s.next(buf)
		} else {
			_, tag, err = s.next(nil)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		end := tag[0] == '/'
		empty := !end && tag[len(tag)-1] == '/'
		name, _ := tagName(tag)
		switch {
		case name == "si" && !end:
			inSI, buf = !empty, buf[:0]
			if empty {
				if err := out.add(""); err != nil {
					return nil, err
				}
			}
		case name == "si" && end:
			inSI = false
			v, err := unescape(buf)
			if err != nil {
				return nil, err
			}
			if err := out.add(bstrUnmarshal(v)); err != nil {
				return nil, err
			}
		case name == "rPh" && inSI:
			inRPh = !end && !empty
		case name == "t" && inSI && !inRPh:
			inT = !end && !empty
		}
	}
}

// scanner splits XML into text and markup.
type scanner struct {
	br     *bufio.Reader
	inData bool
	text   []byte // long text, when it does not fit the reader's buffer
	tag    []byte
}

// next appends the text up to the next markup to text (when text is not
// nil) and returns the markup between '<' and '>' (comments, processing
// instructions and the DOCTYPE skipped; CDATA kept as text). The markup is
// valid until the next call.
func (s *scanner) next(text []byte) ([]byte, []byte, error) {
	keep := text != nil
	var tag []byte
	for {
		t, err := s.until('<', &s.text, keep)
		if keep {
			text = append(text, t...)
		}
		if err != nil {
			return text, nil, err
		}
		tag, err = s.until('>', &s.tag, true)
		if err == io.EOF {
			return text, nil, io.ErrUnexpectedEOF
		}
		if err != nil {
			return text, nil, err
		}
		if q := quotes(tag, 0); tagOpen(tag, q) {
			// A '>' inside quotes, a comment or CDATA: read on. The
			// quotes are counted in each new piece only: counting the
			// whole tag again for every '>' made a tag of many '>'
			// inside quotes quadratic (640 KB of them took 4 s).
			buf := append(s.tag[:0:0], tag...)
			for tagOpen(buf, q) {
				more, err := s.until('>', nil, true)
				if err != nil {
					return text, nil, io.ErrUnexpectedEOF
				}
				buf = append(append(buf, '>'), more...)
				q = quotes(more, q)
			}
			tag = buf
		}
		switch {
		case len(tag) == 0:
			return text, nil, errors.New("xlsxzip: empty tag")
		case bytes.HasPrefix(tag, []byte("![CDATA[")):
			if keep {
				text = append(text, escape(tag[8:len(tag)-2])...)
			}
			continue
		case tag[0] == '!' || tag[0] == '?':
			continue
		}
		return text, tag, nil
	}
}

// until reads up to delim (not returned). A piece longer than the
// reader's buffer is gathered in *long (only when keep).
func (s *scanner) until(delim byte, long *[]byte, keep bool) ([]byte, error) {
	b, err := s.br.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		if err == nil {
			b = b[:len(b)-1]
		}
		return b, err
	}
	var acc []byte
	if long != nil {
		acc = (*long)[:0]
	}
	for err == bufio.ErrBufferFull {
		if keep {
			acc = append(acc, b...)
		}
		b, err = s.br.ReadSlice(delim)
	}
	if err == nil {
		b = b[:len(b)-1]
	}
	if keep {
		acc = append(acc, b...)
		if long != nil {
			*long = acc
		}
		return acc, err
	}
	return nil, err
}

// quotes adds the quotes of b to q, the parity of the double (bit 0) and
// single (bit 1) quotes seen so far.
func quotes(b []byte, q uint8) uint8 {
	if bytes.Count(b, []byte{'"'})%2 == 1 {
		q ^= 1
	}
	if bytes.Count(b, []byte{'\''})%2 == 1 {
		q ^= 2
	}
	return q
}

// tagOpen reports whether markup read up to a '>' goes on: the '>' is
// inside a quoted attribute value (q, the tag's quote parity, is not 0), a
// comment or a CDATA section.
func tagOpen(tag []byte, q uint8) bool {
	switch {
	case len(tag) == 0:
		return false
	case bytes.HasPrefix(tag, []byte("!--")):
		return len(tag) < 5 || !bytes.HasSuffix(tag, []byte("--"))
	case bytes.HasPrefix(tag, []byte("![CDATA[")):
		return len(tag) < 10 || !bytes.HasSuffix(tag, []byte("]]"))
	case tag[0] == '!' || tag[0] == '?':
		return false
	}
	return q != 0
}

// tagName returns the local name of a tag (without a namespace prefix and
// the '/' of an end tag) and the rest of it (the attributes).
func tagName(tag []byte) (string, []byte) {
	tag = bytes.TrimPrefix(tag, []byte("/"))
	tag = bytes.TrimSuffix(tag, []byte("/"))
	end := bytes.IndexAny(tag, " \t\r\n")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	// The names looked at are few: compare without allocating.
	for _, n := range knownNames {
		if string(name) == n {
			return n, tag[end:]
		}
	}
	return "", tag[end:]
}

var knownNames = []string{"c", "v", "row", "t", "f", "is", "r", "rPh", "si", "sheetData"}

// attr returns the value of the attribute of the given local name, as
// written (the attributes looked at hold no references).
func attr(attrs []byte, name string) ([]byte, bool) {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimSpace(attrs[:eq])
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return nil, false
		}
		close := bytes.IndexByte(rest[1:], rest[0])
		if close < 0 {
			return nil, false
		}
		if string(key) == name {
			return rest[1 : 1+close], true
		}
		attrs = rest[close+2:]
	}
	return nil, false
}

// column returns the column number of a cell reference (B7 → 2).
func column(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
		if n > 16384 {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	if i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return n, true
}

// escape turns CDATA into text that unescape gives back.
func escape(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("&"), []byte("&amp;"))
}

// unescape decodes character and entity references and normalises line
// ends as encoding/xml does.
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b), nil
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '\r':
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				return "", errors.New("xlsxzip: unterminated entity")
			}
			ent := string(b[i+1 : i+semi])
			switch ent {
			case "lt":
				out.WriteByte('<')
			case "gt":
				out.WriteByte('>')
			case "amp":
				out.WriteByte('&')
			case "quot":
				out.WriteByte('"')
			case "apos":
				out.WriteByte('\'')
			default:
				var n uint64
				var err error
				switch {
				case strings.HasPrefix(ent, "#x"):
					n, err = strconv.ParseUint(ent[2:], 16, 32)
				case strings.HasPrefix(ent, "#"):
					n, err = strconv.ParseUint(ent[1:], 10, 32)
				default:
					err = errors.New("unknown")
				}
				if err != nil || !utf8.ValidRune(rune(n)) {
					return "", fmt.Errorf("xlsxzip: entity &%s;", ent)
				}
				out.WriteRune(rune(n))
			}
			i += semi
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), nil
}

var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes of OOXML strings (_x000D_ is a
// carriage return, _x005F_ an underscore), as excelize does.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrExp.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		n, _ := strconv.ParseUint(m[2:6], 16, 32)
		if !utf8.ValidRune(rune(n)) {
			return "" // a lone surrogate: excelize drops it
		}
		return string(rune(n))
	})
}
