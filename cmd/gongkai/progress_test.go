package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// The bar's first rate is departments over the time since the batch began,
// not one department over the few microseconds since the first render.
func TestProgressFirstRate(t *testing.T) {
	var buf bytes.Buffer
	bar := newBar(&buf, 100)
	const wait = 50 * time.Millisecond
	time.Sleep(wait)
	if err := bar.Add(1); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(\d+) 个/(s|min|hr)`).FindAllStringSubmatch(buf.String(), -1)
	if len(m) == 0 {
		t.Fatalf("no rate shown: %q", buf.String())
	}
	last := m[len(m)-1]
	rate, _ := strconv.ParseFloat(last[1], 64)
	if limit := 1 / wait.Seconds(); last[2] == "s" && rate > limit+1 {
		t.Errorf("first rate shown %q: more than %.0f a second, one department in at least %v", last[0], limit, wait)
	}
}
