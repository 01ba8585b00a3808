// Package wqymicrohei embeds gongkai's default CJK font: WenQuanYi Micro Hei
// (文泉驿微米黑), face 0 of Debian's fonts-wqy-microhei collection, as a
// standalone TrueType file, used under its Apache-2.0 option (see LICENSE and
// NOTICE beside this file).
//
// Its place in the flow: a caller that brings no font of its own passes
// Font() to exporter/pdf (pdf.Options.Font), as the gongkai command does.
// The face covers ASCII, GB2312 and GBK with proportional digits. It lives
// in its own package so that a program which always brings its own font
// does not carry these 4.6 MB.
//
// The file is reproduced from the Debian package by `make font`
// (go run ./fonts/wqymicrohei/internal/gen); a test checks its SHA-256.
package wqymicrohei

import (
	_ "embed"
	"sync"

	"gongkai/fonts"
)

//go:embed wqy-microhei-0.ttf
var ttf []byte

// SHA256 is the hex SHA-256 of the embedded wqy-microhei-0.ttf.
const SHA256 = "77bc40e42a3470857b985378d8634793bad8f456f33052ccf7c42f156a5f5734"

// Font returns the embedded face, parsed on the first call and shared by every
// later one. Caching it in a package variable is safe: a *fonts.Font is never
// modified after parsing and may be used by any number of goroutines, the
// embedded bytes never change, and parsing once per process is what makes
// subsetting per document cheap.
func Font() (*fonts.Font, error) {
	once.Do(func() { font, err = fonts.Parse(ttf, 0) })
	return font, err
}

var (
	once sync.Once
	font *fonts.Font
	err  error
)

// TTF returns the embedded TrueType file. The caller must not modify it.
func TTF() []byte { return ttf }
