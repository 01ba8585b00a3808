package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/xlsxzip"
	"gongkai/model"
)

// ReadOptions configure Read. The zero value is useful.
type ReadOptions struct {
	// Info fills or overrides the department details of the 基本信息
	// sheet: every non-empty field (non-zero Year) wins.
	Info Info
	// Defaults fills the department details the ledger does not give
	// (Info overrides them; Defaults only fills what is missing), e.g.
	// last year's ledger read with this year's settings.
	Defaults Info
	// Income is a 收入 file (CSV or workbook) for a CSV ledger; a workbook
	// ledger has its own 收入 sheet.
	Income     []byte
	IncomeName string
	// Texts is a file of the written texts (说明: a two-column CSV/TSV or a
	// workbook, see TextLabels) for a CSV ledger; a workbook ledger may
	// have its own 说明 sheet.
	Texts     []byte
	TextsName string
	// MaxRows limits the lines of a ledger (default DefaultMaxRows).
	MaxRows int
	// MaxUnzipSize and MaxPartSize bound what a workbook may unpack to:
	// all its parts together, and one part (the 明细 sheet, the shared
	// strings); defaults DefaultMaxUnzipSize and DefaultMaxPartSize. They
	// are checked from the zip directory before anything is parsed, and
	// nothing is ever unpacked to disk.
	MaxUnzipSize, MaxPartSize int64
}

// Limits for untrusted input. A department's ledger has hundreds to tens of
// thousands of lines; 100,000 lines read and build in about 2 s, 200,000 in 3.5 s (README,
// "由预算明细生成"). A line of the 明细 sheet takes 540 bytes unpacked as
// LibreOffice or Excel save it (shared strings) and 830 as excelize's
// stream writer does (inline strings): 1 KB a line is room for either.
const (
	DefaultMaxRows      = 200_000
	DefaultMaxPartSize  = 200 << 20 // DefaultMaxRows lines of 1 KB
	DefaultMaxUnzipSize = 256 << 20 // the sheet and the shared strings
	// maxCols is the number of columns of a sheet that are read; a ledger
	// has 15, with a few of the user's own.
	maxCols = 256
	// headerRows: the header row of a ledger is looked for in the first
	// 50 rows of a CSV file or a sheet, under the 基本信息 rows.
	headerRows = 50
)

// Sheet names of the workbook form.
const (
	SheetLines  = "明细"
	SheetInfo   = "基本信息"
	SheetIncome = "收入"
)

// Read reads a ledger: a CSV file (UTF-8, with or without BOM, or GB18030;
// comma- or tab-separated) or a workbook (.xlsx) with a 明细 sheet (or a
// first sheet with ledger headers), an optional 基本信息 sheet, an
// optional 收入 sheet and an optional 说明 sheet (the written texts, see
// TextLabels; a CSV ledger takes them from ReadOptions.Texts). Every problem is reported at once as
// model.ParseErrors, each with its place (file:line or sheet!cell).
func Read(name string, data []byte, o ReadOptions) (*Ledger, error) {
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxUnzipSize <= 0 {
		o.MaxUnzipSize = DefaultMaxUnzipSize
	}
	if o.MaxPartSize <= 0 {
		o.MaxPartSize = min(DefaultMaxPartSize, o.MaxUnzipSize)
	}
	var l *Ledger
	var err error
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		l, err = readWorkbook(name, data, o)
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, &model.ParseError{File: name, Err: bad(model.ErrSyntax, "无法打开工作簿：文件内容不是 .xlsx 工作簿（可能已损坏，或是改了扩展名的其他文件）")}
	default:
		l, err = readCSV(name, data, o)
	}
	// Problems of the content are collected, with those of the 收入 file,
	// the department details and the parsed lines against each other;
	// anything else ends the reading.
	var errs model.ParseErrors
	if err != nil {
		if l == nil || Unreadable(err) || !errors.As(err, &errs) {
			return nil, err
		}
	}
	if len(o.Income) > 0 {
		if l.incomeSheet != "" {
			// Two sources of 上年结转 would be added together silently.
			errs = append(errs, &model.ParseError{File: name, Sheet: l.incomeSheet, Err: bad(ErrTwoIncomes,
				"工作簿已有“收入”表，又给了收入文件“"+o.IncomeName+"”：上年结转只能写在一处（删去工作簿的“收入”表，或不给收入文件）")})
		} else {
			cs, err := readIncomeFile(o.IncomeName, o.Income, o)
			var ierrs model.ParseErrors
			if err != nil && (Unreadable(err) || !errors.As(err, &ierrs)) {
				return nil, err
			}
			errs = append(errs, ierrs...)
			l.Carryovers = append(l.Carryovers, cs...)
		}
	}
	terrs, err := l.readTexts(name, o)
	if err != nil {
		return nil, err
	}
	errs = append(errs, terrs...)
	mergeInfo(&l.Info, o.Info)
	filled := o.Defaults
	mergeInfo(&filled, l.Info)
	l.Info = filled
	// The details as Validate checks them, named at the file (a 基本信息
	// row was checked as it was read; these may come from ReadOptions).
	for _, p := range infoProblems(l.Info) {
		errs = append(errs, &model.ParseError{File: name, Err: p.err})
	}
	if l.Info.Unit == "" {
		l.Info.Unit = model.UnitWanYuan
	}
	if len(errs) > 0 {
		// Build would stop at these; what it would find in the lines
		// that parsed is reported with them.
		errs = append(errs, l.consistency()...)
		sortErrors(errs)
		return nil, errs
	}
	return l, nil
}

