// Package xlsxzip looks into the zip container of an untrusted .xlsx
// workbook before and beside excelize: it checks the parts' unpacked sizes
// from the zip directory (nothing is inflated), refuses XML that declares a
// DTD, gives the excelize options under which no part is ever written to a
// temporary file, and reads a worksheet's merged ranges without loading
// the sheet.
//
// The importers of official workbooks (importer/xlsxin) and of budget lines
// (importer/ledger) share it; each sets limits that fit its input and words
// its own messages from the typed errors.
package xlsxzip

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits bound what an untrusted workbook may unpack to.
type Limits struct {
	Total int64 // all parts together, unpacked
	Part  int64 // one part (a worksheet, the shared-string table …), unpacked
}

// Excelize returns the options that open a workbook checked by Check with
// these limits: excelize refuses more than Total, and keeps every part in
// memory (a part above UnzipXMLSizeLimit would be extracted to a temporary
// file; no part that passed Check is).
func (l Limits) Excelize() excelize.Options {
	return excelize.Options{UnzipSizeLimit: l.Total, UnzipXMLSizeLimit: max(l.Part, l.Total)}
}

// SizeError is a workbook over a limit: one part (Part names it) or all
// parts together (Part is "").
type SizeError struct {
	Part  string
	Size  uint64 // unpacked bytes, as the zip directory declares them (archive/zip refuses to inflate more)
	Limit int64
}

func (e *SizeError) Error() string {
	if e.Part == "" {
		return fmt.Sprintf("xlsxzip: the parts unpack to %d bytes, over the limit of %d", e.Size, e.Limit)
	}
	return fmt.Sprintf("xlsxzip: part %s unpacks to %d bytes, over the limit of %d", e.Part, e.Size, e.Limit)
}

// DTDError is an XML part that declares a DTD or entities (an XML bomb;
// Excel, WPS and LibreOffice never write one).
type DTDError struct{ Part string }

func (e *DTDError) Error() string { return "xlsxzip: part " + e.Part + " declares a DTD or entities" }

// ErrNotZip: the data is not a zip container.
var ErrNotZip = errors.New("xlsxzip: not a zip container")

// Check opens the zip directory of data and checks every part's unpacked
// size against l (a zero field is no limit) and the prolog of every XML
// part for a DTD, before anything is parsed. It returns the zip reader for
// SheetPart and MergeCells.
func Check(data []byte, l Limits) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if l.Part > 0 && zf.UncompressedSize64 > uint64(l.Part) {
			return nil, &SizeError{Part: zf.Name, Size: zf.UncompressedSize64, Limit: l.Part}
		}
	}
	if l.Total > 0 && total > uint64(l.Total) {
		return nil, &SizeError{Size: total, Limit: l.Total}
	}
	for _, zf := range zr.File {
		if hasDTD(zf) {
			return nil, &DTDError{Part: zf.Name}
		}
	}
	return zr, nil
}

// hasDTD reports whether an XML part declares a DTD in its first 4 KB,
// where the prolog is.
func hasDTD(zf *zip.File) bool {
	if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
		return false
	}
	rc, err := zf.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(rc, head)
	return bytes.Contains(head[:n], []byte("<!DOCTYPE")) || bytes.Contains(head[:n], []byte("<!ENTITY"))
}

