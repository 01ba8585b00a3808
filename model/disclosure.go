package model

// Disclosure is one department's annual budget disclosure (部门预算公开): who
// publishes it, for which year, the ten standard tables as stated, and the
// figures its narrative states.
//
// Tables hold what the source states, mistakes included: a total that does
// not add up stays as it is, and the check package reports it.
type Disclosure struct {
	// Description is free text about the data (where it came from, which
	// rows are known); it is not printed.
	Description string `json:"description,omitempty"`
	// Department is the publishing department or unit (公开主体), e.g.
	// 天门市12345公共服务热线中心.
	Department string `json:"department"`
	// DepartmentCode is its budget code, e.g. 526003 (optional).
	DepartmentCode string `json:"department_code,omitempty"`
	// Region is the region that publishes, e.g. 天门市 (optional).
	Region string `json:"region,omitempty"`
	// Year is the budget year.
	Year int `json:"year"`
	// Unit is the amount unit of every table and narrative figure: 万元 or 元.
	Unit string `json:"unit"`
	// Date is the publication date as YYYY-MM-DD (optional). Exporters use it
	// for the document date so that the same input gives the same file.
	Date string `json:"date,omitempty"`
	// Tables are the ten 公开表. A nil table is one the source does not give.
	Tables Tables `json:"tables"`
	// Narrative holds the figures the text (概况, 情况说明) states; nil when unknown.
	Narrative *Narrative `json:"narrative,omitempty"`
	// Texts holds what the generated text says that numbers cannot (职能,
	// 机构设置, reasons for changes, 绩效目标); nil when none is given.
	Texts *Texts `json:"texts,omitempty"`
}

// Unit values.
const (
	UnitWanYuan = "万元"
	UnitYuan    = "元"
)

// Tables are the ten standard tables. Each pointer is nil when the source
// does not give that table; a non-nil table with no rows is a table the
// source gives as empty (for example 政府性基金预算支出表 of a department
// without such money).
type Tables struct {
	T01 *SummaryTable     `json:"t01,omitempty"` // 部门收支总表
	T02 *IncomeTable      `json:"t02,omitempty"` // 部门收入总表
	T03 *ExpenditureTable `json:"t03,omitempty"` // 部门支出总表
	T04 *SummaryTable     `json:"t04,omitempty"` // 财政拨款收支总表
	T05 *ExpenditureTable `json:"t05,omitempty"` // 一般公共预算支出表
	T06 *BasicTable       `json:"t06,omitempty"` // 一般公共预算基本支出表
	T07 *ThreePublicTable `json:"t07,omitempty"` // 一般公共预算"三公"经费支出表
	T08 *ExpenditureTable `json:"t08,omitempty"` // 政府性基金预算支出表
	T09 *ProcurementTable `json:"t09,omitempty"` // 政府采购预算表
	T10 *ExpenditureTable `json:"t10,omitempty"` // 国有资本经营预算支出表
}

// Level is the place of a row in a table's hierarchy.
type Level string

// Row levels. Unit-based tables (二, 三, 五, 七, 八, 九, 十) use total →
// section → department → (unit) → detail; 表六 uses total → class → item.
const (
	LevelTotal      Level = "total"      // 合计
	LevelSection    Level = "section"    // 科室 of the finance bureau, e.g. 04 行政政法科
	LevelDepartment Level = "department" // 部门, e.g. 526
	LevelUnit       Level = "unit"       // 单位 subtotal, e.g. 526003
	LevelDetail     Level = "detail"     // a unit × item row
	LevelClass      Level = "class"      // 类 (表六: 301; 表一/四: a class line)
	LevelItem       Level = "item"       // 款 (表六: 30101)
)

// Note is the text under an empty table, e.g.
// 注：本部门2023年无政府性基金预算财政拨款安排的支出，此表为空表。
// It is kept as stated so that a note naming the wrong fund can be found.

// ExpenditureTable is the shape of 表三 部门支出总表, 表五 一般公共预算支出表,
// 表八 政府性基金预算支出表 and 表十 国有资本经营预算支出表: rows of unit ×
// function item with amounts by project class.
type ExpenditureTable struct {
	// Scheme names the amount columns: "" or SchemeCategory for the 一体化
	// classes (人员类, 公用经费, 其他运转类, 特定目标类), SchemeBasicProject for
	// the older 基本支出 / 项目支出 split.
	Scheme string           `json:"scheme,omitempty"`
	Rows   []ExpenditureRow `json:"rows"`
	Note   string           `json:"note,omitempty"`
}

// Column schemes of an ExpenditureTable.
const (
	SchemeCategory     = "category"
	SchemeBasicProject = "basic_project"
)

