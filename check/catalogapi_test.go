package check_test

import (
	"testing"

	"gongkai/check"
)

func TestCatalogAPI(t *testing.T) {
	for _, tc := range []struct {
		dept   string
		agency bool
		want   string
	}{
		{"30101", true, "50101"}, {"30101", false, "50501"},
		{"30217", true, "50206"}, {"30217", false, "50502"},
		{"31013", true, "50303"}, {"31013", false, "50601"},
		{"30302", true, "50905"},
	} {
		if got, ok := check.GovEconomic(tc.dept, tc.agency); !ok || got != tc.want {
			t.Errorf("GovEconomic(%s, %v) = %q, %v; want %s", tc.dept, tc.agency, got, ok, tc.want)
		}
	}
	if _, ok := check.GovEconomic("30107", true); ok {
		t.Error("30107 绩效工资 has no 机关 mapping")
	}
	if n, ok := check.FunctionName("221"); !ok || n != "住房保障支出" {
		t.Errorf("FunctionName(221) = %q", n)
	}
	if n, ok := check.EconomicName("30113"); !ok || n != "住房公积金" {
		t.Errorf("EconomicName(30113) = %q", n)
	}
	if check.FundAllows("general", "223") || !check.FundAllows("state_capital", "223") || check.FundAllows("gov_fund", "201") {
		t.Error("FundAllows")
	}
}
