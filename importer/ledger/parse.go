package ledger

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"gongkai/model"
)

// table is the header of a ledger sheet (or CSV): which column holds which
// field, and the amount unit.
type table struct {
	col      [nFields]int // column index, -1 when absent
	yuanPer  int64        // 元 per amount unit: 1 (元) or 10000 (万元)
	file     string
	sheet    string // "" for CSV
	names    map[string]string
	econName map[string]string
	// headerRow is the row (or line) of the header, once found.
	headerRow int
	// hidden tells whether a column of the sheet is hidden (nil for CSV).
	hidden func(col int) bool
	// decimals: the first line whose amount in 元 has 3 to 6 decimals (as
	// an amount in 万元 has), and how many such lines there are.
	decimalsErr *model.ParseError
	decimalsN   int
}

// where returns the position of a cell: sheet!cell for a workbook, a line
// for CSV.
func (t *table) where(row, col int) *model.ParseError {
	e := &model.ParseError{File: t.file}
	if t.sheet != "" {
		e.Sheet = t.sheet
		if col >= 0 {
			e.Cell = cellName(col, row)
		} else {
			e.Cell = cellName(0, row)
		}
	} else {
		e.Line = row
	}
	return e
}

func (t *table) errAt(row, col int, err error) *model.ParseError {
	e := t.where(row, col)
	e.Err = err
	return e
}

