// Package gongkai is the one-call path through the toolkit for the common
// case: read one department's disclosure, check it, and write its tables as
// an official-format workbook or a PDF.
//
//	d, err := gongkai.ReadFile("budget.json")
//	findings, err := gongkai.Export(w, d, gongkai.Options{Format: gongkai.PDF})
//
// Each step is also a package of its own, for programs that need more
// (inputs and importer/* read, check checks, templates lays out with a
// profile, exporter/xlsx and exporter/pdf write); Export is exactly those
// steps with their defaults. Every package has Example functions with
// checked output: `go test -run Example -v ./PACKAGE` runs them and prints
// their names, and a documentation site (pkgsite, pkg.go.dev) shows them
// beside each function; `go doc` (even with -all) does not print examples,
// so read them in the packages' example_test.go files.
package gongkai

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gongkai/check"
	"gongkai/exporter/pdf"
	"gongkai/exporter/xlsx"
	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
	"gongkai/inputs"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// Format is what Export writes.
type Format string

// Formats.
const (
	XLSX Format = "xlsx" // the official-format workbook
	PDF  Format = "pdf"  // the tables as a PDF with an embedded font subset
)

// Options for Export. The zero value writes the Hubei workbook and refuses
// a disclosure whose checks find an error.
type Options struct {
	Format Format // XLSX when empty
	// Font is the PDF's font; nil is the embedded WenQuanYi Micro Hei.
	Font *fonts.Font
	// Profile is the layout; nil is the default (hubei, ten tables).
	Profile *profiles.Profile
	// Force writes even when the checks find errors.
	Force bool
	// Check tunes the checks (Exact: no rounding tolerance).
	Check check.Options
}

// FindingsError is Export's error when the checks found errors and
// Options.Force is false; nothing was written.
type FindingsError struct {
	Findings []model.Finding // all findings; at least one an error
}

func (e *FindingsError) Error() string {
	n, _, _ := check.Summary(e.Findings)
	return fmt.Sprintf("gongkai: 核对发现 %d 个错误，未写出 (the checks found %d errors; nothing written)", n, n)
}

// ErrFormat: Options.Format is neither XLSX nor PDF.
var ErrFormat = errors.New("gongkai: unknown format (use gongkai.XLSX or gongkai.PDF)")

// Read reads one disclosure from r: JSON, or any other input that package
// inputs recognises by its content. name is the file name, for messages.
// Errors carry the place (file:line:column and JSON path).
func Read(r io.Reader, name string) (*model.Disclosure, error) {
	b, err := io.ReadAll(io.LimitReader(r, inputs.MaxSize+1))
	if err != nil {
		return nil, err
	}
	res, err := inputs.Load(name, b, inputs.Options{})
	if err != nil {
		return nil, err
	}
	return res.Disclosure, nil
}

// ReadFile is Read of the file at path.
func ReadFile(path string) (*model.Disclosure, error) {
	res, err := inputs.LoadFile(path, inputs.Options{})
	if err != nil {
		return nil, err
	}
	return res.Disclosure, nil
}

// Check runs every rule on d (check.Disclosure with the default options).
func Check(d *model.Disclosure) []model.Finding { return check.Disclosure(d, check.Options{}) }

// Export checks d and writes its tables to w in o.Format. It returns the
// findings in every case. When one is an error and o.Force is false, it
// returns a *FindingsError and writes nothing; a write that fails halfway
// leaves w with nothing of it either (the output is built in memory first).
func Export(w io.Writer, d *model.Disclosure, o Options) ([]model.Finding, error) {
	if d == nil {
		return nil, templates.ErrNoDisclosure
	}
	if o.Format == "" {
		o.Format = XLSX
	}
	if o.Format != XLSX && o.Format != PDF {
		return nil, fmt.Errorf("%w: %q", ErrFormat, o.Format)
	}
	fs := check.Disclosure(d, o.Check)
	if model.HasErrors(fs) && !o.Force {
		return fs, &FindingsError{Findings: fs}
	}
	doc, err := templates.Document(d, templates.Options{Profile: o.Profile})
	if err != nil {
		return fs, err
	}
	var buf bytes.Buffer
	switch o.Format {
	case XLSX:
		err = xlsx.Write(&buf, doc, xlsx.Options{})
	case PDF:
		font := o.Font
		if font == nil {
			if font, err = wqymicrohei.Font(); err != nil {
				return fs, err
			}
		}
		err = pdf.Write(&buf, doc, pdf.Options{Font: font})
	}
	if err != nil {
		return fs, err
	}
	_, err = w.Write(buf.Bytes())
	return fs, err
}
