package model

// Figure is one number a text importer read from a document, with what the
// text calls it and where it stands. The 文中数据 sheet lists them.
type Figure struct {
	Key   string `json:"key"`   // narrative key, e.g. income.total, operating_costs.items[2]; "" if none
	Label string `json:"label"` // the words the text puts before it, e.g. 预算收入总额
	Value Amount `json:"value"`
	Unit  string `json:"unit"` // 万元, 元, %, 人, 件（套）…
	Line  int    `json:"line"` // 1-based source line
}

// Unread is a sentence of the source that holds a number no rule read; the
// importer reports it so that nothing is dropped silently.
type Unread struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}
