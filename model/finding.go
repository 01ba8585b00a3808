package model

import (
	"fmt"
	"strings"
)

// Severity grades a Finding.
type Severity string

// Severities, most serious first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Chinese returns the word finance staff read: 错误, 警告 or 提示.
func (s Severity) Chinese() string {
	switch s {
	case SeverityError:
		return "错误"
	case SeverityWarning:
		return "警告"
	case SeverityInfo:
		return "提示"
	}
	return string(s)
}

// Finding is something a check or an importer noticed in the data: numbers
// that disagree, a wording that contradicts itself, a code the catalog does
// not know. A finding is data, never an error.
type Finding struct {
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`             // rule id, e.g. X6, N5, R-ROW
	Table    TableID  `json:"table,omitempty"`  // where, when in a table
	Row      string   `json:"row,omitempty"`    // row code and name, e.g. "2010350 事业运行" or "合计"
	Column   string   `json:"column,omitempty"` // column title, e.g. 总计
	Field    string   `json:"field,omitempty"`  // narrative key, e.g. three_public.reception
	Line     int      `json:"line,omitempty"`   // source line, when known
	Message  string   `json:"message"`          // the whole finding in Chinese, with its numbers
}

// String formats the finding as one line: severity, rule, message.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Severity.Chinese())
	b.WriteByte(' ')
	b.WriteString(f.Rule)
	b.WriteByte(' ')
	b.WriteString(f.Message)
	if f.Line > 0 && !strings.Contains(f.Message, "第") {
		fmt.Fprintf(&b, "（第%d行）", f.Line)
	}
	return b.String()
}

// HasErrors reports whether any finding has error severity.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}
