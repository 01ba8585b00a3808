// Package atomicfile writes a set of output files all-or-nothing.
//
// WriteAll first checks every target, then writes each regular file to a
// hidden temporary file beside it (".NAME.tmp-PID-RANDOM"), and renames the
// temporary files over their targets only when every one was written. An
// error names the real target and the real cause, never a temporary file.
//
// What a target may be:
//
//   - a missing path or a regular file: written through a temporary file and
//     renamed into place (the parent directory is created when missing);
//   - "-": written to Options.Stdout directly (refused when it is nil);
//   - a character device, named pipe or socket (/dev/null, a FIFO), or any
//     existing path under /dev or /proc (/dev/stdout, /dev/fd/3): written
//     directly, never replaced; such outputs are written after every
//     temporary file is complete and before the renames;
//   - a symbolic link: followed. The file the link points to is replaced and
//     the link itself is kept; a link that points nowhere is refused;
//   - a directory, or a path that is one of Options.Inputs: refused before
//     anything is written.
//
// Interrupts: CleanupOnSignal (called by a command around its writes)
// removes the temporary files of writes in progress when the program gets
// SIGINT or SIGTERM, then lets the signal end the program. A program that handles the
// signals itself (cancelling its work so that WriteAll returns an error)
// need not call it: a failed WriteAll removes its own temporary files. Temporary files left by a
// process that was killed outright (SIGKILL, power loss) are removed by the
// next WriteAll to the same target once their process is gone.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// File is one file of a set. Write gets a buffered writer; WriteAll
// flushes it.
type File struct {
	Path  string
	Write func(w *bufio.Writer) error
}

// Options for WriteAll. The zero value writes regular files only.
type Options struct {
	// Stdout receives an output whose Path is "-".
	Stdout io.Writer
	// Inputs are the files the outputs were made from: an output that is one
	// of them (the same file, by any name) is refused.
	Inputs []string
}

// The causes an *Error can carry, besides those of the operating system.
var (
	ErrIsDir       = errors.New("目标是目录，不能写成文件 (is a directory)")
	ErrIsInput     = errors.New("目标就是输入文件，不能覆盖；请用 -o 另选目录或文件名 (output is the input; choose another -o)")
	ErrDuplicate   = errors.New("同一文件被指定了两次 (output named twice)")
	ErrDangling    = errors.New("符号链接指向不存在的位置 (dangling symbolic link)")
	ErrNoStdout    = errors.New("没有标准输出可写 (no standard output)")
	ErrParentNoDir = errors.New("上级路径不是目录 (a parent is not a directory)")
)

// Error is a failure to write one target. Path is the name the caller gave;
// Written is false when no output of the set was changed.
type Error struct {
	Path    string
	Err     error
	Written bool
}