// cellName is the A1 name of a 0-based column and 1-based row.
func cellName(col, row int) string {
	name := ""
	for c := col + 1; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

// readHeader maps the header row; it reports missing required columns,
// duplicates and an amount column in an unknown unit.
func readHeader(t *table, cells []string, row int) model.ParseErrors {
	var errs model.ParseErrors
	for i := range t.col {
		t.col[i] = -1
	}
	t.yuanPer = 1
	for i, c := range cells {
		f := headerField(c)
		if f < 0 {
			continue
		}
		if f == fAmount {
			u, _, known := amountHeader(c)
			if !known {
				// The amount column in a unit not known: said once, not
				// also as a missing amount column.
				errs = append(errs, t.errAt(row, i, bad(ErrUnknownValue, "金额列“"+strings.TrimSpace(c)+"”的单位不认识：应为“金额”（元）、“金额（元）”或“金额（万元）”")))
			} else {
				t.yuanPer = u
			}
		}
		if prev := t.col[f]; prev >= 0 {
			msg := "列“" + strings.TrimSpace(c) + "”与 " + t.colName(prev, row) + " 列“" + strings.TrimSpace(cells[prev]) + "”重复（同一栏目只能有一列）"
			for _, k := range []int{prev, i} {
				if t.hidden != nil && t.hidden(k) {
					// A hidden column is what a user does not see: say so.
					msg += "；" + t.colName(k, row) + " 列是隐藏列（在表格软件中取消隐藏即可看到）"
				}
			}
			errs = append(errs, t.errAt(row, i, bad(ErrDuplicateColumn, msg)))
			continue
		}
		t.col[f] = i
	}
	var missing []string
	for _, f := range required {
		if t.col[f] < 0 {
			missing = append(missing, Headers[f])
		}
	}
	if len(missing) > 0 {
		errs = append(errs, t.errAt(row, -1, bad(ErrMissingColumn, "表头缺少必需的列："+strings.Join(missing, "、")+"（表头须包含 "+strings.Join(requiredNames(), "、")+"）")))
	}
	return errs
}

func (t *table) colName(col, row int) string {
	if t.sheet != "" {
		return cellName(col, row)
	}
	return "第 " + strconv.Itoa(col+1)
}

func requiredNames() []string {
	var s []string
	for _, f := range required {
		s = append(s, Headers[f])
	}
	return s
}

// get returns the trimmed cell of a field ("" when the column is absent or
// the row is short).
func (t *table) get(cells []string, f field) string {
	i := t.col[f]
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}

// totalWords start or end a cell of a 合计 row (合计, 小计, 总计, 共计,
// 合 计, 本页小计, 单位小计).
var totalWords = []string{"合计", "小计", "总计", "共计", "总合计"}

// totalRow recognises a 合计/小计/总计 row among the lines: a short text
// cell (not the amount) that starts or ends with such a word, and at most
// one of the three codes (单位, 功能科目, 经济科目) filled. A line of a
// project whose name holds 合计 has its codes, so it is read as a line.
func (t *table) totalRow(cells []string) (col int, word string, ok bool) {
	filled := 0
	for _, f := range []field{fUnitCode, fFuncCode, fEconCode} {
		if t.get(cells, f) != "" {
			filled++
		}
	}
	if filled > 1 {
		return 0, "", false
	}
	return totalWord(cells, t.col[fAmount])
}

// totalWord finds a short cell (not column skip) that starts or ends with
// a word of totalWords.
func totalWord(cells []string, skip int) (col int, word string, ok bool) {
	for i, c := range cells {
		if i == skip {
			continue
		}
		w := strings.TrimSpace(c)
		n := strings.TrimRight(strings.NewReplacer(" ", "", "\u3000", "").Replace(w), ":：")
		if n == "" || utf8.RuneCountInString(n) > 20 {
			continue
		}
		for _, tw := range totalWords {
			if strings.HasPrefix(n, tw) || strings.HasSuffix(n, tw) {
				return i, w, true
			}
		}
	}
	return 0, "", false
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseLine reads one data row. A unit code shorter than 6 digits is
// reported as one that may have lost its leading zeros (ErrLostZero): a
// code column stored as numbers drops them. Function and economic codes
// start with 2 and 3, so they keep their digits as numbers; a short one is
// a bad code (ErrBadCode).
func (t *table) parseLine(cells []string, row int) (Line, model.ParseErrors) {
	var errs model.ParseErrors
	ln := Line{Pos: Pos{File: t.file, Sheet: t.sheet, Row: row}}
	fail := func(f field, err error) { errs = append(errs, t.errAt(row, t.col[f], err)) }
	need := func(f field) (string, bool) {
		v := t.get(cells, f)
		if v == "" {
			fail(f, bad(model.ErrMissingField, Headers[f]+"为空"))
			return "", false
		}
		return v, true
	}

	if v, ok := need(fUnitCode); ok {
		code, m := parseCode(v)
		switch err := unitCodeProblem(code); {
		case m != "":
			fail(fUnitCode, bad(ErrBadCode, "单位编码“"+v+"”"+m))
		case !digits(code):
			fail(fUnitCode, bad(ErrBadCode, "单位编码“"+v+"”应全为数字"))
		case errors.Is(err, ErrLostZero):
			// Said of the cell: a code column stored as numbers.
			fail(fUnitCode, bad(ErrLostZero, err.Error()+"：若该列以数字保存，开头的 0 会丢失，请把该列设为文本后重新填写"))
		case err != nil:
			fail(fUnitCode, err)
		default:
			ln.UnitCode = code
		}
	}
	if v, ok := need(fUnitName); ok {
		ln.UnitName = v
	}
	if v, ok := need(fUnitType); ok {
		if ut, ok := parseUnitType(v); ok {
			ln.UnitType = ut
		} else {
			fail(fUnitType, bad(ErrUnknownValue, "单位类型“"+v+"”不是已知类别（行政、参公、事业）"))
		}
	}
	fundOK := false
	if v, ok := need(fFund); ok {
		if fd, ok := parseFund(v); ok {
			ln.Fund, fundOK = fd, true
		} else {
			fail(fFund, bad(ErrUnknownValue, "资金性质“"+v+"”不是已知类别（一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金）"))
		}
	}
	if v, ok := need(fFuncCode); ok {
		code, m := parseCode(v)
		if m != "" {
			fail(fFuncCode, bad(ErrBadCode, "功能科目编码“"+v+"”"+m))
		} else if err := funcCodeProblem(code, v, ln.Fund, fundOK); err != nil {
			fail(fFuncCode, err)
		} else {
			ln.FuncCode = code
		}
	}
	ln.FuncName = t.get(cells, fFuncName)
	if v, ok := need(fEconCode); ok {
		code, m := parseCode(v)
		if m != "" {
			fail(fEconCode, bad(ErrBadCode, "经济科目编码“"+v+"”"+m))
		} else if err := econCodeProblem(code, v, t.get(cells, fEconName) != ""); err != nil {
			fail(fEconCode, err)
		} else {
			ln.EconCode = code
		}
	}
	ln.EconName = t.get(cells, fEconName)
	if v, ok := need(fCategory); ok {
		if c, ok := parseCategory(v); ok {
			ln.Category = c
		} else {
			fail(fCategory, bad(ErrUnknownValue, "支出类别“"+v+"”不是已知类别（人员类、公用经费、其他运转类、特定目标类，或基本支出、项目支出）"))
		}
	}
	ln.Project = t.get(cells, fProject)
	if v := t.get(cells, fThreePublic); v != "" {
		if k, ok := parseThreePublic(v); ok {
			ln.ThreePublic = k
		} else {
			fail(fThreePublic, bad(ErrUnknownValue, "三公类别“"+v+"”不是已知类别（因公出国(境)费、公务用车购置费、公务用车运行维护费、公务接待费）"))
		}
	}
	// The economic 款 of the "三公" 经费 name their kind (30212 因公出国(境)费,
	// 30217 公务接待费, 30231 公务用车运行维护费, 30913/31013 公务用车购置):
	// such a line counts in 表七 without a 三公类别, and a 三公类别 that
	// names another kind is an error.
	// The 三公 tables list 一般公共预算 only: a 三公类别 written on a line
	// of another fund would count nowhere (threePublicProblem, which
	// Validate shares, says so of a kind its economic 款 does not give).
	if v := t.get(cells, fThreePublic); v != "" && fundOK && ln.Fund != FundGeneral {
		fail(fThreePublic, bad(ErrFundClass, "三公类别“"+v+"”只用于一般公共预算的行（“三公”经费表只列一般公共预算），本行资金性质是“"+ln.Fund.String()+"”：请删去三公类别，或改正资金性质"))
	} else if err := threePublicProblem(ln.ThreePublic, ln.EconCode, ln.Fund, fundOK); err != nil {
		fail(fThreePublic, err)
	}
	if k := econThreePublic(ln.EconCode); k != TPNone && ln.ThreePublic == TPNone {
		ln.ThreePublic = k
	}
	ln.ProcItem = t.get(cells, fProcItem)
	ln.MeasureUnit = t.get(cells, fMeasure)
	if v := t.get(cells, fProcQty); v != "" {
		q, err := parseNumber(v)
		if err != "" {
			fail(fProcQty, bad(ErrBadAmount, "采购数量“"+v+"”"+err))
		} else {
			ln.ProcQty = q.String()
		}
	}
	if v, ok := need(fAmount); ok {
		fen, msg := t.toFen(v)
		if msg != "" {
			fail(fAmount, bad(ErrBadAmount, "金额“"+v+"”"+msg))
			if d, m := parseNumber(v); m == "" && t.yuanPer == 1 && d.Exponent() >= -6 && d.Exponent() < -2 {
				if t.decimalsN++; t.decimalsErr == nil {
					t.decimalsErr = errs[len(errs)-1]
				}
			}
		} else {
			ln.Amount = fen
		}
	}
	if ln.FuncCode != "" && ln.FuncName != "" {
		if t.names[ln.FuncCode] == "" {
			t.names[ln.FuncCode] = ln.FuncName
		}
	}
	if ln.EconCode != "" && ln.EconName != "" && t.econName[ln.EconCode] == "" {
		t.econName[ln.EconCode] = ln.EconName
	}
	return ln, errs
}

func fundKey(f Fund) string {
	switch f {
	case FundGeneral:
		return model.IncomeGeneral
	case FundGovFund:
		return model.IncomeGovFund
	case FundStateCapital:
		return model.IncomeStateCapital
	}
	return ""
}

// toFen converts an amount in the column's unit to 分.
func (t *table) toFen(v string) (int64, string) {
	d, msg := parseNumber(v)
	if msg != "" {
		return 0, msg
	}
	if e := strings.IndexAny(v, "eE"); e >= 0 && (t.sheet == "" || !strings.HasPrefix(v[e+1:], "-")) {
		// 1.23457E+11 is how a spreadsheet shows a long number in a
		// narrow column: saved so (as CSV, or pasted as text), its
		// digits are lost. A workbook stores an amount in plain digits,
		// only a small fraction such as 1E-3 (0.001) in this form.
		return 0, "是科学计数法：请写出完整的数字（表格软件把长数字显示为 1.23457E+11 这样的形式时，另存的 CSV 已丢失后面的数位，请把该列设为数值并显示全部数位后重新导出）"
	}
	fen := d.Mul(decimal.NewFromInt(100 * t.yuanPer))
	if !fen.Equal(fen.Truncate(0)) {
		// Float noise of a workbook number (1234.5600000000001).
		f, _ := d.Float64()
		if g, err := decimal.NewFromString(strconv.FormatFloat(f, 'g', 15, 64)); err == nil {
			fen = g.Mul(decimal.NewFromInt(100 * t.yuanPer))
		}
		if !fen.Equal(fen.Truncate(0)) {
			if t.yuanPer == 1 {
				return 0, "的小数超过两位（金额以元为单位，最小到分）"
			}
			return 0, "的小数超过六位（金额以万元为单位，最小到分）"
		}
	}
	if fen.Abs().Cmp(decimal.New(1, 17)) > 0 {
		return 0, "太大"
	}
	return fen.IntPart(), ""
}

// narrow folds full-width forms into ASCII (３０１００１, １２３４５．６７, the
// full-width comma, minus, parentheses, ￥) with golang.org/x/text/width.
// A string of ASCII only, as almost every amount and code is, is returned
// as it is, without the transformer's allocations (a Replacer built per
// amount was once 14% of the time of reading 100,000 lines).
func narrow(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return width.Narrow.String(s)
		}
	}
	return s
}

