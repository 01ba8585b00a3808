package ledger

import (
	"fmt"

	"gongkai/model"
)

// Fund is a 资金性质 (fund source) of a budget line.
//
// The zero value is FundGeneral (一般公共预算), a real fund, not "unset": a
// program building lines in code must set Fund on every line, or a
// forgotten fund counts as 一般公共预算 (Validate cannot tell; it refuses
// only a fund whose 类 does not allow it, such as 201 with 政府性基金预算).
type Fund uint8

// The fund sources, in the order of the tables' columns.
const (
	FundGeneral        Fund = iota // 一般公共预算
	FundGovFund                    // 政府性基金预算
	FundStateCapital               // 国有资本经营预算
	FundSpecialAccount             // 财政专户管理资金
	FundUnitFunds                  // 单位资金
	nFunds
)

var fundNames = [nFunds]string{"一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"}

// String returns the Chinese name, e.g. 一般公共预算.
func (f Fund) String() string { return fundNames[f] }

// appropriation reports whether the fund is 财政拨款 (表四's funds).
func (f Fund) appropriation() bool { return f <= FundStateCapital }

// Category is a 支出类别 of a budget line.
//
// The zero value is CatPersonnel (人员类), a real category, not "unset": a
// program building lines in code must set Category on every line.
type Category uint8

// Categories of the 一体化 scheme (人员类, 运转类 split into 公用经费 and
// 其他运转类, 特定目标类 split into 本级 and 转移性) and of the older
// 基本支出/项目支出 scheme. One ledger uses one scheme.
const (
	CatPersonnel      Category = iota // 人员类项目支出
	CatPublic                         // 公用经费项目支出
	CatOtherOperating                 // 其他运转类项目支出
	CatSpecific                       // 特定目标类项目支出 (本级支出项目)
	CatTransfer                       // 特定目标类项目支出 (转移性支出项目)
	CatBasic                          // 基本支出
	CatProject                        // 项目支出
	nCats
)

var catNames = [nCats]string{"人员类项目支出", "公用经费项目支出", "其他运转类项目支出", "特定目标类项目支出", "转移性支出项目", "基本支出", "项目支出"}

// String returns the Chinese name.
func (c Category) String() string { return catNames[c] }

// basicScheme reports whether the category belongs to 基本支出/项目支出.
func (c Category) basicScheme() bool { return c >= CatBasic }

// UnitType is a 单位类型. The zero value is unset, which Validate (and so
// Build) refuses: 机关运行经费 depends on it.
type UnitType uint8

// Unit types. 机关运行经费 covers 行政 and 参公 units.
const (
	UnitAdmin       UnitType = iota + 1 // 行政单位
	UnitCivilLike                       // 参照公务员法管理的事业单位 (参公)
	UnitInstitution                     // 事业单位
)

var unitTypeNames = map[UnitType]string{UnitAdmin: "行政", UnitCivilLike: "参公", UnitInstitution: "事业"}

// String returns the short Chinese name.
func (t UnitType) String() string { return unitTypeNames[t] }

// ThreePublic is a "三公" kind.
type ThreePublic uint8

// "三公" kinds; TPNone for a line outside the 三公 经费.
const (
	TPNone             ThreePublic = iota
	TPAbroad                       // 因公出国(境)费
	TPVehiclePurchase              // 公务用车购置费
	TPVehicleOperation             // 公务用车运行维护费
	TPReception                    // 公务接待费
)

// Pos is where a line stands in its source: a CSV line, or a sheet row.
// Read sets it ("" for File when reading standard input). A program that
// builds lines in code may leave it zero (errors then name the line by its
// index, ledger.Ledger.Lines[3]) or set Row (and Sheet) to its own
// numbering, printed as 第 12 行 beside the index; with File set, errors
// name it as they name a file Read read.
type Pos struct {
	File  string
	Sheet string // "" for CSV
	Row   int    // 1-based line (CSV) or row (sheet)
}

