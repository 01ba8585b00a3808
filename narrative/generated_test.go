package narrative

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"gongkai/model"
)

// cents is an amount of n hundredths.
func cents(n int64) model.Amount { return model.A(decimal.New(n, -2)) }

var genClasses = []model.FundLine{
	{Code: "201", Name: "一般公共服务支出"}, {Code: "205", Name: "教育支出"}, {Code: "207", Name: "文化旅游体育与传媒支出"},
	{Code: "208", Name: "社会保障和就业支出"}, {Code: "210", Name: "卫生健康支出"}, {Code: "211", Name: "节能环保支出"},
	{Code: "212", Name: "城乡社区支出"}, {Code: "213", Name: "农林水支出"}, {Code: "214", Name: "交通运输支出"},
	{Code: "221", Name: "住房保障支出"}, {Code: "224", Name: "灾害防治及应急管理支出"},
}

var genItems = []model.BasicRow{
	{Code: "30201", Name: "办公费"}, {Code: "30202", Name: "印刷费"}, {Code: "30205", Name: "水费"}, {Code: "30206", Name: "电费"},
	{Code: "30207", Name: "邮电费"}, {Code: "30211", Name: "差旅费"}, {Code: "30213", Name: "维修(护)费"}, {Code: "30215", Name: "会议费"},
	{Code: "30216", Name: "培训费"}, {Code: "30217", Name: "公务接待费"}, {Code: "30228", Name: "工会经费"}, {Code: "30299", Name: "其他商品和服务支出"},
}

