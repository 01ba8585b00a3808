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
	ErrTooLarge        = errors.New("ledger: over a size limit") // rows, or unpacked bytes of a workbook
	ErrNoLines         = errors.New("ledger: no budget lines")
	ErrMissingInfo     = errors.New("ledger: missing department details")
	ErrUnknownUnit     = errors.New("ledger: unit not of this department")
	ErrTwoIncomes      = errors.New("ledger: 收入 sheet and 收入 file both given")
	ErrNegativeNet     = fmt.Errorf("ledger: lines net to a negative amount: %w", model.ErrBadValue)
	ErrPriorYear       = errors.New("ledger: last year's data is not of the year before")
	ErrTotalRow        = errors.New("ledger: a 合计 (total) row among the lines")

	// ErrNoDepartment and ErrNoYear say which detail is missing (both are
	// also ErrMissingInfo), so that a form can ask for it.
	ErrNoDepartment = fmt.Errorf("%w: 部门名称", ErrMissingInfo)
	ErrNoYear       = fmt.Errorf("%w: 年度", ErrMissingInfo)
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
// (not a CSV or workbook, a broken encoding, a damaged zip, over a size
// limit: ErrTooLarge), as opposed to
// problems of its content. The CLI exits 2 for the first, 1 for the second.
func Unreadable(err error) bool {
	return errors.Is(err, model.ErrEncoding) || errors.Is(err, model.ErrSyntax) || errors.Is(err, model.ErrUnsupported) ||
		errors.Is(err, ErrTooLarge)
}

// ContentError reports whether err holds problems of a ledger's content
// (its header, lines, details, 收入 rows or a catalog's lines) and nothing
// that makes a file unreadable (see Unreadable): the data's problem, which
// the CLI reports with exit status 1 whichever command read the ledger.
func ContentError(err error) bool {
	var me *msgError
	return errors.As(err, &me) && !Unreadable(err)
}

func fmtBad(sentinel error, format string, args ...any) error {
	return &msgError{fmt.Sprintf(format, args...), sentinel}
}
