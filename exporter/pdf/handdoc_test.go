package pdf

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"gongkai/layout"
)

// amt is a display amount cell ("" = blank).
func amt(s string) layout.Cell {
	if s == "" {
		return layout.Cell{Empty: true}
	}
	return layout.AmountCell(decimal.RequireFromString(s), false, 2, true)
}

func row(ref string, em layout.Emphasis, texts []string, amounts ...string) layout.Row {
	r := layout.Row{Ref: ref, Emphasis: em}
	for _, t := range texts {
		r.Cells = append(r.Cells, layout.TextCell(t))
	}
	for _, a := range amounts {
		r.Cells = append(r.Cells, amt(a))
	}
	return r
}

// table5 is 表五 of the 2023 seed (spec/forms.md §4.5), built by hand.
func table5() layout.Sheet {
	cols := []layout.Column{
		{Key: "fcode", Kind: layout.KindCode, Width: 6}, {Key: "fname", Kind: layout.KindText, Width: 10},
		{Key: "ucode", Kind: layout.KindCode, Width: 5}, {Key: "uname", Kind: layout.KindText, Width: 12},
		{Key: "total", Kind: layout.KindAmount, Width: 5}, {Key: "staff", Kind: layout.KindAmount, Width: 5},
		{Key: "public", Kind: layout.KindAmount, Width: 5}, {Key: "other", Kind: layout.KindAmount, Width: 5},
		{Key: "project", Kind: layout.KindAmount, Width: 5},
	}
	h := func(r, c, rs, cs int, t string) layout.HeaderCell {
		return layout.HeaderCell{Row: r, Col: c, RowSpan: rs, ColSpan: cs, Text: t}
	}
	return layout.Sheet{
		ID: "t05", Name: "表五 一般公共预算支出表", Title: "一般公共预算支出表", UnitLine: "单位：万元",
		Columns: cols,
		Header: []layout.HeaderCell{
			h(0, 0, 2, 1, "功能科目编码"), h(0, 1, 2, 1, "功能科目名称"), h(0, 2, 2, 1, "单位编码"), h(0, 3, 2, 1, "单位名称"),
			h(0, 4, 2, 1, "总计"), h(0, 5, 2, 1, "人员类项目支出"), h(0, 6, 1, 2, "运转类项目支出"), h(0, 8, 2, 1, "特定目标类项目支出"),
			h(1, 6, 1, 1, "公用经费项目支出"), h(1, 7, 1, 1, "其他运转类项目支出"),
		},
		HeaderRows: 3, NumberRow: true, Decimals: 2,
		Page: layout.Page{Landscape: true, FitWidth: true, RepeatHeader: true},
		Rows: []layout.Row{
			row("t05.rows[0]", layout.Bold, []string{"", "", "", "合计"}, "231.79", "44.54", "7.25", "", "180.00"),
			row("t05.rows[1]", layout.Plain, []string{"", "", "04", "行政政法科"}, "231.79", "44.54", "7.25", "", "180.00"),
			row("t05.rows[2]", layout.Plain, []string{"", "", "526", "天门市政务服务和大数据管理局"}, "231.79", "44.54", "7.25", "", "180.00"),
			row("t05.rows[3]", layout.Plain, []string{"2010350", "事业运行", "526003", "天门市12345公共服务热线中心"}, "218.93", "32.57", "6.35", "", "180.00"),
			row("t05.rows[4]", layout.Plain, []string{"2013150", "事业运行", "526003", "天门市12345公共服务热线中心"}, "0.90", "", "0.90", "", ""),
			row("t05.rows[5]", layout.Plain, []string{"2080505", "机关事业单位基本养老保险缴费", "526003", "天门市12345公共服务热线中心"}, "4.80", "4.80", "", "", ""),
			row("t05.rows[6]", layout.Plain, []string{"2101102", "事业单位医疗", "526003", "天门市12345公共服务热线中心"}, "3.30", "3.30", "", "", ""),
			row("t05.rows[7]", layout.Plain, []string{"2210201", "住房公积金", "526003", "天门市12345公共服务热线中心"}, "3.87", "3.87", "", "", ""),
		},
	}
}

// longSheet has n rows, enough to continue over pages, with one long name
// in a narrow column.
func longSheet(n int) layout.Sheet {
	sh := layout.Sheet{
		ID: "t06", Name: "表六 一般公共预算基本支出表", Title: "一般公共预算基本支出表", UnitLine: "单位：万元",
		Columns: []layout.Column{
			{Key: "code", Kind: layout.KindCode, Width: 5}, {Key: "name", Kind: layout.KindText, Width: 6},
			{Key: "total", Kind: layout.KindAmount, Width: 5}, {Key: "staff", Kind: layout.KindAmount, Width: 5},
			{Key: "public", Kind: layout.KindAmount, Width: 5},
		},
		Header: []layout.HeaderCell{
			{Row: 0, Col: 0, RowSpan: 1, ColSpan: 2, Text: "部门预算支出经济分类科目"},
			{Row: 0, Col: 2, RowSpan: 1, ColSpan: 3, Text: "本年一般公共预算基本支出"},
			{Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "科目编码"}, {Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "科目名称"},
			{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "合计"}, {Row: 1, Col: 3, RowSpan: 1, ColSpan: 1, Text: "人员经费"},
			{Row: 1, Col: 4, RowSpan: 1, ColSpan: 1, Text: "公用经费"},
		},
		HeaderRows: 2, Decimals: 2,
		Page:  layout.Page{Landscape: false, FitWidth: true, RepeatHeader: true}, // upright, as templates print 表六
		Notes: []string{"注：本表按部门预算支出经济分类科目列示。"},
	}
	sh.Rows = append(sh.Rows, row("t06.rows[0]", layout.Bold, []string{"", "合计"}, "51.79", "44.54", "7.25"))
	for i := 1; i < n; i++ {
		name := "基本工资"
		if i == 3 {
			name = longName
		}
		em := layout.Plain
		if i%10 == 1 {
			em = layout.Bold
		}
		sh.Rows = append(sh.Rows, row("t06.rows["+strconv.Itoa(i)+"]", em,
			[]string{strconv.Itoa(30100 + i), name}, strconv.Itoa(i)+".25", strconv.Itoa(i)+".00", "0.25"))
	}
	return sh
}

// longName needs several lines in the 名称 column of longSheet.
const longName = "机关事业单位职业年金缴费及其他社会保障缴费（含补充医疗保险和住房公积金）"

func emptySheet() layout.Sheet {
	sh := table5()
	sh.ID, sh.Name, sh.Title = "t08", "表八 政府性基金预算支出表", "政府性基金预算支出表"
	sh.Rows = []layout.Row{row("t08.rows[0]", layout.Bold, []string{"", "", "", "合计"}, "", "", "", "", "")}
	sh.Notes = []string{"注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。"}
	return sh
}

func handDoc() layout.Document {
	return layout.Document{
		Title: "天门市12345公共服务热线中心2023年部门预算公开表", Author: "天门市12345公共服务热线中心",
		Subject: "2023年部门预算公开", Date: time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC),
		Sheets: []layout.Sheet{table5(), longSheet(60), emptySheet()},
	}
}
