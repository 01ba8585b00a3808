// Package xlsxcases builds the workbooks the tests of importer/xlsxin and
// cmd/gongkai read: the bundled example as the official workbook, changed
// the way people change workbooks, and broken or hostile files. Each case
// says what a reader must report.
package xlsxcases

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/importer/jsonin"
	"gongkai/model"
	"gongkai/templates"
)

// Sheet names of the example workbook.
const (
	T02 = "表二 部门收入总表"
	T05 = "表五 一般公共预算支出表"
	T06 = "表六 一般公共预算基本支出表"
)

// Example returns the 2023 example and its official workbook.
func Example() (*model.Disclosure, []byte, error) {
	b, err := examples.Get("tianmen-12345-2023.json")
	if err != nil {
		return nil, nil, err
	}
	d, err := jsonin.Read(bytes.NewReader(b), "example")
	if err != nil {
		return nil, nil, err
	}
	doc, err := templates.Document(d, templates.Options{})
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	if err := xlsx.Write(&out, doc, xlsx.Options{}); err != nil {
		return nil, nil, err
	}
	return d, out.Bytes(), nil
}

// Case is one bad workbook.
type Case struct {
	Name string
	Data []byte
	// Want are texts the reader's findings (or its error) must contain,
	// each with its position, e.g. 表.xlsx 表五 一般公共预算支出表!E6: “12,3x” 不是金额.
	Want []string
	// Unreadable: the reader returns an error (exit 2) instead of findings
	// at error severity (exit 1).
	Unreadable bool
	// Info: the case gives no error, only the findings in Want (a sheet
	// that is not a table is a 提示, not a reason to refuse).
	Info bool
}

