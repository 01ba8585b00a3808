package ledger_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/importer/ledger"
	"gongkai/model"
)

// textsSheet adds a 说明 sheet with rows of (项目, 内容).
func textsSheet(name string, rows ...[2]string) func(f *excelize.File) {
	return func(f *excelize.File) {
		f.NewSheet(name)
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			row := []any{r[0], r[1]}
			f.SetSheetRow(name, cell, &row)
		}
	}
}

// The 说明 sheet of a workbook ledger gives the texts of the disclosure:
// every label the docs list, a cell of several paragraphs kept as its
// lines, the numbers of the duties left to the document, an empty content
// left blank, the same field under its English name.
func TestTextsSheet(t *testing.T) {
	data := workbook(t, ledgerRows(), textsSheet("说明",
		[2]string{"项目", "内容"},
		[2]string{"主要职责", "1．受理诉求。\n2、督办回访。"},
		[2]string{"主要职责", "（三）统计分析。"},
		[2]string{"机构设置", "设两个科室。\n\n另设值班室。"},
		[2]string{"部门预算单位构成", ""},
		[2]string{"收入增减原因", "人员增加。\n标准提高。"},
		[2]string{"reasons.expenditure", "项目增加"},
		[2]string{"“三公”经费增减原因：", "压减接待"},
		[2]string{"绩效目标", "接通率95%。\n办结率90%。"},
		[2]string{"其他需要说明的情况", "无其他事项。"},
	))
	d, _, err := ledger.Load("预算明细.xlsx", data, ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &model.Texts{
		Duties:       []string{"受理诉求。", "督办回访。", "统计分析。"},
		Organization: "设两个科室。\n另设值班室。",
		Reasons:      model.Reasons{Income: "人员增加；标准提高", Expenditure: "项目增加", ThreePublic: "压减接待"},
		Performance:  []string{"接通率95%。", "办结率90%。"},
		Other:        []string{"无其他事项。"},
	}
	if !reflect.DeepEqual(d.Texts, want) {
		t.Errorf("texts\n got %#v\nwant %#v", d.Texts, want)
	}
	// 文字说明 is the other name of the sheet; without a sheet there are no texts.
	d, _, err = ledger.Load("预算明细.xlsx", workbook(t, ledgerRows(), textsSheet("文字说明", [2]string{"文字说明", ""}, [2]string{"项目", "内容"}, [2]string{"机构设置", "设一个科室。"})), ledger.ReadOptions{}, ledger.Options{})
	if err != nil || d.Texts == nil || d.Texts.Organization != "设一个科室。" {
		t.Errorf("文字说明 sheet: %v %+v", err, d)
	}
	d, _, err = ledger.Load("预算明细.xlsx", workbook(t, ledgerRows(), nil), ledger.ReadOptions{}, ledger.Options{})
	if err != nil || d.Texts != nil {
		t.Errorf("no 说明 sheet: texts %+v, err %v", d.Texts, err)
	}
}

// A texts file for a CSV ledger (--texts): CSV, TSV, GB18030, a workbook.
func TestTextsFile(t *testing.T) {
	ledgerCSV := []byte(hdr + "\n" + good + "\n")
	csvText := "项目,内容\n主要职责,\"受理诉求。\n督办回访。\"\n机构设置,设两个科室。\n政府采购增减原因,\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(csvText, ",", "\t"))
	if err != nil {
		t.Fatal(err)
	}
	xlsx := workbook(t, ledgerRows(), textsSheet("说明", [2]string{"主要职责", "受理诉求。\n督办回访。"}, [2]string{"机构设置", "设两个科室。"}))
	want := &model.Texts{Duties: []string{"受理诉求。", "督办回访。"}, Organization: "设两个科室。"}
	for name, data := range map[string][]byte{"说明.csv": []byte(csvText), "说明.tsv": []byte(gb), "说明.xlsx": xlsx} {
		l, err := ledger.Read("ledger.csv", ledgerCSV, ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}, Texts: data, TextsName: name})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(l.Texts, want) {
			t.Errorf("%s: texts\n got %#v\nwant %#v", name, l.Texts, want)
		}
	}
}

// A label that is not known is an error at its cell or line that lists
// the known labels, reported with the ledger's other problems; so are a
// text given twice, a third column and both a 说明 sheet and a file.
func TestTextsBad(t *testing.T) {
	data := workbook(t, ledgerRows(), textsSheet("说明",
		[2]string{"主要职责", "受理诉求。"},
		[2]string{"机构设置", "设两个科室。"},
		[2]string{"职能", "x"},
		[2]string{"机构设置", "又一个"},
	))
	_, err := ledger.Read("预算明细.xlsx", data, ledger.ReadOptions{})
	for _, want := range []string{
		"预算明细.xlsx: 说明!A3: 说明的项目“职能”不认识：应为 主要职责、机构设置、预算单位构成、收入增减原因、支出增减原因、机关运行经费增减原因、三公经费增减原因、公务接待费增减原因、政府采购增减原因、绩效目标、其他需要说明的情况 之一",
		"预算明细.xlsx: 说明!A4: 说明的项目“机构设置”重复：已在 说明!A2 给出",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant %q", err, want)
		}
	}
	if !errors.Is(err, ledger.ErrUnknownLabel) || ledger.Unreadable(err) {
		t.Errorf("err %v: want ErrUnknownLabel, a content error", err)
	}

	ledgerCSV := []byte(hdr + "\n" + strings.Replace(good, "一般公共预算", "一般预算", 1) + "\n")
	texts := []byte("项目,内容\n主要职责,受理诉求。\n\n\n\n\n部门简介,无\n机构设置,设两个科室。,第三列\n")
	_, err = ledger.Read("ledger.csv", ledgerCSV, ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}, Texts: texts, TextsName: "说明.csv"})
	for _, want := range []string{
		"ledger.csv:2: 资金性质“一般预算”不是已知类别",
		"说明.csv:7: 说明的项目“部门简介”不认识",
		"说明.csv:8: 说明只有两列",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant %q", err, want)
		}
	}

	_, err = ledger.Read("预算明细.xlsx", workbook(t, ledgerRows(), textsSheet("说明", [2]string{"机构设置", "x"})),
		ledger.ReadOptions{Texts: []byte("机构设置,y\n"), TextsName: "说明.csv"})
	if !errors.Is(err, ledger.ErrTwoTexts) || !strings.Contains(err.Error(), "预算明细.xlsx: 说明: 工作簿已有“说明”表，又给了说明文件“说明.csv”") {
		t.Errorf("sheet and file: err = %v", err)
	}
	_, err = ledger.Read("ledger.csv", []byte(hdr+"\n"+good+"\n"), ledger.ReadOptions{Info: ledger.Info{Department: "测试局", Year: 2027}, Texts: []byte("PK\x03\x04 not a workbook"), TextsName: "说明.xlsx"})
	if err == nil || !ledger.Unreadable(err) || !strings.Contains(err.Error(), "说明.xlsx") {
		t.Errorf("unreadable texts file: err = %v", err)
	}
}
