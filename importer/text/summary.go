package text

import (
	"fmt"
	"strings"

	"gongkai/model"
)

// A block is one 项目 + amounts group of 表一 / 表四.
type block struct {
	kind  string // income, function, category
	label int    // column of the row label
	amts  map[string]int
}

// readSummary reads 表一 部门收支总表 and 表四 财政拨款收支总表: an income
// block beside expenditure by function and by category/economic class.
func (p *parser) readSummary(id model.TableID, leaves, paths []string, data []trow, note []string) {
	var blocks []*block
	for c, l := range leaves {
		l = compact(l)
		if c == 0 || hasAny(l, "项目", "科目") {
			blocks = append(blocks, &block{label: c, amts: map[string]int{}})
			continue
		}
		b := blocks[len(blocks)-1]
		f := ""
		switch {
		case hasAny(l, "合计", "预算数", "金额", "小计", "总计") || l == "预算":
			f = fTotal
		case hasAny(l, "一般公共预算"):
			f = fGeneral
		case hasAny(l, "政府性基金"):
			f = fGovFund
		case hasAny(l, "国有资本"):
			f = fStateCap
		}
		if f != "" {
			if _, dup := b.amts[f]; !dup {
				b.amts[f] = c
			}
		}
	}
	// kinds: the first block is income unless its header says 支出
	fn := -1
	for i, b := range blocks {
		path := paths[b.label]
		switch {
		case i == 0 && !(hasAny(path, "支出") && !hasAny(path, "收入")):
			b.kind = "income"
		case hasAny(path, "功能") && fn < 0:
			b.kind = "function"
			fn = i
		}
	}
	for i, b := range blocks {
		if b.kind != "" {
			continue
		}
		if fn < 0 {
			b.kind, fn = "function", i
		} else if i > fn {
			b.kind = "category"
		} else {
			b.kind = "unknown"
		}
	}
	t := &model.SummaryTable{Income: []model.IncomeLine{}, CarryoverLines: []model.IncomeLine{}, Functions: []model.FundLine{}, Categories: []model.FundLine{}, Economic: []model.FundLine{}, Note: strings.Join(note, "")}
	inCarry, econ := false, false
	// footer values stated in the category block as well as the function
	// block must agree; the model keeps one
	footer := func(dst *model.FundAmounts, v model.FundAmounts, lab string, ln int) {
		if isBlankFund(*dst) {
			*dst = v
			return
		}
		if !fundEqual(*dst, v) && !isBlankFund(v) {
			p.finding(model.SeverityWarning, "P2", "", ln, fmt.Sprintf("%s“%s”在两栏中数值不同（%s / %s）；保留第一栏", id.Number(), lab, fundString(*dst), fundString(v)))
		}
	}
	for _, r := range data {
		unread := false
		for _, b := range blocks {
			lab := compact(cell(r, b.label))
			stated := lab
			if b.label < len(r.raw) && r.raw[b.label] != "" {
				stated = compact(r.raw[b.label])
			}
			var fa model.FundAmounts
			ok := true
			for f, c := range b.amts {
				a, good := amount(cell(r, c))
				if !good {
					ok = false
				}
				switch f {
				case fTotal:
					fa.Total = a
				case fGeneral:
					fa.General = a
				case fGovFund:
					fa.GovFund = a
				case fStateCap:
					fa.StateCapital = a
				}
			}
			if !ok {
				unread = true
				continue
			}
			if lab == "" {
				if !isBlankFund(fa) {
					unread = true
				}
				continue
			}
			switch b.kind {
			case "income":
				switch {
				case hasAny(lab, "总计"):
					t.IncomeGrandTotal = fa.Total
				case hasAny(lab, "合计") || strings.HasSuffix(lab, "本年收入") && t.IncomeTotal.IsBlank():
					t.IncomeTotal = fa.Total
				case hasAny(lab, "上年结余结转", "上年结转结余", "结转结余", "上年结转", "上年结余", "年初结转"):
					t.Carryover = fa.Total
					inCarry = true
				case inCarry:
					t.CarryoverLines = append(t.CarryoverLines, model.IncomeLine{Key: incomeKey(lab), Label: stated, Amount: fa.Total})
				default:
					t.Income = append(t.Income, model.IncomeLine{Key: incomeKey(lab), Label: stated, Amount: fa.Total})
				}
			case "function", "category":
				switch {
				case hasAny(lab, "本年支出合计", "支出合计") || strings.HasSuffix(lab, "本年支出"):
					footer(&t.ExpenditureTotal, fa, lab, r.line)
				case hasAny(lab, "结转下年", "年末结转", "结余结转"):
					footer(&t.CarryForward, fa, lab, r.line)
				case hasAny(lab, "支出总计"):
					footer(&t.ExpenditureGrandTotal, fa, lab, r.line)
				case b.kind == "function":
					code, name := splitCode(stated)
					t.Functions = append(t.Functions, model.FundLine{Code: code, Name: name, FundAmounts: fa})
				case hasAny(lab, "支出类别", "类别分类"):
					t.CategoryTotal = fa
				case hasAny(lab, "经济分类"):
					t.EconomicTotal = fa
					econ = true
				case econ:
					code, name := splitCode(stated)
					t.Economic = append(t.Economic, model.FundLine{Code: code, Name: name, FundAmounts: fa})
				default:
					lv := 2
					if reHeadNum.MatchString(lab) {
						lv = 1
					}
					t.Categories = append(t.Categories, model.FundLine{Name: stated, Level: lv, FundAmounts: fa})
				}
			default:
				if !isBlankFund(fa) {
					unread = true
				}
			}
		}
		if unread {
			p.unread(r.line, r.text())
		}
	}
	if id == model.T01 {
		p.d.Tables.T01 = t
	} else {
		p.d.Tables.T04 = t
	}
}

func incomeKey(l string) string {
	switch {
	case hasAny(l, "一般公共预算"):
		return model.IncomeGeneral
	case hasAny(l, "政府性基金"):
		return model.IncomeGovFund
	case hasAny(l, "国有资本"):
		return model.IncomeStateCapital
	case hasAny(l, "财政专户"):
		return model.IncomeSpecialAccount
	case hasAny(l, "单位资金"):
		return model.IncomeUnitFunds
	case hasAny(l, "结余", "结转"):
		return model.IncomeCarryover
	}
	return model.IncomeOther
}

// splitCode splits "201一般公共服务支出" into 201 and the name.
func splitCode(l string) (code, name string) {
	if m := reLead.FindStringSubmatch(l); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	return "", l
}

func isBlankFund(f model.FundAmounts) bool {
	return f.Total.IsBlank() && f.General.IsBlank() && f.GovFund.IsBlank() && f.StateCapital.IsBlank()
}

func fundEqual(a, b model.FundAmounts) bool {
	return a.Total.Equal(b.Total) && a.General.Equal(b.General) && a.GovFund.Equal(b.GovFund) && a.StateCapital.Equal(b.StateCapital)
}

func fundString(f model.FundAmounts) string {
	return strings.Join([]string{f.Total.String(), f.General.String(), f.GovFund.String(), f.StateCapital.String()}, ",")
}
