// Package ledgergen makes ledgers of budget lines for benchmarks and the
// bench scripts: a realistic department (many units, every fund source,
// category and 三公 kind, procurement lines), written as CSV or as a
// workbook (基本信息 and 明细 sheets, codes as text, amounts as numbers),
// the way finance staff keep them. The same options give the same bytes.
package ledgergen

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Options say what to make. The zero value makes 100,000 lines of 50 units.
type Options struct {
	Lines int    // budget lines (default 100,000)
	Units int    // units of the department (default 50)
	Seed  uint64 // random seed
}

// Header is the header row of the generated ledgers.
var Header = []string{"单位编码", "单位名称", "单位类型", "功能科目编码", "功能科目名称", "经济科目编码", "经济科目名称",
	"支出类别", "资金性质", "项目名称", "三公类别", "政府采购品目", "采购数量", "计量单位", "金额（元）"}

// Info is the 基本信息 of the generated department (label, value).
var Info = [][2]string{{"部门名称", "测试局"}, {"部门编码", "901"}, {"地区", "测试市"}, {"年度", "2027"},
	{"科室编码", "04"}, {"科室名称", "行政政法科"}, {"主管部门编码", "901"}, {"主管部门名称", "测试局"}, {"金额单位", "万元"}}

var (
	funds   = []string{"一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"}
	classes = [][]string{ // function classes each fund may use
		{"201", "204", "205", "206", "208", "210", "212", "213", "221", "224"},
		{"206", "207", "208", "212", "213", "229"},
		{"223"},
		{"201", "205", "210", "213"},
		{"201", "205", "208", "210", "212", "221"},
	}
	econs = [][2]string{{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"}, {"30107", "绩效工资"},
		{"30108", "机关事业单位基本养老保险缴费"}, {"30112", "其他社会保障缴费"}, {"30113", "住房公积金"}, {"30199", "其他工资福利支出"},
		{"30201", "办公费"}, {"30205", "水费"}, {"30206", "电费"}, {"30211", "差旅费"}, {"30212", "因公出国（境）费用"},
		{"30213", "维修（护）费"}, {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30226", "劳务费"},
		{"30228", "工会经费"}, {"30231", "公务用车运行维护费"}, {"30299", "其他商品和服务支出"}, {"30302", "退休费"},
		{"31002", "办公设备购置"}, {"31013", "公务用车购置"}, {"39999", "其他支出"}}
	threePublic = map[string]string{"30212": "因公出国(境)费", "30217": "公务接待费", "30231": "公务用车运行维护费", "31013": "公务用车购置费"}
	categories  = []string{"人员类", "公用经费", "其他运转类", "特定目标类"}
	unitTypes   = []string{"行政", "参公", "事业"}
	procItems   = [][2]string{{"台式计算机", "台"}, {"复印纸", "箱"}, {"物业管理服务", "项"}}
)

// Rows returns the header row and the budget lines, as text.
func Rows(o Options) [][]string {
	if o.Lines <= 0 {
		o.Lines = 100_000
	}
	if o.Units <= 0 {
		o.Units = 50
	}
	rng := rand.New(rand.NewPCG(o.Seed, 1))
	types := make([]string, o.Units)
	for u := range types {
		types[u] = unitTypes[rng.IntN(len(unitTypes))]
	}
	rows := make([][]string, 0, o.Lines+1)
	rows = append(rows, Header)
	for i := 0; i < o.Lines; i++ {
		u := rng.IntN(o.Units)
		f := rng.IntN(len(funds))
		cls := classes[f][rng.IntN(len(classes[f]))]
		fn := fmt.Sprintf("%s%02d%02d", cls, 1+rng.IntN(4), []int{1, 2, 50, 99}[rng.IntN(4)])
		e := econs[rng.IntN(len(econs))]
		var amt int64
		switch rng.IntN(3) {
		case 0:
			amt = rng.Int64N(1_000_000) // up to 10,000.00 元
		case 1:
			amt = rng.Int64N(100_000_000)
		default:
			amt = rng.Int64N(2_000_000_000)
		}
		row := []string{fmt.Sprintf("901%03d", u+1), fmt.Sprintf("测试单位%d", u+1), types[u], fn, "测试项目支出",
			e[0], e[1], categories[rng.IntN(len(categories))], funds[f], "", "", "", "", "",
			strconv.FormatInt(amt/100, 10) + "." + fmt.Sprintf("%02d", amt%100)}
		if f == 0 {
			row[10] = threePublic[e[0]]
		}
		if rng.IntN(8) == 0 {
			p := procItems[rng.IntN(len(procItems))]
			row[9] = fmt.Sprintf("项目%d", rng.IntN(200))
			row[11], row[12], row[13] = p[0], strconv.Itoa(1+rng.IntN(20)), p[1]
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCSV writes the 基本信息 rows, a blank line and the rows as UTF-8 CSV.
func WriteCSV(w io.Writer, rows [][]string) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	for _, kv := range Info {
		if err := cw.Write(kv[:]); err != nil {
			return err
		}
	}
	if err := cw.Write(nil); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return bw.Flush()
}

// amountCol is the column of 金额 in Header: written as a number.
const amountCol = 14

// WriteXLSX writes a workbook with a 基本信息 sheet and a 明细 sheet holding
// the rows (excelize's stream writer: codes as text, amounts as numbers).
func WriteXLSX(w io.Writer, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "基本信息"); err != nil {
		return err
	}
	for i, kv := range Info {
		if err := f.SetSheetRow("基本信息", "A"+strconv.Itoa(i+1), &[]string{kv[0], kv[1]}); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet("明细"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("明细")
	if err != nil {
		return err
	}
	cells := make([]any, len(Header))
	for r, row := range rows {
		cells = cells[:len(row)]
		for c, v := range row {
			cells[c] = v
			if c == amountCol && r > 0 {
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					cells[c] = x
				}
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(r+1), cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// Bomb writes a workbook whose 明细 sheet is a header row and then the same
// budget line repeated (about 400 bytes a row), unpacking to about size bytes, while the file itself stays
// small (about 1/1000 of size): the hostile input that untrusted-workbook
// limits must refuse before inflating it. The deflate stream is made of one
// compressed megabyte repeated (each ends on a byte boundary), so writing
// it costs little more than its CRC.
func Bomb(w io.Writer, size int64) error {
	const block = 1 << 20
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>`
	for _, h := range Header {
		head += `<c t="inlineStr"><is><t>` + h + `</t></is></c>`
	}
	head += `</row>`
	const tail = `</sheetData></worksheet>`
	row := `<row>`
	for _, v := range []string{"901001", "测试单位1", "行政", "2010101", "行政运行", "30101", "基本工资", "人员类", "一般公共预算"} {
		row += `<c t="inlineStr"><is><t>` + v + `</t></is></c>`
	}
	row += strings.Repeat(`<c t="inlineStr"><is><t></t></is></c>`, 5) + `<c><v>12345.67</v></c></row>`
	chunk := []byte(strings.Repeat(row, int(max(min(block, size-int64(len(head)+len(tail))), 1))/len(row)+1))
	n := (size - int64(len(head)+len(tail))) / int64(len(chunk))
	if n < 1 {
		n = 1
	}
	// Compressed pieces, each flushed to a byte boundary and not final.
	piece := func(b []byte) []byte {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.BestCompression)
		fw.Write(b)
		fw.Flush()
		return buf.Bytes()
	}
	zhead, zchunk, ztail := piece([]byte(head)), piece(chunk), piece([]byte(tail))
	var end bytes.Buffer // the final, empty block
	fw, _ := flate.NewWriter(&end, flate.BestSpeed)
	fw.Close()
	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	for i := int64(0); i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))

	// The rest of the workbook from excelize, with the 明细 sheet replaced.
	var book bytes.Buffer
	if err := WriteXLSX(&book, [][]string{Header}); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(book.Bytes()), int64(book.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet2.xml" {
			hw, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, CRC32: crc,
				UncompressedSize64: uint64(len(head)+len(tail)) + uint64(n)*uint64(len(chunk)),
				CompressedSize64:   uint64(len(zhead)+len(ztail)+end.Len()) + uint64(n)*uint64(len(zchunk))})
			if err != nil {
				return err
			}
			hw.Write(zhead)
			for i := int64(0); i < n; i++ {
				hw.Write(zchunk)
			}
			hw.Write(ztail)
			if _, err := hw.Write(end.Bytes()); err != nil {
				return err
			}
			continue
		}
		if err := zw.Copy(zf); err != nil {
			return err
		}
	}
	return zw.Close()
}
