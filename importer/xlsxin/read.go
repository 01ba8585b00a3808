package xlsxin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"gongkai/internal/xlsxzip"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// Default limits; see the package documentation.
const (
	DefaultMaxUnzipSize = 64 << 20
	DefaultMaxXMLSize   = 16 << 20
	DefaultMaxRows      = 20000
	MaxCols             = 64
)

// Options control Read. The zero value reads the default (天门市) layout
// with the default limits.
type Options struct {
	// Profile is the layout to read (titles, header words, footer labels);
	// nil means profiles.Default() (hubei).
	Profile *profiles.Profile
	// MaxUnzipSize bounds the total uncompressed size of the workbook's
	// parts (excelize UnzipSizeLimit); 0 means DefaultMaxUnzipSize.
	MaxUnzipSize int64
	// MaxXMLSize bounds the uncompressed size of one part (a worksheet,
	// the shared strings); 0 means DefaultMaxXMLSize. Both limits are
	// checked from the zip directory before anything is unzipped, and no
	// part is ever extracted to a temporary file.
	MaxXMLSize int64
	// MaxRows bounds the rows of one sheet; 0 means DefaultMaxRows.
	MaxRows int
}

// Rule ids of the reader's findings.
const (
	RuleSheet   = "XL-SHEET"   // a sheet that holds no table, a hidden sheet, two sheets with one table
	RuleHeader  = "XL-HEADER"  // a header that differs from the layout
	RuleMerge   = "XL-MERGE"   // merged cells in the data area
	RuleCode    = "XL-CODE"    // a code stored as a number
	RuleAmount  = "XL-AMOUNT"  // an amount that is text, or not a number
	RuleHidden  = "XL-HIDDEN"  // hidden rows with content
	RuleFormula = "XL-FORMULA" // a formula whose cached value differs, or that fails
	RuleLink    = "XL-LINK"    // links to other workbooks
	RuleMeta    = "XL-META"    // department, year or unit not found, or inconsistent
	RuleRow     = "XL-ROW"     // a row whose level cannot be told
)

// ReadFile reads the workbook at path.
func ReadFile(path string, o Options) (*model.Disclosure, []model.Finding, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return Read(bytes.NewReader(b), filepath.Base(path), o)
}

// Read reads a workbook in the official layout. name is used in messages
// (sheet and cell positions are prefixed with it). It returns the
// disclosure and the reader's findings; the error is non-nil only when the
// workbook cannot be read at all.
func Read(r io.Reader, name string, o Options) (*model.Disclosure, []model.Finding, error) {
	d, _, fs, err := ReadLayout(r, name, o)
	return d, fs, err
}

// ReadLayout is Read that also returns the layout the workbook was read in:
// o.Profile, or the embedded profile whose titles the sheets show. Callers
// that lay the disclosure out again use it when the user named none, so a
// Shanghai workbook is written and checked as Shanghai tables.
func ReadLayout(r io.Reader, name string, o Options) (*model.Disclosure, *profiles.Profile, []model.Finding, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, nil, &Error{File: name, Err: err}
	}
	if o.MaxUnzipSize <= 0 {
		o.MaxUnzipSize = DefaultMaxUnzipSize
	}
	if o.MaxXMLSize <= 0 {
		o.MaxXMLSize = min(DefaultMaxXMLSize, o.MaxUnzipSize)
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	auto := o.Profile == nil
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		if bytes.Contains(data, utf16("EncryptedPackage")) || bytes.Contains(data, utf16("EncryptionInfo")) {
			return nil, nil, nil, &Error{File: name, Err: ErrEncrypted}
		}
		return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w：这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再读取", ErrNotWorkbook)}
	}
	// The declared sizes are checked before excelize unzips anything
	// (archive/zip refuses to inflate a part beyond its declared size), and
	// excelize keeps every part in memory, never in a temporary file.
	lim := xlsxzip.Limits{Total: o.MaxUnzipSize, Part: o.MaxXMLSize}
	zr, err := xlsxzip.Check(data, lim)
	var se *xlsxzip.SizeError
	var de *xlsxzip.DTDError
	switch {
	case errors.As(err, &se) && se.Part != "":
		return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w：工作簿的部件“%s”解压后 %d MB，超过每个部件 %d MB 的上限（一个部门的公开表只有几百 KB）", ErrTooLarge, se.Part, se.Size>>20, o.MaxXMLSize>>20)}
	case errors.As(err, &se):
		return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w（%d MB）", ErrTooLarge, o.MaxUnzipSize>>20)}
	case errors.As(err, &de):
		return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w：%s", ErrDTD, de.Part)}
	case err != nil:
		return nil, nil, nil, &Error{File: name, Err: ErrNotWorkbook}
	}
	var links []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/externalLinks/") && strings.HasSuffix(zf.Name, ".xml") {
			links = append(links, zf.Name)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), lim.Excelize())
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w（%d MB）", ErrTooLarge, o.MaxUnzipSize>>20)}
		}
		return nil, nil, nil, &Error{File: name, Err: fmt.Errorf("%w: %v", ErrNotWorkbook, err)}
	}
	defer f.Close()
	rd := &reader{f: f, name: name, o: o, auto: auto}
	if len(links) > 0 {
		rd.finding(model.SeverityError, RuleLink, "", "", "", fmt.Sprintf("工作簿链接了 %d 个外部工作簿，读出的数可能已过时：请在 Excel 中“编辑链接 → 断开链接”（或 WPS“数据 → 编辑链接”）把公式转为数值后另存", len(links)))
	}
	d, err := rd.read()
	if err != nil {
		return nil, nil, rd.findings, err
	}
	return d, rd.o.Profile, rd.findings, nil
}

