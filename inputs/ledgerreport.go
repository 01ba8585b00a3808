package inputs

import "gongkai/importer/ledger"

// LedgerReport is what the build of a ledger of budget lines reports
// (Result.Report), in the form every front end gives it: the web page's
// findings JSON (under "ledger") and the batch's report.jsonl (under
// "ledger") hold the same object.
type LedgerReport struct {
	Unit  string `json:"unit"`  // of the amounts below
	Cells int    `json:"cells"` // fine cells rounded
	// Moved are the cells controlled rounding moved by more than half a
	// unit so that every printed total adds up.
	Moved []MovedCell `json:"moved"`
	// Off are the printed totals more than 0.01 from their exact value
	// (normally none; also warnings among the findings).
	Off   []string     `json:"off"`
	Notes []PlacedNote `json:"notes"` // 提示: 项 without a name, 政府采购 parts not decided
}

// MovedCell is one cell of a ledger printed away from its nearest rounding.
type MovedCell struct {
	Place   string `json:"place"` // ledger.csv:12 (the cell's first line)
	Where   string `json:"where"` // unit, function, economic code, category and fund
	Exact   string `json:"exact"`
	Printed string `json:"printed"`
}

// PlacedNote is a note (提示) of the build with its place in the ledger.
type PlacedNote struct {
	Place string `json:"place"`
	Text  string `json:"text"`
}

// NewLedgerReport gives rep (nil: nil) in that form; unit is the display
// unit of the built disclosure.
func NewLedgerReport(rep *ledger.Report, unit string) *LedgerReport {
	if rep == nil {
		return nil
	}
	lr := &LedgerReport{Unit: unit, Cells: rep.Cells, Moved: []MovedCell{}, Off: []string{}, Notes: []PlacedNote{}}
	for _, m := range rep.Moved {
		lr.Moved = append(lr.Moved, MovedCell{Place: m.Pos.String(), Where: m.Where, Exact: m.Exact, Printed: m.Printed})
	}
	lr.Off = append(lr.Off, rep.Off...)
	for _, n := range rep.Notes {
		lr.Notes = append(lr.Notes, PlacedNote{Place: n.Pos.String(), Text: n.Text})
	}
	return lr
}
