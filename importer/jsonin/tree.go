package jsonin

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// node is one JSON value with the place it starts in the input.
type node struct {
	kind    kind
	off     int32  // byte offset of the value in the input (at most MaxSize)
	text    string // decoded string, or the literal of a number, true, false
	members []member
	elems   []*node
}

type kind byte

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

func (k kind) String() string {
	switch k {
	case kNull:
		return "null"
	case kBool:
		return "true/false"
	case kNumber:
		return "a number"
	case kString:
		return "a string"
	case kObject:
		return "an object"
	case kArray:
		return "a list"
	}
	return "?"
}

// chinese names the kind for the Chinese half of a message.
func (k kind) chinese() string {
	switch k {
	case kNumber:
		return "数字"
	case kString:
		return "字符串"
	case kObject:
		return "对象 {...}"
	case kArray:
		return "列表 [...]"
	}
	return k.String()
}

// member is one "key": value pair of an object, in input order.
type member struct {
	key    string
	keyOff int32 // byte offset of the key
	val    *node
}

// at is a node standing for the member's key, for error positions.
func (m member) at() *node { return &node{off: m.keyOff} }

// Limits of the parser, far above one department's disclosure (the largest
// seen has a few thousand table rows) and low enough that memory stays a
// small multiple of the input: beyond them the input is refused with its
// position.
const (
	// MaxItems is the most items of one list or fields of one object.
	MaxItems = 20000
	// MaxValues is the most values (strings, numbers, objects, lists …) in
	// one input.
	MaxValues = 1000000
	// MaxString is the longest string, in bytes of UTF-8 (about 21,800
	// Chinese characters).
	MaxString = 64 << 10
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 200

// syntaxError is a JSON syntax problem at a byte offset.
type syntaxError struct {
	off   int
	msg   string
	enc   bool // an encoding problem rather than a grammar one
	limit bool // beyond a limit (MaxItems, MaxValues, MaxString)
}

func (p *parser) limitf(format string, args ...any) error {
	return &syntaxError{off: p.i, msg: fmt.Sprintf(format, args...), limit: true}
}

func (e *syntaxError) Error() string { return e.msg }

// parser is a small recursive-descent JSON parser that keeps positions.
// encoding/json's Decoder gives offsets only after tokens and drops duplicate
// keys silently; we need the start of every value and every key.
type parser struct {
	b      []byte
	i      int
	values int
	keys   map[string]string // field names by their literal, for key
}

func parseJSON(b []byte) (*node, error) {
	p := &parser{b: b}
	p.space()
	if p.i >= len(p.b) {
		return nil, &syntaxError{off: p.i, msg: "文件是空的，应为 JSON 对象 {...} (empty input: expected a JSON object)"}
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.b) {
		return nil, &syntaxError{off: p.i, msg: "JSON 已经结束，后面还有多余的文字 (unexpected text after the end of the JSON value)"}
	}
	return n, nil
}

func (p *parser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) errf(msg string) error { return &syntaxError{off: p.i, msg: msg} }

// expectedZH is the Chinese of what unexpected's callers expected.
var expectedZH = map[string]string{
	"a value": "一个值",
	"a value (object, list, string, number, true, false or null)": "一个值（对象、列表、字符串、数字、true、false 或 null）",
	"a field name in double quotes":                               "带双引号的字段名",
	`":" after the field name`:                                    "字段名后的冒号 :",
	`"," or "}"`:                                                  "逗号 , 或 }",
	`"," or "]"`:                                                  "逗号 , 或 ]",
	"a digit":                                                     "数字",
	"a digit after the decimal point":                             "小数点后的数字",
	"a digit in the exponent":                                     "指数中的数字",
	`"," or the end of the number`:                                "逗号 , 或数字结束",
}

func (p *parser) unexpected(what string) error {
	zh := expectedZH[what]
	if zh == "" {
		zh = what
	}
	if p.i >= len(p.b) {
		return p.errf("文件意外结束，此处应为" + zh + " (unexpected end of input: expected " + what + ")")
	}
	r, _ := utf8.DecodeRune(p.b[p.i:])
	switch r {
	case '，', '：', '“', '”', '【', '】', '｛', '｝':
		return p.errf("字符串外不能用全角标点“" + string(r) + "”，请改为半角；此处应为" + zh + " (unexpected full-width " + string(r) + ": expected " + what + "; use ASCII punctuation outside strings)")
	}
	if r == utf8.RuneError {
		return &syntaxError{off: p.i, msg: "文件不是 UTF-8 编码，请另存为 UTF-8 (invalid UTF-8: save the file as UTF-8)", enc: true}
	}
	return p.errf("此处不应是 " + quoteRune(r) + "，应为" + zh + " (unexpected " + quoteRune(r) + ": expected " + what + ")")
}

func quoteRune(r rune) string {
	b, _ := json.Marshal(string(r))
	return string(b)
}

func (p *parser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.errf("嵌套层数太多 (nesting too deep)")
	}
	if p.i >= len(p.b) {
		return nil, p.unexpected("a value")
	}
	if p.values++; p.values > MaxValues {
		return nil, p.limitf("输入超过 %d 个值，不是一个部门的公开数据 (more than %d values)", MaxValues, MaxValues)
	}
	start := p.i
	switch c := p.b[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &node{kind: kString, off: int32(start), text: s}, nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range [...]string{"true", "false", "null"} {
			if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
				p.i += len(lit)
				if lit == "null" {
					return &node{kind: kNull, off: int32(start)}, nil
				}
				return &node{kind: kBool, off: int32(start), text: lit}, nil
			}
		}
	}
	return nil, p.unexpected("a value (object, list, string, number, true, false or null)")
}

