package published

import (
	"errors"
	"fmt"
)

// The errors that can be returned in Error.Err.
var (
	// ErrNoTextLayer: the PDF has pages but no text on them (a scanned
	// document); it needs OCR before gongkai can read it.
	ErrNoTextLayer = errors.New("PDF 中没有文字层（可能是扫描件），请先做文字识别（OCR）/ the PDF has no text layer (scanned pages?); run OCR first")
	// ErrEncrypted: the PDF is protected by a password.
	ErrEncrypted = errors.New("PDF 有密码保护，无法读取 / the PDF is password-protected")
	// ErrBroken: the file is not a readable PDF, Word file or web page.
	ErrBroken = errors.New("文件已损坏或格式不对 / the file is damaged or not in the expected format")
	// ErrEngine: the PDF engine could not be started.
	ErrEngine = errors.New("PDF 读取引擎无法启动 / the PDF engine could not be started")
	// ErrTooLarge: the file, or a part of it, exceeds the reader's limits.
	ErrTooLarge = errors.New("文件过大 / the file is too large")
)

// Error is an error of one input file, with the page where it applies.
type Error struct {
	File string // file name as given, "" for none
	Page int    // 1-based PDF page, 0 for the whole file
	Err  error  // one of the sentinels above
	// Detail is the underlying library's message, if any.
	Detail string
}

func (e *Error) Error() string {
	s := ""
	if e.File != "" {
		s += e.File + ": "
	}
	if e.Page > 0 {
		s += fmt.Sprintf("第%d页: ", e.Page)
	}
	s += e.Err.Error()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }
