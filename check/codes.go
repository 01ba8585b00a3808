package check

import (
	"strconv"
	"strings"

	"gongkai/model"
)

// Codes: structure of function codes (3/5/7 digits under a known 类) and
// economic codes (3/5 digits), no mix of 部门 3xx and 政府 5xx within a
// block, names against the embedded catalog, unit codes, and the numbering of
// the income labels of 表一/表四. Structure errors are errors; anything the
// catalog lacks, outdated or differing names are warnings.

func (c *checker) codes() {
	ts := &c.d.Tables
	for _, x := range []struct {
		id model.TableID
		t  *model.ExpenditureTable
	}{{model.T03, ts.T03}, {model.T05, ts.T05}, {model.T08, ts.T08}, {model.T10, ts.T10}} {
		if x.t != nil {
			c.expCodes(x.id, x.t)
		}
	}
	if ts.T01 != nil {
		c.summaryCodes(model.T01, ts.T01)
	}
	if ts.T04 != nil {
		c.summaryCodes(model.T04, ts.T04)
	}
	if ts.T06 != nil {
		c.basicCodes(ts.T06)
	}
}

// funcCode checks one function code and its name; pos is the row for sorting.
func (c *checker) funcCode(id model.TableID, pos int, code, name string) {
	row := strings.TrimSpace(code + " " + name)
	if code == "" {
		return
	}
	if !isDigits(code) || !(len(code) == 3 || len(code) == 5 || len(code) == 7) || code[0] != '2' {
		c.add(model.SeverityError, "C-FUNC", id, pos, model.Finding{Row: row, Column: "功能科目编码",
			Message: id.Number() + " " + row + "：功能科目编码应为以 2 开头的 3 位（类）、5 位（款）或 7 位（项）数字"})
		return
	}
	cls := code[:3]
	clsName, ok := c.funcName(cls)
	if !ok {
		c.add(model.SeverityWarning, "C-FUNC", id, pos, model.Finding{Row: row, Column: "功能科目编码",
			Message: id.Number() + " " + row + "：目录中没有 " + cls + " 类" + c.guessClass(name)})
		return
	}
	want, known := c.funcName(code)
	if len(code) > 3 && !known {
		// The embedded catalog holds every 款 of one edition but only a
		// sample of 项 (the catalog changes every year): a code it lacks
		// is a 提示, never a 警告. A 项 of a known 款 is not
		// noted, unless Options.Catalog lists that 款's 项.
		kuan := code[:5]
		if _, ok := c.funcName(kuan); !ok && !c.listed[kuan] {
			c.add(model.SeverityInfo, "C-FUNC", id, pos, model.Finding{Row: row, Column: "功能科目编码",
				Message: id.Number() + " " + row + "：" + c.catalogs() + "未收录 " + kuan + " 款（" + cls + clsName + " 下），请对照当年《政府收支分类科目》"})
			return
		}
		if len(code) == 7 && c.listed[kuan] {
			c.add(model.SeverityInfo, "C-FUNC", id, pos, model.Finding{Row: row, Column: "功能科目编码",
				Message: id.Number() + " " + row + "：所给目录列出了 " + kuan + " 款的项，但没有 " + code + "，请对照当年《政府收支分类科目》"})
		}
		return
	}
	if !known || name == "" {
		return
	}
	if _, given := c.o.Catalog[code]; !given && c.cat.funcUnsure[code] {
		return // a new or renamed 款 whose official name the embedded catalog is unsure of
	}
	c.nameCheck(id, pos, row, code, name, want, len(code) == 3)
}

// funcName is the name of a function code in Options.Catalog, else in the
// embedded catalog.
func (c *checker) funcName(code string) (string, bool) {
	if n, ok := c.o.Catalog[code]; ok {
		return n, true
	}
	n, ok := c.cat.funcName[code]
	return n, ok
}

// catalogs names the catalogs a code was looked up in.
func (c *checker) catalogs() string {
	if len(c.o.Catalog) > 0 {
		return "内置目录和所给目录都"
	}
	return "内置目录"
}

// guessClass names the 类 a function name belongs to, when the catalog knows it.
func (c *checker) guessClass(name string) string {
	if name == "" {
		return ""
	}
	if k, ok := c.cat.funcByName[normName(name)]; ok {
		return "；“" + name + "”的编码应为 " + k
	}
	if k, ok := c.cat.oldFunc[normName(name)]; ok {
		return "；“" + name + "”是 " + k + " 类的旧称"
	}
	return ""
}

