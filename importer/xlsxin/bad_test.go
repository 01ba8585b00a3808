package xlsxin

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"gongkai/internal/xlsxcases"
	"gongkai/model"
)

func TestBadWorkbooks(t *testing.T) {
	cases, err := xlsxcases.Cases("表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			d, fs, err := Read(bytes.NewReader(c.Data), "表.xlsx", Options{})
			if c.Unreadable {
				var e *Error
				if err == nil || !errors.As(err, &e) {
					t.Fatalf("want an *Error, got %v (findings %v)", err, fs)
				}
				if d != nil {
					t.Error("a disclosure from an unreadable workbook")
				}
				for _, w := range c.Want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := model.HasErrors(fs); got == c.Info {
				t.Errorf("errors among the findings: %v, want %v:\n%s", got, !c.Info, list(fs))
			}
			for _, w := range c.Want {
				found := false
				for _, f := range fs {
					found = found || strings.Contains(f.Message, w)
				}
				if !found {
					t.Errorf("no finding contains %q; findings:\n%s", w, list(fs))
				}
			}
		})
	}
}

func list(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}