// parseNumber reads a decimal number: plain (1234.56), with correctly
// grouped thousands separators (1,234.56), negative with a minus sign or in
// parentheses ((1,234.56)), with a leading currency sign (¥12,345.00, as a
// currency format saves it), in full-width forms (１２３４５．６７, as a
// Chinese input method types them). It returns a message for anything
// else; a lone dash (an accounting format's zero) is refused, not read as
// 0: a missing value is never turned into 0.
func parseNumber(v string) (decimal.Decimal, string) {
	s := strings.TrimSpace(narrow(v))
	switch s {
	case "-", "--", "—", "——", "–", "―":
		return decimal.Zero, "是会计格式的零：请填 0（gongkai 不把“-”当作 0，以免把漏填的数当成 0）"
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, s[1:len(s)-1]
	}
	s = strings.TrimPrefix(s, "¥") // ¥-1,234.00
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "¥")) // -¥1,234.00, ¥ 1,234.00
	if strings.Contains(s, ",") {
		intPart, frac, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		okGroups := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			if len(g) != 3 {
				okGroups = false
			}
		}
		if !okGroups {
			return decimal.Zero, "的千位分隔符位置不对（应每三位一个逗号，如 1,234,567.89）"
		}
		s = strings.Join(groups, "")
		if frac != "" || strings.HasSuffix(v, ".") {
			s += "." + frac
		}
	}
	if s == "" {
		return decimal.Zero, "不是数字"
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == 'e' || r == 'E' || r == '-' || r == '+') {
			return decimal.Zero, "不是数字（只能填数字，不带单位和文字）"
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, "不是数字"
	}
	if neg {
		d = d.Neg()
	}
	return d, ""
}

