package templates_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/exporter/pdf"
	"gongkai/exporter/xlsx"
	"gongkai/fonts/wqymicrohei"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// TestThirdRegionNeedsNoCode exports the 2023 example with a profile that
// exists only as testdata/thirdregion.yaml (表五 first, 表九 dropped, 表六
// with another header) to XLSX and PDF, and reads both back: the proof that
// a region is a file, not a code change.
func TestThirdRegionNeedsNoCode(t *testing.T) {
	p, err := profiles.LoadFile(filepath.Join("testdata", "thirdregion.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "examples", "tianmen-12345-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(&d, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	wantSheets := []string{"表五 一般公共预算支出表", "表一 部门收支总表", "表二 部门收入总表", "表三 部门支出总表",
		"表四 财政拨款收支总表", "表六 一般公共预算基本支出表", "表七 一般公共预算“三公”经费支出表",
		"表八 政府性基金预算支出表", "表十 国有资本经营预算支出表"}

	// The workbook: the sheets in the profile's order, 表九 absent, 表六's
	// changed header and its figures.
	var wb bytes.Buffer
	if err := xlsx.Write(&wb, doc, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(wb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(wantSheets, "|") {
		t.Errorf("sheets\n got %q\nwant %q", got, wantSheets)
	}
	t6 := "表六 一般公共预算基本支出表"
	for cell, want := range map[string]string{"A1": "基本支出预算表", "C3": "基本支出预算数", "D4": "人员支出", "B5": "合计", "C5": "51.79"} {
		if got, _ := f.GetCellValue(t6, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", t6, cell, got, want)
		}
	}

	// The PDF: the same tables in the same order, 表九 nowhere.
	font, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := pdf.Write(&out, doc, pdf.Options{Font: font}); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: make deps installs it; the PDF was written but not read back")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "third.pdf")
	if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	last := -1
	for _, title := range []string{"一般公共预算支出表", "部门收支总表", "部门收入总表", "基本支出预算表", "国有资本经营预算支出表"} {
		i := strings.Index(s, title)
		if i < 0 || i < last {
			t.Errorf("PDF: %q missing or out of the profile's order", title)
		}
		last = i
	}
	if strings.Contains(s, "政府采购预算表") {
		t.Error("PDF prints 表九, which the profile drops")
	}
	if !strings.Contains(s, "基本支出预算数") || !strings.Contains(s, "人员支出") {
		t.Error("PDF lacks 表六's changed header")
	}
}

// TestShanghaiPDF reads the Shanghai example's PDF back: the nine titles in
// the profile's order, the 编制部门 line on every table, 元 with thousands
// separators and 表9's figures in 万元 as published.
func TestShanghaiPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: make deps installs it")
	}
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "examples", "shanghai-wanli-2025.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d model.Disclosure
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	doc, err := templates.Document(&d, templates.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	font, err := wqymicrohei.Font()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := pdf.Write(&out, doc, pdf.Options{Font: font}); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "sh.pdf")
	if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	last := -1
	for _, title := range []string{"2025年部门财务收支预算总表", "2025年部门收入预算总表", "2025年部门支出预算总表",
		"2025年部门财政拨款收支预算总表", "2025年部门一般公共预算支出功能分类预算表", "2025年部门政府性基金预算支出功能分类预算表",
		"2025年部门国有资本经营预算支出功能分类预算表", "2025年部门一般公共预算基本支出部门预算经济分类预算表",
		"2025年部门“三公”经费和机关运行经费预算表"} {
		i := strings.Index(s, title)
		if i < 0 || i < last {
			t.Errorf("PDF: %q missing or out of order", title)
		}
		last = i
	}
	if n := strings.Count(s, "编制部门：上海市普陀区人民政府万里街道办事处"); n < 9 {
		t.Errorf("编制部门 line printed %d times, want on every table", n)
	}
	fields := strings.Fields(s[last:])
	joined := strings.Join(fields, " ")
	if !strings.Contains(joined, "37.91 0 1.35 36.56 15 21.56 464.64") {
		t.Errorf("表9 figures not as published: %s", joined)
	}
	if !strings.Contains(s, "189,767,551") || !strings.Contains(s, "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。") {
		t.Error("PDF lacks the 元 total with separators or the empty-table note")
	}
}