func (e *Error) Error() string {
	s := e.Path + ": " + e.Err.Error()
	if !e.Written {
		s += "；未写出任何文件"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

type kind int

const (
	kindFile   kind = iota // regular or missing: temp + rename
	kindStdout             // "-"
	kindDirect             // device, pipe, socket
)

type target struct {
	out  File
	real string // the path to replace (symlinks followed)
	kind kind
	temp string
	back string // hard link to the old file, to undo a rename
	old  bool   // the target existed before the renames
}

// WriteAll writes every file or none. See the package documentation. At
// most one Options is used; without it only regular files are written.
func WriteAll(files []File, opts ...Options) error {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	ts, err := plan(files, o)
	if err != nil {
		return err
	}
	fail := func(t *target, err error) error {
		for i := range ts {
			if ts[i].temp != "" {
				remove(ts[i].temp)
			}
		}
		return &Error{Path: t.out.Path, Err: cause(err)}
	}
	// Regular files first, to temporary files.
	for i := range ts {
		t := &ts[i]
		if t.kind != kindFile {
			continue
		}
		dir := filepath.Dir(t.real)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fail(t, err)
		}
		removeStale(dir, filepath.Base(t.real))
		f, err := create(dir, filepath.Base(t.real))
		if err != nil {
			return fail(t, err)
		}
		t.temp = f.Name()
		err = write(f, t.out.Write)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(t.temp, 0o644)
		}
		if err != nil {
			return fail(t, err)
		}
	}
	// Then the outputs that cannot be replaced: stdout, devices, pipes.
	for i := range ts {
		t := &ts[i]
		var err error
		switch t.kind {
		case kindStdout:
			err = write(o.Stdout, t.out.Write)
		case kindDirect:
			var f *os.File
			f, err = os.OpenFile(t.real, os.O_WRONLY, 0)
			if err == nil {
				err = write(f, t.out.Write)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
		default:
			continue
		}
		if err != nil {
			e := fail(t, err).(*Error)
			e.Written = i > 0 && anyDirectBefore(ts, i)
			return e
		}
	}
	// Last the renames; keep a hard link to each old file so that a failed
	// rename can put back the ones already done.
	for i := range ts {
		t := &ts[i]
		if t.kind != kindFile {
			continue
		}
		if _, err := os.Lstat(t.real); err == nil {
			t.old = true
			b := t.temp + ".old"
			if os.Link(t.real, b) == nil {
				t.back = b
				register(b)
			}
		}
	}
	defer func() {
		for i := range ts {
			if ts[i].back != "" {
				remove(ts[i].back)
			}
		}
	}()
	for i := range ts {
		t := &ts[i]
		if t.kind != kindFile {
			continue
		}
		if err := os.Rename(t.temp, t.real); err != nil {
			undone := undo(ts[:i])
			for j := i; j < len(ts); j++ {
				if ts[j].temp != "" {
					remove(ts[j].temp)
				}
			}
			return &Error{Path: t.out.Path, Err: cause(err), Written: !undone || anyDirectBefore(ts, len(ts))}
		}
		unregister(t.temp)
		t.temp = ""
	}
	return nil
}

// undo renames the kept old files back; it reports whether every one was.
func undo(done []target) bool {
	ok := true
	for i := range done {
		t := &done[i]
		if t.kind != kindFile {
			continue
		}
		if t.back != "" {
			if os.Rename(t.back, t.real) != nil {
				ok = false
			} else {
				unregister(t.back)
				t.back = ""
			}
		} else if t.old {
			// The old file was replaced and no link to it could be
			// made (a file system without hard links): it cannot be
			// put back, and the new one is kept rather than removed.
			ok = false
		} else if os.Remove(t.real) != nil {
			ok = false
		}
	}
	return ok
}

func anyDirectBefore(ts []target, n int) bool {
	for i := 0; i < n && i < len(ts); i++ {
		if ts[i].kind != kindFile {
			return true
		}
	}
	return false
}

// plan checks every target before anything is written.
func plan(outs []File, o Options) ([]target, error) {
	var inputs []os.FileInfo
	for _, in := range o.Inputs {
		if in == "" || in == "-" {
			continue
		}
		if fi, err := os.Stat(in); err == nil {
			inputs = append(inputs, fi)
		}
	}
	ts := make([]target, 0, len(outs))
	seen := map[string]string{}
	for _, out := range outs {
		t := target{out: out, real: out.Path}
		bad := func(err error) ([]target, error) { return nil, &Error{Path: out.Path, Err: err} }
		if out.Path == "-" {
			if o.Stdout == nil {
				return bad(ErrNoStdout)
			}
			t.kind = kindStdout
			if prev, ok := seen["-"]; ok {
				_ = prev
				return bad(ErrDuplicate)
			}
			seen["-"] = out.Path
			ts = append(ts, t)
			continue
		}
		fi, err := os.Lstat(out.Path)
		switch {
		case err == nil && special(out.Path):
			// /dev/stdout, /dev/fd/N, /proc/self/fd/N: links the kernel
			// resolves to what the process has open (a pipe, a
			// terminal, a file a shell redirected to); write to it as
			// it is, never replace it.
			t.kind = kindDirect
			ts = append(ts, t)
			continue
		case err == nil && fi.Mode()&fs.ModeSymlink != 0:
			real, err := filepath.EvalSymlinks(out.Path)
			if err != nil {
				return bad(ErrDangling)
			}
			t.real = real
			fi, err = os.Stat(real)
			if err != nil {
				return bad(cause(err))
			}
		case err != nil:
			if p := existingParent(out.Path); p != "" {
				return bad(fmt.Errorf("%s: %w", p, ErrParentNoDir))
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return bad(cause(err))
			}
			fi = nil
		}
		if fi != nil {
			switch m := fi.Mode(); {
			case m.IsDir():
				return bad(ErrIsDir)
			case m.IsRegular():
			default: // device, pipe, socket
				t.kind = kindDirect
			}
			for _, in := range inputs {
				if os.SameFile(fi, in) {
					return bad(ErrIsInput)
				}
			}
		}
		key := t.real
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		if _, ok := seen[key]; ok {
			return bad(ErrDuplicate)
		}
		seen[key] = out.Path
		ts = append(ts, t)
	}
	return ts, nil
}

// existingParent returns the nearest existing ancestor of path when it is not
// a directory (so that MkdirAll would fail), or "".
func existingParent(path string) string {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil {
			if !fi.IsDir() {
				return p
			}
			return ""
		}
		if q := filepath.Dir(p); q == p {
			return ""
		}
	}
}

