// Command gen writes wqy-microhei-0.ttf, the embedded default font of
// package wqymicrohei: face 0 of Debian's fonts-wqy-microhei collection,
// copied into a standalone TrueType file by fonts.Parse(...).TTF().
//
//	apt-get install fonts-wqy-microhei
//	go run ./fonts/wqymicrohei/internal/gen
//
// The output is byte-identical on every run and machine for the same TTC.
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"

	"gongkai/fonts"
)

// DefaultTTC is where Debian's fonts-wqy-microhei installs the collection.
const DefaultTTC = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func main() {
	in := flag.String("in", DefaultTTC, "the WenQuanYi Micro Hei collection")
	out := flag.String("o", "fonts/wqymicrohei/wqy-microhei-0.ttf", "the file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := fonts.Load(in, 0)
	if err != nil {
		return err
	}
	if f.Name() != "WenQuanYi Micro Hei" {
		return fmt.Errorf("%s: face 0 is %q, want WenQuanYi Micro Hei", in, f.Name())
	}
	ttf := f.TTF()
	if err := os.WriteFile(out, ttf, 0o644); err != nil {
		return err
	}
	// The constant SHA256 in package wqymicrohei must equal this.
	fmt.Printf("%s: %d bytes, SHA-256 %x\n", out, len(ttf), sha256.Sum256(ttf))
	return nil
}
