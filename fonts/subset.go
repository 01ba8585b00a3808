package fonts

// Subset returns a standalone TrueType file with .notdef and the glyphs of
// runes. FIRST COMMIT: it still returns the whole face; the real subsetter
// follows.
func (f *Font) Subset(runes []rune) ([]byte, error) {
	return f.TTF(), nil
}
