package model

// Texts are what a disclosure says that numbers cannot: the department's
// duties and organisation, the reasons for changes, the performance goals.
// The narrative package writes them into the generated 概况 and 情况说明 as
// given; a text left empty is never invented (the sentence that would hold
// it leaves it out, and a 提示 finding names it).
type Texts struct {
	// Duties are the 主要职责, one entry per numbered item.
	Duties []string `json:"duties,omitempty"`
	// Organization is the 机构设置情况, e.g. 设3个科室，分别为：综合科、热线管理科、数字城管科。
	Organization string `json:"organization,omitempty"`
	// Units is the 部门预算单位构成, e.g. 纳入部门预算编制范围的预算单位包括本级机关，无二级单位。
	Units string `json:"units,omitempty"`
	// Reasons are the main reasons for the changes against the prior year.
	Reasons Reasons `json:"reasons"`
	// Performance is the 绩效目标 text of the key projects, one paragraph per entry.
	Performance []string `json:"performance,omitempty"`
	// Other is 其他需要说明的情况, one paragraph per entry; the section is
	// left out when empty.
	Other []string `json:"other,omitempty"`
}

// Reasons are the reasons the narrative gives for a change, one per figure;
// each is a clause such as 单位人员编制减少 (without a final full stop).
type Reasons struct {
	Income         string `json:"income,omitempty"`          // 收入增减的主要原因
	Expenditure    string `json:"expenditure,omitempty"`     // 支出增减的主要原因
	OperatingCosts string `json:"operating_costs,omitempty"` // 机关运行经费增减的主要原因
	ThreePublic    string `json:"three_public,omitempty"`    // “三公”经费增减的主要原因
	Reception      string `json:"reception,omitempty"`       // 公务接待费增减的原因
	Procurement    string `json:"procurement,omitempty"`     // 政府采购预算增减的原因
}