var codeFolder = strings.NewReplacer(" ", "", "-", "", "\u3000", "", "'", "")

// parseCode reads a code (单位、功能科目、经济科目、科室编码): full-width
// digits are folded (３０１００１ is 301001), spaces, dashes and a leading
// apostrophe dropped. A whole number written with a decimal point
// (301001.0, as Excel and WPS write a number saved as text) loses the
// point and its zeros; any other point is refused (msg, to follow the
// quoted code): deleting it would make another code (301001.5 is not
// 3010015).
func parseCode(v string) (code, msg string) {
	s := codeFolder.Replace(strings.TrimSpace(narrow(v)))
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return s, ""
	}
	if i > 0 && digits(s[:i]) && strings.Trim(s[i+1:], "0") == "" {
		return s[:i], ""
	}
	return "", "含小数点：编码只能是数字（整数写成 301001.0 的照样读取）；请照原编码填写，并把该列设为文本，以免表格软件改动编码"
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func parseUnitType(v string) (UnitType, bool) {
	switch strings.TrimSuffix(strings.TrimSpace(v), "单位") {
	case "行政", "行政机关", "机关":
		return UnitAdmin, true
	case "参公", "参照公务员法管理事业", "参照公务员法管理的事业", "参公事业", "参照公务员管理事业":
		return UnitCivilLike, true
	case "事业", "公益一类事业", "公益二类事业", "其他事业":
		return UnitInstitution, true
	}
	return 0, false
}

