package narrative

import (
	"strings"
	"testing"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
	"gongkai/templates"
)

// shanghaiParts lays d out in the shanghai style with the shanghai profile
// and returns the part titles, the parts and the findings.
func shanghaiParts(t *testing.T, d *model.Disclosure) ([]string, []layout.Part, []model.Finding) {
	t.Helper()
	p, err := profiles.Embedded("shanghai")
	if err != nil {
		t.Fatal(err)
	}
	doc, findings, err := Document(d, Options{Style: "shanghai", Tables: templates.Options{Profile: p}})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, part := range doc.Parts {
		titles = append(titles, part.Title)
	}
	return titles, doc.Parts, findings
}

// TestShanghaiWithoutTexts: a disclosure without texts (no duties, no
// organization) gets no 主要职能 or 机构设置 heading with nothing under it
// (the document PDF had an almost blank page of two headings); the parts
// that follow are numbered on from 一, every part says something, and a
// 提示 finding names each text not given. With the texts, both parts are
// there again, first.
func TestShanghaiWithoutTexts(t *testing.T) {
	d := loadExample(t, "shanghai-wanli-2025.json")
	if d.Texts != nil {
		t.Fatal("the example is expected to give no texts")
	}
	titles, parts, findings := shanghaiParts(t, d)
	for _, title := range titles {
		if strings.Contains(title, "主要职能") || strings.Contains(title, "机构设置") {
			t.Errorf("part %q printed without texts", title)
		}
	}
	if len(titles) == 0 || !strings.HasPrefix(titles[0], "一、") {
		t.Errorf("parts %q do not start at 一、", titles)
	}
	for _, part := range parts {
		if len(part.Blocks) == 0 && !part.Tables {
			t.Errorf("part %q has nothing under it", part.Title)
		}
	}
	for _, field := range []string{"texts.duties", "texts.organization"} {
		found := false
		for _, f := range findings {
			if f.Field == field && f.Rule == "TXT" && f.Severity == model.SeverityInfo {
				found = true
			}
		}
		if !found {
			t.Errorf("no 提示 finding names the missing %s", field)
		}
	}

	d.Texts = &model.Texts{Duties: []string{"负责辖区社区建设和管理。", "负责辖区公共服务。"}, Organization: "街道办事处内设8个科室。"}
	titles, parts, _ = shanghaiParts(t, d)
	if len(titles) < 3 || !strings.HasSuffix(titles[0], "主要职能") || !strings.HasPrefix(titles[0], "一、") ||
		!strings.HasSuffix(titles[1], "机构设置") || !strings.HasPrefix(titles[1], "二、") || titles[2] != "三、名词解释" {
		t.Fatalf("with texts, parts %q, want 一、…主要职能, 二、…机构设置, 三、名词解释", titles)
	}
	if text := blockText(parts[1]); !strings.Contains(text, "街道办事处内设8个科室。") {
		t.Errorf("机构设置 says %q, want the organization given", text)
	}
}

// TestShanghaiBare: a disclosure with no figures and no texts keeps only the
// parts that always have something (名词解释 and the tables).
func TestShanghaiBare(t *testing.T) {
	d := &model.Disclosure{Department: "某某街道办事处", Year: 2026, Unit: model.UnitYuan}
	titles, parts, _ := shanghaiParts(t, d)
	if want := "一、名词解释|二、2026年部门预算表"; strings.Join(titles, "|") != want {
		t.Errorf("parts %q, want %q", titles, want)
	}
	for _, part := range parts {
		if len(part.Blocks) == 0 && !part.Tables {
			t.Errorf("part %q has nothing under it", part.Title)
		}
	}
}

func blockText(p layout.Part) string {
	var b strings.Builder
	for _, bl := range p.Blocks {
		b.WriteString(bl.Text)
	}
	return b.String()
}