func mergeInfo(dst *Info, src Info) {
	set := func(d *string, s string) {
		if s != "" {
			*d = s
		}
	}
	set(&dst.Department, src.Department)
	set(&dst.DepartmentCode, src.DepartmentCode)
	set(&dst.Region, src.Region)
	set(&dst.SectionCode, src.SectionCode)
	set(&dst.SectionName, src.SectionName)
	set(&dst.ParentCode, src.ParentCode)
	set(&dst.ParentName, src.ParentName)
	set(&dst.Unit, src.Unit)
	set(&dst.Date, src.Date)
	if src.Year != 0 {
		dst.Year = src.Year
	}
}

// decodeText returns UTF-8 text: UTF-8 as is (without a BOM), anything
// else decoded as GB18030 (which includes GBK and GB2312).
func decodeText(name string, data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return "", &model.ParseError{File: name, Err: bad(model.ErrEncoding, "既不是 UTF-8 也不是 GB18030 编码的文本")}
	}
	return string(out), nil
}

// csvFile decodes a CSV file (UTF-8 or GB18030) and reads it into rows
// with their 1-based line numbers.
func csvFile(name string, data []byte) ([][]string, []int, error) {
	text, err := decodeText(name, data)
	if err != nil {
		return nil, nil, err
	}
	return records(name, text)
}

// records reads CSV text into rows with their 1-based line numbers.
func records(name, text string) ([][]string, []int, error) {
	first := text
	if i := strings.IndexAny(first, "\r\n"); i >= 0 {
		first = first[:i]
	}
	r := csv.NewReader(strings.NewReader(text))
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(name, text, err)
		}
		ln, _ := r.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, ln)
	}
	return rows, lines, nil
}

// csvError turns an error of encoding/csv into a located message, Chinese
// first: the line, and the column counted in characters (encoding/csv
// counts bytes, three for a Chinese character).
func csvError(name, text string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &model.ParseError{File: name, Err: bad(model.ErrSyntax, "CSV 格式错误："+err.Error())}
	}
	col := pe.Column
	if lines := strings.SplitAfter(text, "\n"); pe.Line >= 1 && pe.Line <= len(lines) {
		if l := lines[pe.Line-1]; col >= 1 && col-1 <= len(l) {
			col = utf8.RuneCountInString(l[:col-1]) + 1
		}
	}
	msg := "CSV 格式错误"
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = "双引号（\"）位置不对：不以引号开头的栏目中不能有双引号；栏目含双引号时，整个栏目用双引号括起，其中的双引号写两次（\"\"）"
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = "双引号（\"）不成对：以双引号开头的栏目没有结束的双引号（或结束引号后还有文字）"
	}
	return &model.ParseError{File: name, Line: pe.Line, Column: col, Err: bad(model.ErrSyntax, msg+" / "+pe.Err.Error())}
}

func readCSV(name string, data []byte, o ReadOptions) (*Ledger, error) {
	rows, lines, err := csvFile(name, data)
	if err != nil {
		return nil, err
	}
	t := &table{file: name, names: map[string]string{}, econName: map[string]string{}}
	return readRows(t, rows, func(i int) int { return lines[i] }, o.MaxRows)
}

// extraFields reports a CSV line with more filled fields than the header
// has columns: most often an amount written with a thousands separator and
// no quotes (178,740), which splits it in two fields, so that the amount
// column would hold only "178". Empty fields at the end are harmless.
func (t *table) extraFields(cells []string, width, row int) *model.ParseError {
	if t.sheet != "" || len(cells) <= width {
		return nil
	}
	for k := width; k < len(cells); k++ {
		if strings.TrimSpace(cells[k]) != "" {
			e := t.where(row, -1)
			e.Column = k + 1
			e.Err = fmtBad(model.ErrBadValue, "这一行有 %d 栏，表头只有 %d 栏（第 %d 栏“%s”没有表头）："+
				"数字中的逗号（千位分隔符，如 178,740）会把一栏拆成两栏，请去掉逗号或把数字用双引号括起", len(cells), width, k+1, cells[k])
			return e
		}
	}
	return nil
}