// ExpenditureRow is one row of an ExpenditureTable. Subtotal rows (合计,
// 科室, 部门) put their code and name in UnitCode and UnitName.
type ExpenditureRow struct {
	Level          Level  `json:"level"`
	UnitCode       string `json:"unit_code,omitempty"`
	UnitName       string `json:"unit_name,omitempty"`
	FuncCode       string `json:"func_code,omitempty"` // 功能科目编码, 7 digits (项)
	FuncName       string `json:"func_name,omitempty"`
	Total          Amount `json:"total"`           // 总计
	Personnel      Amount `json:"personnel"`       // 人员类项目支出
	Public         Amount `json:"public"`          // 运转类: 公用经费项目支出
	OtherOperating Amount `json:"other_operating"` // 运转类: 其他运转类项目支出
	Specific       Amount `json:"specific"`        // 特定目标类项目支出
	Basic          Amount `json:"basic"`           // 基本支出 (SchemeBasicProject)
	Project        Amount `json:"project"`         // 项目支出 (SchemeBasicProject)
}

// IncomeTable is 表二 部门收入总表.
type IncomeTable struct {
	Rows []IncomeRow `json:"rows"`
	Note string      `json:"note,omitempty"`
}

// IncomeRow is one row of 表二. A row is a unit (Hubei: 科室, 部门, 单位) or
// a function item (Shanghai's 收入预算总表: 类, 款, 项 with FuncCode of 3, 5
// or 7 digits); the income-source columns a region does not print stay
// blank.
type IncomeRow struct {
	Level          Level  `json:"level"`
	UnitCode       string `json:"unit_code,omitempty"`
	UnitName       string `json:"unit_name,omitempty"`
	FuncCode       string `json:"func_code,omitempty"` // 功能分类科目编码: 201, 20105, 2010507
	FuncName       string `json:"func_name,omitempty"`
	Total          Amount `json:"total"`           // 总计
	Subtotal       Amount `json:"subtotal"`        // 本年收入 小计
	General        Amount `json:"general"`         // 一般公共预算
	GovFund        Amount `json:"gov_fund"`        // 政府性基金预算
	StateCapital   Amount `json:"state_capital"`   // 国有资本经营预算
	SpecialAccount Amount `json:"special_account"` // 财政专户管理资金
	UnitFunds      Amount `json:"unit_funds"`      // 单位资金
	Carryover      Amount `json:"carryover"`       // 上年结余结转
	// The income by source of Shanghai's 收入预算总表 (every region that
	// splits income this way).
	Fiscal    Amount `json:"fiscal"`    // 财政拨款收入 (the three funds together)
	Business  Amount `json:"business"`  // 事业收入
	Operating Amount `json:"operating"` // 事业单位经营收入
	Other     Amount `json:"other"`     // 其他收入
}

// SummaryTable is the shape of 表一 部门收支总表 and 表四 财政拨款收支总表:
// an income block beside expenditure by function class and by category and
// economic class. 表一 states only the Total of each FundAmounts.
type SummaryTable struct {
	Income           []IncomeLine `json:"income"`             // 一、一般公共预算财政拨款收入 …
	IncomeTotal      Amount       `json:"income_total"`       // 本年收入合计
	Carryover        Amount       `json:"carryover"`          // 上年结余结转
	CarryoverLines   []IncomeLine `json:"carryover_lines"`    // (一)一般公共预算 …
	IncomeGrandTotal Amount       `json:"income_grand_total"` // 收入总计

	Functions []FundLine `json:"functions"` // 201一般公共服务支出 …, in printed order

	CategoryTotal FundAmounts `json:"category_total"` // 支出类别分类
	Categories    []FundLine  `json:"categories"`     // 一、人员类项目支出 / 工资福利支出 …
	EconomicTotal FundAmounts `json:"economic_total"` // 部门预算支出经济分类
	Economic      []FundLine  `json:"economic"`       // 501工资福利支出 …

	ExpenditureTotal      FundAmounts `json:"expenditure_total"`       // 本年支出合计
	CarryForward          FundAmounts `json:"carry_forward"`           // 结转下年
	ExpenditureGrandTotal FundAmounts `json:"expenditure_grand_total"` // 支出总计
	Note                  string      `json:"note,omitempty"`
}

// IncomeLine is one income row of a SummaryTable. Key names the source in a
// way that does not depend on how the label is numbered or worded.
type IncomeLine struct {
	Key    string `json:"key"`   // one of the Income* keys
	Label  string `json:"label"` // as printed, e.g. 一、一般公共预算财政拨款收入
	Amount Amount `json:"amount"`
}

