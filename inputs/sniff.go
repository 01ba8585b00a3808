package inputs

import (
	"archive/zip"
	"bytes"
	"strings"

	"gongkai/importer/ledger"
)

// sniffZip tells a Word file from a workbook by the parts the zip holds.
// Whether a workbook is a ledger or the official tables is decided by its
// first rows, in loadWorkbook.
func sniffZip(data []byte) Kind {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Unknown
	}
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "word/"):
			return DOCX
		case strings.HasPrefix(f.Name, "xl/"):
			return Workbook
		}
	}
	return Unknown
}

// looksBinary reports whether the first bytes are not text (an image, an
// archive, random bytes): NUL bytes in both byte positions, as UTF-16 text
// never has them, or many control characters.
func looksBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	even, odd, ctl := 0, 0, 0
	for i, c := range head {
		switch {
		case c == 0 && i%2 == 0:
			even++
		case c == 0:
			odd++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a:
			ctl++
		}
	}
	if even > 0 && odd > 0 {
		return even*10 >= odd && odd*10 >= even // UTF-16 has its NULs on one side
	}
	return even+odd == 0 && ctl*20 > len(head)
}

func looksHTML(b []byte) bool {
	s := strings.ToLower(string(b[:min(len(b), 512)]))
	if strings.HasPrefix(s, "<?xml") && strings.Contains(strings.ToLower(string(b[:min(len(b), 4096)])), "<html") {
		return true
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p", "<!--"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// looksLedgerCSV reports whether the text is a ledger: a CSV header row
// naming the ledger's amount and function-code columns, possibly after a
// few 基本信息 rows.
func looksLedgerCSV(b []byte) bool { return ledger.IsLedger(b) }

// encryptedOOXML reports whether an OLE container holds an encrypted OOXML
// package (an .xlsx saved with an open password) rather than a legacy .xls.
func encryptedOOXML(data []byte) bool {
	name := []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
	return bytes.Contains(data, name)
}
