package check

import (
	"strings"
	"testing"

	"gongkai/model"
)

// find returns the findings of rule.
func find(fs []model.Finding, rule string) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestValueRules(t *testing.T) {
	E, W := model.SeverityError, model.SeverityWarning
	cases := []struct {
		name   string
		d      func() *model.Disclosure
		rule   string
		sev    model.Severity
		table  model.TableID
		substr string
	}{
		{"negative 三公 in 表七", func() *model.Disclosure {
			t7 := t7()
			t7.Rows[0].Reception = a("-0.12")
			return disc(model.Tables{T07: t7}, nil)
		}, "NEG", E, model.T07, "“三公”经费不能为负数"},
		{"negative 三公 in the narrative", func() *model.Disclosure {
			return disc(model.Tables{}, &model.Narrative{ThreePublic: model.ThreePublic{Abroad: a("-1.00")}})
		}, "NEG", E, "", "three_public.abroad"},
		{"negative table amount", func() *model.Disclosure {
			t := t5()
			t.Rows[1].Public = a("-4.00")
			t.Rows[1].Personnel = a("14.00")
			t.Rows[0].Public, t.Rows[0].Personnel = a("-4.00"), a("14.00")
			return disc(model.Tables{T05: t}, nil)
		}, "NEG", W, model.T05, "表五 526003 2010350 事业运行 公用经费 为 -4.00"},
		{"three decimals in a table", func() *model.Disclosure {
			t := t5()
			t.Rows[1].Total, t.Rows[1].Personnel = a("10.004"), a("6.004")
			return disc(model.Tables{T05: t}, nil)
		}, "PREC", W, model.T05, "有 2 个金额多于 2 位小数：526003 2010350 事业运行 合计 10.004"},
		{"RTL override in a name", func() *model.Disclosure {
			t := t5()
			t.Rows[1].FuncName = "事业\u202e运行"
			return disc(model.Tables{T05: t}, nil)
		}, "TEXT", E, model.T05, "U+202E"},
		{"zero-width space in the department", func() *model.Disclosure {
			d := disc(model.Tables{}, nil)
			d.Department = "测试\u200b单位"
			return d
		}, "TEXT", W, "", "department 含有看不见的字符 U+200B"},
		{"control character in a unit name", func() *model.Disclosure {
			t := t5()
			t.Rows[1].UnitName = "单位\x07"
			return disc(model.Tables{T05: t}, nil)
		}, "TEXT", W, model.T05, "U+0007"},
		{"表六 30217 above 表七 接待", func() *model.Disclosure {
			t6 := &model.BasicTable{Rows: []model.BasicRow{{Level: model.LevelItem, Code: "30217", Name: "公务接待费", Total: a("0.50"), Public: a("0.50")}}}
			t7 := t7()
			t7.Rows[0].Reception = a("0.12")
			return disc(model.Tables{T06: t6, T07: t7}, nil)
		}, "X13", E, model.T06, "表六 30217 公务接待费 0.50 > 表七 合计 公务接待费 0.12"},
		{"3-digit code on a detail row", func() *model.Disclosure {
			t := t5()
			t.Rows[1].FuncCode = "201"
			return disc(model.Tables{T05: t}, nil)
		}, "C-FUNC", E, model.T05, "应为 7 位（项），201 只有 3 位（类）"},
		{"malformed code on a detail row", func() *model.Disclosure {
			t := t5()
			t.Rows[1].FuncCode = "20103x0"
			return disc(model.Tables{T05: t}, nil)
		}, "C-FUNC", E, model.T05, "功能科目编码应为"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := find(Disclosure(tc.d(), Options{}), tc.rule)
			for _, f := range fs {
				if f.Severity == tc.sev && f.Table == tc.table && strings.Contains(f.Message, tc.substr) {
					return
				}
			}
			t.Errorf("want %s %s %s with %q, got %v", tc.sev, tc.rule, tc.table, tc.substr, fs)
		})
	}
}

// The rules stay quiet on what is right: signed changes, line breaks in
// notes, 表六 30217 equal to 表七, and the bundled-example-like fixtures.
func TestValueRulesQuiet(t *testing.T) {
	t6 := &model.BasicTable{Rows: []model.BasicRow{{Level: model.LevelItem, Code: "30217", Name: "公务接待费", Total: a("0.12"), Public: a("0.12")}}}
	t5 := t5()
	t5.Note = "第一行\n第二行"
	d := disc(model.Tables{T05: t5, T06: t6, T07: t7()}, &model.Narrative{
		ThreePublic: model.ThreePublic{Change: a("-0.50"), ChangePercent: a("-10.5"), ReceptionChange: a("-0.01")},
		Income:      model.IncomeFigures{Change: a("-3.00")},
	})
	for _, f := range Disclosure(d, Options{}) {
		switch f.Rule {
		case "NEG", "TEXT", "X13", "PREC":
			t.Errorf("unexpected %s", f)
		}
	}
}