// String is the place as build lists it: ledger.csv:12, or
// 预算明细.xlsx 明细!12 行 for a workbook.
// Without a file name (a line built in code): 第 12 行, or "" for no
// position at all.
func (p Pos) String() string {
	if p.File == "" && p.Sheet == "" {
		if p.Row == 0 {
			return ""
		}
		return fmt.Sprintf("第 %d 行", p.Row)
	}
	if p.Sheet != "" {
		return fmt.Sprintf("%s %s!%d 行", p.File, p.Sheet, p.Row)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Row)
}

// Line is one budget line. Amount is exact, in 分 (0.01 元).
//
// Built in code, a line needs UnitCode (6 digits or more), UnitName,
// UnitType, FuncCode (a 7-digit 项), EconCode (a 5-digit 部门预算支出经济分类
// 款; one the embedded catalog does not know needs EconName), Category
// and Fund (both have real zero values: set them), and Amount (negative
// only to reduce other lines of the same unit, codes, category and fund).
// FuncName and EconName name the codes where Ledger.FuncNames and
// EconNames do not (the maps win, then the first line that names a code,
// then Options.Catalog, then the embedded catalog). ThreePublic may be left
// TPNone on a line whose economic 款 is a "三公" one (30212, 30217, 30231,
// 30913, 31013): Build takes the kind from the code, as Read does.
type Line struct {
	Pos         Pos
	UnitCode    string
	UnitName    string
	UnitType    UnitType
	FuncCode    string // 7-digit 项
	FuncName    string
	EconCode    string // 5-digit 部门预算支出经济分类 款
	EconName    string
	Category    Category
	Fund        Fund
	Project     string
	ThreePublic ThreePublic
	ProcItem    string // 政府采购品目
	ProcQty     string // 采购数量, as written
	MeasureUnit string // 计量单位
	Amount      int64
}

// Carryover is one line of the 收入 sheet: a unit's 上年结转 from a fund
// (the part of its spending that last year's money pays for) and, when
// HasIncome, its stated 本年收入 from that fund. Without a stated income,
// this year's income is the spending less the carry-over; with one, what
// income and carry-over give beyond the spending is 结转下年. Amounts are
// in 分.
type Carryover struct {
	Pos       Pos
	UnitCode  string
	Fund      Fund
	Amount    int64 // 上年结转
	Income    int64 // 本年收入, when HasIncome
	HasIncome bool
}

// MinYear and MaxYear bound a budget year (年度) wherever it is given: a
// 基本信息 row, a flag, a form.
const (
	MinYear = 1990
	MaxYear = 2200
)

// Info is the department's details (基本信息). Department and Year are
// required; Unit "" means 万元.
type Info struct {
	Department     string // publishing department or unit, e.g. 天门市12345公共服务热线中心
	DepartmentCode string // its code, e.g. 526003
	Region         string // e.g. 天门市
	Year           int
	SectionCode    string // 科室 of the finance bureau, e.g. 04
	SectionName    string // e.g. 行政政法科
	ParentCode     string // 部门 (3 digits), e.g. 526
	ParentName     string // e.g. 天门市政务服务和大数据管理局
	Unit           string // display unit: 万元 (default) or 元
	Date           string // publication date YYYY-MM-DD, optional
}

// Ledger is the department's details, its budget lines and the carry-over
// lines of the 收入 sheet: what Read returns, or what a program builds in
// code for Build (see Line for the fields each line needs, and Validate for
// every rule Build holds it to).
type Ledger struct {
	Info       Info
	Lines      []Line
	Carryovers []Carryover
	// Names are function and economic names the ledger gives, by code
	// (Read fills them from the lines; a program may leave them nil and
	// name codes in Line.FuncName and EconName instead).
	FuncNames map[string]string
	EconNames map[string]string

	// Texts are the written texts of the 说明 sheet or texts file (nil
	// when none is given); Build puts them into the disclosure as given.
	Texts *model.Texts

	// unparsed holds the unit codes of lines Read could not parse ("" for
	// a line whose unit code is not known): Read's check of the parsed
	// lines against each other does not judge those units' sums.
	unparsed map[string]bool
	// incomeSheet is the 收入 sheet of a workbook ledger ("" for none).
	incomeSheet string
	// textsSheet is the 说明 sheet of a workbook ledger ("" for none).
	textsSheet string
	// read: Read made the ledger, so a Pos without a file name is a row
	// of standard input, not a program's own numbering.
	read bool
}
