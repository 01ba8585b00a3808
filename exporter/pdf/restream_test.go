package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// TestRestream checks, without external tools, what a PDF reader relies
// on: every cross-reference entry points at its object, startxref at the
// table, and every stream inflates to its dictionary's length of data.
func TestRestream(t *testing.T) {
	b := writePDF(t, handDoc())
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	offsets, _, err := readXref(b[xref:])
	if err != nil {
		t.Fatal(err)
	}
	for n, off := range offsets[1:] {
		if want := strconv.Itoa(n+1) + " 0 obj\n"; !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n+1, b[off:min(off+12, len(b))])
		}
	}
	streams := regexp.MustCompile(`<<([^>]*?)/Length (\d+)>>\nstream\n`)
	found := 0
	for _, loc := range streams.FindAllSubmatchIndex(b, -1) {
		if !bytes.Contains(b[loc[2]:loc[3]], []byte("/Filter /FlateDecode")) {
			t.Errorf("stream at %d is not compressed: %q", loc[0], b[loc[0]:loc[1]])
			continue
		}
		n, _ := strconv.Atoi(string(b[loc[4]:loc[5]]))
		zr, err := zlib.NewReader(bytes.NewReader(b[loc[1] : loc[1]+n]))
		if err != nil {
			t.Fatalf("stream at %d: %v", loc[0], err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			t.Errorf("stream at %d does not inflate: %v", loc[0], err)
		}
		found++
	}
	if found < 5 {
		t.Errorf("only %d page streams found", found)
	}
}