// nameCheck compares a printed name with the catalog name.
func (c *checker) nameCheck(id model.TableID, pos int, row, code, name, want string, isClass bool) {
	got, exp := normName(name), normName(want)
	if got == exp {
		return
	}
	f := model.Finding{Row: row, Column: "科目名称"}
	switch {
	case isClass && c.cat.oldFunc[got] == code:
		f.Message = id.Number() + " " + row + "：“" + name + "”是旧名称，现名“" + want + "”"
		c.add(model.SeverityWarning, "C-NAME", id, pos, f)
	case isClass && c.cat.funcByName[got] != "":
		f.Message = id.Number() + " " + row + "：目录中 " + code + " 为“" + want + "”，“" + name + "”的编码应为 " + c.cat.funcByName[got]
		c.add(model.SeverityWarning, "C-NAME", id, pos, f)
	case strings.HasPrefix(exp, got):
		f.Message = id.Number() + " " + row + "：名称不全，目录名称为“" + want + "”"
		c.add(model.SeverityInfo, "C-NAME", id, pos, f)
	default:
		f.Message = id.Number() + " " + row + "：名称与目录“" + want + "”不同"
		c.add(model.SeverityWarning, "C-NAME", id, pos, f)
	}
}

func (c *checker) expCodes(id model.TableID, et *model.ExpenditureTable) {
	deptCode := ""
	reported := map[string]bool{}
	for i, r := range et.Rows {
		switch r.Level {
		case model.LevelDepartment:
			deptCode = r.UnitCode
		case model.LevelDetail:
			if code := r.FuncCode; isDigits(code) && code != "" && code[0] == '2' && (len(code) == 3 || len(code) == 5) {
				c.add(model.SeverityError, "C-FUNC", id, i, model.Finding{Row: expLabel(&r), Column: "功能科目编码",
					Message: id.Number() + " " + expLabel(&r) + "：明细行的功能科目编码应为 7 位（项），" + code + " 只有 " + strconv.Itoa(len(code)) + " 位（" + map[int]string{3: "类", 5: "款"}[len(code)] + "）"})
				break
			}
			c.funcCode(id, i, r.FuncCode, r.FuncName)
			c.fundClass(id, i, expLabel(&r), r.FuncCode)
			if r.FuncCode == "" {
				c.add(model.SeverityError, "C-FUNC", id, i, model.Finding{Row: expLabel(&r), Column: "功能科目编码",
					Message: id.Number() + " " + expLabel(&r) + "：明细行缺少功能科目编码"})
			}
		}
		if r.Level == model.LevelDetail || r.Level == model.LevelUnit {
			uc := r.UnitCode
			if uc == "" || reported[uc] {
				continue
			}
			if !isDigits(uc) || len(uc) != 6 || deptCode != "" && !strings.HasPrefix(uc, deptCode) {
				reported[uc] = true
				msg := id.Number() + " " + expLabel(&r) + "：单位编码 " + uc + " 应为 6 位数字"
				if deptCode != "" {
					msg += "，以部门编码 " + deptCode + " 开头"
				}
				msg += "（本表凡用此编码的行同此）"
				c.add(model.SeverityWarning, "C-UNIT", id, i, model.Finding{Row: expLabel(&r), Column: "单位编码", Message: msg})
			}
		}
	}
}

func (c *checker) summaryCodes(id model.TableID, st *model.SummaryTable) {
	for i, l := range st.Functions {
		code, name := splitCode(l.Code, l.Name)
		if code == "" {
			continue
		}
		if len(code) != 3 {
			c.add(model.SeverityError, "C-FUNC", id, rowFunctions+i, model.Finding{Row: code + name, Column: "功能分类",
				Message: id.Number() + " " + code + name + "：功能分类行应为 3 位的类编码"})
			continue
		}
		c.funcCode(id, rowFunctions+i, code, name)
	}
	// The economic block: 3 digits, one system; 表四 prints 部门 names with
	// 5xx codes (spec §9.2), which is accepted.
	var sys byte
	for i, l := range st.Economic {
		code, name := splitCode(l.Code, l.Name)
		row := code + name
		if code == "" {
			continue
		}
		if !isDigits(code) || len(code) != 3 || code[0] != '3' && code[0] != '5' {
			c.add(model.SeverityError, "C-ECON", id, rowEconomic+1+i, model.Finding{Row: row, Column: "经济分类",
				Message: id.Number() + " " + row + "：经济分类类编码应为 3xx（部门预算）或 5xx（政府预算）的 3 位数字"})
			continue
		}
		if sys == 0 {
			sys = code[0]
		} else if code[0] != sys {
			c.add(model.SeverityError, "C-MIX", id, rowEconomic+1+i, model.Finding{Row: row, Column: "经济分类",
				Message: id.Number() + " " + row + "：同一块内混用了部门预算（3xx）和政府预算（5xx）经济分类"})
			continue
		}
		dept := "3" + code[1:]
		want, ok := c.cat.dept[dept]
		if code[0] == '5' {
			if g, gok := c.cat.gov[code]; gok && normName(g) == normName(name) {
				continue // printed with the 政府 name
			}
		}
		if !ok {
			c.add(model.SeverityWarning, "C-ECON", id, rowEconomic+1+i, model.Finding{Row: row, Column: "经济分类",
				Message: id.Number() + " " + row + "：目录中没有 " + code + " 类"})
			continue
		}
		if name != "" {
			c.nameCheck(id, rowEconomic+1+i, row, code, name, want, false)
		}
	}
	// V16: income labels numbered 一、二、三、 in order.
	next := 1
	for i, l := range st.Income {
		k := numeral(l.Label)
		if k == 0 {
			continue
		}
		if k != next {
			c.add(model.SeverityWarning, "C-LABEL", id, rowIncome+i, model.Finding{Row: l.Label, Column: "项目",
				Message: id.Number() + " 收入项目“" + l.Label + "”的编号应为“" + cnNumerals[next-1] + "、”"})
		}
		next++
		if next > len(cnNumerals) {
			break
		}
	}
}

