package templates

import "errors"

// Errors returned by Document and Sheet (compare with errors.Is).
var (
	// ErrNoDisclosure: the disclosure is nil.
	ErrNoDisclosure = errors.New("templates: no disclosure")
	// ErrUnknownTable: the table id is not one of t01 … t10.
	ErrUnknownTable = errors.New("templates: unknown table")
	// ErrTableAbsent: Sheet was asked, with Options.OnlyPresent, for a table
	// the disclosure does not give.
	ErrTableAbsent = errors.New("templates: table not given")
	// ErrBadDate: Disclosure.Date is not a YYYY-MM-DD date.
	ErrBadDate = errors.New("templates: date is not YYYY-MM-DD")
	// ErrBadUnit: Disclosure.Unit is neither 万元 nor 元.
	ErrBadUnit = errors.New("templates: unit is neither 万元 nor 元")
)
