package server

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/inputs"
)

// upload is a multipart form read into memory.
type upload struct {
	FileName string // as sent by the browser; shown, never used as a path
	Data     []byte
	Fields   map[string][]string
	// Extra holds the other files of the form, by field: a ledger's 上年数据
	// (prior) and 收入 file (income), their names cleaned by displayName.
	Extra map[string]*inputs.File
}

// extraFiles are the file fields besides "file" the form may carry.
var extraFiles = []inputs.Setting{inputs.SetPrior, inputs.SetIncome, inputs.SetTexts}

func (up *upload) size() int64 {
	n := int64(len(up.Data))
	for _, f := range up.Extra {
		n += int64(len(f.Data))
	}
	return n
}

// errTooLarge: the upload is larger than MaxUpload.
var errTooLarge = errors.New("server: upload too large")

// requestError is a problem of the request itself (400).
type requestError struct{ msg string }

func (e *requestError) Error() string { return e.msg }

// formOverhead is what a multipart form adds around the file: boundaries,
// part headers and the few small fields of the page.
const formOverhead = 64 << 10

// readUpload reads the multipart form of r part by part into memory: the
// field "file", a ledger's extra files "prior" and "income" (all files
// together at most MaxUpload bytes; a file field left empty is no file) and
// small text fields. Unlike Request.ParseMultipartForm it never spills a
// large part to a temporary file, so nothing of the upload touches the
// disk. "file" may be missing when the form names a pending upload.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (*upload, error) {
	if r.ContentLength > s.o.MaxUpload+formOverhead {
		return nil, errTooLarge
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxUpload+formOverhead)
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != "multipart/form-data" {
		return nil, &requestError{"请用表单上传文件（multipart/form-data，文件字段名为 file）"}
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &requestError{"请用表单上传文件（multipart/form-data，文件字段名为 file）"}
	}
	up := &upload{Fields: map[string][]string{}, Extra: map[string]*inputs.File{}}
	have := false
	var total int64
	for nfields := 0; ; nfields++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readErr(err)
		}
		if nfields > 64 {
			return nil, &requestError{"表单字段太多"}
		}
		name := p.FormName()
		switch {
		case name == "file" && !have || isExtra(name) && up.Extra[name] == nil:
			b, err := io.ReadAll(io.LimitReader(p, s.o.MaxUpload-total+1))
			if err != nil {
				return nil, readErr(err)
			}
			if total += int64(len(b)); total > s.o.MaxUpload {
				return nil, errTooLarge
			}
			if len(b) == 0 && p.FileName() == "" {
				break // a file input left empty
			}
			if name == "file" {
				up.FileName, up.Data, have = p.FileName(), b, true
			} else {
				up.Extra[name] = &inputs.File{Name: displayName(p.FileName()), Data: b}
			}
		case name != "" && name != "file" && !isExtra(name):
			b, err := io.ReadAll(io.LimitReader(p, 1025))
			if err != nil {
				return nil, readErr(err)
			}
			if len(b) > 1024 {
				return nil, &requestError{"表单字段 " + name + " 太长"}
			}
			up.Fields[name] = append(up.Fields[name], string(b))
		default:
			io.Copy(io.Discard, p)
		}
		p.Close()
	}
	if !have && first(up.Fields["pending"]) == "" {
		return nil, &requestError{"没有收到文件：请选择一个文件再上传（表单字段名为 file）"}
	}
	return up, nil
}

func isExtra(name string) bool {
	for _, s := range extraFiles {
		if name == string(s) {
			return true
		}
	}
	return false
}

func readErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge
	}
	return &requestError{"上传没有完成（连接中断或表单不完整），请重新上传"}
}

// displayName is the uploaded file's base name for messages and the page: the
// part after the last slash or backslash (some browsers send a whole Windows
// path), without control characters, at most 100 runes; "上传的文件" when
// nothing is left.
func displayName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if name == "" || name == "." || name == ".." {
		return "上传的文件"
	}
	return name
}

// baseName is the name downloads get: the display name without its
// extension, with characters Windows forbids in file names replaced.
func baseName(display string) string {
	b := strings.TrimSuffix(display, path.Ext(display))
	b = strings.Map(func(r rune) rune {
		switch r {
		case '<', '>', ':', '"', '/', '\\', '|', '?', '*':
			return '_'
		}
		return r
	}, b)
	b = strings.Trim(b, " .")
	if b == "" {
		return "gongkai"
	}
	return b
}
