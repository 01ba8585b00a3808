package ledger_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gongkai/importer/ledger"
	"gongkai/inputs"
	"gongkai/model"
)

// header is the header row of the small ledgers below: the required
// columns and 三公类别.
const header = "单位编码,单位名称,单位类型,功能科目编码,经济科目编码,支出类别,资金性质,三公类别,金额\n"

// Read a ledger, then Build it with last year's disclosure (Options.Prior,
// for the changes the narrative states) and a region's function catalog
// (Options.Catalog, for the names of 项 the ledger does not name).
func ExampleBuild() {
	info := ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}}
	thisYear := header +
		"901001,测试局,行政,2012601,30101,人员类,一般公共预算,,300000\n" +
		"901001,测试局,行政,2012601,30201,公用经费,一般公共预算,,50000\n" +
		"901001,测试局,行政,2012601,30217,公用经费,一般公共预算,公务接待费,1200\n"
	lastYear := header +
		"901001,测试局,行政,2012601,30101,人员类,一般公共预算,,280000\n" +
		"901001,测试局,行政,2012601,30201,公用经费,一般公共预算,,52000\n" +
		"901001,测试局,行政,2012601,30217,公用经费,一般公共预算,公务接待费,1500\n"

	// Last year's file, a ledger or a budget.json: inputs.LoadFile
	// recognises either by its content, as the CLI's --prior does.
	dir, err := os.MkdirTemp("", "ledger-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	last := filepath.Join(dir, "上年.csv")
	if err := os.WriteFile(last, []byte(lastYear), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	res, err := inputs.LoadFile(last, inputs.Options{Ledger: ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2026}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	prior := res.Disclosure
	l, err := ledger.Read("ledger.csv", []byte(thisYear), info)
	if err != nil {
		fmt.Println(err)
		return
	}
	catalog := map[string]string{"2012601": "行政运行"} // e.g. from ledger.ReadCatalog
	d, rep, err := ledger.Build(l, ledger.Options{Prior: prior, Catalog: catalog})
	if err != nil {
		fmt.Println(err)
		return
	}
	n := d.Narrative
	fmt.Println("表三", d.Tables.T03.Rows[len(d.Tables.T03.Rows)-1].FuncCode, d.Tables.T03.Rows[len(d.Tables.T03.Rows)-1].FuncName)
	fmt.Println("收入", n.Income.Total, "上年", n.Income.PriorTotal, n.Words["income.change"], n.Income.Change)
	fmt.Println("机关运行经费", n.OperatingCosts.Total, "上年", n.OperatingCosts.PriorTotal, n.Words["operating_costs.change"])
	fmt.Println("公务接待费", n.ThreePublic.Reception, n.Words["three_public.reception_change"], n.ThreePublic.ReceptionChange, n.ThreePublic.ReceptionPercent, "%")
	fmt.Println("提示", len(rep.Notes))
	// Output:
	// 表三 2012601 行政运行
	// 收入 35.12 上年 33.35 增加 1.77
	// 机关运行经费 5.12 上年 5.35 减少
	// 公务接待费 0.12 减少 -0.03 -20.00 %
	// 提示 0
}

// Every problem of a ledger comes back at once as model.ParseErrors, each
// with its place and one of the package's sentinel errors (here: no
// department name or year, as neither the file nor ReadOptions.Info gives
// them; an unknown 资金性质; a 6-digit 项; an amount with a unit); Unreadable tells
// a file that cannot be read at all (the CLI's exit 2) from one with wrong
// lines (exit 1).
func ExampleRead_errors() {
	bad := header +
		"901001,测试局,行政,2010101,30201,公用经费,一般预算,,100\n" +
		"901001,测试局,行政,201011,30201,公用经费,一般公共预算,,12元\n"
	_, err := ledger.Read("ledger.csv", []byte(bad), ledger.ReadOptions{})
	sentinels := []struct {
		name string
		err  error
	}{{"ErrMissingInfo", ledger.ErrMissingInfo}, {"ErrUnknownValue", ledger.ErrUnknownValue},
		{"ErrBadCode", ledger.ErrBadCode}, {"ErrBadAmount", ledger.ErrBadAmount}}
	var pes model.ParseErrors
	if errors.As(err, &pes) {
		for _, pe := range pes {
			for _, s := range sentinels {
				if errors.Is(pe, s.err) {
					fmt.Printf("%s line %d: %s\n", pe.File, pe.Line, s.name)
				}
			}
		}
	}
	fmt.Println("any bad amount:", errors.Is(err, ledger.ErrBadAmount), "unreadable:", ledger.Unreadable(err))

	// A workbook that is not a zip cannot be read at all.
	_, err = ledger.Read("预算明细.xlsx", []byte("PK\x03\x04 damaged"), ledger.ReadOptions{})
	fmt.Println("unreadable:", ledger.Unreadable(err))

	// A file that is not there: inputs.LoadFile (and inputs.ReadFile) name it.
	_, err = inputs.LoadFile(filepath.Join(os.TempDir(), "no-such-dir", "上年.csv"), inputs.Options{})
	fmt.Println("missing:", errors.Is(err, os.ErrNotExist))
	// Output:
	// ledger.csv line 0: ErrMissingInfo
	// ledger.csv line 0: ErrMissingInfo
	// ledger.csv line 2: ErrUnknownValue
	// ledger.csv line 3: ErrBadCode
	// ledger.csv line 3: ErrBadAmount
	// any bad amount: true unreadable: false
	// unreadable: true
	// missing: true
}

// Report says how the rounding went: the cells whose printed value moved
// by more than half a unit from their exact value so that the totals add up
// (three lines of 49 元 are 0.0049 万元 each, 0.0147 together: printed as
// 0.00 each they would not add up to a total within 0.01 of 0.0147; one
// of them prints 0.01), the
// totals it could not bring within 0.01 (Off, normally empty), and the
// notes (here a 项 that nothing names).
func ExampleReport() {
	lines := header +
		"901001,测试局,行政,2010101,30201,公用经费,一般公共预算,,49\n" +
		"901001,测试局,行政,2010101,30202,公用经费,一般公共预算,,49\n" +
		"901001,测试局,行政,2010101,30205,公用经费,一般公共预算,,49\n" +
		"901001,测试局,行政,2010188,30205,公用经费,一般公共预算,,10000\n"
	d, rep, err := ledger.Load("ledger.csv", []byte(lines), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}}, ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("表三 合计", d.Tables.T03.Rows[0].Total)
	for _, m := range rep.Moved {
		fmt.Printf("%s:%d %s: exact %s, printed %s\n", m.Pos.File, m.Pos.Row, m.Where, m.Exact, m.Printed)
	}
	fmt.Println("off:", len(rep.Off))
	for _, n := range rep.Notes {
		short, _, _ := strings.Cut(n.Text, "（")
		fmt.Printf("%s:%d %s\n", n.Pos.File, n.Pos.Row, short)
	}
	// Output:
	// 表三 合计 1.01
	// ledger.csv:2 901001 2010101 30201 公用经费项目支出 一般公共预算: exact 0.004900, printed 0.01
	// off: 0
	// ledger.csv:5 功能科目 2010188 没有名称
}

// The 政府采购品目 of a ledger decide 货物类, 工程类 and 服务类: by the
// first letter of a 品目分类目录 code, else by the name.
func ExampleProcurementKindOf() {
	for _, item := range []string{"A02010104 台式计算机", "C1204", "物业管理服务", "办公楼维修工程", "复印纸", "杂项"} {
		fmt.Println(item, ledger.ProcurementKindOf(item))
	}
	// Output:
	// A02010104 台式计算机 货物
	// C1204 服务
	// 物业管理服务 服务
	// 办公楼维修工程 工程
	// 复印纸 货物
	// 杂项 无法判断
}
