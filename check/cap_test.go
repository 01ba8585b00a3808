package check

import (
	"encoding/json"
	"strings"
	"testing"

	"gongkai/model"
)

// One finding lists at most maxListed terms and counts the rest, in the text
// and in the JSON alike: an X5 over 1,000 rows of one 类 used to be one
// finding line as long as the table.
func TestLongListCapped(t *testing.T) {
	rows := []model.ExpenditureRow{exp(model.LevelTotal, "", "", "", "1000.00", "1000.00")}
	for i := 0; i < 1000; i++ {
		rows = append(rows, exp(model.LevelDetail, "526003", "2010350", "事业运行", "1.00", "1.00"))
	}
	t4 := t4()
	t4.Functions[0].FundAmounts = fund("5.00", "5.00")
	d := disc(model.Tables{T04: t4, T05: &model.ExpenditureTable{Rows: rows}}, nil)
	var x5 *model.Finding
	fs := Disclosure(d, Options{})
	for i := range fs {
		if fs[i].Rule == "X5" {
			x5 = &fs[i]
		}
	}
	if x5 == nil {
		t.Fatalf("no X5 finding among %v", fs)
	}
	text := x5.String()
	if !strings.Contains(text, "… 另有 990 项") || strings.Count(text, "2010350") != maxListed {
		t.Errorf("X5 lists %d rows: %.300s", strings.Count(text, "2010350"), text)
	}
	if !strings.Contains(text, "= 1000.00") {
		t.Errorf("the sum must be of every row, not of those listed: %.300s", text)
	}
	if len(text) > 1000 {
		t.Errorf("finding line is %d bytes", len(text))
	}
	b, _ := json.Marshal(x5)
	if len(b) > 1200 || !strings.Contains(string(b), "另有 990 项") {
		t.Errorf("JSON finding is %d bytes: %.300s", len(b), b)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 99990: "99,990", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
