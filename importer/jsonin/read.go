package jsonin

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"gongkai/model"
)

// MaxSize is the largest input Read accepts (64 MiB); one department's
// disclosure is a few tens of kilobytes.
const MaxSize = 64 << 20

// Read reads one disclosure in the JSON input format from r. name is the
// file name used in error messages ("" for standard input); when it ends in
// .yaml or .yml the input is read as YAML, if this build supports it.
//
// Read is strict: it reports every problem at once as model.ParseErrors,
// each a *model.ParseError with the file, line, column and JSON path and an
// Err that matches one of model.ErrSyntax, model.ErrEncoding,
// model.ErrUnknownField, model.ErrMissingField, model.ErrNotAmount,
// model.ErrBadValue or model.ErrUnsupported with errors.Is. On any problem
// it returns a nil disclosure.
func Read(r io.Reader, name string) (*model.Disclosure, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, model.ParseErrors{{File: name, Err: fmt.Errorf("%w: %v", model.ErrUnsupported, err)}}
	}
	return ReadBytes(b, name)
}

// ReadBytes is Read of input already in memory (not copied; b must not be
// modified while ReadBytes runs).
func ReadBytes(b []byte, name string) (*model.Disclosure, error) {
	if len(b) > MaxSize {
		return nil, model.ParseErrors{{File: name, Err: newProblem(model.ErrUnsupported, "文件超过 %d MB (input larger than %d MiB)", MaxSize>>20, MaxSize>>20)}}
	}
	if isYAML(name) {
		return readYAML(b, name)
	}
	return readJSON(b, name)
}

// ReadFile reads the disclosure in the file at path (.json; .yaml and .yml
// as YAML when supported). Errors name the file as given.
func ReadFile(path string) (*model.Disclosure, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func readJSON(b []byte, name string) (*model.Disclosure, error) {
	b, err := toUTF8(b)
	if err != nil {
		return nil, model.ParseErrors{{File: name, Line: 1, Column: 1, Err: err}}
	}
	lines := newLineIndex(b)
	root, err := parseJSON(b)
	if err != nil {
		se := err.(*syntaxError)
		line, col := lines.pos(se.off)
		kind := model.ErrSyntax
		if se.enc {
			kind = model.ErrEncoding
		}
		if se.limit {
			kind = model.ErrUnsupported
		}
		return nil, model.ParseErrors{{File: name, Line: line, Column: col, Err: &problem{msg: se.msg, kind: kind}}}
	}
	return decode(root, name, func(n *node) (int, int) { return lines.pos(int(n.off)) })
}

// decode walks a node tree into a Disclosure.
func decode(root *node, name string, pos func(*node) (int, int)) (*model.Disclosure, error) {
	w := &walker{file: name, pos: pos}
	var d model.Disclosure
	if root.kind != kObject {
		w.add(root, "", newProblem(model.ErrBadValue, "应为 JSON 对象 {...}（含 department、year、unit 和 tables），实际是%s (want a JSON object {...} with department, year, unit and tables, got %s)", root.kind.chinese(), root.kind))
		return nil, w.errs
	}
	w.value(root, reflect.ValueOf(&d).Elem(), "")
	if len(w.errs) > 0 {
		// Rules run after a struct's fields; put every problem in input order.
		sort.SliceStable(w.errs, func(i, j int) bool {
			a, b := w.errs[i], w.errs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
		})
		return nil, w.errs
	}
	return &d, nil
}

// toUTF8 drops a UTF-8 byte-order mark and converts UTF-16 (with its BOM),
// which Windows editors write, to UTF-8. UTF-32, and UTF-16 without a BOM
// (a JSON text starts with ASCII, so NUL bytes beside it give them away),
// are refused with what to do, rather than as a syntax error at the first
// NUL.
func toUTF8(b []byte) ([]byte, error) {
	const saveAs = "，请另存为 UTF-8 (save the file as UTF-8)"
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return nil, newProblem(model.ErrEncoding, "文件是 UTF-32 编码 (UTF-32)"+saveAs)
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0,
		len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
		return nil, newProblem(model.ErrEncoding, "文件是不带 BOM 的 UTF-32 编码 (UTF-32 without BOM)"+saveAs)
	case len(b) >= 2 && (b[0] != 0 && b[1] == 0 || b[0] == 0 && b[1] != 0):
		return nil, newProblem(model.ErrEncoding, "文件是不带 BOM 的 UTF-16 编码 (UTF-16 without BOM)"+saveAs)
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		le := b[0] == 0xFF
		b = b[2:]
		if len(b)%2 != 0 {
			return nil, newProblem(model.ErrEncoding, "UTF-16 文件的字节数是奇数，文件不完整 (UTF-16 input with an odd number of bytes)")
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if le {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		var out bytes.Buffer
		for _, r := range utf16.Decode(u) {
			out.WriteRune(r)
		}
		return out.Bytes(), nil
	}
	return b, nil
}

// lineIndex turns byte offsets into 1-based lines and character columns.
type lineIndex struct {
	b     []byte
	start []int // byte offset where each line starts
}

func newLineIndex(b []byte) *lineIndex {
	li := &lineIndex{b: b, start: []int{0}}
	for i, c := range b {
		if c == '\n' {
			li.start = append(li.start, i+1)
		}
	}
	return li
}

func (li *lineIndex) pos(off int) (line, col int) {
	if off > len(li.b) {
		off = len(li.b)
	}
	lo, hi := 0, len(li.start)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.start[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCount(li.b[li.start[lo]:off]) + 1
}
