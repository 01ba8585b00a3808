package xlsxin

import (
	"bytes"
	"testing"

	"gongkai/internal/xlsxcases"
)

// FuzzRead: whatever the bytes, Read returns a disclosure or an error and
// never panics. The seed is the example workbook (the bad cases have their
// own tests; building them here would slow every test run).
func FuzzRead(f *testing.F) {
	_, base, err := xlsxcases.Example()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read(bytes.NewReader(data), "x.xlsx", Options{MaxUnzipSize: 8 << 20, MaxXMLSize: 4 << 20, MaxRows: 2000})
		if err == nil && d == nil {
			t.Fatal("no disclosure and no error")
		}
	})
}
