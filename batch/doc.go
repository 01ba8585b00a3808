// Package batch runs gongkai for many departments at once: a county, a city
// or a province, each department one input file. It loads every input
// through package inputs, checks it, lays it out and writes its workbook and
// PDF (all or nothing per department, through internal/atomicfile), with a
// fixed number of workers in one process so that the font is parsed once.
//
// One department's failure never stops the others: it becomes a Result with
// status Failed. At the end the results are written as 核对汇总.xlsx (one row
// per department, and a second sheet with every finding) and report.jsonl
// (one JSON object per department) for scripts.
//
// A run is split over machines with Select (a deterministic share of the
// inputs by a hash of each path); the reports of the shares are joined with
// ReadReports and WriteReports. See docs/batch.md.
//
// It sits at the top of gongkai's flow, beside the CLI and the server:
//
//	files → inputs.Load → check → templates → exporter/xlsx, exporter/pdf
package batch