func (c *checker) basicCodes(bt *model.BasicTable) {
	id := model.T06
	var sys byte
	cls := ""
	for i := range bt.Rows {
		r := &bt.Rows[i]
		lv := basicLevel(r)
		if lv == rank(model.LevelTotal) || r.Code == "" {
			continue
		}
		row := basicLabel(r)
		want := 3
		if lv == rank(model.LevelItem) {
			want = 5
		}
		if !isDigits(r.Code) || len(r.Code) != want || r.Code[0] != '3' && r.Code[0] != '5' {
			c.add(model.SeverityError, "C-ECON", id, i, model.Finding{Row: row, Column: "科目编码",
				Message: "表六 " + row + "：经济分类编码应为 3 开头的 " + itoa(want) + " 位数字"})
			continue
		}
		if sys == 0 {
			sys = r.Code[0]
		} else if r.Code[0] != sys {
			c.add(model.SeverityError, "C-MIX", id, i, model.Finding{Row: row, Column: "科目编码",
				Message: "表六 " + row + "：同一表内混用了部门预算（3xx）和政府预算（5xx）经济分类"})
			continue
		}
		if want == 3 {
			cls = r.Code
		} else if cls != "" && r.Code[:3] != cls {
			c.add(model.SeverityError, "C-ECON", id, i, model.Finding{Row: row, Column: "科目编码",
				Message: "表六 " + row + "：款 " + r.Code + " 不属于其上的类 " + cls})
			continue
		}
		names := c.cat.dept
		if r.Code[0] == '5' {
			names = c.cat.gov
		}
		name, ok := names[r.Code]
		if !ok {
			c.add(model.SeverityWarning, "C-ECON", id, i, model.Finding{Row: row, Column: "科目编码",
				Message: "表六 " + row + "：内置目录未收录经济分类 " + r.Code})
			continue
		}
		if r.Name != "" {
			c.nameCheck(id, i, row, r.Code, r.Name, name, false)
		}
	}
}

// Function classes each fund may use (spec/classification.md §5 step 6,
// soft rules: a warning).
var (
	govFundClasses = map[string]bool{"206": true, "207": true, "208": true, "211": true, "212": true, "213": true, "214": true,
		"215": true, "216": true, "220": true, "229": true, "230": true, "231": true, "232": true, "233": true, "234": true}
	notGeneralClasses = map[string]bool{"209": true, "223": true, "234": true}
)

// fundClass warns about a function class that the table's fund does not use.
func (c *checker) fundClass(id model.TableID, pos int, row, code string) {
	if len(code) < 3 || !isDigits(code) {
		return
	}
	k := code[:3]
	var msg string
	switch {
	case id == model.T05 && notGeneralClasses[k]:
		msg = "表五 " + row + "：" + k + " 类不属于一般公共预算支出"
	case id == model.T08 && !govFundClasses[k]:
		msg = "表八 " + row + "：" + k + " 类通常不属于政府性基金预算支出（政府性基金用 206、207、208、211–216、220、229–234 类）"
	case id == model.T10 && k != "223" && k != "230":
		msg = "表十 " + row + "：" + k + " 类通常不属于国有资本经营预算支出（应为 223 类）"
	default:
		return
	}
	c.add(model.SeverityWarning, "C-FUNC", id, pos, model.Finding{Row: row, Column: "功能科目编码", Message: msg})
}
