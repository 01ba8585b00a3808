package html_test

import (
	"os"

	"github.com/shopspring/decimal"

	"gongkai/exporter/html"
	"gongkai/layout"
)

func ExampleWriteSheet() {
	s := layout.Sheet{
		ID: "t07", Title: "“三公”经费支出表", UnitLine: "单位：万元",
		Columns:    []layout.Column{{Kind: layout.KindText}, {Kind: layout.KindAmount}},
		HeaderRows: 1,
		Header:     []layout.HeaderCell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "项目"}, {Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "金额"}},
		Rows: []layout.Row{{
			Emphasis: layout.Bold,
			Cells:    []layout.Cell{layout.TextCell("合计"), layout.AmountCell(decimal.RequireFromString("7.254"), false, 2, true)},
		}},
	}
	html.WriteSheet(os.Stdout, s, html.Options{})
	// Output:
	// <section class="gk-sheet" id="t07">
	// <table class="gk-table">
	// <caption><span class="gk-title">“三公”经费支出表</span><span class="gk-unit">单位：万元</span></caption>
	// <thead>
	// <tr><th scope="col">项目</th><th scope="col">金额</th></tr>
	// </thead>
	// <tbody>
	// <tr class="gk-level-0 gk-bold"><th scope="row" class="gk-name">合计</th><td class="gk-num">7.25</td></tr>
	// </tbody>
	// </table>
	// </section>
}
