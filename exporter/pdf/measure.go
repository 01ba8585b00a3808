package pdf

import "strings"

// The fit search measures the same strings at up to seven sizes, and the
// drawing pass measures them again: the pager remembers, per string and
// font size, the results that do not depend on the width available. Every
// cached value is computed exactly as without the cache (same function,
// same arguments), so the layout is the same to the last bit.

// textKey is a string at a font size (points).
type textKey struct {
	s    string
	size float64
}

// lineW is lineWidth(s, p.width(size)), remembered.
func (p *pager) lineW(s string, size float64) float64 {
	k := textKey{s, size}
	if w, ok := p.lineWs[k]; ok {
		return w
	}
	w := lineWidth(s, p.width(size))
	if p.lineWs == nil {
		p.lineWs = make(map[textKey]float64, 512)
	}
	p.lineWs[k] = w
	return w
}

// oneLine reports whether s, not empty, is drawn as one line at width
// max: the shortcut wrap and countLines take, with the width remembered.
func (p *pager) oneLine(s string, max, size float64) bool {
	return !strings.Contains(s, "\n") && p.lineW(s, size) <= max+1e-9
}

// countLines is countLines(s, max, p.width(size)).
func (p *pager) countLines(s string, max, size float64) int {
	if s == "" {
		return 0
	}
	if p.oneLine(s, max, size) {
		return 1
	}
	return countLines(s, max, p.width(size))
}

// wrap is wrap(s, max, p.width(size)).
func (p *pager) wrap(s string, max, size float64) []string {
	if s != "" && p.oneLine(s, max, size) {
		return []string{s}
	}
	return wrap(s, max, p.width(size))
}

// twoLineW is twoLineWidth(s, p.width(size)), remembered.
func (p *pager) twoLineW(s string, size float64) float64 {
	k := textKey{s, size}
	if w, ok := p.twoLineWs[k]; ok {
		return w
	}
	w := twoLineWidth(s, p.width(size))
	if p.twoLineWs == nil {
		p.twoLineWs = make(map[textKey]float64)
	}
	p.twoLineWs[k] = w
	return w
}

// wrapBalanced is wrapBalanced(s, max, p.width(size)).
func (p *pager) wrapBalanced(s string, max, size float64) []string {
	if s != "" && p.oneLine(s, max, size) {
		return []string{s}
	}
	return wrapBalanced(s, max, p.width(size))
}
