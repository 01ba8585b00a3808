package templates

import (
	"errors"
	"strings"
	"testing"
)

// A bad date or unit is named in Chinese first, with its field and value.
func TestBadDateUnitMessages(t *testing.T) {
	d := example2023(t)
	c := *d
	c.Date = "45000"
	_, err := Document(&c, Options{})
	if !errors.Is(err, ErrBadDate) || !strings.HasPrefix(err.Error(), "公开日期（date）“45000”不是 YYYY-MM-DD") {
		t.Errorf("bad date: %v", err)
	}
	c = *d
	c.Unit = "千元"
	_, err = Document(&c, Options{})
	if !errors.Is(err, ErrBadUnit) || !strings.HasPrefix(err.Error(), "金额单位（unit）“千元”") {
		t.Errorf("bad unit: %v", err)
	}
}
