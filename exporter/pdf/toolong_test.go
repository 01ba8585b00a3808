package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// A name too long for a page used to run past the page's bottom edge and be
// cut off silently; Write now refuses with the sheet, the row and the size,
// and writes nothing. A long name that fits is wrapped whole (rows grow).
func TestRowTooTallReported(t *testing.T) {
	doc := example2023(t)
	sh := &doc.Sheets[4] // 表五
	row := len(sh.Rows) - 1
	col := 1
	sh.Rows[row].Cells[col].Text = strings.Repeat("很长的名称", 2000)
	var buf bytes.Buffer
	err := Write(&buf, doc, testOpts())
	var te *RowTooTallError
	if !errors.As(err, &te) {
		t.Fatalf("Write: %v, want *RowTooTallError", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
	if te.Sheet == "" || !strings.Contains(te.Row, "第") || te.Lines <= te.MaxLines || !strings.Contains(te.Error(), "10000 字") {
		t.Errorf("error %+v / %q does not say where and how long", te, te.Error())
	}
	if _, err := Plan(doc, testOpts()); !errors.As(err, &te) {
		t.Errorf("Plan: %v, want *RowTooTallError", err)
	}

	// 300 characters fit: the row grows and every character is drawn.
	sh.Rows[row].Cells[col].Text = strings.Repeat("很长的名称", 60)
	p, err := Plan(doc, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.String(), "t05") {
		t.Errorf("plan lacks t05: %s", p)
	}
	if err := Write(&buf, doc, testOpts()); err != nil {
		t.Fatal(err)
	}
}
