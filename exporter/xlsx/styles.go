package xlsx

import (
	"github.com/xuri/excelize/v2"

	"gongkai/layout"
)

// The fonts of the official tables: 宋体 for everything; Excel, WPS and
// LibreOffice substitute the system's CJK font where it is missing.
const (
	fontFamily = "宋体"
	fontSize   = 10
	titleSize  = 16
)

type role int

const (
	roleTitle role = iota
	roleUnit
	roleHeader
	roleNumberRow
	roleBody
	roleNote
	rolePreparer
)

// styleKey names one cell style; styles are created once per workbook, the
// first time a key is needed, so their ids depend only on the document.
type styleKey struct {
	role   role
	kind   layout.ColumnKind
	bold   bool
	align  layout.Align
	places int32 // decimals of a numeric cell; -1 none (General)
	group  bool  // thousands separators
	input  bool  // an input cell: unlocked when the sheet is protected, shaded
}

type styles struct {
	f   *excelize.File
	ids map[styleKey]int
	err error
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[styleKey]int{}}
}

// get returns the style id of k, creating the style on first use. An error
// is kept and returned by Write.
func (s *styles) get(k styleKey) int {
	if id, ok := s.ids[k]; ok {
		return id
	}
	id, err := s.f.NewStyle(k.style())
	if err != nil && s.err == nil {
		s.err = err
	}
	s.ids[k] = id
	return id
}

var thin = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1},
	{Type: "bottom", Color: "000000", Style: 1},
}

func (k styleKey) style() *excelize.Style {
	font := &excelize.Font{Family: fontFamily, Size: fontSize, Bold: k.bold}
	switch k.role {
	case roleTitle:
		font.Size, font.Bold = titleSize, true
		return &excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	case roleUnit:
		return &excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}
	case rolePreparer:
		return &excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}
	case roleNote:
		return &excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}
	case roleHeader:
		return &excelize.Style{Font: font, Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	case roleNumberRow:
		return &excelize.Style{Font: font, Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	}
	st := &excelize.Style{Font: font, Border: thin}
	al := &excelize.Alignment{Vertical: "center"}
	switch k.kind {
	case layout.KindAmount, layout.KindNumber:
		al.Horizontal = "right"
		switch {
		case k.places < 0:
			// General: the number as it is, without trailing zeros.
		case k.group:
			f := "#,##0"
			if k.places > 0 {
				f += "." + zeros(int(k.places))
			}
			st.CustomNumFmt = &f
		case k.kind == layout.KindAmount && k.places == 2:
			st.NumFmt = 2 // 0.00
		case k.places == 0:
			st.NumFmt = 1 // 0
		default:
			f := "0." + zeros(int(k.places))
			st.CustomNumFmt = &f
		}
	case layout.KindCode:
		al.Horizontal = "left"
		st.NumFmt = 49 // @: text
	default:
		al.Horizontal = "left"
		al.WrapText = true
	}
	if k.align != layout.AlignDefault {
		al.Horizontal = string(k.align)
		if k.align != layout.AlignRight {
			al.WrapText = true
		}
	}
	st.Alignment = al
	if k.input {
		st.Protection = &excelize.Protection{Locked: false}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}} // a light yellow: cells to fill
	}
	return st
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}
