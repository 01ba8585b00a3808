package text

import (
	"errors"
	"fmt"

	"gongkai/model"
)

// Errors returned by Parse and ParseFile are *model.ParseError values whose
// Err is one of:
//
//   - model.ErrEncoding: the bytes are not text in UTF-8, UTF-16 or GB18030;
//   - ErrRead: the input could not be read (the underlying error is wrapped).
//
// Numbers that disagree, words that contradict each other and text that no
// rule could read are never errors: they are findings and Unread entries.
var ErrRead = errors.New("importer/text: cannot read input")

func encodingError(name string) error {
	return &model.ParseError{File: name, Err: fmt.Errorf("无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK）: %w", model.ErrEncoding)}
}

func readError(name string, err error) error {
	return &model.ParseError{File: name, Err: fmt.Errorf("%w: %w", ErrRead, err)}
}
