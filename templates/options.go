package templates

import (
	"strconv"
	"strings"

	"gongkai/model"
)

// Options control Document and Sheet. The zero value prints all ten tables
// with the 天门市 wording of DefaultLabels.
type Options struct {
	// OnlyPresent skips the tables the disclosure does not give (nil)
	// instead of printing them empty with their note.
	OnlyPresent bool
	// Labels are the words that vary by region or year; nil means
	// DefaultLabels().
	Labels *Labels
}

// Labels are the printed words that differ between regions and years. They
// are data, not code: a region with other titles or notes passes its own
// Labels (start from DefaultLabels and change what differs).
//
// Notes may use the placeholders {year} (the budget year) and {subject}
// (Labels.Subject, e.g. 部门).
type Labels struct {
	// Titles are the headings printed above each table.
	Titles map[model.TableID]string
	// EmptyNotes are printed under a table that has no rows (or is not
	// given) when the data states no note of its own.
	EmptyNotes map[model.TableID]string
	// Subject replaces {subject} in notes: 部门 or 单位.
	Subject string
	// Income are the income labels of 表一/表四 by income key, used when a
	// line of the data has no label of its own.
	Income map[string]string
	// Carryover labels the 上年结余结转 row of 表一 and 表四.
	Carryover map[model.TableID]string
	// CarryoverLines are printed under the carry-over row when the data
	// lists none: 表四 prints (一)(二)(三) by fund even when they are blank.
	CarryoverLines map[model.TableID][]string
	// Footer rows of 表一/表四 and the two summary lines of the
	// category and economic blocks.
	IncomeTotal, ExpenditureTotal         string // 本年收入合计, 本年支出合计
	CarryForward                          string // 结转下年
	IncomeGrandTotal, ExpenditureGrandTot string // 收入总计, 支出总计
	CategoryTotal, EconomicTotal          string // 支出类别分类, 部门预算支出经济分类
	// Total is the name of the 合计 row of an empty table.
	Total string
	// BlockGap is the number of empty rows between the category block and
	// the economic block of 表一/表四 (3 in the 2023 seed).
	BlockGap int
}

// DefaultLabels returns the 天门市 wording of the 2023 seed (spec/forms.md
// §2, §4 and §6). Each call returns a fresh copy that the caller may change.
//
// Titles are the headings as printed above the tables, which differ from the
// table of contents for two tables: 表三 prints 部门支出总表（支出功能科目） and
// 表四 prints 财政拨款收支预算总表 (spec §2.1, §4.3, §4.4). The printed heading
// is what finance staff compare with the published PDF, so it is the title;
// the sheet tab keeps the TOC name (表三 部门支出总表).
func DefaultLabels() *Labels {
	return &Labels{
		Titles: map[model.TableID]string{
			model.T01: "部门收支总表",
			model.T02: "部门收入总表",
			model.T03: "部门支出总表（支出功能科目）",
			model.T04: "财政拨款收支预算总表",
			model.T05: "一般公共预算支出表",
			model.T06: "一般公共预算基本支出表",
			model.T07: "一般公共预算“三公”经费支出表",
			model.T08: "政府性基金预算支出表",
			model.T09: "政府采购预算表",
			model.T10: "国有资本经营预算支出表",
		},
		EmptyNotes: map[model.TableID]string{
			model.T01: "注：本{subject}{year}年无部门收支预算，此表为空表。",
			model.T02: "注：本{subject}{year}年无部门收入预算，此表为空表。",
			model.T03: "注：本{subject}{year}年无部门支出预算，此表为空表。",
			model.T04: "注：本{subject}{year}年无财政拨款收支预算，此表为空表。",
			model.T05: "注：本{subject}{year}年无一般公共预算财政拨款安排的支出，此表为空表。",
			model.T06: "注：本{subject}{year}年无一般公共预算基本支出，此表为空表。",
			model.T07: "注：本{subject}{year}年无一般公共预算“三公”经费支出，此表为空表。",
			model.T08: "注：本{subject}{year}年无政府性基金预算财政拨款安排的支出，此表为空表。",
			model.T09: "注：本{subject}{year}年无政府采购预算，此表为空表。",
			model.T10: "注：本{subject}{year}年无国有资本经营预算财政拨款安排的支出，此表为空表。",
		},
		Subject: "部门",
		Income: map[string]string{
			model.IncomeGeneral:        "一般公共预算财政拨款收入",
			model.IncomeGovFund:        "政府性基金预算财政拨款收入",
			model.IncomeStateCapital:   "国有资本经营预算财政拨款收入",
			model.IncomeSpecialAccount: "财政专户管理资金收入",
			model.IncomeUnitFunds:      "单位资金收入",
			model.IncomeCarryover:      "上年结余结转",
		},
		Carryover: map[model.TableID]string{
			model.T01: "上年结余结转",
			model.T04: "二、上年结余结转", // as printed in the 2023 seed (spec §4.4)
		},
		CarryoverLines: map[model.TableID][]string{
			model.T04: {"(一)一般公共预算", "(二)政府性基金预算", "(三)国有资本经营预算"},
		},
		IncomeTotal:         "本年收入合计",
		ExpenditureTotal:    "本年支出合计",
		CarryForward:        "结转下年",
		IncomeGrandTotal:    "收入总计",
		ExpenditureGrandTot: "支出总计",
		CategoryTotal:       "支出类别分类",
		EconomicTotal:       "部门预算支出经济分类",
		Total:               "合计",
		BlockGap:            3,
	}
}

func (o Options) labels() *Labels {
	if o.Labels != nil {
		return o.Labels
	}
	return DefaultLabels()
}

// note fills the placeholders of a note.
func (l *Labels) note(text string, year int) string {
	subject := l.Subject
	if subject == "" {
		subject = "部门"
	}
	return strings.NewReplacer("{year}", strconv.Itoa(year), "{subject}", subject).Replace(text)
}