// split divides total cents into n non-negative parts, some of them zero.
func split(r *rand.Rand, total int64, n int) []int64 {
	out := make([]int64, n)
	left := total
	for i := 0; i < n-1; i++ {
		if left == 0 || r.IntN(5) == 0 {
			continue
		}
		out[i] = r.Int64N(left + 1)
		left -= out[i]
	}
	out[n-1] = left
	r.Shuffle(n, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// prior returns a prior-year figure for this (cents): higher, lower, the
// same, zero or not given.
func prior(r *rand.Rand, this int64) model.Amount {
	switch r.IntN(6) {
	case 0:
		return model.Amount{} // not given
	case 1:
		return cents(this) // unchanged
	case 2:
		return cents(this + r.Int64N(this/2+100) + 1)
	case 3:
		if r.IntN(4) == 0 {
			return cents(0)
		}
		return cents(r.Int64N(this + 1))
	}
	return cents(this + r.Int64N(2*this+100) - this/2)
}

func reason(r *rand.Rand, s string) string {
	if r.IntN(3) == 0 {
		return ""
	}
	return s
}

// genDepartment makes a department whose tables agree with each other.
func genDepartment(r *rand.Rand, i int) *model.Disclosure {
	d := &model.Disclosure{Department: "测试县第" + strconv.Itoa(i) + "中心", Year: 2023 + r.IntN(4), Unit: model.UnitWanYuan}
	// the function classes; "many classes" sometimes
	nc := 1 + r.IntN(4)
	if r.IntN(5) == 0 {
		nc = len(genClasses)
	}
	classes := append([]model.FundLine(nil), genClasses...)
	r.Shuffle(len(classes), func(a, b int) { classes[a], classes[b] = classes[b], classes[a] })
	classes = classes[:nc]
	var total int64
	var funcs []model.FundLine
	for _, c := range genClasses { // table order
		chosen := false
		for _, x := range classes {
			chosen = chosen || x.Code == c.Code
		}
		if chosen {
			a := 1 + r.Int64N(5_000_000)
			if r.IntN(6) == 0 {
				a = 1 + r.Int64N(300) // a small class
			}
			total += a
			c.Total = cents(a)
		} else if r.IntN(2) == 0 {
			c.Total = cents(0)
		} else {
			continue
		}
		funcs = append(funcs, c)
	}
	// income: general and maybe other funds; the others blank or zero ("empty funds")
	parts := split(r, total, 3)
	inc := []model.IncomeLine{{Key: model.IncomeGeneral, Label: "一、一般公共预算财政拨款收入", Amount: cents(parts[0])}}
	for k, key := range []string{model.IncomeGovFund, model.IncomeUnitFunds} {
		label := []string{"二、政府性基金预算财政拨款收入", "五、单位资金收入"}[k]
		switch {
		case parts[k+1] > 0:
			inc = append(inc, model.IncomeLine{Key: key, Label: label, Amount: cents(parts[k+1])})
		case r.IntN(2) == 0:
			inc = append(inc, model.IncomeLine{Key: key, Label: label, Amount: cents(0)})
		default:
			inc = append(inc, model.IncomeLine{Key: key, Label: label})
		}
	}
	d.Tables.T01 = &model.SummaryTable{Income: inc, IncomeTotal: cents(total), IncomeGrandTotal: cents(total),
		Functions: funcs, ExpenditureTotal: model.FundAmounts{Total: cents(total)}, ExpenditureGrandTotal: model.FundAmounts{Total: cents(total)}}
	// categories; 公用经费 is the 302 items
	cat := split(r, total, 4)
	d.Tables.T03 = &model.ExpenditureTable{Rows: []model.ExpenditureRow{{Level: model.LevelTotal, UnitName: "合计",
		Total: cents(total), Personnel: cents(cat[0]), Public: cents(cat[1]), OtherOperating: cents(cat[2]), Specific: cents(cat[3])}}}
	its := append([]model.BasicRow(nil), genItems...)
	amts := split(r, cat[1], len(its))
	t6 := []model.BasicRow{{Level: model.LevelTotal, Name: "合计", Total: cents(cat[0] + cat[1])},
		{Level: model.LevelClass, Code: "301", Name: "工资福利支出", Total: cents(cat[0])},
		{Level: model.LevelClass, Code: "302", Name: "商品和服务支出", Total: cents(cat[1])}}
	for k, it := range its {
		it.Level, it.Total = model.LevelItem, cents(amts[k])
		t6 = append(t6, it)
	}
	d.Tables.T06 = &model.BasicTable{Rows: t6}
	// “三公”经费
	n := &model.Narrative{}
	if r.IntN(5) == 0 {
		d.Tables.T07 = &model.ThreePublicTable{Rows: []model.ThreePublicRow{}}
	} else {
		tp := split(r, r.Int64N(3000)*r.Int64N(2), 4)
		sum := tp[0] + tp[1] + tp[2] + tp[3]
		d.Tables.T07 = &model.ThreePublicTable{Rows: []model.ThreePublicRow{{Level: model.LevelTotal, UnitName: "合计", Total: cents(sum),
			Abroad: cents(tp[0]), VehicleSubtotal: cents(tp[1] + tp[2]), VehiclePurchase: cents(tp[1]), VehicleOperation: cents(tp[2]), Reception: cents(tp[3])}}}
		n.ThreePublic.PriorTotal = prior(r, sum)
		if rp := prior(r, tp[0]); !rp.IsBlank() {
			n.ThreePublic.AbroadChange = cents(tp[0]).Sub(rp) // stated without this year's figure
		}
		if rp := prior(r, tp[2]); !rp.IsBlank() {
			n.ThreePublic.VehicleOperation = cents(tp[2])
			n.ThreePublic.VehicleOperationChange = cents(tp[2]).Sub(rp)
		}
		if rp := prior(r, tp[3]); !rp.IsBlank() {
			n.ThreePublic.Reception = cents(tp[3])
			n.ThreePublic.ReceptionChange = cents(tp[3]).Sub(rp)
		}
	}
	// 政府采购
	switch r.IntN(3) {
	case 0:
		d.Tables.T09 = &model.ProcurementTable{Rows: []model.ProcurementRow{}}
	case 1:
		p := 1 + r.Int64N(100000)
		d.Tables.T09 = &model.ProcurementTable{Rows: []model.ProcurementRow{{Level: model.LevelTotal, UnitName: "合计", Total: cents(p), General: cents(p)}}}
		g := split(r, p, 3)
		n.Procurement.Goods, n.Procurement.Works, n.Procurement.Services = cents(g[0]), cents(g[1]), cents(g[2])
	}
	n.Income.PriorTotal = prior(r, total)
	n.Expenditure.PriorTotal = n.Income.PriorTotal
	if r.IntN(2) == 0 {
		n.Expenditure.PriorTotal = prior(r, total)
	}
	// the operating costs' prior as this year and a stated change
	if op := prior(r, cat[1]); !op.IsBlank() {
		n.OperatingCosts.Total = cents(cat[1])
		n.OperatingCosts.Change = cents(cat[1]).Sub(op)
	}
	if r.IntN(4) > 0 {
		kinds := split(r, 1+r.Int64N(80), 2)
		n.Staffing.Authorized = model.A(decimal.NewFromInt(kinds[0] + kinds[1]))
		n.Staffing.Kinds = map[string]model.Amount{}
		if kinds[0] > 0 {
			n.Staffing.Kinds["行政编制"] = model.A(decimal.NewFromInt(kinds[0]))
		}
		if kinds[1] > 0 {
			n.Staffing.Kinds["事业编制"] = model.A(decimal.NewFromInt(kinds[1]))
		}
		n.Staffing.Retired = model.A(decimal.NewFromInt(r.Int64N(3)))
	}
	if r.IntN(3) > 0 {
		a := split(r, 1+r.Int64N(9_000_000), 2)
		n.Assets.Total, n.Assets.Fixed, n.Assets.Intangible = cents(a[0]+a[1]), cents(a[0]), cents(a[1])
		n.Assets.FixedCount = model.A(decimal.NewFromInt(r.Int64N(500)))
	}
	d.Narrative = n
	d.Texts = &model.Texts{
		Duties:       []string{"负责本县有关业务的受理和办理", "承办上级交办的其他事项"},
		Organization: reason(r, "内设办公室、业务科两个科室。"),
		Reasons: model.Reasons{Income: reason(r, "业务调整"), Expenditure: reason(r, "项目安排变化"), OperatingCosts: reason(r, "节约开支"),
			ThreePublic: reason(r, "严控公务接待"), Reception: reason(r, "接待次数变化"), Procurement: reason(r, "设备更新")},
	}
	return d
}

// toYuan restates d in 元: every amount × 10000 (counts, percentages and
// staffing stay).
func toYuan(d *model.Disclosure) {
	k := decimal.New(1, 4)
	amountType := reflect.TypeOf(model.Amount{})
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), name)
			}
		case reflect.Struct:
			if v.Type() == amountType {
				if a := v.Interface().(model.Amount); !a.IsBlank() && !strings.Contains(name, "Count") && !strings.Contains(name, "Percent") && name != "Vehicles" {
					v.Set(reflect.ValueOf(model.A(a.Decimal().Mul(k))))
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() && f.Name != "Staffing" {
					walk(v.Field(i), f.Name)
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), name)
			}
		case reflect.Map:
			if v.Type().Elem() == amountType {
				for _, key := range v.MapKeys() {
					if a := v.MapIndex(key).Interface().(model.Amount); !a.IsBlank() {
						v.SetMapIndex(key, reflect.ValueOf(model.A(a.Decimal().Mul(k))))
					}
				}
			}
		}
	}
	walk(reflect.ValueOf(d), "")
	d.Unit = model.UnitYuan
	if d.Narrative != nil {
		d.Narrative.Unit = model.UnitYuan
	}
}

// 400 generated departments (every fifth in 元): increases, decreases, unchanged, zero priors,
// empty funds and tables, many classes, missing reasons; each is written in
// both styles, read back and compared figure by figure.
func TestGeneratedRoundTrip(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 40
	}
	r := rand.New(rand.NewPCG(10, 2026))
	for i := range n {
		d := genDepartment(r, i)
		if i%5 == 4 {
			toYuan(d) // a department that publishes in 元
		}
		style := []string{"2023", "2026", "shanghai"}[i%3]
		ok := t.Run(fmt.Sprintf("%d-%s", i, style), func(t *testing.T) { roundTrip(t, d, style) })
		if !ok && t.Failed() {
			break // one failing department says enough
		}
	}
}
