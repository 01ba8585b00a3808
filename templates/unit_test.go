package templates

import (
	"strings"
	"testing"

	"gongkai/model"
)

// An empty Unit used to print 单位：万元; it now says the unit is not stated
// (and check reports D-META), never a unit the data did not give.
func TestEmptyUnitNotWanYuan(t *testing.T) {
	d := &model.Disclosure{Department: "测试单位", Year: 2024, Tables: model.Tables{T07: &model.ThreePublicTable{}}}
	doc, err := Document(d, Options{OnlyPresent: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range doc.Sheets {
		if strings.Contains(sh.UnitLine, "万元") || !strings.Contains(sh.UnitLine, UnitUnstated) {
			t.Errorf("%s: units line %q", sh.ID, sh.UnitLine)
		}
	}
	d.Unit = model.UnitYuan
	doc, _ = Document(d, Options{OnlyPresent: true})
	if !strings.Contains(doc.Sheets[0].UnitLine, "元") || strings.Contains(doc.Sheets[0].UnitLine, UnitUnstated) {
		t.Errorf("元: units line %q", doc.Sheets[0].UnitLine)
	}
}