// Income source keys, shared by 表一, 表二, 表四 and the narrative.
const (
	IncomeGeneral        = "general"         // 一般公共预算财政拨款收入
	IncomeGovFund        = "gov_fund"        // 政府性基金预算财政拨款收入
	IncomeStateCapital   = "state_capital"   // 国有资本经营预算财政拨款收入
	IncomeSpecialAccount = "special_account" // 财政专户管理资金收入
	IncomeUnitFunds      = "unit_funds"      // 单位资金收入
	IncomeCarryover      = "carryover"       // 上年结余结转
	IncomeOther          = "other"           // 其他收入, or anything else a region lists
	IncomeFiscal         = "fiscal"          // 财政拨款收入: the three funds together (Shanghai 表1)
	IncomeBusiness       = "business"        // 事业收入
	IncomeOperating      = "operating"       // 事业单位经营收入
)

// FundLine is one expenditure row of a SummaryTable.
type FundLine struct {
	Code  string `json:"code,omitempty"` // 201, 501 …; empty for category lines
	Name  string `json:"name"`           // as printed, without the code
	Level int    `json:"level,omitempty"`
	FundAmounts
}

// FundAmounts are the amount columns of 表四 (表一 uses only Total).
type FundAmounts struct {
	Total        Amount `json:"total"`         // 合计
	General      Amount `json:"general"`       // 一般公共预算
	GovFund      Amount `json:"gov_fund"`      // 政府性基金预算
	StateCapital Amount `json:"state_capital"` // 国有资本经营预算
	// ByCategory splits the line into 基本支出 (人员经费, 公用经费) and 项目支出,
	// as a Shanghai 单位 prints its 财务收支预算总表; nil when not stated.
	ByCategory *CategoryAmounts `json:"by_category,omitempty"`
}

// CategoryAmounts split an expenditure line by 基本支出 and 项目支出.
type CategoryAmounts struct {
	Personnel Amount `json:"personnel"` // 基本支出 人员经费
	Public    Amount `json:"public"`    // 基本支出 公用经费
	Project   Amount `json:"project"`   // 项目支出
}

// BasicTable is 表六 一般公共预算基本支出表.
type BasicTable struct {
	Rows []BasicRow `json:"rows"`
	Note string     `json:"note,omitempty"`
}

// BasicRow is one row of 表六: the 合计 row, a 类 (301) or a 款 (30101).
type BasicRow struct {
	Level     Level  `json:"level"`
	Code      string `json:"code,omitempty"`
	Name      string `json:"name"`
	Total     Amount `json:"total"`     // 合计
	Personnel Amount `json:"personnel"` // 人员经费
	Public    Amount `json:"public"`    // 公用经费
}

// ThreePublicTable is 表七 一般公共预算"三公"经费支出表.
type ThreePublicTable struct {
	Rows []ThreePublicRow `json:"rows"`
	Note string           `json:"note,omitempty"`
}

// ThreePublicRow is one row of 表七.
type ThreePublicRow struct {
	Level            Level  `json:"level"`
	UnitCode         string `json:"unit_code,omitempty"`
	UnitName         string `json:"unit_name,omitempty"`
	Total            Amount `json:"total"`             // 合计
	Abroad           Amount `json:"abroad"`            // 因公出国（境）费
	VehicleSubtotal  Amount `json:"vehicle_subtotal"`  // 公务用车购置及运行费 小计
	VehiclePurchase  Amount `json:"vehicle_purchase"`  // 公务用车购置费
	VehicleOperation Amount `json:"vehicle_operation"` // 公务用车运行费
	Reception        Amount `json:"reception"`         // 公务接待费
}

// ProcurementTable is 表九 政府采购预算表.
type ProcurementTable struct {
	Rows []ProcurementRow `json:"rows"`
	Note string           `json:"note,omitempty"`
}

// ProcurementRow is one row of 表九.
type ProcurementRow struct {
	Level          Level  `json:"level"`
	UnitCode       string `json:"unit_code,omitempty"`
	UnitName       string `json:"unit_name,omitempty"`
	Project        string `json:"project,omitempty"`      // 项目名称
	Item           string `json:"item,omitempty"`         // 采购品目
	MeasureUnit    string `json:"measure_unit,omitempty"` // 计量单位
	Quantity       Amount `json:"quantity"`               // 采购数量
	Total          Amount `json:"total"`                  // 采购预算金额 合计
	General        Amount `json:"general"`
	GovFund        Amount `json:"gov_fund"`
	StateCapital   Amount `json:"state_capital"`
	SpecialAccount Amount `json:"special_account"`
	UnitFunds      Amount `json:"unit_funds"`
}