// readRows reads a header row and the lines under it. rowNo gives the
// 1-based line or row of rows[i].
func readRows(t *table, rows [][]string, rowNo func(int) int, maxRows int) (*Ledger, error) {
	h := 0
	for h < len(rows) && h < headerRows && !looksLikeHeader(rows[h]) {
		h++
	}
	var info Info
	var errs model.ParseErrors
	if h < len(rows) && h < headerRows {
		// Rows above the header: 基本信息 as label, value (部门名称,某某局).
		errs = infoRows(t, rows[:h], rowNo, &info)
	} else {
		h = 0
		for h < len(rows) && blankRow(rows[h]) {
			h++
		}
	}
	if h == len(rows) {
		return nil, &model.ParseError{File: t.file, Sheet: t.sheet, Err: bad(ErrNoLines, "没有表头和预算明细行")}
	}
	if len(rows)-h-1 > maxRows { // lines under the header row
		return nil, &model.ParseError{File: t.file, Sheet: t.sheet, Err: tooManyRows(maxRows)}
	}
	t.headerRow = rowNo(h)
	errs = append(errs, readHeader(t, rows[h], rowNo(h))...)
	if len(errs) == 0 {
		errs = append(errs, t.unitAbove(rows[:h], rows[h], rowNo)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	l := &Ledger{Info: info, FuncNames: t.names, EconNames: t.econName, read: true}
	l.Lines = make([]Line, 0, len(rows)-h-1)
	for i := h + 1; i < len(rows); i++ {
		if blankRow(rows[i]) {
			continue // an empty row separates nothing: skipped
		}
		if col, word, ok := t.totalRow(rows[i]); ok {
			// One message for the row, not the 6–7 empty fields of a
			// line: a total is not a budget line.
			errs = append(errs, t.errAt(rowNo(i), col, fmtBad(ErrTotalRow, "第 %d 行像是合计行（“%s”），不是预算明细：请删除（合计由 gongkai 计算）", rowNo(i), word)))
			continue
		}
		ln, es := t.parseLine(rows[i], rowNo(i))
		if e := t.extraFields(rows[i], len(rows[h]), rowNo(i)); e != nil {
			es = append(es, e)
		}
		if len(es) > 0 {
			errs = append(errs, es...)
			if l.unparsed == nil {
				l.unparsed = map[string]bool{}
			}
			l.unparsed[ln.UnitCode] = true
			continue
		}
		l.Lines = append(l.Lines, ln)
	}
	if t.decimalsN >= 3 {
		// Said once, with the first such line.
		e := t.decimalsErr
		e.Err = bad(ErrBadAmount, e.Err.Error()+fmt.Sprintf("。提示：共 %d 行金额有三至六位小数，像是以万元填写的：若以万元填写，表头写 金额（万元）", t.decimalsN))
	}
	if len(errs) > 0 {
		// The lines that parsed, for Read to check them against each
		// other and report every problem at once.
		return l, errs
	}
	if len(l.Lines) == 0 {
		return nil, &model.ParseError{File: t.file, Sheet: t.sheet, Err: bad(ErrNoLines, "表头下没有预算明细行")}
	}
	return l, nil
}

// book is an open workbook, read from its zip as streams (xlsxzip):
// excelize would unpack every part into memory on opening and parse each
// sheet with encoding/xml.
type book struct {
	zr      *zip.Reader
	names   []string         // sheet names, in workbook order
	sst     *xlsxzip.Strings // shared strings, read once
	sstErr  error
	sstRead bool
}

// GetSheetList returns the sheet names, as excelize's method of that name.
func (b *book) GetSheetList() []string { return b.names }

// Close is there for symmetry with excelize: a book holds nothing open.
func (b *book) Close() error { return nil }

// unitAbove reads a 单位：万元 (or 单位：元, 金额单位：万元) cell above the
// header, as the official layout prints it under the title. With a bare
// 金额 header it gives the amounts' unit; a header that names the other
// unit is an error, not a guess.
func (t *table) unitAbove(above [][]string, header []string, rowNo func(int) int) model.ParseErrors {
	for i, r := range above {
		for j, c := range r {
			n := strings.NewReplacer(" ", "", "\u3000", "", "：", ":").Replace(strings.TrimSpace(c))
			n = strings.TrimPrefix(strings.TrimPrefix(n, "金额"), "计量")
			var per int64
			switch n {
			case "单位:元":
				per = 1
			case "单位:万元":
				per = 10000
			default:
				continue
			}
			hc := strings.TrimSpace(header[t.col[fAmount]])
			if !strings.ContainsAny(normHeader(hc), "(") {
				t.yuanPer = per
				return nil
			}
			if per != t.yuanPer {
				return model.ParseErrors{t.errAt(rowNo(i), j, fmtBad(ErrUnknownValue, "表头上方写“%s”，金额列表头却是“%s”：两处的金额单位不同，请改正其中一处", strings.TrimSpace(c), hc))}
			}
			return nil
		}
	}
	return nil
}

// openWorkbook opens an untrusted workbook within the limits of o: the
// unpacked sizes are checked from the zip directory first (a zip bomb is
// refused before anything is inflated), and sheets are then read as
// streams, in memory, never through a temporary file.
func openWorkbook(name string, data []byte, o ReadOptions) (*book, error) {
	zr, err := xlsxzip.Check(data, xlsxzip.Limits{Total: o.MaxUnzipSize, Part: o.MaxPartSize})
	if err != nil {
		return nil, &model.ParseError{File: name, Err: workbookError(err, o)}
	}
	sheets, err := xlsxzip.Sheets(zr)
	if err == nil && len(sheets) == 0 {
		err = errors.New("no worksheet")
	}
	if err != nil {
		return nil, &model.ParseError{File: name, Err: bad(model.ErrSyntax, "无法打开工作簿：文件已损坏，或不是 .xlsx 工作簿 / not a readable workbook: "+err.Error())}
	}
	b := &book{zr: zr}
	for _, s := range sheets {
		b.names = append(b.names, s.Name)
	}
	return b, nil
}

// workbookError words an error of xlsxzip.Check: Chinese, then English.
func workbookError(err error, o ReadOptions) error {
	var se *xlsxzip.SizeError
	var de *xlsxzip.DTDError
	switch {
	case errors.As(err, &se) && se.Part != "":
		return fmtBad(ErrTooLarge, "工作簿的部件 %s 解压后 %s，超过每个部件 %s 的上限（明细最多 %s 行，每行按 1 KB 计），未读取 / a part unpacks to %s, over the limit of %s",
			se.Part, size(int64(se.Size)), size(se.Limit), thousands(o.MaxRows), size(int64(se.Size)), size(se.Limit))
	case errors.As(err, &se):
		return fmtBad(ErrTooLarge, "工作簿解压后共 %s，超过 %s 的上限，未读取 / the workbook unpacks to %s, over the limit of %s",
			size(int64(se.Size)), size(se.Limit), size(int64(se.Size)), size(se.Limit))
	case errors.As(err, &de):
		return fmtBad(model.ErrSyntax, "工作簿的部件 %s 含有 DTD 或实体定义（Excel、WPS、LibreOffice 不会写出这样的文件，可能是 XML 炸弹），拒绝读取 / XML with a DTD refused", de.Part)
	}
	return bad(model.ErrSyntax, "无法打开工作簿：文件已损坏，或不是 .xlsx 工作簿 / not a readable workbook: "+err.Error())
}

// size is a byte count for messages: 348 MB, 512 KB.
func size(n int64) string {
	switch {
	case n >= 10<<20:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " 字节"
}

// thousands writes 200000 as 200,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// tooManyRows is the error of a sheet over the row limit.
func tooManyRows(max int) error {
	return fmtBad(ErrTooLarge, "明细超过 %s 行的上限，未读取 / more than the limit of %s lines", thousands(max), thousands(max))
}

// sheetRows reads the rows of a sheet as a stream (xlsxzip.RowReader:
// excelize's row iterator took 85% of the time of reading a 100,000-line
// ledger and widened every row to its last column), each cut to maxCols
// cells. Blank rows at the end are dropped; a sheet with a non-blank row
// below row max is refused (errTooMany) as soon as the reader reaches it,
// so a sheet of a million rows, or one cell a million rows down, is not
// read through.
func sheetRows(b *book, sheet string, max int) ([][]string, error) {
	rr, err := b.rowReader(sheet)
	if err != nil {
		return nil, err
	}
	defer rr.Close()
	var rows [][]string
	for rr.Next() {
		cells := rr.Cells()
		if blankRow(cells) {
			continue
		}
		if rr.Row() > max {
			return nil, errTooMany
		}
		for len(rows) < rr.Row()-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, cells)
	}
	if rr.Err() != nil {
		return nil, rr.Err()
	}
	return rows, nil
}

var errTooMany = errors.New("too many rows")

// readSheet reads a sheet other than the budget lines (收入, 基本信息, 说明)
// with sheetRows, in one of the sheet's words: a non-blank row below row
// max is ErrTooLarge naming what the sheet is and the limit, any other
// error the sheet unreadable.
func readSheet(f *book, name, sheet, what string, max int) ([][]string, *model.ParseError) {
	rows, err := sheetRows(f, sheet, max)
	switch {
	case err == errTooMany:
		return nil, &model.ParseError{File: name, Sheet: sheet, Err: fmtBad(ErrTooLarge, "%s超过 %s 行的上限，未读取 / more than the limit of %s rows", what, thousands(max), thousands(max))}
	case err != nil:
		return nil, &model.ParseError{File: name, Sheet: sheet, Err: bad(model.ErrSyntax, "无法读取工作表："+err.Error())}
	}
	return rows, nil
}

// sheetLister is a workbook's list of sheets: *excelize.File or *book.
type sheetLister interface{ GetSheetList() []string }

// ledgerSheet finds the sheet with the budget lines: 明细 (or 预算明细),
// else the first of the first three sheets whose first rows (firstRows
// gives up to headerRows of them) hold a ledger header.
func ledgerSheet(f sheetLister, firstRows func(sheet string) [][]string) string {
	sheets := f.GetSheetList()
	for _, s := range sheets {
		if n := strings.TrimSpace(s); n == SheetLines || n == "预算明细" {
			return s
		}
	}
	for i, s := range sheets {
		if i >= 3 {
			break
		}
		for _, cols := range firstRows(s) {
			if looksLikeHeader(cols) {
				return s
			}
		}
	}
	return ""
}

// rowReader opens a sheet of b for reading row by row.
func (b *book) rowReader(sheet string) (*xlsxzip.RowReader, error) {
	if !b.sstRead {
		b.sst, b.sstErr = xlsxzip.SharedStrings(b.zr)
		if errors.Is(b.sstErr, xlsxzip.ErrTooManyStrings) {
			b.sstErr = fmtBad(ErrTooLarge, "工作簿的共享字符串超过 %d 个的上限（明细最多 200,000 行），未读取 / %v", xlsxzip.MaxStrings, b.sstErr)
		}
		b.sstRead = true
	}
	if b.sstErr != nil {
		return nil, b.sstErr
	}
	part, err := xlsxzip.SheetPart(b.zr, sheet)
	if err != nil {
		return nil, err
	}
	return xlsxzip.NewRowReader(b.zr, part, b.sst, maxCols)
}

// firstRows is the first headerRows rows of a sheet of b.
func (b *book) firstRows(sheet string) [][]string {
	rr, err := b.rowReader(sheet)
	if err != nil {
		return nil
	}
	defer rr.Close()
	var rows [][]string
	for n := 0; n < headerRows && rr.Next(); n++ {
		rows = append(rows, rr.Cells())
	}
	return rows
}

// Detect reports whether a workbook is a ledger (budget lines), not the
// official tables: it has a 明细 sheet, or one of its first sheets has a
// ledger header row (金额, 功能科目编码 and at least one more ledger
// column) in its first 50 rows.
func Detect(f *excelize.File) bool {
	return ledgerSheet(f, func(sheet string) [][]string {
		it, err := f.Rows(sheet)
		if err != nil {
			return nil
		}
		defer it.Close()
		var rows [][]string
		for n := 0; n < headerRows && it.Next(); n++ {
			cols, _ := it.Columns()
			rows = append(rows, cols)
		}
		return rows
	}) != ""
}

// IsLedger reports whether data is a ledger: a workbook that Detect
// accepts, or CSV text whose first line is a ledger header.
func IsLedger(data []byte) bool {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		// A sheet named 明细 says so from the workbook's sheet list, before
		// anything large is unpacked (a workbook over the limits is then
		// refused by Read with the ledger's limits).
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			if sheets, err := xlsxzip.Sheets(zr); err == nil {
				for _, s := range sheets {
					if n := strings.TrimSpace(s.Name); n == SheetLines || n == "预算明细" {
						return true
					}
				}
			}
		}
		f, err := openWorkbook("", data, ReadOptions{MaxUnzipSize: DefaultMaxUnzipSize, MaxPartSize: DefaultMaxPartSize, MaxRows: DefaultMaxRows})
		if err != nil {
			return false
		}
		return ledgerSheet(f, f.firstRows) != ""
	}
	text, ok := headText(data, 4096)
	if !ok {
		return false
	}
	// The header row may follow a few 基本信息 rows (部门名称,某某局).
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	for i, line := range lines {
		if i >= headerRows {
			break
		}
		sep := ","
		if strings.Count(line, "\t") > strings.Count(line, ",") {
			sep = "\t"
		}
		if looksLikeHeader(strings.Split(line, sep)) {
			return true
		}
	}
	return false
}

