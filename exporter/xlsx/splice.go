package xlsx

import (
	"bytes"
	"errors"
	"io"
	"io/fs"

	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

var errChangedRows = errors.New("the rows changed between measuring and writing")

// splice is the body of a sheet given by Options.Rows: its XML is made when
// the zip writer writes the sheet, a few rows at a time, and put in the
// sheet's XML before the row numbered at (0: before </sheetData>).
type splice struct {
	at    int
	write func(emit func(chunk []byte) error) error
	done  bool
}

// spliceChunk is the number of body rows made at a time.
const spliceChunk = 1000

// spliceRows makes the XML of the body rows of s, spliceChunk rows at a
// time, and gives each piece to emit. Each piece is written by excelize's
// own stream writer into a scratch file, so the rows are the bytes the
// stream writer of the workbook would have written; the styles and merges
// were made by layoutGrid.
func spliceRows(st *styles, s layout.Sheet, g *grid, rows func(yield func(layout.Row) bool), emit func([]byte) error) error {
	nStyles := len(st.ids)
	cells := make([]any, len(s.Columns))
	var err error
	i := 0
	var sc *scratch
	flush := func() error {
		if sc == nil {
			return nil
		}
		b, err := sc.rows()
		sc = nil
		if err != nil {
			return err
		}
		return emit(b)
	}
	for r := range rows {
		if i == len(g.body) {
			err = errChangedRows
			break
		}
		if sc == nil {
			if sc, err = newScratch(); err != nil {
				break
			}
		}
		bodyCells(st, s, r, cells, g.bodyTop)
		if err = sc.sw.SetRow(cellName(1, g.bodyTop+i), cells, excelize.RowOpts{Height: g.body[i]}); err != nil {
			break
		}
		i++
		if i%spliceChunk == 0 {
			if err = flush(); err != nil {
				break
			}
		}
	}
	if sc != nil && err != nil {
		sc.f.Close()
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if i != len(g.body) || len(st.ids) != nStyles {
		return errChangedRows
	}
	return st.err
}

// scratch is a file whose one stream-written sheet takes a piece of body
// rows.
type scratch struct {
	f   *excelize.File
	sw  *excelize.StreamWriter
	out captureZip
}

func newScratch() (*scratch, error) {
	sc := &scratch{f: excelize.NewFile()}
	sc.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return &sc.out })
	sw, err := sc.f.NewStreamWriter("Sheet1")
	if err != nil {
		sc.f.Close()
		return nil, err
	}
	sc.sw = sw
	return sc, nil
}

// rows returns the rows written, without the rest of the sheet.
func (sc *scratch) rows() ([]byte, error) {
	defer sc.f.Close()
	if err := sc.sw.Flush(); err != nil {
		return nil, err
	}
	if _, err := sc.f.WriteTo(io.Discard); err != nil {
		return nil, err
	}
	b := sc.out.sheet.Bytes()
	i := bytes.Index(b, []byte("<sheetData>"))
	j := bytes.LastIndex(b, []byte("</sheetData>"))
	if i < 0 || j < i {
		return nil, errors.New("xlsx: no rows in a scratch sheet")
	}
	return b[i+len("<sheetData>") : j], nil
}

// captureZip keeps the scratch file's worksheet and drops the other parts.
type captureZip struct{ sheet bytes.Buffer }

func (z *captureZip) Create(name string) (io.Writer, error) {
	if name == "xl/worksheets/sheet1.xml" {
		return &z.sheet, nil
	}
	return io.Discard, nil
}

func (z *captureZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }
func (z *captureZip) Close() error      { return nil }
