// Package xlsxin reads a workbook in the official layout of the ten tables
// (部门预算公开表) back into a model.Disclosure: the workbook gongkai writes
// (exporter/xlsx), the blank template once filled (gongkai template), the
// workbook gongkai convert writes, and workbooks of the same layout made
// elsewhere.
//
// Its place in gongkai's one-way flow:
//
//	.xlsx → importer/xlsxin → model.Disclosure (+ findings) → check → …
//
// What it matches against is not written here: the titles, header grids and
// the column → model field keys come from the layouts package templates
// builds for the chosen profile (the same layouts exporter/xlsx draws), so a
// region's wording is read the way it is written. Without Options.Profile
// the embedded profile whose titles the sheets show is used (a 提示 says
// so when it is not the default).
//
//   - Profiles that split a code over columns (类, 款, 项), print the 合计 row
//     last with its label merged over the code columns, or print a table in a
//     unit of its own (converted back exactly) are read as they print. What a
//     layout does not print but the workbook states elsewhere is derived: the
//     codes of function lines labelled 一、二、… from the 类 rows of the
//     other tables, and the year's totals of a summary table without 本年合计
//     rows from its grand totals. A narrative figure a profile prints beside
//     a table (Shanghai 表9: 机关运行经费, narrative.operating_costs.total) is
//     read back into Disclosure.Narrative, in the unit the table prints it in.
//
//   - Not stated is not 0: a model field no column of the layout shows stays
//     blank (Amount.IsBlank), and so does an empty cell of an amount column
//     the layout prints zeros in; an empty cell of an amount column the
//     layout prints zeros as empty cells (Hubei's zero: blank) reads as 0.
//
//   - The department and year come from the template's 填表说明 sheet, else
//     the document properties gongkai writes, else the table titles.
//
//   - Each table is found by the title in its first rows (not by sheet name or
//     order); a sheet whose title names no table is listed as a 提示 and
//     skipped. Two sheets with the same table are an error.
//
//   - Columns are found by their header words (the path of header texts above
//     each column), so widened, moved or added columns read; a header cell
//     that differs from the layout is an error naming the cell.
//
//   - Rows are read by code and level: the level of a row follows from which
//     codes it states and their length (合计; 2-digit 科室, 3-digit 部门,
//     6-digit 单位; a row with a function code is a detail row; 表六 3-digit 类,
//     5-digit 款). Blank rows, trailing notes (注…) and print areas are
//     ignored; the note of a table is kept.
//
//   - Amounts: numbers as stored (15 significant digits, as Excel shows
//     them); a number stored as text is read with a warning; text that is not
//     a number is an error (表五!E8: “12,3x” 不是金额). A formula uses its
//     cached value; a formula without one (files written by libraries, the
//     filled template) is evaluated, and a cached value that differs from the
//     evaluated formula is a warning.
//
//   - Codes stored as numbers lose their leading zeros: the reader says so and
//     restores the zeros where the length is unambiguous (4 → 04).
//
//   - Hidden rows with content, hidden sheets with a table, merged cells in
//     the data area and links to other workbooks are errors: what is read
//     would differ from what the user sees.
//
// Every problem is a model.Finding whose message names the file, sheet and
// cell; all of them are reported at once. Read returns an error only when the
// file cannot be read at all (not a workbook, encrypted, over a limit).
//
// # Limits
//
// The total uncompressed size of the parts (Options.MaxUnzipSize, default
// 64 MiB, which bounds zip bombs and huge shared-string tables) and the size
// of each part (Options.MaxXMLSize, default 16 MiB) are checked from the zip
// directory before anything is parsed (internal/xlsxzip, shared with the
// ledger reader); excelize then keeps every part in memory, never in a
// temporary file. A sheet may have at most Options.MaxRows
// rows (default 20,000; one department's tables have a few hundred), and at
// most MaxCols columns are looked at. A sheet reaching row 1,048,576 is
// refused by the row limit before its rows are read.
package xlsxin
