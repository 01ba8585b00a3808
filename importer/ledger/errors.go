package ledger

import (
	"errors"
	"fmt"

	"gongkai/model"
)

// Errors a model.ParseError of this package may carry in Err (compare with
// errors.Is). Problems of the content (a missing column, a bad code, an
// amount that is not a number) are reported all at once as
// model.ParseErrors; Unreadable tells them from a file that cannot be read
// at all.
var (
	ErrMissingColumn   = errors.New("ledger: missing column")
	ErrDuplicateColumn = errors.New("ledger: duplicate column")
	ErrMergedCell      = errors.New("ledger: merged cells")
	ErrBadCode         = errors.New("ledger: bad code")
	ErrLostZero        = errors.New("ledger: code lost its leading zeros")
	ErrBadAmount       = errors.New("ledger: bad amount")
	ErrUnknownValue    = errors.New("ledger: unknown value")
	ErrFundClass       = errors.New("ledger: function class not of this fund")
	ErrTooLarge        = errors.New("ledger: too many rows")
	ErrNoLines         = errors.New("ledger: no budget lines")
	ErrMissingInfo     = errors.New("ledger: missing department details")
	ErrUnknownUnit     = errors.New("ledger: unit not of this department")
)

// msgError is a message in Chinese with the sentinel it stands for.
type msgError struct {
	msg string
	err error
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.err }

func bad(sentinel error, msg string) error { return &msgError{msg, sentinel} }

// Unreadable reports whether err means the file could not be read at all
// (not a CSV or workbook, a broken encoding, a damaged zip), as opposed to
// problems of its content. The CLI exits 2 for the first, 1 for the second.
func Unreadable(err error) bool {
	return errors.Is(err, model.ErrEncoding) || errors.Is(err, model.ErrSyntax) || errors.Is(err, model.ErrUnsupported)
}

func fmtBad(sentinel error, format string, args ...any) error {
	return &msgError{fmt.Sprintf(format, args...), sentinel}
}
