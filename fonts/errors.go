package fonts

import (
	"errors"
	"strconv"
)

// The errors Parse and Load return wrap one of these sentinels; test with
// errors.Is. Their text is Chinese because it is shown to the people who
// choose a font (--font).
var (
	// ErrNotFont: the data is not a TrueType font or TrueType Collection.
	ErrNotFont = errors.New("不是 TrueType 字体文件（.ttf）或字体集（.ttc）")
	// ErrCFF: CFF-outline OpenType ("OTTO"), which the PDF library cannot embed.
	ErrCFF = errors.New("是 CFF 轮廓的 OpenType 字体（OTTO，如 Noto CJK / 思源），PDF 只能嵌入 TrueType 轮廓的字体")
	// ErrFaceIndex: the face index is outside the collection.
	ErrFaceIndex = errors.New("字体序号超出范围")
	// ErrMalformed: a table is missing, truncated or inconsistent.
	ErrMalformed = errors.New("字体文件已损坏或不完整")
	// ErrTooLarge: the file is larger than MaxSize (or endless, like a
	// device); it is refused before it is read.
	ErrTooLarge = errors.New("文件过大，不是字体（上限 " + strconv.Itoa(MaxSize>>20) + " MB）")
	// ErrNoUnicodeCmap: the face has no Unicode character map.
	ErrNoUnicodeCmap = errors.New("字体没有 Unicode 字符映射（cmap）")
)

// advice tells the user which fonts work; appended to ErrCFF and ErrNotFont.
const advice = "；请改用 TrueType 字体（.ttf）或 .ttc 字体集中的一个字体：Windows 上的 SimSun 宋体、SimHei 黑体、Microsoft YaHei 微软雅黑，macOS 上的 Songti 宋体、STHeiti 黑体，Linux 上的 WenQuanYi Micro Hei 文泉驿微米黑"

// Error is the error Parse and Load return: the file (empty for Parse), the
// face index, the sentinel and a detail.
type Error struct {
	File   string // the file given to Load; empty for Parse
	Index  int    // the face index asked for
	Err    error  // one of the sentinels above
	Detail string // what exactly was wrong, may be empty
}

func (e *Error) Error() string {
	s := "fonts: "
	if e.File != "" {
		s += e.File
		if e.Index != 0 {
			s += "（序号 " + strconv.Itoa(e.Index) + "）"
		}
		s += ": "
	}
	s += e.Err.Error()
	if e.Detail != "" {
		s += "：" + e.Detail
	}
	if e.Err == ErrCFF || e.Err == ErrNotFont {
		s += advice
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

func errf(err error, detail string) *Error { return &Error{Err: err, Detail: detail} }
