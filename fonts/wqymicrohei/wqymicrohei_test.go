package wqymicrohei

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"

	"gongkai/fonts"
)

// debianTTC is where Debian's fonts-wqy-microhei installs the collection.
const debianTTC = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func TestEmbeddedChecksum(t *testing.T) {
	sum := sha256.Sum256(TTF())
	if got := hex.EncodeToString(sum[:]); got != SHA256 {
		t.Fatalf("wqy-microhei-0.ttf has SHA-256 %s, want %s (regenerate with `make font`)", got, SHA256)
	}
}

func TestFont(t *testing.T) {
	f, err := Font()
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "WenQuanYi Micro Hei" {
		t.Errorf("Name() = %q", f.Name())
	}
	g, _ := Font()
	if g != f {
		t.Error("Font() parsed the face twice")
	}
	// Every character of a disclosure's titles, digits and full-width punctuation.
	s := "部门收支总表单位：万元（一般公共预算）0123456789.,-%合计类款项功能分类科目编码基本支出人员经费公用经费政府性基金国有资本经营三公经费ABCxyz"
	if m := f.Missing(s); m != nil {
		t.Errorf("default font misses %q", string(m))
	}
}

func TestReproducibleFromDebian(t *testing.T) {
	data, err := os.ReadFile(debianTTC)
	if err != nil {
		t.Skipf("Debian's fonts-wqy-microhei is not installed (%v); `apt-get install fonts-wqy-microhei` to check that the embedded file is reproducible", err)
	}
	f, err := fonts.Parse(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.TTF(), TTF()) {
		t.Fatal("face 0 extracted from the Debian TTC differs from the embedded wqy-microhei-0.ttf; run `make font`")
	}
}
