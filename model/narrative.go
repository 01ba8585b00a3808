package model

// Narrative holds every figure the text of a disclosure states (概况 and
// 情况说明), as stated: amounts in the document's unit, changes and change
// percentages signed (negative for a decrease), blank (JSON null) when the
// text does not state them. Nothing is recomputed or corrected here.
type Narrative struct {
	Department     string             `json:"department"`
	Year           *int               `json:"year"`
	Unit           string             `json:"unit"`
	Income         IncomeFigures      `json:"income"`
	Expenditure    ExpenditureFigures `json:"expenditure"`
	OperatingCosts OperatingCosts     `json:"operating_costs"`
	ThreePublic    ThreePublic        `json:"three_public"`
	Procurement    Procurement        `json:"procurement"`
	Assets         Assets             `json:"assets"`
	Staffing       Staffing           `json:"staffing"`

	// Lines maps a figure's key (e.g. "income.total",
	// "operating_costs.items[3]", "expenditure.by_function[0]") to the
	// 1-based line of the source it was read from.
	Lines map[string]int `json:"lines,omitempty"`
	// Words maps a change figure's key (e.g. "income.change") to the change
	// word(s) the text uses, as stated: 增加, 减少, 增长, 下降, 持平, 无变化,
	// or a contradiction such as 增加减少.
	Words map[string]string `json:"words,omitempty"`
}

// IncomeFigures are the 预算收入 figures.
type IncomeFigures struct {
	Total         Amount `json:"total"`          // 预算收入总额
	PriorTotal    Amount `json:"prior_total"`    // 上年 (when stated)
	Change        Amount `json:"change"`         // signed
	ChangePercent Amount `json:"change_percent"` // signed, in percent
	// Sources maps the label as stated (一般公共预算财政拨款, 上年结余结转 …) to its amount.
	Sources map[string]Amount `json:"sources,omitempty"`
}

// Keys of ExpenditureFigures.ByCategory.
const (
	CatPersonnel      = "人员类项目支出"
	CatPublic         = "公用经费项目支出"
	CatOtherOperating = "其他运转类项目支出"
	CatSpecific       = "特定目标类项目支出"
	CatBasic          = "基本支出"
	CatProject        = "项目支出"
)

// ExpenditureFigures are the 预算支出 figures.
type ExpenditureFigures struct {
	Total         Amount `json:"total"`
	PriorTotal    Amount `json:"prior_total"`
	Change        Amount `json:"change"`
	ChangePercent Amount `json:"change_percent"`
	// CarryForward is 结转下年, when the text states it: the part of the
	// year's income left for the next year (收入总额 = 支出总额 + 结转下年).
	CarryForward Amount `json:"carry_forward"`
	// ByCategory maps a category (the Cat* keys) to its amount.
	ByCategory map[string]Amount `json:"by_category,omitempty"`
	// ByFunction is 本年支出构成: the function classes as listed, in order.
	ByFunction []FunctionShare `json:"by_function,omitempty"`
}

// FunctionShare is one entry of 本年支出构成, e.g. 一般公共服务支出 219.83 万元, 94.84%.
type FunctionShare struct {
	Name    string `json:"name"`
	Amount  Amount `json:"amount"`
	Percent Amount `json:"percent"` // blank when the text gives no share
}

// NamedAmount is a label with an amount, in the order stated.
type NamedAmount struct {
	Name   string `json:"name"`
	Amount Amount `json:"amount"`
}

// OperatingCosts are the 机关运行经费 figures.
type OperatingCosts struct {
	Total         Amount        `json:"total"`
	PriorTotal    Amount        `json:"prior_total"`
	Change        Amount        `json:"change"`
	ChangePercent Amount        `json:"change_percent"`
	Items         []NamedAmount `json:"items,omitempty"` // 办公费 1.5, 印刷费 0.3 …
	// Partial is true when the figure covers only some of the units:
	// 机关运行经费 is the 公用经费 of 行政 and 参公 units, so a department
	// whose 事业单位 also have 公用经费 states less than its 表六 302.
	Partial bool `json:"partial,omitempty"`
}

// ThreePublic are the 一般公共预算"三公"经费 figures.
type ThreePublic struct {
	Total            Amount `json:"total"`
	PriorTotal       Amount `json:"prior_total"`
	Change           Amount `json:"change"`
	ChangePercent    Amount `json:"change_percent"`
	Abroad           Amount `json:"abroad"`            // 因公出国（境）经费
	Vehicle          Amount `json:"vehicle"`           // 公务用车购置及运行（维护）费, when stated as one figure
	VehiclePurchase  Amount `json:"vehicle_purchase"`  // 公务用车购置费
	VehicleOperation Amount `json:"vehicle_operation"` // 公务用车运行（维护）费
	Reception        Amount `json:"reception"`         // 公务接待费
	ReceptionChange  Amount `json:"reception_change"`
	ReceptionPercent Amount `json:"reception_change_percent"`
	// The other items' changes against the prior year, signed, when stated.
	AbroadChange           Amount `json:"abroad_change"`
	VehicleChange          Amount `json:"vehicle_change"`
	VehiclePurchaseChange  Amount `json:"vehicle_purchase_change"`
	VehicleOperationChange Amount `json:"vehicle_operation_change"`
}

// Procurement are the 政府采购预算 figures.
type Procurement struct {
	Total    Amount `json:"total"`
	Change   Amount `json:"change"`
	Goods    Amount `json:"goods"`    // 货物类
	Works    Amount `json:"works"`    // 工程类
	Services Amount `json:"services"` // 服务类
}

// Assets are the 国有资产占用 figures.
type Assets struct {
	Total           Amount `json:"total"`
	Fixed           Amount `json:"fixed"`
	Intangible      Amount `json:"intangible"`
	FixedCount      Amount `json:"fixed_count"`      // 件（套）
	IntangibleCount Amount `json:"intangible_count"` // 件（套）
	Vehicles        Amount `json:"vehicles"`         // 车辆 (辆), when stated
}

// Staffing are the 人员构成 figures.
type Staffing struct {
	Authorized Amount `json:"authorized"` // 编制人数
	// Kinds maps a kind of post as stated (行政编制, 事业编制, 工勤编制 …) to its count.
	Kinds   map[string]Amount `json:"kinds,omitempty"`
	Actual  Amount            `json:"actual"`  // 实有人数
	Retired Amount            `json:"retired"` // 离退休人员
	Offices Amount            `json:"offices"` // 内设科室 count
}
