package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestCatalog: the region's catalog the server was started with (serve
// --catalog) names a ledger's 项 and makes its codes known to the checks.
func TestCatalog(t *testing.T) {
	ledgerCSV := "部门名称,某某局\n年度,2027\n\n" +
		"单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,金额\n" +
		"901001,测试单位,行政,2019704,30101,人员类,一般公共预算,12345.67\n"
	for _, tc := range []struct {
		catalog map[string]string
		notes   int
	}{
		{nil, 2}, // 表三 and 表五: 款 20197 (made up) is not in the embedded catalog
		{map[string]string{"2019704": "档案馆"}, 0},
	} {
		_, ts := newTest(t, Options{Catalog: tc.catalog})
		var rep report
		if err := json.Unmarshal(wantStatus(t, post(t, ts.URL+"/api/validate", "明细.csv", []byte(ledgerCSV)), http.StatusOK), &rep); err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, f := range rep.Findings {
			if f.Rule == "C-FUNC" {
				codes = append(codes, f.String())
			}
		}
		if rep.Kind != "ledger" || rep.Warnings != 0 || len(codes) != tc.notes || rep.Infos != tc.notes {
			t.Errorf("catalog %v: kind %q, %d warnings, %d notes, C-FUNC %q; want %d notes", tc.catalog, rep.Kind, rep.Warnings, rep.Infos, codes, tc.notes)
		}
		if tc.catalog != nil {
			b := wantStatus(t, post(t, ts.URL+"/api/export?format=json", "明细.csv", []byte(ledgerCSV)), http.StatusOK)
			if !strings.Contains(string(b), `"func_name": "档案馆"`) {
				t.Errorf("the ledger's 项 is not named from the catalog: %.300s", b)
			}
		}
	}
}
