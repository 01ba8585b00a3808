package pdf_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
	"gongkai/layout"
)

func tinyDoc() layout.Document {
	return layout.Document{
		Title: "示例部门2023年部门预算公开表", Author: "示例部门", Subject: "2023年部门预算公开",
		Date: time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC),
		Sheets: []layout.Sheet{{
			ID: "t06", Name: "表六 一般公共预算基本支出表", Title: "一般公共预算基本支出表", UnitLine: "单位：万元",
			Columns: []layout.Column{
				{Key: "code", Kind: layout.KindCode, Width: 5},
				{Key: "name", Kind: layout.KindText, Width: 12},
				{Key: "total", Kind: layout.KindAmount, Width: 6},
			},
			Header: []layout.HeaderCell{
				{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "科目编码"},
				{Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "科目名称"},
				{Row: 0, Col: 2, RowSpan: 1, ColSpan: 1, Text: "合计"},
			},
			HeaderRows: 1,
			Rows: []layout.Row{
				{Emphasis: layout.Bold, Cells: []layout.Cell{layout.TextCell(""), layout.TextCell("合计"),
					layout.AmountCell(decimal.RequireFromString("51.79"), false, 2, true)}},
				{Cells: []layout.Cell{layout.TextCell("30101"), layout.TextCell("基本工资"),
					layout.AmountCell(decimal.RequireFromString("17.87"), false, 2, true)}},
			},
		}},
	}
}

// Write draws a layout.Document (normally from templates.Document). The
// font is passed explicitly: here the embedded default, WenQuanYi Micro
// Hei; fonts.Load reads another.
func ExampleWrite() {
	font, err := wqymicrohei.Font()
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, tinyDoc(), pdf.Options{Font: font}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(buf.Bytes()[:8]))
	// Output: %PDF-1.7
}

// Plan says where rows land without writing a PDF.
func ExamplePlan() {
	font, err := wqymicrohei.Font()
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := pdf.Plan(tinyDoc(), pdf.Options{Font: font})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(p)
	// Output: page 1: t06 表六 一般公共预算基本支出表 header 1 rows 1-2 notes 0
}

// A character the font cannot show is an error, not a box.
func ExampleGlyphError() {
	doc := tinyDoc()
	doc.Sheets[0].Rows[1].Cells[1] = layout.TextCell("基本工资𠀀")
	font, err := wqymicrohei.Font()
	if err != nil {
		fmt.Println(err)
		return
	}
	err = pdf.Write(new(bytes.Buffer), doc, pdf.Options{Font: font})
	fmt.Println(err)
	// Output: exporter/pdf: 表六 一般公共预算基本支出表 第2行：“基本工资𠀀”中的字符 “𠀀”（U+20000）无法显示：它在基本多文种平面之外（高于 U+FFFF），PDF 库无法处理；请改用其他字或换一种字体（--font）
}

// Without a font Write stops at once: the package does not embed one.
func ExampleErrNoFont() {
	err := pdf.Write(new(bytes.Buffer), tinyDoc(), pdf.Options{})
	fmt.Println(errors.Is(err, pdf.ErrNoFont))
	// Output: true
}