// headText decodes the first max bytes of data or so, as decodeText would
// decode the whole. The cut is moved back to the last line end before it,
// so that it never splits a character: a UTF-8 prefix cut inside a
// character is not valid UTF-8 and would be taken for GB18030. A newline
// byte is never part of a multi-byte character in either encoding. A first
// line longer than max is cut at a character boundary instead.
func headText(data []byte, max int) (string, bool) {
	if len(data) <= max {
		text, err := decodeText("", data)
		return text, err == nil
	}
	head := data[:max]
	if i := bytes.LastIndexByte(head, '\n'); i > 0 {
		text, err := decodeText("", head[:i])
		return text, err == nil
	}
	// UTF-8: back to the start of the character the cut falls in.
	cut := max
	for n := 0; n < 3 && cut > 0 && !utf8.RuneStart(data[cut]); n++ {
		cut--
	}
	if utf8.Valid(bytes.TrimPrefix(data[:cut], []byte("\xef\xbb\xbf"))) {
		return string(bytes.TrimPrefix(data[:cut], []byte("\xef\xbb\xbf"))), true
	}
	// GB18030: a character of 2 or 4 bytes may be cut.
	for n := 0; n < 4; n++ {
		if text, err := decodeText("", head[:max-n]); err == nil {
			return text, true
		}
	}
	return "", false
}