// cause strips the *PathError/*LinkError wrapping that names a temporary
// file, keeping the operating system's reason.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// tempPrefix is the start of the temporary names for the target base.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

func create(dir, base string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if dying {
		return nil, errors.New("interrupted")
	}
	f, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	live[f.Name()] = true
	return f, nil
}

// removeStale removes the temporary files of base left in dir by processes
// that no longer run. The directory is read once per process (the first
// time a file is written into it) and its stale files remembered by target:
// reading it at every write made a batch that writes thousands of files
// into one directory quadratic.
func removeStale(dir, base string) {
	mu.Lock()
	byBase, ok := stale[dir]
	if !ok {
		byBase = scanStale(dir)
		stale[dir] = byBase
	}
	names := byBase[base]
	delete(byBase, base)
	mu.Unlock()
	for _, name := range names {
		os.Remove(filepath.Join(dir, name))
	}
}

// stale holds, per directory already read, the temporary files of dead
// processes by target base name.
var stale = map[string]map[string][]string{}

// scanStale reads dir for temporary files (.BASE.tmp-PID-…) of processes
// that no longer run.
func scanStale(dir string) map[string][]string {
	byBase := map[string][]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return byBase
	}
	for _, e := range ents {
		name := e.Name()
		i := strings.LastIndex(name, ".tmp-")
		if !strings.HasPrefix(name, ".") || i < 1 {
			continue
		}
		pidText, _, ok := strings.Cut(name[i+len(".tmp-"):], "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 {
			continue
		}
		if pid == os.Getpid() || processAlive(pid) {
			continue
		}
		base := name[1:i]
		byBase[base] = append(byBase[base], name)
	}
	return byBase
}

// special reports a path under /dev or /proc: written directly, never
// replaced.
func special(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")
}

// IsSpecial reports whether path is an existing device, named pipe or
// socket (after following symbolic links): WriteAll writes such a target
// directly instead of replacing it.
func IsSpecial(path string) bool {
	if _, err := os.Lstat(path); err == nil && special(path) {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && !fi.Mode().IsRegular() && !fi.IsDir()
}

// write runs fn on a buffered w and flushes it.
func write(w io.Writer, fn func(*bufio.Writer) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := fn(bw); err != nil {
		return err
	}
	return bw.Flush()
}