// open opens the part of the given name (case and slash direction ignored,
// as excelize does).
func open(zr *zip.Reader, name string) (io.ReadCloser, error) {
	name = strings.TrimPrefix(name, "/")
	for _, zf := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(zf.Name, "\\", "/"), name) {
			return zf.Open()
		}
	}
	return nil, fmt.Errorf("xlsxzip: no part %s", name)
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func decodePart(zr *zip.Reader, name string, v any) error {
	rc, err := open(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// relsOf returns the relationships part of a part: xl/workbook.xml →
// xl/_rels/workbook.xml.rels.
func relsOf(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// target resolves a relationship target against the part that holds it.
func target(from, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(t, "/")
	}
	return path.Join(path.Dir(from), t)
}

// Sheet is a worksheet of the workbook: its name and its part.
type Sheet struct {
	Name string // as the tabs show it
	Part string // e.g. xl/worksheets/sheet2.xml
}

// Sheets lists the worksheets in workbook order, following the package's
// relationships (_rels/.rels to the workbook, its sheet list, its
// relationships). Only these small parts are read.
func Sheets(zr *zip.Reader) ([]Sheet, error) {
	book := "xl/workbook.xml"
	var root relationships
	if decodePart(zr, "_rels/.rels", &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				book = target("", strings.ReplaceAll(r.Target, "\\", "/"))
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(zr, book, &wb); err != nil {
		return nil, err
	}
	var rels relationships
	if err := decodePart(zr, relsOf(book), &rels); err != nil {
		return nil, err
	}
	parts := map[string]string{}
	for _, r := range rels.Rels {
		parts[r.ID] = target(book, strings.ReplaceAll(r.Target, "\\", "/"))
	}
	var out []Sheet
	for _, s := range wb.Sheets {
		for _, a := range s.Attr {
			if a.Name.Local == "id" && parts[a.Value] != "" {
				out = append(out, Sheet{Name: s.Name, Part: parts[a.Value]})
			}
		}
	}
	return out, nil
}

// SheetPart returns the part of the worksheet named sheet.
func SheetPart(zr *zip.Reader, sheet string) (string, error) {
	sheets, err := Sheets(zr)
	if err != nil {
		return "", err
	}
	for _, s := range sheets {
		if s.Name == sheet {
			return s.Part, nil
		}
	}
	return "", fmt.Errorf("xlsxzip: no sheet %q", sheet)
}

// MergeCells returns the merged ranges (A1:B2) of the worksheet part,
// inflating it as a stream: the sheet is never held in memory, its cells
// are not parsed (a fast byte search finds <mergeCells>, which the schema
// puts after the cells), and only the merge list is decoded as XML.
func MergeCells(zr *zip.Reader, part string) ([]string, error) {
	rc, err := open(zr, part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return mergeCells(rc, 1<<20)
}

var mergeTag = []byte("mergeCells")

// mergeCells scans r in chunks of the given size for the start tag of
// <mergeCells> (with or without a namespace prefix: <x:mergeCells>) and
// decodes the merge list from there. Inside text and attribute values a '<'
// is always escaped, so a '<' before the name can only start a tag.
func mergeCells(r io.Reader, chunk int) ([]string, error) {
	const keep = 64 // a tag start and its prefix fit in the bytes kept from the chunk before
	buf := make([]byte, 0, chunk+keep)
	for {
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		final := err == io.EOF || err == io.ErrUnexpectedEOF
		if start := findTag(buf, final); start >= 0 {
			return decodeMerges(io.MultiReader(bytes.NewReader(buf[start:]), r))
		}
		if final {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) > keep {
			buf = buf[:copy(buf, buf[len(buf)-keep:])]
		}
	}
}

// findTag returns the offset of the '<' that starts a mergeCells element
// in b, or -1. Unless final, a name at the very end of b is left for the
// next chunk (it may go on: mergeCellsX).
func findTag(b []byte, final bool) int {
	for off := 0; ; {
		i := bytes.Index(b[off:], mergeTag)
		if i < 0 {
			return -1
		}
		i += off
		off = i + len(mergeTag)
		if off == len(b) && !final {
			return -1
		}
		if off < len(b) && b[off] != ' ' && b[off] != '>' && b[off] != '/' && b[off] != '\t' && b[off] != '\r' && b[off] != '\n' {
			continue // mergeCellsX
		}
		// Back over a prefix (x:) to the '<'.
		j := i - 1
		if j >= 0 && b[j] == ':' {
			j--
			for j >= 0 && b[j] != '<' && b[j] != ' ' && b[j] != '>' && i-j < 32 {
				j--
			}
		}
		if j >= 0 && b[j] == '<' {
			return j
		}
	}
}

func decodeMerges(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	var refs []string
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return refs, fmt.Errorf("xlsxzip: merged cells: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "mergeCell" {
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						refs = append(refs, a.Value)
					}
				}
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return refs, nil
			}
		}
	}
}

// maxCol is the last column a worksheet may have (XFD).
const maxCol = 16384

// HiddenColumns returns the hidden columns (1-based) of the worksheet
// part, from its <cols> list, which the schema puts before the cells: the
// part is read only up to <sheetData>.
func HiddenColumns(zr *zip.Reader, part string) (map[int]bool, error) {
	rc, err := open(zr, part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	// Each hidden range adds 1 at its first column and takes it away
	// after its last; the columns are filled once at the end. (Filling
	// every range as it came took 0.2 ms for a range of all 16,384
	// columns: a list of millions of them, a few hundred KB zipped, ran
	// for many minutes.)
	var diff [maxCol + 2]int32
	hidden := func() map[int]bool {
		h := map[int]bool{}
		var n int32
		for c := 1; c <= maxCol; c++ {
			if n += diff[c]; n > 0 {
				h[c] = true
			}
		}
		return h
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return hidden(), nil
		}
		if err != nil {
			return hidden(), fmt.Errorf("xlsxzip: columns: %w", err)
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "sheetData":
			return hidden(), nil
		case "col":
			var lo, hi int
			hid := false
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "min":
					fmt.Sscan(a.Value, &lo)
				case "max":
					fmt.Sscan(a.Value, &hi)
				case "hidden":
					hid = a.Value == "1" || a.Value == "true"
				}
			}
			// A range is at most the 16,384 columns of a sheet.
			if lo, hi := max(lo, 1), min(hi, maxCol); hid && lo <= hi {
				diff[lo]++
				diff[hi+1]--
			}
		}
	}
}
