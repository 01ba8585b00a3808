package pdf

import (
	"bytes"
	"errors"
	"testing"

	"gongkai/exporter/xlsx"
	"gongkai/layout"
)

// The two writers agree on an empty document: both refuse it (the PDF
// writer used to write a blank page where the XLSX writer failed).
func TestEmptyDocumentRefusedByBoth(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, layout.Document{Title: "空"}, testOpts()); !errors.Is(err, ErrNoSheets) || buf.Len() != 0 {
		t.Errorf("pdf.Write: %v, %d bytes", err, buf.Len())
	}
	if _, err := Plan(layout.Document{}, testOpts()); !errors.Is(err, ErrNoSheets) {
		t.Errorf("pdf.Plan: %v", err)
	}
	if err := xlsx.Write(&buf, layout.Document{Title: "空"}, xlsx.Options{}); !errors.Is(err, xlsx.ErrNoSheets) || buf.Len() != 0 {
		t.Errorf("xlsx.Write: %v, %d bytes", err, buf.Len())
	}
}