// edit opens the example workbook, applies fn and returns the new bytes.
func edit(base []byte, fn func(f *excelize.File) error) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := fn(f); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Cases returns the bad workbooks. name is the file name the messages use.
func Cases(name string) ([]Case, error) {
	_, base, err := Example()
	if err != nil {
		return nil, err
	}
	at := func(sheet, cell, msg string) string { return name + " " + sheet + "!" + cell + ": " + msg }
	var cs []Case
	add := func(c Case, fn func(f *excelize.File) error) error {
		b, err := edit(base, fn)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		c.Data = b
		cs = append(cs, c)
		return nil
	}
	steps := []struct {
		c  Case
		fn func(f *excelize.File) error
	}{
		{Case{Name: "text amount", Want: []string{at(T05, "E6", "“12,3x”不是金额")}},
			func(f *excelize.File) error { return f.SetCellStr(T05, "E6", "12,3x") }},
		{Case{Name: "header differs", Want: []string{at(T05, "F3", "表头应为“人员类项目支出”，实为“人员支出”")}},
			func(f *excelize.File) error { return f.SetCellStr(T05, "F3", "人员支出") }},
		{Case{Name: "merged data cells", Want: []string{at(T05, "F7:G7", "数据区有合并单元格")}},
			func(f *excelize.File) error { return f.MergeCell(T05, "F7", "G7") }},
		{Case{Name: "hidden row", Want: []string{at(T05, "A8", "第8行被隐藏但有数据")}},
			func(f *excelize.File) error { return f.SetRowVisible(T05, 8, false) }},
		{Case{Name: "hidden column", Want: []string{at(T05, "G:G", "第G列被隐藏但有数据")}},
			func(f *excelize.File) error { return f.SetColVisible(T05, "G", false) }},
		{Case{Name: "hidden sheet", Want: []string{name + " " + T06 + ": 表六 一般公共预算基本支出表 所在的工作表被隐藏"}},
			func(f *excelize.File) error { return f.SetSheetVisible(T06, false) }},
		{Case{Name: "two sheets with one table", Want: []string{name + " 表五副本: 与工作表“" + T05 + "”是同一张表"}},
			func(f *excelize.File) error {
				i, err := f.NewSheet("表五副本")
				if err != nil {
					return err
				}
				from, _ := f.GetSheetIndex(T05)
				return f.CopySheet(from, i)
			}},
		{Case{Name: "sheet that is not a table", Info: true, Want: []string{name + " 说明: 标题“编制说明”不是公开表之一，已跳过此表"}},
			func(f *excelize.File) error {
				if _, err := f.NewSheet("说明"); err != nil {
					return err
				}
				return f.SetCellStr("说明", "A1", "编制说明")
			}},
		{Case{Name: "codes stored as numbers", Info: true, Want: []string{
			at(T02, "A6", "编码存为数字 4，前导零已丢失；已按“04”读取"),
			at(T02, "A8", "编码“526003”存为数字")}},
			func(f *excelize.File) error {
				if err := f.SetCellInt(T02, "A6", 4); err != nil {
					return err
				}
				return f.SetCellInt(T02, "A8", 526003)
			}},
	}
	for _, s := range steps {
		if err := add(s.c, s.fn); err != nil {
			return nil, err
		}
	}

	// An .xlsx with an open password.
	enc, err := edit(base, func(f *excelize.File) error { return nil })
	if err != nil {
		return nil, err
	}
	{
		f, err := excelize.OpenReader(bytes.NewReader(enc))
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := f.Write(&b, excelize.Options{Password: "secret"}); err != nil {
			return nil, err
		}
		f.Close()
		cs = append(cs, Case{Name: "encrypted", Data: b.Bytes(), Unreadable: true, Want: []string{name + ": 工作簿设有打开密码"}})
	}

	// A link to another workbook.
	link, err := addParts(base, map[string]string{
		"xl/externalLinks/externalLink1.xml": `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>`,
	})
	if err != nil {
		return nil, err
	}
	cs = append(cs, Case{Name: "external link", Data: link, Want: []string{name + ": 工作簿链接了 1 个外部工作簿"}})

	// A zip bomb: one part that inflates to 80 MB of spaces.
	bomb, err := replacePart(base, "xl/worksheets/sheet1.xml", strings.NewReader(""), 80<<20)
	if err != nil {
		return nil, err
	}
	cs = append(cs, Case{Name: "zip bomb", Data: bomb, Unreadable: true, Want: []string{name + ": 工作簿解压后超过大小上限"}})

	// A huge shared-string table (20 MB) in a small file.
	var sst strings.Builder
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for sst.Len() < 20<<20 {
		sst.WriteString("<si><t>甲乙丙丁戊己庚辛</t></si>")
	}
	sst.WriteString(`</sst>`)
	huge, err := replacePart(base, "xl/sharedStrings.xml", strings.NewReader(sst.String()), 0)
	if err != nil {
		return nil, err
	}
	cs = append(cs, Case{Name: "huge shared strings", Data: huge, Unreadable: true, Want: []string{name + ": 工作簿解压后超过大小上限：工作簿的部件“xl/sharedStrings.xml”解压后 20 MB"}})

	// An XML bomb: nested entities in the shared strings.
	xb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol4;</t></si></sst>`
	xmlBomb, err := replacePart(base, "xl/sharedStrings.xml", strings.NewReader(xb), 0)
	if err != nil {
		return nil, err
	}
	cs = append(cs, Case{Name: "xml bomb", Data: xmlBomb, Unreadable: true, Want: []string{name + ": 工作簿的 XML 含有 DTD 或实体定义"}})

	// A sheet that reaches row 1,048,576.
	tall := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一般公共预算支出表</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>`
	rows, err := replacePart(base, "xl/worksheets/sheet5.xml", strings.NewReader(tall), 0)
	if err != nil {
		return nil, err
	}
	cs = append(cs, Case{Name: "1048576 rows", Data: rows, Unreadable: true, Want: []string{name + " " + T05 + ": 工作表行数超过上限"}})
	return cs, nil
}

// addParts returns the workbook with extra zip parts.
func addParts(base []byte, parts map[string]string) ([]byte, error) {
	return rewrite(base, func(w *zip.Writer) error {
		for name, body := range parts {
			fw, err := w.Create(name)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(fw, body); err != nil {
				return err
			}
		}
		return nil
	}, "", nil, 0)
}

// replacePart returns the workbook with part name replaced by body followed
// by pad spaces.
func replacePart(base []byte, name string, body io.Reader, pad int) ([]byte, error) {
	return rewrite(base, nil, name, body, pad)
}

func rewrite(base []byte, extra func(*zip.Writer) error, replace string, body io.Reader, pad int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, zf := range zr.File {
		fw, err := w.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if zf.Name == replace {
			if _, err := io.Copy(fw, body); err != nil {
				return nil, err
			}
			chunk := bytes.Repeat([]byte(" "), 1<<16)
			for n := 0; n < pad; n += len(chunk) {
				if _, err := fw.Write(chunk); err != nil {
					return nil, err
				}
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(fw, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if extra != nil {
		if err := extra(w); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// EditPart returns the workbook with the text of zip part name changed by fn.
func EditPart(base []byte, name string, fn func(string) string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		return replacePart(base, name, strings.NewReader(fn(string(b))), 0)
	}
	return nil, fmt.Errorf("no part %s", name)
}