func (p *parser) object(depth int) (*node, error) {
	n := &node{kind: kObject, off: int32(p.i)}
	p.i++ // {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return n, nil
	}
	for {
		p.space()
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			if k := len(n.members); k > 0 && n.members[k-1].val.kind == kNumber && p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
				return nil, p.errf("此处应为带双引号的字段名；是否在数字中用了千位分隔符？请写 1234.00，不写 1,234.00 (expected a field name in double quotes; a thousands separator? write 1234.00, not 1,234.00)")
			}
			return nil, p.unexpected(`a field name in double quotes`)
		}
		if len(n.members) == MaxItems {
			return nil, p.limitf("一个对象超过 %d 个字段 (more than %d fields in one object)", MaxItems, MaxItems)
		}
		keyOff := int32(p.i)
		key, err := p.key()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return nil, p.unexpected(`":" after the field name`)
		}
		p.i++
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.members = append(n.members, member{key: key, keyOff: keyOff, val: v})
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
			p.space()
			if p.i < len(p.b) && p.b[p.i] == '}' {
				return nil, p.errf(`“}”前多了一个逗号 (trailing comma before "}")`)
			}
			continue
		}
		if p.i < len(p.b) && p.b[p.i] == '}' {
			p.i++
			return n, nil
		}
		if p.i < len(p.b) && p.b[p.i] == '"' {
			return nil, p.errf(`这个字段前缺少逗号 (missing "," before this field)`)
		}
		return nil, p.unexpected(`"," or "}"`)
	}
}

func (p *parser) array(depth int) (*node, error) {
	n := &node{kind: kArray, off: int32(p.i)}
	p.i++ // [
	p.space()
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		n.elems = []*node{}
		return n, nil
	}
	for {
		p.space()
		if len(n.elems) == MaxItems {
			return nil, p.limitf("一个列表超过 %d 项，不是一个部门的公开数据 (more than %d items in one list)", MaxItems, MaxItems)
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
			p.space()
			if p.i < len(p.b) && p.b[p.i] == ']' {
				return nil, p.errf(`“]”前多了一个逗号 (trailing comma before "]")`)
			}
			continue
		}
		if p.i < len(p.b) && p.b[p.i] == ']' {
			p.i++
			return n, nil
		}
		if p.i < len(p.b) && strings.IndexByte(`{["-0123456789tfn`, p.b[p.i]) >= 0 {
			return nil, p.errf(`列表的这一项前缺少逗号 (missing "," before this list item)`)
		}
		return nil, p.unexpected(`"," or "]"`)
	}
}

