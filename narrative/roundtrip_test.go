package narrative

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/shopspring/decimal"

	"gongkai/check"
	"gongkai/examples"
	"gongkai/importer/jsonin"
	"gongkai/importer/text"
	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// docText writes a whole layout document as a text converter would: the
// parts' titles, headings and paragraphs one per line, each table as its
// title, units line and tab-separated rows.
func docText(doc layout.Document) string {
	var b strings.Builder
	b.WriteString(doc.Title + "\n")
	for _, p := range doc.Parts {
		b.WriteString(p.Title + "\n")
		for _, bl := range p.Blocks {
			b.WriteString(bl.Text + "\n")
		}
		if p.Tables {
			for _, s := range doc.Sheets {
				b.WriteString(sheetText(s))
			}
		}
	}
	return b.String()
}

func sheetText(s layout.Sheet) string {
	var b strings.Builder
	b.WriteString(s.Title + "\n" + s.UnitLine + "\n")
	w := len(s.Columns)
	grid := make([][]string, s.HeaderRows)
	for i := range grid {
		grid[i] = make([]string, w)
	}
	for _, h := range s.Header {
		if h.Row < len(grid) && h.Col < w {
			grid[h.Row][h.Col] = h.Text
		}
	}
	for _, r := range grid {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	for _, r := range s.Rows {
		cells := make([]string, w)
		for i, c := range r.Cells {
			if i < w {
				cells[i] = c.Text
			}
		}
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	for _, n := range s.Notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

// styleFacts are the facts of d as style writes them (in the style's unit).
func styleFacts(t *testing.T, d *model.Disclosure, style string) Facts {
	t.Helper()
	style, _, _ = strings.Cut(style, " ") // "2023 (pdf)" is style 2023
	_, f, err := prepare(d, Options{Style: style})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// lettersOnly keeps the letters and digits of s.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func loadExample(t testing.TB, name string) *model.Disclosure {
	t.Helper()
	b, err := examples.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := jsonin.Read(bytes.NewReader(b), name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// roundTrip generates the document of d in style, reads its text back with
// importer/text and compares every figure the text states with the facts
// it was written from; the read-back disclosure must pass check without a
// narrative (N) error.
func roundTrip(t *testing.T, d *model.Disclosure, style string) {
	t.Helper()
	doc, _, err := Document(d, Options{Style: style})
	if err != nil {
		t.Fatal(err)
	}
	src := docText(doc)
	if !readBack(t, d, style, src) {
		t.Logf("text:\n%s", src)
	}
}

// readBack reads src with importer/text and compares every figure it
// states with the facts of d; the disclosure read back must pass check
// without a narrative (N) error. It reports whether all went well.
func readBack(t *testing.T, d *model.Disclosure, style, src string) bool {
	t.Helper()
	failed := t.Failed()
	res, err := text.Parse(strings.NewReader(src), text.Options{Name: "generated.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "P3" && d.Unit == model.UnitYuan && strings.HasPrefix(style, "shanghai") {
			continue // tables in 元, text in 万元: as a Shanghai disclosure prints them
		}
		if f.Severity != model.SeverityInfo {
			t.Errorf("%s: reading back: %s", style, f)
		}
	}
	given := ""
	if x := d.Texts; x != nil {
		given = lettersOnly(strings.Join(append(append([]string{x.Organization, x.Units}, x.Duties...), x.Performance...), ""))
	}
	for _, u := range res.Unread {
		if l := lettersOnly(u.Text); l == "" || !strings.Contains(given, l) { // the user's own texts may hold numbers
			t.Errorf("%s: unread: %+v", style, u)
		}
	}
	got := res.Disclosure.Narrative
	if got == nil {
		t.Errorf("%s: no narrative read back", style)
		return false
	}
	compareFigures(t, style, styleFacts(t, d, style), got)
	compareItemChanges(t, style, styleFacts(t, d, style), res.Figures)
	for _, f := range check.Disclosure(res.Disclosure, check.Options{}) {
		if strings.HasPrefix(f.Rule, "N") && f.Severity == model.SeverityError {
			t.Errorf("%s: check: %s", style, f)
		}
	}
	return failed || !t.Failed()
}

func eq(t *testing.T, style, key string, want Figure, got model.Amount) {
	t.Helper()
	switch {
	case !want.Known && !got.IsBlank():
		t.Errorf("%s: %s read back %s, but the model does not give it", style, key, got)
	case want.Known && got.IsBlank():
		t.Errorf("%s: %s = %s not read back", style, key, want)
	case want.Known && !got.Decimal().Equal(want.Value):
		t.Errorf("%s: %s read back %s, want %s", style, key, got, want)
	}
}

func eqChange(t *testing.T, style, key string, c Change, prior, amount, pct model.Amount) {
	t.Helper()
	if !c.Known {
		eq(t, style, key+".change", Figure{}, amount)
		return
	}
	if !prior.IsBlank() {
		eq(t, style, key+".prior_total", c.Prior, prior)
	}
	signed := func(f Figure) Figure {
		if c.Down && f.Known {
			f.Value = f.Value.Neg()
		}
		return f
	}
	eq(t, style, key+".change", signed(c.Amount), amount)
	if !c.Same {
		eq(t, style, key+".change_percent", signed(c.Percent), pct)
	}
}

func compareFigures(t *testing.T, style string, f Facts, n *model.Narrative) {
	t.Helper()
	eq(t, style, "income.total", f.Income.Total, n.Income.Total)
	eqChange(t, style, "income", f.Income.Change, n.Income.PriorTotal, n.Income.Change, n.Income.ChangePercent)
	sources := f.Income.Sources // the styles list the sources, not the funds under 财政拨款收入
	if len(sources) != len(n.Income.Sources) {
		t.Errorf("%s: income sources: read %d, wrote %d", style, len(n.Income.Sources), len(sources))
	}
	for _, s := range sources {
		eq(t, style, "income.sources["+s.Name+"]", s.Amount, n.Income.Sources[s.Name])
	}
	eq(t, style, "expenditure.total", f.Expenditure.Total, n.Expenditure.Total)
	eqChange(t, style, "expenditure", f.Expenditure.Change, n.Expenditure.PriorTotal, n.Expenditure.Change, n.Expenditure.ChangePercent)
	eq(t, style, "expenditure.carry_forward", f.Expenditure.CarryForward, n.Expenditure.CarryForward)
	for _, c := range f.Expenditure.Categories {
		eq(t, style, "expenditure.by_category["+c.Name+"]", c.Amount, n.Expenditure.ByCategory[c.Name])
	}
	if len(f.Expenditure.Functions) != len(n.Expenditure.ByFunction) {
		t.Errorf("%s: by_function: read %d, wrote %d", style, len(n.Expenditure.ByFunction), len(f.Expenditure.Functions))
	} else {
		sum := decimal.Zero
		for i, s := range f.Expenditure.Functions {
			g := n.Expenditure.ByFunction[i]
			if g.Name != s.Name {
				t.Errorf("%s: by_function[%d] = %s, want %s", style, i, g.Name, s.Name)
			}
			eq(t, style, "by_function["+s.Name+"]", s.Amount, g.Amount)
			eq(t, style, "by_function["+s.Name+"].percent", s.Percent, g.Percent)
			sum = sum.Add(g.Percent.Decimal())
		}
		if len(f.Expenditure.Functions) > 0 && !sum.Equal(decimal.NewFromInt(100)) {
			t.Errorf("%s: the function shares add up to %s%%", style, sum)
		}
	}
	if strings.HasPrefix(style, "shanghai") {
		// 机关运行经费 as the narrative states it, without items or change
		eq(t, style, "operating_costs.total", f.Operating.Stated, n.OperatingCosts.Total)
	} else {
		eq(t, style, "operating_costs.total", f.Operating.Total, n.OperatingCosts.Total)
		eqChange(t, style, "operating_costs", f.Operating.Change, n.OperatingCosts.PriorTotal, n.OperatingCosts.Change, n.OperatingCosts.ChangePercent)
	}
	if strings.HasPrefix(style, "shanghai") {
	} else if len(f.Operating.Items) != len(n.OperatingCosts.Items) {
		t.Errorf("%s: operating items: read %d, wrote %d", style, len(n.OperatingCosts.Items), len(f.Operating.Items))
	} else {
		for i, it := range f.Operating.Items {
			eq(t, style, "operating_costs.items["+it.Name+"]", it.Amount, n.OperatingCosts.Items[i].Amount)
		}
	}
	tp := f.ThreePublic
	eq(t, style, "three_public.total", tp.Total, n.ThreePublic.Total)
	eqChange(t, style, "three_public", tp.Change, n.ThreePublic.PriorTotal, n.ThreePublic.Change, n.ThreePublic.ChangePercent)
	eq(t, style, "three_public.abroad", tp.Abroad, n.ThreePublic.Abroad)
	eq(t, style, "three_public.vehicle", tp.Vehicle, n.ThreePublic.Vehicle)
	eq(t, style, "three_public.vehicle_purchase", tp.VehiclePurchase, n.ThreePublic.VehiclePurchase)
	eq(t, style, "three_public.vehicle_operation", tp.VehicleOperation, n.ThreePublic.VehicleOperation)
	eq(t, style, "three_public.reception", tp.Reception, n.ThreePublic.Reception)
	eqChange(t, style, "three_public.reception", tp.ReceptionChange, model.Amount{}, n.ThreePublic.ReceptionChange, n.ThreePublic.ReceptionPercent)
	if !f.Procurement.None {
		eq(t, style, "procurement.total", f.Procurement.Total, n.Procurement.Total)
		eq(t, style, "procurement.goods", f.Procurement.Goods, n.Procurement.Goods)
		eq(t, style, "procurement.works", f.Procurement.Works, n.Procurement.Works)
		eq(t, style, "procurement.services", f.Procurement.Services, n.Procurement.Services)
	}
	a := f.Assets
	eq(t, style, "assets.total", a.Total, n.Assets.Total)
	eq(t, style, "assets.fixed", a.Fixed, n.Assets.Fixed)
	eq(t, style, "assets.intangible", a.Intangible, n.Assets.Intangible)
	eq(t, style, "assets.fixed_count", a.FixedCount, n.Assets.FixedCount)
	eq(t, style, "assets.intangible_count", a.IntangibleCount, n.Assets.IntangibleCount)
	eq(t, style, "staffing.authorized", f.Staff.Authorized, n.Staffing.Authorized)
	eq(t, style, "staffing.actual", f.Staff.Actual, n.Staffing.Actual)
	for _, k := range f.Staff.Kinds {
		eq(t, style, "staffing.kinds["+k.Name+"]", k.Amount, n.Staffing.Kinds[k.Name])
	}
}

// compareItemChanges compares the change of each “三公” item other than
// 公务接待费) with the figures the reader keyed three_public.<item>_change
// and three_public.<item>_change_percent.
func compareItemChanges(t *testing.T, style string, f Facts, figs []model.Figure) {
	t.Helper()
	byKey := map[string]model.Amount{}
	for _, g := range figs {
		byKey[g.Key] = g.Value
	}
	for _, it := range f.ThreePublic.Items {
		if it.Key == "reception" {
			continue
		}
		eqChange(t, style, "three_public."+it.Key, it.Change, model.Amount{}, byKey["three_public."+it.Key+"_change"], byKey["three_public."+it.Key+"_change_percent"])
	}
}

func TestExamplesRoundTrip(t *testing.T) {
	for _, name := range []string{"tianmen-12345-2023.json", "tianmen-12345-2026.json"} {
		d := loadExample(t, name)
		for _, style := range []string{"2023", "2026", "shanghai"} {
			t.Run(name+"/"+style, func(t *testing.T) { roundTrip(t, d, style) })
		}
	}
	// The Shanghai example: tables in 元 by the shanghai profile, text in
	// 万元. importer/text does not read the Shanghai tables (类|款|项
	// columns) yet, so the text is read back without them.
	d := loadExample(t, "shanghai-wanli-2025.json")
	t.Run("shanghai-wanli-2025.json/shanghai", func(t *testing.T) {
		p, err := profiles.Embedded("shanghai")
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := Document(d, Options{Tables: templates.Options{Profile: p}}) // the profile picks the style
		if err != nil {
			t.Fatal(err)
		}
		// The example gives no texts: the style's parts start at 名词解释
		// (主要职能 and 机构设置 are left out, TestShanghaiWithoutTexts).
		var titles []string
		for _, part := range doc.Parts {
			titles = append(titles, part.Title)
		}
		if want := "一、名词解释|二、2025年部门预算编制说明|三、2025年部门预算表|四、其他相关情况说明"; strings.Join(titles, "|") != want {
			t.Errorf("the shanghai profile did not pick the shanghai style: parts %q, want %q", titles, want)
		}
		doc.Sheets = nil
		src := docText(doc)
		if !readBack(t, d, "shanghai", src) {
			t.Logf("text:\n%s", src)
		}
	})
}