func readWorkbook(name string, data []byte, o ReadOptions) (*Ledger, error) {
	f, err := openWorkbook(name, data, o)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheet := ledgerSheet(f, f.firstRows)
	if sheet == "" && f.sstErr != nil { // the sheets could not be looked at
		return nil, &model.ParseError{File: name, Err: f.sstErr}
	}
	if sheet == "" {
		return nil, &model.ParseError{File: name, Err: bad(model.ErrUnsupported, "工作簿中没有预算明细：应有名为“明细”的工作表，或首个工作表的表头含“金额”“功能科目编码”等列")}
	}
	rows, err := sheetRows(f, sheet, o.MaxRows+50)
	if err == errTooMany {
		return nil, &model.ParseError{File: name, Sheet: sheet, Err: tooManyRows(o.MaxRows)}
	}
	if err != nil {
		return nil, &model.ParseError{File: name, Sheet: sheet, Err: bad(model.ErrSyntax, "无法读取工作表："+err.Error())}
	}
	var errs model.ParseErrors
	// The merged ranges, from the sheet's part as a stream: excelize's
	// GetMergeCells would parse the whole sheet into memory again.
	part, err := xlsxzip.SheetPart(f.zr, sheet)
	var merged []string
	if err == nil {
		merged, err = xlsxzip.MergeCells(f.zr, part)
	}
	if err != nil {
		return nil, &model.ParseError{File: name, Sheet: sheet, Err: bad(model.ErrSyntax, "无法读取工作表的合并单元格："+err.Error())}
	}
	t := &table{file: name, sheet: sheet, names: map[string]string{}, econName: map[string]string{}}
	var hidden map[int]bool
	t.hidden = func(col int) bool {
		// Asked only for a duplicate column; the column list is read
		// once, not again for every duplicate.
		if part == "" {
			return false
		}
		if hidden == nil {
			hidden, _ = xlsxzip.HiddenColumns(f.zr, part)
		}
		return hidden[col+1]
	}
	l, err := readRows(t, rows, func(i int) int { return i + 1 }, o.MaxRows)
	for _, ref := range merged {
		// A title (A1:O1) and a 单位：元 row merged above the header are
		// the usual layout; from the header down, a merged range would
		// leave the lines under its first row empty.
		start, end, _ := strings.Cut(ref, ":")
		if end == "" {
			end = start
		}
		if t.headerRow > 0 && cellRow(end) < t.headerRow {
			continue
		}
		errs = append(errs, &model.ParseError{File: name, Sheet: sheet, Cell: start,
			Err: bad(ErrMergedCell, "合并单元格 "+ref+"：明细表每行一条预算明细，不能合并单元格，请取消合并并在每行填写（表头以上的标题行可以合并）")})
	}
	if err != nil {
		var pes model.ParseErrors
		if errors.As(err, &pes) {
			errs = append(errs, pes...)
		} else if len(errs) == 0 {
			return nil, err
		} else {
			var pe *model.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, pe)
			}
		}
	}
	info, ierrs := readInfoSheet(f, name)
	errs = append(errs, ierrs...)
	var carry []Carryover
	if s := incomeSheet(f); s != "" {
		rows, pe := readSheet(f, name, s, "收入表", 100000)
		if pe != nil {
			errs = append(errs, pe)
		} else {
			var ce model.ParseErrors
			carry, ce = readIncomeRows(&table{file: name, sheet: s}, rows, func(i int) int { return i + 1 })
			errs = append(errs, ce...)
		}
	}
	if l != nil {
		mergeInfo(&l.Info, info)
		l.Carryovers = carry
		l.incomeSheet = incomeSheet(f)
		var terrs model.ParseErrors
		l.Texts, l.textsSheet, terrs = readTextsSheet(f, name)
		errs = append(errs, terrs...)
	}
	if len(errs) > 0 {
		return l, errs // l: the lines that parsed, if any
	}
	return l, nil
}

