package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/examples"
	"gongkai/exporter/xlsx"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// gridOf is a table's header as "row,col,rowspan,colspan,text → field" lines.
func gridOf(t *profiles.Table) string {
	h, rows := t.Header()
	var out []string
	for _, c := range h {
		out = append(out, fmt.Sprintf("%d,%d,%d,%d,%s", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text))
	}
	for _, l := range t.LeafColumns() {
		out = append(out, fmt.Sprintf("%d→%s", l.Index, l.Field))
	}
	return fmt.Sprintf("rows %d\n%s", rows, strings.Join(out, "\n"))
}

// TestProfileImportRoundTrip writes each example's workbook with its
// profile, drafts a profile from the workbook with `gongkai profile
// import`, and requires the same tables, titles, units and header grids,
// with every leaf column mapped to the same model field.
func TestProfileImportRoundTrip(t *testing.T) {
	for _, name := range []string{"tianmen-12345-2023.json", "shanghai-wanli-2025.json"} {
		t.Run(name, func(t *testing.T) {
			src, err := profiles.Embedded(examples.Profile(name))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := examples.Get(name)
			var d model.Disclosure
			if err := json.Unmarshal(b, &d); err != nil {
				t.Fatal(err)
			}
			doc, err := templates.Document(&d, templates.Options{Profile: src})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			wb := filepath.Join(dir, "模板.xlsx")
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, doc, xlsx.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(wb, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			if code := run([]string{"profile", "import", wb}, nil, &out, &errOut); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			got, err := profiles.Parse("drafted.yaml", out.Bytes())
			if err != nil {
				t.Fatalf("the drafted profile does not load: %v\n%s", err, out.String())
			}
			if len(got.Tables) != len(src.Tables) {
				t.Fatalf("%d tables drafted, want %d", len(got.Tables), len(src.Tables))
			}
			for i, want := range src.Tables {
				g := got.Tables[i]
				if g.ID != want.ID || g.Sheet != want.Sheet || g.NumberRow != want.NumberRow {
					t.Errorf("table %d: %s %q number row %v, want %s %q %v", i, g.ID, g.Sheet, g.NumberRow, want.ID, want.Sheet, want.NumberRow)
				}
				if strings.ReplaceAll(g.Title, "{year}", "2025") != strings.ReplaceAll(want.Title, "{year}", "2025") {
					t.Errorf("%s: title %q, want %q", want.ID, g.Title, want.Title)
				}
				if a, b := gridOf(g), gridOf(want); a != b {
					t.Errorf("%s: header differs\n got %s\nwant %s", want.ID, a, b)
				}
			}
		})
	}
}

// TestProfileImportBlankWorkbook drafts from a blank workbook laid out as
// the Shanghai template is (spec shanghai-forms.md §2: title in row 2,
// 编制部门 and units in row 4, header rows 6–8, a sample row, the note), with a
// cover sheet that holds no table and one column whose header names no
// model field: the draft marks that column, lists it, and exits 1.
func TestProfileImportBlankWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "封面")
	f.SetCellValue("封面", "A3", "上海市普陀区2026年区级部门预算")
	sh := "部门支出预算总表"
	f.NewSheet(sh)
	set := func(cell, v string) { f.SetCellValue(sh, cell, v) }
	merge := func(a, b string) { f.MergeCell(sh, a, b) }
	set("A2", "2026年部门支出预算总表")
	merge("A2", "H2")
	set("A4", "编制部门：")
	merge("A4", "C4")
	set("H4", "单位：元")
	set("A6", "项目")
	merge("A6", "D6")
	set("E6", "支出预算")
	merge("E6", "H6")
	set("A7", "功能分类科目编码")
	merge("A7", "C7")
	set("D7", "功能分类科目名称")
	merge("D7", "D8")
	for col, text := range map[string]string{"E": "合计", "F": "基本支出", "G": "项目\n支出", "H": "备注"} {
		set(col+"7", text)
		merge(col+"7", col+"8")
	}
	set("A8", "类")
	set("B8", "款")
	set("C8", "项")
	f.SetCellValue(sh, "A9", 205)
	set("D9", "教育支出")
	set("A21", "注：本部门2026年无部门支出预算，故本表为空表。")
	f.SetColWidth(sh, "D", "D", 37.5)
	dir := t.TempDir()
	name := filepath.Join(dir, "blank.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"profile", "import", name}, nil, &out, &errOut)
	if code != exitFindings {
		t.Errorf("exit %d, want %d for an unmapped column", code, exitFindings)
	}
	y := out.String()
	for _, want := range []string{
		`title: "{year}年部门支出预算总表"`, `preparer: "编制部门：{department}"`, `units: "单位：{unit}"`, "unit: 元",
		`{text: "类", field: func_code.class`, `{text: "功能分类科目名称", field: func_name, width: 18.5}`,
		`{text: "项目\n支出", field: project`, `{text: "备注", field: ""`, "TODO",
		`empty: {note: "注：本{subject}{year}年无部门支出预算，故本表为空表。"}`,
	} {
		if !strings.Contains(y, want) {
			t.Errorf("draft lacks %s\n%s", want, y)
		}
	}
	if !strings.Contains(errOut.String(), "封面") || !strings.Contains(errOut.String(), "项目 / 支出预算 / 备注") && !strings.Contains(errOut.String(), "支出预算 / 备注") {
		t.Errorf("stderr does not list the skipped sheet and the unmapped column:\n%s", errOut.String())
	}
	// Until the user fills it in, the draft is refused with the line of the column.
	_, err := profiles.Parse("region.yaml", out.Bytes())
	if err == nil || !strings.Contains(err.Error(), "“备注” names no model field") {
		t.Errorf("parse of the draft: %v", err)
	}
	fixed := strings.Replace(y, `{text: "备注", field: ""`, `{text: "备注", field: specific`, 1)
	if _, err := profiles.Parse("region.yaml", []byte(fixed)); err != nil {
		t.Errorf("the draft with its column filled in: %v", err)
	}
}

// TestProfileImportFromBlankTemplates drafts a profile from the blank
// workbook `gongkai template` writes for every embedded profile (fixed
// income lines and formulas in the body, a 填表说明 sheet first) and
// requires the same tables and header grids, every leaf mapped to the
// profile's field.
func TestProfileImportFromBlankTemplates(t *testing.T) {
	for _, name := range profiles.Names() {
		t.Run(name, func(t *testing.T) {
			src, err := profiles.Embedded(name)
			if err != nil {
				t.Fatal(err)
			}
			wb := filepath.Join(t.TempDir(), name+".xlsx")
			var out, errOut bytes.Buffer
			if code := run([]string{"template", "--profile", name, "--year", "2026", "--department", "某某局", "-o", wb}, nil, &out, &errOut); code != exitOK {
				t.Fatalf("template: exit %d: %s", code, errOut.String())
			}
			out.Reset()
			errOut.Reset()
			if code := run([]string{"profile", "import", wb}, nil, &out, &errOut); code != exitOK {
				t.Fatalf("import: exit %d: %s", code, errOut.String())
			}
			got, err := profiles.Parse("drafted.yaml", out.Bytes())
			if err != nil {
				t.Fatalf("the drafted profile does not load: %v", err)
			}
			if len(got.Tables) != len(src.Tables) {
				t.Fatalf("%d tables drafted, want %d", len(got.Tables), len(src.Tables))
			}
			for i, want := range src.Tables {
				if a, b := gridOf(got.Tables[i]), gridOf(want); a != b {
					t.Errorf("%s: header differs\n got %s\nwant %s", want.ID, a, b)
				}
			}
		})
	}
}
