package batch

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gongkai/inputs"
)

// Expand turns the command line's inputs into a sorted list of files: a
// file is taken as it is, a folder gives every regular file below it whose
// name does not start with "." or "~$" (editor and Office lock files). A
// folder in skip (the output directory, when it lies inside an input
// folder) is left out, so that a second run does not read the first run's
// workbooks and reports as departments. A path that does not exist is an
// error naming it.
func Expand(args []string, skip ...string) ([]string, error) {
	skipped := map[string]bool{}
	for _, s := range skip {
		if abs, err := filepath.Abs(s); err == nil {
			skipped[abs] = true
		}
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, inputs.OpenError(err)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() && len(skipped) > 0 {
				if abs, err := filepath.Abs(p); err == nil && skipped[abs] {
					return filepath.SkipDir
				}
			}
			if p != a && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// Shard is one share of a run split over n machines: Index in [0, Count).
// The zero value (Count 0) means the whole run.
type Shard struct{ Index, Count int }

// ParseShard reads "i/n" (0 ≤ i < n), as --shard takes it.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	a, err1 := strconv.Atoi(strings.TrimSpace(i))
	b, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 0 || a >= b {
		return Shard{}, fmt.Errorf("--shard %q: 应为 i/n，0 ≤ i < n（例如 0/4）; want i/n with 0 ≤ i < n", s)
	}
	return Shard{Index: a, Count: b}, nil
}

// Has reports whether the input at path belongs to this share. The choice
// depends only on the path as given (with "/" separators), so every machine
// that is given the same list makes the same split.
func (s Shard) Has(path string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return h.Sum64()%uint64(s.Count) == uint64(s.Index)
}

// Select returns the paths of this share, in their order.
func Select(paths []string, s Shard) []string {
	var out []string
	for _, p := range paths {
		if s.Has(p) {
			out = append(out, p)
		}
	}
	return out
}
