package layout

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

func TestAmountCell(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		name     string
		v        decimal.Decimal
		blank    bool
		showZero bool
		text     string
		empty    bool
	}{
		{"rounds half away from zero", d("218.925"), false, false, "218.93", false},
		{"keeps two places", d("180"), false, false, "180.00", false},
		{"zero shown", d("0"), false, true, "0.00", false},
		{"zero hidden", d("0"), false, false, "", true},
		{"blank shown as zero", decimal.Zero, true, true, "0.00", false},
		{"blank hidden", decimal.Zero, true, false, "", true},
		{"tiny negative is not -0.00", d("-0.004"), false, true, "0.00", false},
		{"tiny negative hidden", d("-0.004"), false, false, "", true},
		{"negative", d("-121.515"), false, false, "-121.52", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := AmountCell(tc.v, tc.blank, 2, tc.showZero)
			if c.Text != tc.text || c.Empty != tc.empty {
				t.Fatalf("AmountCell(%s) = %q empty=%v, want %q empty=%v", tc.v, c.Text, c.Empty, tc.text, tc.empty)
			}
			if !c.Empty && (!c.Numeric || c.Value.StringFixed(2) != tc.text) {
				t.Fatalf("numeric value %s does not match its text %q", c.Value, c.Text)
			}
		})
	}
}

func ExampleAmountCell() {
	exact := decimal.RequireFromString("218.925") // an exact total, in 万元
	fmt.Println(AmountCell(exact, false, 2, false).Text)
	fmt.Println(AmountCell(decimal.Zero, false, 2, true).Text)         // 表六 prints zeros
	fmt.Printf("%q\n", AmountCell(decimal.Zero, false, 2, false).Text) // 表五 leaves them blank
	// Output:
	// 218.93
	// 0.00
	// ""
}

// The table of contents of a whole document: each part, its sections and,
// in the part that holds them, the tables.
func ExampleDocument_Contents() {
	doc := Document{
		Sheets: []Sheet{{ID: "t01", Name: "表一 部门收支总表", Contents: "一、部门收支总表"}},
		Parts: []Part{
			{Title: "第一部分 概况", Blocks: []Block{
				{Kind: Heading, Level: 1, Text: "一、主要职责"},
				{Kind: Paragraph, Text: "负责热线受理。"},
				{Kind: Heading, Level: 2, Text: "（一）机构设置"},
			}},
			{Title: "第二部分 公开表", Tables: true},
		},
	}
	for _, e := range doc.Contents() {
		fmt.Printf("%d %s\n", e.Level, e.Text)
	}
	// Output:
	// 0 第一部分 概况
	// 1 一、主要职责
	// 0 第二部分 公开表
	// 1 一、部门收支总表
}
