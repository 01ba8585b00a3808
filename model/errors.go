package model

import (
	"errors"
	"fmt"
	"strings"
)

// ParseError is an input problem with its position: the file, and either a
// line and column (text), a JSON path (JSON, YAML) or a sheet and cell (XLSX).
// Importers return it (or a list of them, see ParseErrors).
//
// An input a program built in code rather than read from a file is named by
// Value (its Go type, e.g. ledger.Ledger) with the Path of the field inside
// it (Lines[3].Fund); Line and Sheet are then the program's own place of
// the item, if it gave one: ledger.Ledger.Lines[3]（第 12 行）: ….
type ParseError struct {
	File   string // file name as the user gave it; "" for standard input
	Value  string // with File "": the Go value built in code that holds the problem
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Path   string // JSON path, e.g. tables.t05.rows[3].total
	Sheet  string // XLSX sheet
	Cell   string // XLSX cell, e.g. E7
	Err    error
}

// Sentinel errors for ParseError.Err (compare with errors.Is).
var (
	ErrNotAmount    = errors.New("not an amount")
	ErrUnknownField = errors.New("unknown field")
	ErrMissingField = errors.New("missing field")
	ErrBadValue     = errors.New("bad value")
	ErrSyntax       = errors.New("syntax error")
	ErrEncoding     = errors.New("unreadable encoding")
	ErrUnsupported  = errors.New("unsupported input")
)

func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File == "" && e.Value != "" {
		b.WriteString(e.Value)
		if e.Path != "" {
			b.WriteString("." + e.Path)
		}
		if e.Line > 0 {
			b.WriteString("（")
			if e.Sheet != "" {
				b.WriteString(e.Sheet + " ")
			}
			fmt.Fprintf(&b, "第 %d 行）", e.Line)
		}
		if e.Err != nil {
			fmt.Fprintf(&b, ": %v", e.Err)
		}
		return b.String()
	}
	name := e.File
	if name == "" {
		name = "<stdin>"
	}
	b.WriteString(name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Sheet != "" {
		fmt.Fprintf(&b, ": %s", e.Sheet)
		if e.Cell != "" {
			fmt.Fprintf(&b, "!%s", e.Cell)
		}
	}
	if e.Path != "" {
		fmt.Fprintf(&b, ": %s", e.Path)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// ParseErrors is every problem found in one input, in input order. Importers
// report them all at once so that a user can fix a file in one pass.
type ParseErrors []*ParseError

func (es ParseErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap lets errors.Is and errors.As look at every problem.
func (es ParseErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