func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// reader is one workbook being read.
type reader struct {
	auto bool // no profile given: the embedded profile whose titles the sheets show
	// department and year stated on the template's 填表说明 sheet
	department string
	year       int
	preparer   string // 编制单位：… above a table
	f          *excelize.File
	name       string
	o          Options
	findings   []model.Finding
}

// at is a position: 表.xlsx 表五!E8.
func (rd *reader) at(sheet, cell string) string {
	s := rd.name
	if sheet != "" {
		if s != "" {
			s += " "
		}
		s += sheet
		if cell != "" {
			s += "!" + cell
		}
	}
	return s
}

func (rd *reader) finding(sev model.Severity, rule string, table model.TableID, sheet, cell, msg string) {
	if pos := rd.at(sheet, cell); pos != "" {
		msg = pos + ": " + msg
	}
	rd.findings = append(rd.findings, model.Finding{Severity: sev, Rule: rule, Table: table, Message: msg})
}

var (
	yearRE     = regexp.MustCompile(`(19|20)\d\d年`)
	yearDigits = regexp.MustCompile(`(19|20)\d\d`)
)

func (rd *reader) read() (*model.Disclosure, error) {
	var grids []*grid
	for _, sh := range rd.f.GetSheetList() {
		g, err := rd.grid(sh)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	if rd.auto {
		rd.o.Profile = rd.detect(grids)
	}
	fs, err := forms(rd.o.Profile)
	if err != nil {
		return nil, &Error{File: rd.name, Err: err}
	}
	d := &model.Disclosure{}
	found := map[model.TableID]string{}
	var units []string
	own := map[model.TableID]string{} // tables printed in a unit of their own
	var titleTexts []string
	for _, g := range grids {
		sh := g.sheet
		f, titleRow := matchTitle(g, fs)
		if f == nil {
			if norm(g.title) == norm(templates.InstructionsTitle) {
				rd.instructions(g)
			} else if g.title != "" {
				rd.finding(model.SeverityInfo, RuleSheet, "", sh, "", fmt.Sprintf("标题“%s”不是公开表之一，已跳过此表", g.title))
			} else if g.title == "" && !g.empty() {
				rd.finding(model.SeverityInfo, RuleSheet, "", sh, "", "前几行没有公开表的标题，已跳过此表")
			}
			continue
		}
		titleTexts = append(titleTexts, g.title)
		rd.preparerLine(g, titleRow)
		if visible, err := rd.f.GetSheetVisible(sh); err == nil && !visible {
			rd.finding(model.SeverityError, RuleSheet, f.id, sh, "", fmt.Sprintf("%s %s 所在的工作表被隐藏：请取消隐藏、核对后再读取", f.id.Number(), f.id.Name()))
		}
		if prev, ok := found[f.id]; ok {
			rd.finding(model.SeverityError, RuleSheet, f.id, sh, "", fmt.Sprintf("与工作表“%s”是同一张表（%s %s）：请删去其中一张", prev, f.id.Number(), f.id.Name()))
			continue
		}
		found[f.id] = sh
		st := &sheetReader{rd: rd, g: g, f: f, fs: fs}
		u := st.unit(titleRow)
		switch {
		case f.unit != "":
			// The profile prints this table in a unit of its own (Shanghai:
			// 元, 表9 in 万元); the amounts are converted back below.
			own[f.id] = f.unit
		case u != "":
			units = append(units, u)
		}
		st.read(titleRow, d)
	}
	if len(found) == 0 {
		return nil, &Error{File: rd.name, Err: ErrNoTables}
	}
	if len(units) == 0 && len(own) > 0 {
		// Every table has its own unit: the disclosure's is the most common.
		n := map[string]int{}
		for _, u := range own {
			n[u]++
		}
		if n[model.UnitYuan] > n[model.UnitWanYuan] {
			units = append(units, model.UnitYuan)
		} else {
			units = append(units, model.UnitWanYuan)
		}
	}
	rd.meta(d, units, titleTexts)
	rd.derive(d)
	for id, u := range own {
		if u != d.Unit {
			convert(&d.Tables, id, u, d.Unit)
		}
	}
	return d, nil
}

// detect returns the embedded profile whose printed titles the most sheets
// show (the default profile on a tie), and says so when it is not the
// default.
func (rd *reader) detect(grids []*grid) *profiles.Profile {
	best, bestScore := profiles.Default(), -1
	for _, name := range profiles.Names() {
		p, err := profiles.Embedded(name)
		if err != nil {
			continue
		}
		fs, err := forms(p)
		if err != nil {
			continue
		}
		score := 0
		for _, g := range grids {
			t := stripYear(norm(g.title))
			for _, f := range fs {
				if f.titles[0] != "" && strings.Contains(t, f.titles[0]) {
					score++
					break
				}
			}
		}
		if score > bestScore || score == bestScore && name == profiles.DefaultName {
			best, bestScore = p, score
		}
	}
	if best.Name != profiles.DefaultName {
		rd.finding(model.SeverityInfo, RuleSheet, "", "", "", fmt.Sprintf("各表标题是 %s 版式（%s），按此版式读取", best.Name, best.Description))
	}
	return best
}

// preparerLine reads 编制单位：… (or 编制部门：, 单位名称：) in the rows under a
// table's title.
func (rd *reader) preparerLine(g *grid, titleRow int) {
	for r := titleRow + 1; r <= titleRow+2 && r <= len(g.rows) && rd.preparer == ""; r++ {
		for _, v := range g.rows[r-1] {
			v = strings.TrimSpace(v)
			for _, p := range []string{"编制单位", "编制部门", "单位名称", "部门名称"} {
				if rest, ok := strings.CutPrefix(v, p); ok {
					rest = strings.TrimLeft(rest, ":： ")
					if i := strings.IndexAny(rest, " \t　"); i > 0 {
						rest = rest[:i] // 编制单位：某某局    单位：万元
					}
					if rest != "" {
						rd.preparer = rest
					}
				}
			}
		}
	}
}

// instructions reads the department and year lines of the template's
// 填表说明 sheet.
func (rd *reader) instructions(g *grid) {
	for _, row := range g.rows {
		for _, v := range row {
			v = strings.TrimSpace(v)
			if s, ok := strings.CutPrefix(v, templates.InstructionsDepartment); ok && rd.department == "" {
				rd.department = strings.TrimSpace(s)
			}
			if s, ok := strings.CutPrefix(v, templates.InstructionsYear); ok && rd.year == 0 {
				if m := yearDigits.FindString(s); m != "" {
					rd.year, _ = strconv.Atoi(m)
				}
			}
		}
	}
}

// meta fills department, year and unit: from the document properties that
// gongkai writes (creator = department, subject = 2023年部门预算公开), else
// from the table titles.
func (rd *reader) meta(d *model.Disclosure, units, titles []string) {
	d.Department, d.Year = rd.department, rd.year
	if p, err := rd.f.GetDocProps(); err == nil && p != nil {
		// The author is the department only in a workbook gongkai wrote,
		// whose title starts with it (Excel puts the user's name there,
		// libraries their own).
		if c := strings.TrimSpace(p.Creator); d.Department == "" && c != "" && strings.HasPrefix(p.Title, c) {
			d.Department = c
		}
		for _, s := range []string{p.Subject, p.Title} {
			if m := yearRE.FindString(s); m != "" && d.Year == 0 {
				d.Year, _ = strconv.Atoi(m[:4])
			}
		}
		if d.Department == "" && p.Title != "" {
			if i := yearRE.FindStringIndex(p.Title); i != nil {
				d.Department = p.Title[:i[0]]
			}
		}
	}
	if d.Department == "" {
		d.Department = rd.preparer
	}
	for _, t := range titles {
		if d.Year == 0 {
			if m := yearRE.FindString(t); m != "" {
				d.Year, _ = strconv.Atoi(m[:4])
			}
		}
		// 天门市某某局2025年一般公共预算支出表: the department before the year.
		if i := yearRE.FindStringIndex(t); d.Department == "" && i != nil && i[0] > 0 {
			d.Department = strings.TrimSpace(t[:i[0]])
		}
	}
	if d.Year == 0 {
		rd.finding(model.SeverityWarning, RuleMeta, "", "", "", "未能读出预算年度（文档属性和表标题中都没有“20xx年”）")
	}
	if d.Department == "" {
		rd.finding(model.SeverityWarning, RuleMeta, "", "", "", "未能读出部门名称（填表说明、文档属性、“编制单位”行和表标题中都没有）")
	}
	for _, u := range units {
		if d.Unit == "" {
			d.Unit = u
		} else if u != d.Unit {
			rd.finding(model.SeverityError, RuleMeta, "", "", "", fmt.Sprintf("各表的金额单位不一致（%s 与 %s）", d.Unit, u))
			break
		}
	}
	if d.Unit == "" {
		d.Unit = model.UnitWanYuan
		rd.finding(model.SeverityWarning, RuleMeta, "", "", "", "各表都没有“单位：万元/元”一行，按万元读取")
	}
	rd.defaultNotes(d)
}

// defaultNotes drops a note that is the layout's own note for an empty
// table (the data states no note; the layout prints it).
func (rd *reader) defaultNotes(d *model.Disclosure) {
	p := rd.o.Profile
	drop := func(id model.TableID, note *string) {
		t := p.TableFor(id)
		if t == nil || *note == "" {
			return
		}
		if norm(*note) == norm(p.Fill(t.Empty.Note, d.Year, d.Department, d.Unit)) {
			*note = ""
		}
	}
	t := &d.Tables
	if t.T01 != nil {
		drop(model.T01, &t.T01.Note)
		if len(t.T01.Income) == 0 && len(t.T01.Functions) == 0 && t.T01.Note == "" {
			t.T01 = nil
		}
	}
	if t.T02 != nil {
		drop(model.T02, &t.T02.Note)
	}
	for id, e := range map[model.TableID]*model.ExpenditureTable{model.T03: t.T03, model.T05: t.T05, model.T08: t.T08, model.T10: t.T10} {
		if e != nil {
			drop(id, &e.Note)
		}
	}
	if t.T04 != nil {
		drop(model.T04, &t.T04.Note)
		if len(t.T04.Income) == 0 && len(t.T04.Functions) == 0 && t.T04.Note == "" {
			t.T04 = nil
		}
	}
	if t.T06 != nil {
		drop(model.T06, &t.T06.Note)
	}
	if t.T07 != nil {
		drop(model.T07, &t.T07.Note)
	}
	if t.T09 != nil {
		drop(model.T09, &t.T09.Note)
	}
}

// grid is one sheet's cells as stored (raw values), with the rows the
// workbook hides and its merged ranges.
type grid struct {
	sheet  string
	rows   [][]string // rows[i][j] is the raw value of row i+1, column j+1
	hidden map[int]bool
	merges []merge
	title  string // the first non-empty text of the first rows
}

type merge struct {
	r1, c1, r2, c2 int // 1-based, inclusive
	ref            string
}

func (g *grid) cell(r, c int) string {
	if r < 1 || r > len(g.rows) || c < 1 || c > len(g.rows[r-1]) {
		return ""
	}
	return g.rows[r-1][c-1]
}

func (g *grid) empty() bool {
	for _, r := range g.rows {
		for _, v := range r {
			if strings.TrimSpace(v) != "" {
				return false
			}
		}
	}
	return true
}

// grid reads a sheet's raw values row by row, stopping at the row limit.
func (rd *reader) grid(sheet string) (*grid, error) {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		return nil, &Error{File: rd.name, Sheet: sheet, Err: err}
	}
	defer rows.Close()
	g := &grid{sheet: sheet, hidden: map[int]bool{}}
	n := 0
	for rows.Next() {
		n++
		if n > rd.o.MaxRows {
			return nil, &Error{File: rd.name, Sheet: sheet, Err: fmt.Errorf("%w（%d 行）：一个部门的公开表只有几百行", ErrTooManyRows, rd.o.MaxRows)}
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &Error{File: rd.name, Sheet: sheet, Err: fmt.Errorf("无法读取第%d行：%v", n, err)}
		}
		if len(cols) > MaxCols {
			cols = cols[:MaxCols]
		}
		if rows.GetRowOpts().Hidden {
			g.hidden[n] = true
		}
		g.rows = append(g.rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, &Error{File: rd.name, Sheet: sheet, Err: err}
	}
	for len(g.rows) > 0 && len(g.rows[len(g.rows)-1]) == 0 {
		g.rows = g.rows[:len(g.rows)-1]
	}
	mc, err := rd.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, &Error{File: rd.name, Sheet: sheet, Err: err}
	}
	for _, m := range mc {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		g.merges = append(g.merges, merge{r1, c1, r2, c2, m.GetStartAxis() + ":" + m.GetEndAxis()})
	}
	for r := 1; r <= min(len(g.rows), 4) && g.title == ""; r++ {
		for _, v := range g.rows[r-1] {
			if t := strings.TrimSpace(v); t != "" && !isNumber(t) {
				g.title = t
				break
			}
		}
	}
	return g, nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// matchTitle finds the table whose title the first rows state: the longest
// title (or table name) contained in a text of the first four rows.
func matchTitle(g *grid, fs []form) (*form, int) {
	var best *form
	bestLen, bestRow := 0, 0
	for r := 1; r <= min(len(g.rows), 4); r++ {
		for _, v := range g.rows[r-1] {
			t := stripYear(norm(v))
			if t == "" {
				continue
			}
			for i := range fs {
				for _, title := range fs[i].titles {
					if title != "" && strings.Contains(t, title) && len(title) > bestLen {
						best, bestLen, bestRow = &fs[i], len(title), r
					}
				}
			}
		}
		if best != nil {
			return best, bestRow
		}
	}
	return nil, 0
}

var errNoValue = errors.New("no value")

// convert turns the amounts of table id from unit from into unit to (万元 ↔
// 元), exactly; counts (采购数量) are not amounts and stay.
func convert(ts *model.Tables, id model.TableID, from, to string) {
	v := reflect.ValueOf(ts).Elem()
	var tv reflect.Value
	for i := 0; i < v.NumField(); i++ {
		if strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0] == string(id) {
			tv = v.Field(i)
		}
	}
	if !tv.IsValid() || tv.IsNil() {
		return
	}
	factor := decimal.New(1, 4) // 万元 → 元
	if from == model.UnitYuan && to == model.UnitWanYuan {
		factor = decimal.New(1, -4)
	}
	amountType := reflect.TypeOf(model.Amount{})
	var walk func(reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.Pointer:
			if !x.IsNil() {
				walk(x.Elem())
			}
		case reflect.Struct:
			if x.Type() == amountType {
				if a := x.Interface().(model.Amount); !a.IsBlank() {
					x.Set(reflect.ValueOf(model.A(a.Decimal().Mul(factor))))
				}
				return
			}
			for i := 0; i < x.NumField(); i++ {
				if x.Type().Field(i).Name != "Quantity" && x.Field(i).CanSet() {
					walk(x.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < x.Len(); i++ {
				walk(x.Index(i))
			}
		}
	}
	walk(tv)
}

// derive fills what a layout does not print but the workbook still states
// elsewhere: the codes of function lines labelled by ordinal (一、一般公共服务支出)
// from the 类 rows of the other tables, and, in a summary table without
// 本年收入合计 and 上年结余结转 rows, the year's totals from the grand totals.
func (rd *reader) derive(d *model.Disclosure) {
	codes := map[string]string{}
	for _, t := range []*model.ExpenditureTable{d.Tables.T03, d.Tables.T05, d.Tables.T08, d.Tables.T10} {
		if t == nil {
			continue
		}
		for _, r := range t.Rows {
			if len(r.FuncCode) == 3 && r.FuncName != "" {
				codes[norm(r.FuncName)] = r.FuncCode
			}
		}
	}
	if t := d.Tables.T02; t != nil {
		for _, r := range t.Rows {
			if len(r.FuncCode) == 3 && r.FuncName != "" {
				codes[norm(r.FuncName)] = r.FuncCode
			}
		}
	}
	for _, st := range []*model.SummaryTable{d.Tables.T01, d.Tables.T04} {
		if st == nil {
			continue
		}
		for i, f := range st.Functions {
			if f.Code == "" {
				st.Functions[i].Code = codes[norm(f.Name)]
			}
		}
	}
	for id, st := range map[model.TableID]*model.SummaryTable{model.T01: d.Tables.T01, model.T04: d.Tables.T04} {
		pt := rd.o.Profile.TableFor(id)
		if st == nil || pt == nil || pt.Summary == nil {
			continue
		}
		if pt.FooterIncomeLabel("income_total") == "" && pt.FooterIncomeLabel("carryover") == "" {
			if st.IncomeTotal.IsBlank() {
				st.IncomeTotal = st.IncomeGrandTotal
			}
			if st.ExpenditureTotal.Total.IsBlank() {
				st.ExpenditureTotal = st.ExpenditureGrandTotal
			}
		}
	}
}
