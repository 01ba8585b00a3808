package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// The library compresses every page with a new zlib writer (about 700 KB of
// state each, a dozen per document): most of a small PDF's time went to
// allocating and collecting them. So the library writes pages
// uncompressed, and restream compresses every unfiltered stream with one
// writer and rebuilds the cross-reference table.
//
// It relies on the shape of fpdf's output: "N 0 obj" … "endobj" objects,
// stream dictionaries with a direct /Length, a classic xref table and a
// trailer after it.

var errShape = errors.New("exporter/pdf: unexpected PDF structure from the library")

// restream returns pdf with its unfiltered streams Flate-compressed. The
// result is c.out's bytes, valid until c is used again.
func restream(pdf []byte, c *compressor) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if xref < 0 {
		return nil, errShape
	}
	xref++
	offsets, trailer, err := readXref(pdf[xref:])
	if err != nil {
		return nil, err
	}
	type obj struct{ num, off int }
	objs := make([]obj, 0, len(offsets))
	for n, off := range offsets {
		if n > 0 {
			if off <= 0 || off >= xref {
				return nil, errShape
			}
			objs = append(objs, obj{n, off})
		}
	}
	slices.SortFunc(objs, func(a, b obj) int { return a.off - b.off })

	out := &c.out
	out.Reset()
	out.Grow(len(pdf) / 2)
	if len(objs) == 0 {
		return nil, errShape
	}
	out.Write(pdf[:objs[0].off])
	newOff := make([]int, len(offsets))
	z, zw := &c.z, c.zw
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		body := pdf[o.off:end]
		newOff[o.num] = out.Len()
		s := bytes.Index(body, []byte(">>\nstream\n"))
		if s < 0 || bytes.Contains(body[:s], []byte("/Filter")) {
			out.Write(body)
			continue
		}
		dict := body[:s+2]
		li := bytes.Index(dict, []byte("/Length "))
		if li < 0 {
			return nil, errShape
		}
		ln := li + len("/Length ")
		le := ln
		for le < len(dict) && dict[le] >= '0' && dict[le] <= '9' {
			le++
		}
		n, err := strconv.Atoi(string(dict[ln:le]))
		start := s + len(">>\nstream\n")
		if err != nil || start+n > len(body) || !bytes.HasPrefix(body[start+n:], []byte("\nendstream")) {
			return nil, errShape
		}
		z.Reset()
		zw.Reset(z)
		if _, err := zw.Write(body[start : start+n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(dict[:li])
		out.WriteString("/Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(z.Len()))
		out.Write(dict[le:])
		out.WriteString("\nstream\n")
		out.Write(z.Bytes())
		out.Write(body[start+n:])
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range newOff[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// readXref reads fpdf's "xref\n0 N\n" table; it returns the offsets by
// object number and the trailer ("trailer" up to, not including,
// "startxref").
func readXref(b []byte) ([]int, []byte, error) {
	lines := bytes.SplitN(b, []byte("\n"), 3)
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, nil, errShape
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 1 {
		return nil, nil, errShape
	}
	rest := lines[2]
	const entry = 20 // "0000000000 65535 f \n"
	if len(rest) < count*entry {
		return nil, nil, errShape
	}
	offsets := make([]int, count)
	for i := range count {
		e := rest[i*entry : i*entry+entry]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, nil, errShape
		}
		offsets[i] = off
	}
	trailer := rest[count*entry:]
	si := bytes.Index(trailer, []byte("startxref"))
	if !bytes.HasPrefix(trailer, []byte("trailer")) || si < 0 {
		return nil, nil, errShape
	}
	return offsets, trailer[:si], nil
}