// incomeSheet is the name of the workbook's 收入 sheet, "" when it has none.
func incomeSheet(f sheetLister) string {
	for _, s := range f.GetSheetList() {
		if strings.TrimSpace(s) == SheetIncome {
			return s
		}
	}
	return ""
}

func hasSheet(f sheetLister, name string) bool {
	for _, s := range f.GetSheetList() {
		if strings.TrimSpace(s) == name {
			return true
		}
	}
	return false
}

// infoKeys maps the labels of the 基本信息 sheet to Info fields.
var infoKeys = map[string]string{
	"部门名称": "department", "单位名称": "department", "公开主体": "department", "department": "department",
	"部门编码": "code", "单位编码": "code", "department_code": "code",
	"地区": "region", "行政区划": "region", "region": "region",
	"年度": "year", "预算年度": "year", "year": "year",
	"科室编码": "section_code", "科室名称": "section", "科室": "section",
	"主管部门编码": "parent_code", "主管部门名称": "parent", "主管部门": "parent",
	"金额单位": "unit", "公开金额单位": "unit", "unit": "unit",
	"公开日期": "date", "date": "date",
}

// readInfoSheet reads the 基本信息 sheet: one label and one value a row
// (项目 | 内容), in any order.
func readInfoSheet(f *book, name string) (Info, model.ParseErrors) {
	var info Info
	if !hasSheet(f, SheetInfo) {
		return info, nil
	}
	var sheet string
	for _, s := range f.GetSheetList() {
		if strings.TrimSpace(s) == SheetInfo {
			sheet = s
		}
	}
	rows, pe := readSheet(f, name, sheet, "基本信息表", 1000)
	if pe != nil {
		return info, model.ParseErrors{pe}
	}
	t := &table{file: name, sheet: sheet}
	errs := infoRows(t, rows, func(i int) int { return i + 1 }, &info)
	return info, errs
}

