// Package text reads a budget disclosure (部门预算公开) published as plain
// text — a web page, a PDF run through text extraction or OCR, a Word file
// saved as text — back into gongkai's model.
//
// It is one of the importers in gongkai's one-way flow:
//
//	text (.txt) → importer/text → model.Disclosure (+ Figures, Unread, Findings) → check → templates → exporters
//
// Parse decodes the bytes (UTF-8 with or without BOM, UTF-16 LE/BE,
// GB18030/GBK), normalises full-width characters, thousands separators and
// characters spaced out by PDF extraction, finds the department, year and
// amount unit, reads every figure of the narrative into model.Narrative and
// every table given as text (tab-separated, pipe/markdown or one cell per
// line) into the model tables, cell by cell as stated.
//
// Nothing is dropped silently: every sentence or table line that holds a
// number no rule read is returned in Result.Unread with its line number.
// Problems of the text itself (contradictory change words, one figure stated
// twice with different values, an unclear unit) are returned as findings
// with rules P1…P9; whether the numbers agree with each other is the check
// package's job. The parser never corrects a number: what the document
// states is what the model holds, and what it does not state stays blank.
package text
