package narrative

import (
	"bytes"
	"strings"
	"testing"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/exporter/html"
	"gongkai/importer/ledger"
	"gongkai/importer/published"
	"gongkai/importer/text"
	"gongkai/model"
)

// carryForward is the example ledger with a 收入 file stating more 本年收入
// than it spends: 表一 has 结转下年 253.00 − 231.79 = 21.21.
func carryForward(t *testing.T) *model.Disclosure {
	t.Helper()
	income := "单位编码,资金性质,本年收入（万元）\n526003,一般公共预算,253\n"
	d, _, err := ledger.Load(examples.LedgerName, examples.SampleLedger(),
		ledger.ReadOptions{Income: []byte(income), IncomeName: "收入.csv"}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.T01.CarryForward.Total.String(); got != "21.21" {
		t.Fatalf("表一 结转下年 = %s, want 21.21", got)
	}
	return d
}

// A budget whose income exceeds its spending says where the rest goes: the
// 预算收支 paragraph states 结转下年 beside 支出总额, in every style and in
// the text, the web page and the document PDF; read back, the figure is
// 表一's and the disclosure passes check --exact.
func TestCarryForwardStated(t *testing.T) {
	d := carryForward(t)
	for _, tc := range []struct{ style, want string }{
		{"2023", "2023年预算支出总额231.79万元，结转下年21.21万元。"},
		{"2026", "2023年部门预算支出总额231.79万元，结转下年21.21万元。"},
		{"shanghai", "2023年，本部门支出预算231.79万元，结转下年21.21万元。"},
	} {
		s, _, err := Text(d, Options{Style: tc.style})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, tc.want) {
			t.Errorf("%s: no %q in\n%s", tc.style, tc.want, s)
		}
		if strings.Count(s, "结转下年") != 1 {
			t.Errorf("%s: 结转下年 stated %d times", tc.style, strings.Count(s, "结转下年"))
		}
	}

	exact := func(what string, src string) {
		t.Helper()
		res, err := text.Parse(strings.NewReader(src), text.Options{Name: what})
		if err != nil {
			t.Fatal(err)
		}
		n := res.Disclosure.Narrative
		if n == nil || n.Expenditure.CarryForward.String() != "21.21" {
			t.Errorf("%s: 结转下年 not read back: %+v", what, n)
		}
		for _, f := range check.Disclosure(res.Disclosure, check.Options{Exact: true}) {
			if f.Severity != model.SeverityInfo {
				t.Errorf("%s: check --exact: %s", what, f)
			}
		}
	}
	for _, style := range []string{"2023", "2026"} {
		roundTrip(t, d, style)
		doc, _, err := Document(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		var page bytes.Buffer
		if err := html.WriteDocument(&page, doc); err != nil {
			t.Fatal(err)
		}
		pub, err := published.HTML(page.Bytes(), published.HTMLOptions{Name: "page.html"})
		if err != nil {
			t.Fatal(err)
		}
		exact(style+" html", pub.Text)
		pd, err := published.PDF(docPDF(t, d, Options{Style: style}), published.PDFOptions{Name: "doc.pdf"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(strings.Fields(pd.Text), ""), "支出总额231.79万元，结转下年21.21万元") {
			t.Errorf("%s: the document PDF does not state 结转下年:\n%s", style, pd.Text)
		}
		exact(style+" pdf", pd.Text)
	}
}

// With a change against the prior year, 结转下年 follows the change after
// a semicolon, so that the change is not read as its.
func TestCarryForwardAfterChange(t *testing.T) {
	d := carryForward(t)
	if d.Narrative == nil {
		d.Narrative = &model.Narrative{}
	}
	d.Narrative.Expenditure.PriorTotal = model.MustAmount("200.00")
	d.Narrative.Income.PriorTotal = model.MustAmount("200.00")
	for _, tc := range []struct{ style, want string }{
		{"2023", "2023年预算支出总额231.79万元，比上年（200.00万元）增加31.79万元，增长15.90%；结转下年21.21万元。"},
		{"2026", "2023年部门预算支出总额231.79万元，较上年预算200.00万元增加31.79万元，增长15.90%；结转下年21.21万元。"},
	} {
		s, _, err := Text(d, Options{Style: tc.style})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, tc.want) {
			t.Errorf("%s: no %q in\n%s", tc.style, tc.want, s)
		}
		roundTrip(t, d, tc.style)
	}
}

// Without 结转下年 (zero in 表一) the text does not mention it.
func TestCarryForwardZeroNotStated(t *testing.T) {
	d := loadExample(t, "tianmen-12345-2023.json")
	if d.Tables.T01 == nil || !d.Tables.T01.CarryForward.Total.IsZero() {
		t.Fatal("the example's 表一 结转下年 should be 0")
	}
	for _, style := range []string{"2023", "2026", "shanghai"} {
		s, _, err := Text(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(s, "结转下年") {
			t.Errorf("%s: 结转下年 stated although it is 0:\n%s", style, s)
		}
	}
}