// readIncomeFile reads a 收入 file (CSV or a workbook with a 收入 sheet or
// a single sheet).
func readIncomeFile(name string, data []byte, o ReadOptions) ([]Carryover, error) {
	var rows [][]string
	var rowNo func(int) int
	t := &table{file: name}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		f, err := openWorkbook(name, data, o)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		sheet := f.GetSheetList()[0]
		for _, s := range f.GetSheetList() {
			if strings.TrimSpace(s) == SheetIncome {
				sheet = s
			}
		}
		t.sheet = sheet
		var pe *model.ParseError
		if rows, pe = readSheet(f, name, sheet, "收入表", 100000); pe != nil {
			return nil, pe
		}
		rowNo = func(i int) int { return i + 1 }
	} else {
		var lines []int
		var err error
		rows, lines, err = csvFile(name, data)
		if err != nil {
			return nil, err
		}
		rowNo = func(i int) int { return lines[i] }
	}
	cs, errs := readIncomeRows(t, rows, rowNo)
	if len(errs) > 0 {
		return cs, errs // cs: the rows that parsed
	}
	return cs, nil
}

// readIncomeRows reads 收入 rows: 单位编码, 资金性质, and 上年结转 or
// 本年收入 or both (金额, each in 元 or, when its header says so, 万元).
func readIncomeRows(t *table, rows [][]string, rowNo func(int) int) ([]Carryover, model.ParseErrors) {
	h := 0
	for h < len(rows) && blankRow(rows[h]) {
		h++
	}
	if h == len(rows) {
		return nil, nil
	}
	unitCol, fundCol, amtCol, incCol := -1, -1, -1, -1
	var yuanPer, incPer int64 = 1, 1
	for i, c := range rows[h] {
		n := normHeader(c)
		f, known := aliases[n]
		switch {
		case known && f == fUnitCode:
			unitCol = i
		case known && f == fFund:
			fundCol = i
		case strings.HasPrefix(n, "上年结转") || strings.HasPrefix(n, "上年结余结转") || strings.HasPrefix(n, "carryover"):
			amtCol = i
			if strings.Contains(n, "万元") {
				yuanPer = 10000
			}
		case strings.HasPrefix(n, "本年收入") || strings.HasPrefix(n, "income"):
			incCol = i
			if strings.Contains(n, "万元") {
				incPer = 10000
			}
		}
	}
	if unitCol < 0 || fundCol < 0 || amtCol < 0 && incCol < 0 {
		return nil, model.ParseErrors{t.errAt(rowNo(h), -1, bad(ErrMissingColumn, "收入表的表头应有“单位编码”“资金性质”和“上年结转”或“本年收入”（或两者）"))}
	}
	var out []Carryover
	var errs model.ParseErrors
	for i := h + 1; i < len(rows); i++ {
		r := rows[i]
		if blankRow(r) {
			continue
		}
		cell := func(c int) string {
			if c < len(r) {
				return strings.TrimSpace(r[c])
			}
			return ""
		}
		row := rowNo(i)
		if col, word, ok := totalWord(r, max(amtCol, incCol)); ok && (cell(unitCol) == "" || col == unitCol) {
			errs = append(errs, t.errAt(row, col, fmtBad(ErrTotalRow, "第 %d 行像是合计行（“%s”），不是上年结转：请删除（合计由 gongkai 计算）", row, word)))
			continue
		}
		code, m := parseCode(cell(unitCol))
		c := Carryover{Pos: Pos{File: t.file, Sheet: t.sheet, Row: row}, UnitCode: code}
		switch {
		case cell(unitCol) == "":
			errs = append(errs, t.errAt(row, unitCol, bad(model.ErrMissingField, "单位编码为空")))
		case m != "":
			errs = append(errs, t.errAt(row, unitCol, bad(ErrBadCode, "单位编码“"+cell(unitCol)+"”"+m)))
		case !digits(code):
			errs = append(errs, t.errAt(row, unitCol, bad(ErrBadCode, "单位编码“"+cell(unitCol)+"”应全为数字")))
		}
		rowBad := c.UnitCode == "" || m != "" || !digits(code)
		fd, ok := parseFund(cell(fundCol))
		if cell(fundCol) == "" {
			errs = append(errs, t.errAt(row, fundCol, bad(model.ErrMissingField, "资金性质为空")))
			rowBad = true
		} else if !ok {
			errs = append(errs, t.errAt(row, fundCol, bad(ErrUnknownValue, "资金性质“"+cell(fundCol)+"”不是已知类别（一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金）")))
			rowBad = true
		}
		c.Fund = fd
		// amount reads one amount column: ok false when it is empty or bad.
		amount := func(col int, per int64, what, neg string) (int64, bool) {
			if col < 0 {
				return 0, false
			}
			v := cell(col)
			if v == "" {
				return 0, false
			}
			t.yuanPer = per
			fen, msg := t.toFen(v)
			switch {
			case msg != "":
				errs = append(errs, t.errAt(row, col, bad(ErrBadAmount, what+"“"+v+"”"+msg)))
				rowBad = true
				return 0, false
			case fen < 0:
				errs = append(errs, t.errAt(row, col, bad(ErrBadAmount, what+"“"+v+"”不能为负数："+neg)))
				rowBad = true
				return 0, false
			}
			return fen, true
		}
		carry, hasCarry := amount(amtCol, yuanPer, "上年结转", "上年结转是上年留下、本年支出的钱，没有时空着或填 0")
		inc, hasInc := amount(incCol, incPer, "本年收入", "本年收入是本年从该资金来源得到的钱，没有时填 0")
		if rowBad || !hasCarry && !hasInc {
			continue
		}
		c.Amount, c.Income, c.HasIncome = carry, inc, hasInc
		out = append(out, c)
	}
	return out, errs
}