// key reads a field name: str, with each distinct name allocated once (a
// table of 20,000 rows repeats the same few names 20,000 times).
func (p *parser) key() (string, error) {
	start := p.i
	// A plain name (no escape) seen before is found without allocating.
	end := start + 1
	for end < len(p.b) && p.b[end] != '"' && p.b[end] != '\\' && p.b[end] >= 0x20 {
		end++
	}
	if end < len(p.b) && p.b[end] == '"' {
		if k, ok := p.keys[string(p.b[start:end+1])]; ok {
			p.i = end + 1
			return k, nil
		}
	}
	s, err := p.str()
	if err != nil {
		return "", err
	}
	raw := p.b[start:p.i]
	if k, ok := p.keys[string(raw)]; ok {
		return k, nil
	}
	if p.keys == nil {
		p.keys = map[string]string{}
	}
	if len(p.keys) < 4096 {
		p.keys[string(raw)] = s
	}
	return s, nil
}

// str reads a string literal starting at the opening quote.
func (p *parser) str() (string, error) {
	start := p.i
	p.i++
	escaped := false
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			raw := p.b[start:p.i]
			if len(raw)-2 > MaxString {
				return "", &syntaxError{off: start, msg: fmt.Sprintf("字符串超过 %d 字节 (a string longer than %d bytes)", MaxString, MaxString), limit: true}
			}
			if !utf8.Valid(raw) {
				return "", &syntaxError{off: start, msg: "字符串不是 UTF-8 编码，请另存为 UTF-8 (invalid UTF-8 in a string: save the file as UTF-8)", enc: true}
			}
			if !escaped {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", &syntaxError{off: start, msg: "字符串中的转义有误 (bad escape in a string)"}
			}
			return s, nil
		case c == '\\':
			escaped = true
			if p.i+1 >= len(p.b) {
				p.i++
				return "", p.errf("文件在字符串中间意外结束 (unexpected end of input inside a string)")
			}
			switch p.b[p.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				if p.i+6 > len(p.b) || !isHex4(p.b[p.i+2:p.i+6]) {
					return "", p.errf(`字符串中的 \u 转义有误 (bad \u escape in a string)`)
				}
				p.i += 6
			default:
				return "", p.errf(`字符串中的转义有误，反斜杠请写成 \\ (bad escape in a string: write \\ for a backslash)`)
			}
		case c < 0x20:
			if c == '\n' {
				return "", &syntaxError{off: start, msg: "字符串中有换行：缺少结尾的双引号，或把换行写成 \\n (line break inside a string: a closing \" is missing, or write \\n)"}
			}
			return "", p.errf("字符串中有控制字符 (control character inside a string)")
		default:
			p.i++
		}
	}
	p.i = start
	return "", p.errf(`字符串缺少结尾的双引号 (string without its closing ")`)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// number reads a JSON number and keeps its literal, so 180.00 keeps two places.
func (p *parser) number() (*node, error) {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.b[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.b) && p.b[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return nil, p.unexpected("a digit")
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, p.unexpected("a digit after the decimal point")
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.unexpected("a digit in the exponent")
		}
	}
	if p.i < len(p.b) {
		if c := p.b[p.i]; c >= '0' && c <= '9' || c == '.' {
			return nil, p.unexpected(`"," or the end of the number`)
		}
	}
	return &node{kind: kNumber, off: int32(start), text: string(p.b[start:p.i])}, nil
}
