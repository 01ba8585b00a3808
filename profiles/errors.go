package profiles

import "errors"

// Kinds of profile problems. A problem is a *model.ParseError (file and
// line) whose Err wraps one of these (compare with errors.Is).
var (
	// ErrSyntax: the file is not YAML, or a value has the wrong type.
	ErrSyntax = errors.New("profiles: syntax error")
	// ErrUnknownKey: a key the profile format does not have.
	ErrUnknownKey = errors.New("profiles: unknown key")
	// ErrUnknownField: a column names no field of its model table.
	ErrUnknownField = errors.New("profiles: unknown model field")
	// ErrSpan: a header cell's span does not fit the header grid.
	ErrSpan = errors.New("profiles: wrong span")
	// ErrMissingTable: no tables, a table without id or columns, or data
	// naming no model table.
	ErrMissingTable = errors.New("profiles: missing table")
	// ErrDuplicateID: a table id, sheet name or column key used twice.
	ErrDuplicateID = errors.New("profiles: duplicate id")
	// ErrBadValue: a value out of its range (zero display, unit, width …).
	ErrBadValue = errors.New("profiles: bad value")
	// ErrUnknownProfile: no embedded profile has that name.
	ErrUnknownProfile = errors.New("没有这个版式 / unknown profile")
)

// problem is a located profile problem: its message is what the user reads,
// its kind what a program tests.
type problem struct {
	kind error
	msg  string
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }
