package narrative

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"gongkai/exporter/html"
	"gongkai/exporter/pdf"
	"gongkai/fonts/wqymicrohei"
	"gongkai/importer/published"
	"gongkai/importer/text"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// shanghaiRead are the Shanghai tables 表1–9 (表9 is model table 七, read by
// the 三公 reader, printed in 万元 and kept in the tables' 元).
var shanghaiRead = []model.TableID{model.T01, model.T02, model.T03, model.T04, model.T05, model.T08, model.T10, model.T06, model.T07}

// rowsOf prints what each row of a table states: its level, code, name and
// every amount the Shanghai layout shows, exactly.
func rowsOf(d *model.Disclosure, id model.TableID) string {
	var b strings.Builder
	ts := d.Tables
	switch id {
	case model.T01, model.T04:
		st := ts.T01
		if id == model.T04 {
			st = ts.T04
		}
		if st == nil {
			return "absent"
		}
		for _, l := range st.Income {
			fmt.Fprintf(&b, "in %s %s %s\n", l.Key, l.Label, l.Amount)
		}
		for _, f := range st.Functions {
			fmt.Fprintf(&b, "fn %s %s %s %s %s %s\n", f.Code, f.Name, f.Total, f.General, f.GovFund, f.StateCapital)
		}
		fmt.Fprintf(&b, "income %s/%s expenditure %s/%s %s\n", st.IncomeTotal, st.IncomeGrandTotal, st.ExpenditureTotal.Total, st.ExpenditureGrandTotal.Total, st.ExpenditureGrandTotal.General)
	case model.T02:
		if ts.T02 == nil {
			return "absent"
		}
		for _, r := range ts.T02.Rows {
			fmt.Fprintf(&b, "%s %s %s %s %s %s %s %s\n", r.Level, r.FuncCode, r.FuncName, r.Total, r.Fiscal, r.Business, r.Operating, r.Other)
		}
	case model.T07:
		if ts.T07 == nil {
			return "absent"
		}
		for _, r := range ts.T07.Rows {
			fmt.Fprintf(&b, "%s %s %s %s %s %s %s\n", r.Level, r.Total, r.Abroad, r.Reception, r.VehicleSubtotal, r.VehiclePurchase, r.VehicleOperation)
		}
	case model.T06:
		if ts.T06 == nil {
			return "absent"
		}
		for _, r := range ts.T06.Rows {
			fmt.Fprintf(&b, "%s %s %s %s %s %s\n", r.Level, r.Code, r.Name, r.Total, r.Personnel, r.Public)
		}
	default:
		var t *model.ExpenditureTable
		switch id {
		case model.T03:
			t = ts.T03
		case model.T05:
			t = ts.T05
		case model.T08:
			t = ts.T08
		case model.T10:
			t = ts.T10
		}
		if t == nil {
			return "absent"
		}
		fmt.Fprintf(&b, "scheme %s\n", t.Scheme)
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "%s %s %s %s %s %s\n", r.Level, r.FuncCode, r.FuncName, r.Total, r.Basic, r.Project)
		}
	}
	return b.String()
}

func sheetBody(s layout.Sheet) string {
	var b strings.Builder
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(c.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// sameShanghaiTables parses src and requires 表1–9 of d: the rows and
// amounts exactly, and the sheets as the shanghai profile prints them.
func sameShanghaiTables(t *testing.T, what, src string, d *model.Disclosure, prof *profiles.Profile) {
	t.Helper()
	r, err := text.Parse(strings.NewReader(src), text.Options{Name: what})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range r.Unread {
		if strings.ContainsAny(u.Text, "0123456789") && (strings.Contains(u.Text, "支出") || strings.Contains(u.Text, "收入") || strings.Contains(u.Text, "合计")) && len([]rune(u.Text)) < 80 {
			t.Errorf("%s: table line unread: %d %s", what, u.Line, u.Text)
		}
	}
	for _, f := range r.Findings {
		if f.Rule == "P7" {
			t.Errorf("%s: %s", what, f.Message)
		}
	}
	for _, id := range shanghaiRead {
		if g, w := rowsOf(r.Disclosure, id), rowsOf(d, id); g != w {
			t.Errorf("%s: %s rows differ:\nwant\n%s\ngot\n%s", what, id.Number(), w, g)
			continue
		}
		want, err := templates.Sheet(d, id, templates.Options{Profile: prof})
		if err != nil {
			t.Fatal(err)
		}
		got, err := templates.Sheet(r.Disclosure, id, templates.Options{Profile: prof})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := sheetBody(got), sheetBody(want); g != w {
			t.Errorf("%s: %s prints differently:\nwant\n%s\ngot\n%s", what, id.Number(), w, g)
		}
	}
	if t.Failed() {
		t.Logf("%s text:\n%s", what, src)
	}
}

// The Shanghai example exported with the shanghai profile, as the table
// PDF and as the document web page, read back: 表1–8 as the model states
// them.
func TestShanghaiTablesRoundTrip(t *testing.T) {
	d := loadExample(t, "shanghai-wanli-2025.json")
	prof, err := profiles.Open("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	tdoc, err := templates.Document(d, templates.Options{Profile: prof})
	if err != nil {
		t.Fatal(err)
	}
	font, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, tdoc, pdf.Options{Font: font}); err != nil {
		t.Fatal(err)
	}
	pd, err := published.PDF(buf.Bytes(), published.PDFOptions{Name: "tables.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	sameShanghaiTables(t, "table PDF", pd.Text, d, prof)

	doc, _, err := Document(d, Options{Tables: templates.Options{Profile: prof}})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := html.WriteDocument(&page, doc); err != nil {
		t.Fatal(err)
	}
	hd, err := published.HTML(page.Bytes(), published.HTMLOptions{Name: "page.html"})
	if err != nil {
		t.Fatal(err)
	}
	sameShanghaiTables(t, "document web page", hd.Text, d, prof)
}