// infoRows reads 基本信息 rows (label | value) into info.
func infoRows(t *table, rows [][]string, rowNo func(int) int, info *Info) model.ParseErrors {
	var errs model.ParseErrors
	for i, r := range rows {
		if len(r) < 2 {
			continue
		}
		key, ok := infoKeys[normHeader(r[0])]
		v := strings.TrimSpace(r[1])
		if !ok || v == "" {
			continue
		}
		switch key {
		case "department":
			info.Department = v
		case "code", "section_code", "parent_code":
			code, m := parseCode(v)
			if m == "" && !digits(code) {
				if key == "code" {
					code = v // 部门编码: kept as written
				} else {
					m = "应全为数字"
				}
			}
			if m != "" {
				errs = append(errs, t.errAt(rowNo(i), 1, bad(ErrBadCode, strings.TrimSpace(r[0])+"“"+v+"”"+m)))
				continue
			}
			switch key {
			case "code":
				info.DepartmentCode = code
			case "section_code":
				// A 科室编码 typed as a number lost its leading zero (4
				// for 04): the codes have two digits.
				if len(code) == 1 {
					code = "0" + code
				}
				info.SectionCode = code
			case "parent_code":
				info.ParentCode = code
			}
		case "region":
			info.Region = v
		case "year":
			y, err := strconv.Atoi(strings.TrimSuffix(narrow(v), "年"))
			if err != nil || y < MinYear || y > MaxYear {
				errs = append(errs, t.errAt(rowNo(i), 1, bad(model.ErrBadValue, "年度“"+v+"”应为四位年份，如 2027")))
				continue
			}
			info.Year = y
		case "section":
			info.SectionName = v
		case "parent":
			info.ParentName = v
		case "unit":
			info.Unit = v
		case "date":
			d, ok := infoDate(narrow(v), t.sheet != "")
			if !ok {
				errs = append(errs, t.errAt(rowNo(i), 1, bad(model.ErrBadValue, "公开日期“"+v+"”不是日期：应为年-月-日，如 2027-01-05（也可写 2027/1/5、2027年1月5日，或在工作簿中用日期单元格）")))
				continue
			}
			info.Date = d
		}
	}
	return errs
}

// infoDate reads a 公开日期 as YYYY-MM-DD: 2027-01-05, 2027-1-5, 2027/1/5,
// 2027.1.5 or 2027年1月5日, and in a workbook a date cell, which holds a
// day number (45000 is 2023-03-15; a time of day is dropped).
func infoDate(v string, workbook bool) (string, bool) {
	if workbook {
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 && f < 2958466 {
			tm, err := excelize.ExcelDateToTime(f, false)
			if err == nil && tm.Year() >= 1990 && tm.Year() <= 2200 {
				return tm.Format("2006-01-02"), true
			}
			return "", false
		}
	}
	s := strings.TrimSuffix(strings.TrimSpace(v), "日")
	s = strings.NewReplacer("年", "-", "月", "-", "/", "-", ".", "-").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		if !digits(p) || len(p) > 4 {
			return "", false
		}
		n[i], _ = strconv.Atoi(p)
	}
	if len(parts[0]) != 4 || n[0] < 1990 || n[0] > 2200 {
		return "", false
	}
	tm := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if tm.Month() != time.Month(n[1]) || tm.Day() != n[2] {
		return "", false // 2027-02-30
	}
	return tm.Format("2006-01-02"), true
}
