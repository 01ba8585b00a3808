package narrative

import "errors"

// Errors returned by the package (compare with errors.Is).
var (
	// ErrNoDisclosure: the disclosure is nil.
	ErrNoDisclosure = errors.New("narrative: no disclosure")
	// ErrUnknownStyle: Options.Style names no style.
	ErrUnknownStyle = errors.New("没有这种文字写法 / unknown style")
	// ErrTemplate: a style's template does not parse or fails to run.
	ErrTemplate = errors.New("narrative: template error")
)
