package ledger

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"gongkai/model"
)

// consistency runs Build's checks of the lines against each other (a unit
// with two names or types, a unit outside the department, both category
// schemes, a cell whose lines net to a negative amount) on what Read could
// parse, so that Read reports them with the problems it found itself. A
// unit with a line that did not parse is not judged on its sums: the
// missing line might have made them right.
func (l *Ledger) consistency() model.ParseErrors {
	if len(l.Lines) == 0 {
		return nil
	}
	var out model.ParseErrors
	b := &builder{l: l, unit: 10000}
	if err := b.carryOversAfter(b.collect()); err != nil {
		var pes model.ParseErrors
		if !errors.As(err, &pes) {
			return nil
		}
		unitAt := map[Pos]string{}
		for _, ln := range l.Lines {
			unitAt[ln.Pos] = ln.UnitCode
		}
		for _, pe := range pes {
			if errors.Is(pe, ErrNegativeNet) && (l.unparsed[""] || l.unparsed[unitAt[posOf(pe)]]) {
				continue
			}
			out = append(out, pe)
		}
	}
	return out
}

// carryOversAfter runs the check of the carry-overs after collect, whose
// error it adds to (collect leaves the units and cells it could make).
func (b *builder) carryOversAfter(err error) error {
	var errs model.ParseErrors
	if err != nil && !errors.As(err, &errs) {
		return err
	}
	var ce model.ParseErrors
	if e := b.carryOvers(); e != nil && errors.As(e, &ce) {
		errs = append(errs, ce...)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// posOf is the position of a line an error of posErr names.
func posOf(pe *model.ParseError) Pos {
	p := Pos{File: pe.File, Sheet: pe.Sheet, Row: pe.Line}
	if pe.Sheet != "" {
		p.Row = cellRow(pe.Cell)
	}
	return p
}

// cellRow is the row of an A1 cell name (0 for none).
func cellRow(cell string) int {
	n, _ := strconv.Atoi(strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	return n
}

// sortErrors orders problems by file (in the order the files first
// appear), sheet (likewise), then line or row, then column; problems of a
// whole file come before its lines. Problems at the same place keep their
// order.
func sortErrors(errs model.ParseErrors) {
	files, sheets := map[string]int{}, map[string]int{}
	// sheet is the sheet, or for a ledger built in code the slice (Info,
	// Lines, Carryovers), whose items are ordered by index.
	sheet := func(e *model.ParseError) string {
		if e.Value != "" {
			p, _, _ := strings.Cut(e.Path, "[")
			p, _, _ = strings.Cut(p, ".")
			return "\x00" + p
		}
		return e.File + "\x00" + e.Sheet
	}
	for _, e := range errs {
		if _, ok := files[e.File]; !ok {
			files[e.File] = len(files)
		}
		if _, ok := sheets[sheet(e)]; !ok {
			sheets[sheet(e)] = len(sheets)
		}
	}
	key := func(e *model.ParseError) [4]int {
		row, col := e.Line, e.Column
		switch {
		case e.Value != "":
			_, i, _ := strings.Cut(e.Path, "[")
			row, _ = strconv.Atoi(strings.TrimSuffix(i, "]"))
			return [4]int{files[e.File], sheets[sheet(e)], row, 0}
		case e.Sheet != "":
			row = cellRow(e.Cell)
			col = colIndex(e.Cell)
		}
		return [4]int{files[e.File], sheets[sheet(e)], row, col}
	}
	slices.SortStableFunc(errs, func(a, b *model.ParseError) int {
		ka, kb := key(a), key(b)
		for i := range ka {
			if ka[i] != kb[i] {
				return ka[i] - kb[i]
			}
		}
		return 0
	})
}

// colIndex is the 1-based column of an A1 cell name.
func colIndex(cell string) int {
	n := 0
	for _, r := range cell {
		if r < 'A' || r > 'Z' {
			break
		}
		n = n*26 + int(r-'A'+1)
	}
	return n
}

// placeName names a line in a message: 第 12 行, or 明细!A12 in a
// workbook.
func placeName(p Pos) string {
	if p.Sheet != "" {
		return p.Sheet + "!A" + strconv.Itoa(p.Row)
	}
	return "第 " + strconv.Itoa(p.Row) + " 行"
}
