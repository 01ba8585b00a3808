package ledger

import (
	"bytes"

	"gongkai/model"
)

// ReadTable reads a small table kept beside ledgers (the list of ledgers of
// 'gongkai batch --list'): a CSV file (UTF-8 or GB18030), or the first sheet
// of a workbook, opened under the limits of a ledger. Rows are the non-blank
// rows, each with its place (ledger.csv:7, or 清单.xlsx Sheet1!7 行), so
// that problems of a row can be located as a ledger's are.
func ReadTable(name string, data []byte) ([][]string, []Pos, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		b, err := openWorkbook(name, data, ReadOptions{MaxUnzipSize: DefaultMaxUnzipSize, MaxPartSize: DefaultMaxPartSize, MaxRows: DefaultMaxRows})
		if err != nil {
			return nil, nil, err
		}
		defer b.Close()
		sheet := b.GetSheetList()[0]
		rows, err := sheetRows(b, sheet, DefaultMaxRows)
		if err != nil {
			if err == errTooMany {
				return nil, nil, &model.ParseError{File: name, Sheet: sheet, Err: tooManyRows(DefaultMaxRows)}
			}
			return nil, nil, &model.ParseError{File: name, Sheet: sheet, Err: bad(model.ErrSyntax, "无法读取工作表："+err.Error())}
		}
		var out [][]string
		var pos []Pos
		for i, r := range rows {
			if !blankRow(r) {
				out = append(out, r)
				pos = append(pos, Pos{File: name, Sheet: sheet, Row: i + 1})
			}
		}
		return out, pos, nil
	}
	rows, lines, err := csvFile(name, data)
	if err != nil {
		return nil, nil, err
	}
	var out [][]string
	var pos []Pos
	for i, r := range rows {
		if !blankRow(r) {
			out = append(out, r)
			pos = append(pos, Pos{File: name, Row: lines[i]})
		}
	}
	return out, pos, nil
}
