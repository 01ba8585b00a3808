// Package xlsx writes a layout.Document as an official-format XLSX workbook
// (Excel, WPS, LibreOffice): one sheet per layout.Sheet, in order.
//
// Its place in gongkai's one-way flow:
//
//	model → templates → layout.Document → exporter/xlsx → .xlsx
//
// It imports only layout: it never sees the model, and draws what the
// templates decided (texts, merges, which zeros show). What it adds is the
// spreadsheet form of that intent:
//
//   - row 1 the title (merged across the width, centred, bold, 16 pt), row 2
//     the units line (merged, right), then the header grid with exactly its
//     merged cells (every cell of a merged range carries the border), bold
//     centred wrapping header text, and the column-number row;
//   - codes as text cells (04, 526003 keep their digits), amounts as numbers
//     with the format 0.00 (the decimal is rounded by the templates and
//     turned into a float only when handed to excelize), counts as numbers
//     with the places they were stated with; empty cells stay empty but
//     bordered; names left, amounts right; bold rows; thin borders on every
//     grid cell; notes merged across the width under the grid;
//   - column widths from layout.Column.Width (1 CJK character ≈ 2 Excel
//     units) and row heights estimated for wrapped text, so headers are not
//     clipped even where the viewer does not fit rows itself;
//   - A4 landscape, fit to one page wide (any height), print titles repeating
//     the title to header rows on every page, footer 第 &P 页 / 共 &N 页,
//     freeze panes below the header.
//
// Output is deterministic: the same document gives byte-identical bytes
// (core properties dates come from Document.Date; styles are created once
// per workbook in a fixed order; the normal excelize API is used, whose zip
// entries are written in sorted order).
package xlsx
