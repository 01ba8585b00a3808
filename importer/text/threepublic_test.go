package text

import (
	"strings"
	"testing"
)

// 三公 tables as other regions print them, in our own numbers: each lands in
// the same 表七 合计 row; a blank cell stays blank; the year before and the
// change are listed as figures, never taken for this year's amounts.
func TestThreePublicTableForms(t *testing.T) {
	type want struct{ total, abroad, vehSub, vehPur, vehOp, reception string }
	cases := []struct {
		name  string
		text  string
		want  want
		other map[string]string // figure key → value, for the columns of other years
	}{
		{
			name: "项目|预算数 one cell per line, each cell followed by ' |' [13]",
			text: "2021年区本级“三公”经费预算支出表\n单位:万元\n项目 |\n预算数 |\n合计 |\n5210 |\n1.因公出国(境)费用 |\n45 |\n2.公务接待费 |\n410 |\n3.公务用车购置及运行维护费 |\n4755 |\n其中:公务用车运行维护费 |\n3100 |\n公务用车购置 |\n1655 |\n",
			want: want{"5210", "45", "4755", "1655", "3100", "410"},
		},
		{
			name: "every cell on its own line between '|' lines, blank cells, spaced header [27]",
			text: "2020年一般公共预算“三公”经费支出预算表\n单位:万元\n|\n项 目\n|\n预 算 数\n|\n合 计\n|\n0.38\n|\n因公出国（境）费\n|\n|\n公务用车购置及运行费\n|\n0.36\n|\n其中:公务用车购置费\n|\n|\n公务用车运行费\n|\n0.36\n|\n公务接待费\n|\n0.02\n|\n",
			want: want{"0.38", "", "0.36", "", "0.36", "0.02"},
		},
		{
			name: "one cell per line without marks: a label without amount stays blank",
			text: "2024年“三公”经费预算表\n单位：万元\n项目\n预算数\n合计\n3.00\n因公出国（境）费\n公务接待费\n3.00\n",
			want: want{"3.00", "", "", "", "", "3.00"},
		},
		{
			name:  "prior year, 增减额 and 增减率 columns beside this year's",
			text:  "某某局2025年“三公”经费预算情况\n2025年“三公”经费预算表\n单位：万元\n项目\t2024年预算数\t2025年预算数\t增减额\t增减率\n合计\t12.00\t10.50\t-1.50\t-12.50%\n因公出国（境）费\t0.00\t0.00\t0.00\t0.00%\n公务用车购置及运行维护费\t8.00\t7.00\t-1.00\t-12.50%\n其中：公务用车购置费\t0.00\t0.00\t0.00\t0.00%\n公务用车运行维护费\t8.00\t7.00\t-1.00\t-12.50%\n公务接待费\t4.00\t3.50\t-0.50\t-12.50%\n",
			want:  want{"10.50", "0.00", "7.00", "0.00", "7.00", "3.50"},
			other: map[string]string{"表七.2024年预算数[合计]": "12.00", "表七.增减额[公务接待费]": "-0.50", "表七.增减率[合计]": "-12.50"},
		},
		{
			name:  "rows by year: 上年预算数 / 本年预算数 / 增减额",
			text:  "某某局2025年“三公”经费预算情况\n2025年一般公共预算“三公”经费支出表\n单位：万元\n项目\t合计\t因公出国（境）费\t公务用车购置费\t公务用车运行费\t公务接待费\n2024年预算数\t12.00\t0.00\t0.00\t8.00\t4.00\n2025年预算数\t10.50\t0.00\t0.00\t7.00\t3.50\n增减额\t-1.50\t0.00\t0.00\t-1.00\t-0.50\n",
			want:  want{"10.50", "0.00", "", "0.00", "7.00", "3.50"},
			other: map[string]string{"表七.2024年预算数[合计]": "12.00", "表七.增减额[公务接待费]": "-0.50"},
		},
		{
			name:  "Shanghai 表9: one row without label, 接待 before 车, 机关运行经费 beside [01] [05]",
			text:  "2025年部门“三公”经费和机关运行经费预算表\n编制部门：某某街道办事处\t\t\t\t\t\t单位:万元\n“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n\t\t\t小计\t购置费\t运行费\t\n20.5\t0\t2.5\t18\t10\t8\t300.25\n",
			want:  want{"20.5", "0", "18", "10", "8", "2.5"},
			other: map[string]string{"表七.机关运行经费": "300.25"},
		},
		{
			name: "items as columns, one cell per line with ' |' and '||' lines, the 车 sub-columns after the first header row [26]",
			text: "某局2023年“三公”经费预算情况\n一、2023年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务 接待费 |\n||\n小计 |\n公务用车购置费 |\n公务用车运行费 |\n|||\n66 |\n0 |\n60 |\n20 |\n40 |\n6 |\n二、2023年一般公共预算“三公”经费支出预算情况说明\n",
			want: want{"66", "0", "60", "20", "40", "6"},
		},
		{
			name: "title broken after the year; items as columns one per line without marks, a header cell split in two [24]",
			text: "某开发区管委会2024年\n一般公共预算“三公”经费预算\n一、2024年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计\n因公出国(境)费\n公务用车购置及运行费\n公务\n接待费\n小计\n公务用车购置费\n公务用车运行费\n120.5\n5\n60.5\n20\n40.5\n55\n二、2024年一般公共预算“三公”经费支出预算情况说明\n",
			want: want{"120.5", "5", "60.5", "20", "40.5", "55"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse(strings.NewReader(tc.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range r.Unread {
				t.Errorf("unread line %d: %s", u.Line, u.Text)
			}
			tb := r.Disclosure.Tables.T07
			if tb == nil || len(tb.Rows) != 1 {
				t.Fatalf("表七 not read as one 合计 row: %+v", tb)
			}
			row := tb.Rows[0]
			got := want{row.Total.String(), row.Abroad.String(), row.VehicleSubtotal.String(), row.VehiclePurchase.String(), row.VehicleOperation.String(), row.Reception.String()}
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			figs := map[string]string{}
			for _, f := range r.Figures {
				figs[f.Key] = f.Value.String()
			}
			for k, v := range tc.other {
				if figs[k] != v {
					t.Errorf("figure %s = %q, want %s (figures %v)", k, figs[k], v, figs)
				}
			}
		})
	}
}

// A summary table whose blank cells were lost (an expenditure class in the
// income column) is not read: its rows are listed as unread with a P7
// finding. (The Shanghai tables are read from the shanghai profile:
// shanghai_test.go.)
func TestTablesNotMisread(t *testing.T) {
	for name, src := range map[string]string{
		"summary with lost blank cells": "2025年部门财政拨款收支预算总表\n单位:元\n财政拨款收入\t\t财政拨款支出\n项目\t预算数\t项目\t合计\n一、一般公共预算资金\t500,000\t一、一般公共服务支出\t400,000\n二、社会保障和就业支出\t100,000\n收入总计\t500,000\t支出总计\t500,000\n",
	} {
		t.Run(name, func(t *testing.T) {
			r, err := Parse(strings.NewReader(src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			ts := r.Disclosure.Tables
			if ts.T01 != nil || ts.T03 != nil || ts.T04 != nil {
				t.Errorf("table read from a layout it cannot place: %+v %+v %+v", ts.T01, ts.T03, ts.T04)
			}
			if len(r.Unread) == 0 || !hasRule(r.Findings, "P7") {
				t.Errorf("rows not listed as unread (%d) or no P7", len(r.Unread))
			}
		})
	}
}