func parseFund(v string) (Fund, bool) {
	s := strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(s, "一般公共预算"):
		return FundGeneral, true
	case strings.HasPrefix(s, "政府性基金"):
		return FundGovFund, true
	case strings.HasPrefix(s, "国有资本经营"):
		return FundStateCapital, true
	case strings.HasPrefix(s, "财政专户"):
		return FundSpecialAccount, true
	case strings.HasPrefix(s, "单位资金"):
		return FundUnitFunds, true
	}
	return 0, false
}

func parseCategory(v string) (Category, bool) {
	s := strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(s, "人员类"):
		return CatPersonnel, true
	case strings.HasPrefix(s, "公用经费"), strings.HasPrefix(s, "运转类-公用经费"), strings.HasPrefix(s, "运转类（公用经费"):
		return CatPublic, true
	case strings.HasPrefix(s, "其他运转类"):
		return CatOtherOperating, true
	case strings.HasPrefix(s, "转移性支出项目"), strings.HasPrefix(s, "特定目标类（转移性"), strings.HasPrefix(s, "特定目标类-转移性"):
		return CatTransfer, true
	case strings.HasPrefix(s, "特定目标类"), strings.HasPrefix(s, "本级支出项目"):
		return CatSpecific, true
	case s == "基本支出":
		return CatBasic, true
	case s == "项目支出":
		return CatProject, true
	}
	return 0, false
}

func parseThreePublic(v string) (ThreePublic, bool) {
	s := strings.TrimSpace(v)
	switch {
	case strings.Contains(s, "出国"):
		return TPAbroad, true
	case strings.Contains(s, "公务用车") && strings.Contains(s, "购置") && !strings.Contains(s, "运行"):
		return TPVehiclePurchase, true
	case strings.Contains(s, "公务用车") && strings.Contains(s, "运行") && !strings.Contains(s, "购置"):
		return TPVehicleOperation, true
	case strings.Contains(s, "接待"):
		return TPReception, true
	}
	return TPNone, false
}

var tpNames = map[ThreePublic]string{TPAbroad: "因公出国(境)费", TPVehiclePurchase: "公务用车购置费", TPVehicleOperation: "公务用车运行维护费", TPReception: "公务接待费"}

// econThreePublic is the "三公" kind an economic 款 stands for.
func econThreePublic(econ string) ThreePublic {
	switch econ {
	case "30212":
		return TPAbroad
	case "30217":
		return TPReception
	case "30231":
		return TPVehicleOperation
	case "30913", "31013":
		return TPVehiclePurchase
	}
	return TPNone
}
