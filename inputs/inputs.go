// Package inputs recognises what kind of input a file is (a JSON disclosure,
// a ledger of budget lines, an official workbook, a published disclosure as
// text, PDF, web page or Word file) by its content, and runs the importer
// for that kind. The CLI, the batch runner and the web server all load their
// inputs through Load, so a new kind of input is added here once.
//
// It sits above the importers in gongkai's flow:
//
//	file bytes → inputs.Load → importer/... → model.Disclosure (+ findings)
package inputs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"gongkai/importer/jsonin"
	"gongkai/importer/ledger"
	"gongkai/importer/xlsxin"
	"gongkai/model"
	"gongkai/profiles"
)

// Kind names a kind of input.
type Kind string

// The kinds of input Sniff recognises.
const (
	JSON     Kind = "json"     // the JSON (or YAML) disclosure format of docs/input-format.md
	Ledger   Kind = "ledger"   // budget lines, CSV or a workbook whose first sheet has ledger headers
	Workbook Kind = "workbook" // a workbook in the official layout of the tables
	Text     Kind = "text"     // a published disclosure as plain text
	PDF      Kind = "pdf"      // a published disclosure as PDF
	HTML     Kind = "html"     // a published disclosure as a saved web page
	DOCX     Kind = "docx"     // a published disclosure as a Word file
	XLS      Kind = "xls"      // a legacy binary workbook (.xls)
	Unknown  Kind = ""
)

// MaxSize is the largest input Load accepts (64 MiB). One department's
// input is a few hundred kilobytes at most.
const MaxSize = 64 << 20

// Options configure Load. The zero value is useful.
type Options struct {
	// Profile names the layout profile used to read tables ("" for the
	// default).
	Profile string
	// Ledger and Build configure reading and building a ledger of budget
	// lines (department details from flags, a 收入 file, last year's
	// disclosure, a function catalog).
	Ledger ledger.ReadOptions
	Build  ledger.Options
}

// Result is one loaded input.
type Result struct {
	Kind       Kind
	Disclosure *model.Disclosure
	// Findings are the importer's own findings (problems of the input that
	// are data, such as a workbook total that differs from its parts); the
	// checks of package check are not included.
	Findings []model.Finding
	// Profile is the layout a workbook was read in: Options.Profile, or
	// the embedded profile whose titles its sheets show. Nil for the other
	// kinds of input.
	Profile *profiles.Profile
	// Report is, for a ledger of budget lines, what the build reports:
	// the cells controlled rounding moved by more than half a unit, the
	// totals it could not bring within 0.01 (also warnings in Findings),
	// and its notes (提示). Nil for the other kinds of input.
	Report *ledger.Report
}

// LoadFile reads the file at path and loads it; "-" is not accepted here
// (callers read standard input themselves and call Load).
func LoadFile(path string, o Options) (*Result, error) {
	b, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Load(path, b, o)
}

// ReadFile reads the file at path as LoadFile does: a directory, a missing
// or unreadable file and a file over MaxSize are errors that name it. A
// caller that needs the bytes before Load (to tell their kind with Sniff)
// reads them with ReadFile.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, OpenError(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: 是目录，不是文件", path)
	}
	// Read into a buffer of the file's size (one copy of the input in
	// memory); a device or pipe is read up to the limit.
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if st.Size() > MaxSize {
			return nil, fmt.Errorf("%s: 文件超过 %d MB，不是一个部门的公开数据", path, MaxSize>>20)
		}
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b := buf.Bytes()
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%s: 文件超过 %d MB，不是一个部门的公开数据", path, MaxSize>>20)
	}
	return b, nil
}

// Load recognises the kind of data (name is the file name, used for messages
// and as a hint only) and runs its importer.
//
// The settings that only a ledger of budget lines uses (Ledger.Info,
// Ledger.Income, Build.Prior) are refused for any other kind of input with
// a *NotLedgerError, before anything is read: a department name or last
// year's data given for a JSON disclosure would otherwise be dropped
// silently. Build.Catalog is not refused: the checks use a catalog on every
// kind of input (check.Options.Catalog).
func Load(name string, data []byte, o Options) (*Result, error) {
	k := Sniff(name, data)
	if k == Workbook && ledger.IsLedger(data) {
		k = Ledger
	}
	if k != Ledger && k != XLS && k != Unknown {
		if given := LedgerSettings(o); len(given) > 0 {
			return nil, fmt.Errorf("%s: %w", name, &NotLedgerError{Kind: k, Given: given})
		}
	}
	switch k {
	case JSON:
		d, err := jsonin.ReadBytes(data, name)
		if err != nil {
			return nil, err
		}
		return &Result{Kind: k, Disclosure: d}, nil
	case Ledger:
		return loadLedger(name, data, o)
	case Workbook:
		xo := xlsxin.Options{}
		if o.Profile != "" {
			p, err := profiles.Open(o.Profile)
			if err != nil {
				return nil, err
			}
			xo.Profile = p
		}
		d, layout, fs, err := xlsxin.ReadLayout(bytes.NewReader(data), displayName(name), xo)
		if err != nil {
			return nil, err
		}
		return &Result{Kind: k, Disclosure: d, Findings: fs, Profile: layout}, nil
	case XLS:
		return nil, fmt.Errorf("%s: 这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再读取", name)
	}
	return nil, fmt.Errorf("%s: %w", name, &UnsupportedError{Kind: k, Why: whyUnknown(k, data)})
}

// LedgerSettings names, in Chinese, the settings of o that only a ledger of
// budget lines uses (部门名称, 年度, 部门编码, 地区, 金额单位, 收入文件,
// 说明文件, 上年数据), in that order; nil when o has none.
func LedgerSettings(o Options) []string {
	var out []string
	// A detail given as a default (Ledger.Defaults: it only fills what a
	// ledger lacks, as batch's --year does) is named as one given outright.
	in, df := o.Ledger.Info, o.Ledger.Defaults
	for _, s := range []struct {
		set  bool
		name string
	}{
		{in.Department != "" || df.Department != "", "部门名称"},
		{in.Year != 0 || df.Year != 0, "年度"},
		{in.DepartmentCode != "" || df.DepartmentCode != "", "部门编码"},
		{in.Region != "" || df.Region != "", "地区"},
		{in.Unit != "" || df.Unit != "", "金额单位"},
		{in.SectionCode != "" || in.SectionName != "" || in.ParentCode != "" || in.ParentName != "" || in.Date != "" ||
			df.SectionCode != "" || df.SectionName != "" || df.ParentCode != "" || df.ParentName != "" || df.Date != "", "部门信息"},
		{o.Ledger.Income != nil, "收入文件"},
		{o.Ledger.Texts != nil, "说明文件"},
		{o.Build.Prior != nil, "上年数据"},
	} {
		if s.set {
			out = append(out, s.name)
		}
	}
	return out
}

// NotLedgerError is Load's error when settings that only a ledger of
// budget lines uses were given for an input of another kind.
type NotLedgerError struct {
	Kind  Kind     // what the input is
	Given []string // the settings given, as LedgerSettings names them
}

func (e *NotLedgerError) Error() string {
	return strings.Join(e.Given, "、") + "只用于预算明细输入，这个文件" + e.Kind.NotLedger()
}

// Chinese names the kind of input as messages and the web page show it.
func (k Kind) Chinese() string {
	switch k {
	case JSON:
		return "JSON 公开数据"
	case Ledger:
		return "预算明细"
	case Workbook:
		return "公开表工作簿"
	case Text, PDF, HTML, DOCX:
		return "已公开的文件（" + string(k) + "）"
	case XLS:
		return "旧版 Excel 工作簿（.xls）"
	}
	return "无法识别的文件"
}

// NotLedger says what an input of kind k is, for a message about settings
// that only a ledger uses: "是 JSON 公开数据". Text is also what a CSV
// ledger whose header row was not found sniffs as, so it says that.
func (k Kind) NotLedger() string {
	if k == Text {
		return "是文本，不是预算明细（没有找到明细的表头行：单位编码、功能科目编码、经济科目编码、资金性质、金额……，见 docs/ledger-format.md）"
	}
	c := k.Chinese()
	if c[0] < 0x80 {
		return "是 " + c // 是 JSON 公开数据
	}
	return "是" + c
}

// whyUnknown says what is wrong with data of no kind Sniff recognises,
// before the list of the kinds it reads.
func whyUnknown(k Kind, data []byte) string {
	switch {
	case k != Unknown:
		return ""
	case len(bytes.TrimSpace(data)) == 0:
		return "文件是空的"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "压缩文件（.xlsx 或 .docx）已损坏或不完整，无法打开"
	}
	return "不是文本，也不是可读取的工作簿、PDF 或 Word 文件"
}

// OpenError gives the error of a file that cannot be opened (missing, not
// readable) a Chinese message that names the file; errors.Is still sees
// fs.ErrNotExist and the like.
func OpenError(err error) error {
	pe, ok := err.(*fs.PathError)
	if !ok {
		return err
	}
	why := "无法打开"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		why = "没有读取权限"
	case errors.Is(err, syscall.EISDIR):
		why = "是目录，不是文件"
	}
	return &openError{why: why, err: pe}
}

type openError struct {
	why string
	err *fs.PathError
}

func (e *openError) Error() string {
	return e.err.Path + ": " + e.why + " (" + e.err.Err.Error() + ")"
}

func (e *openError) Unwrap() error { return e.err }

// displayName is the file name as messages show it (表.xlsx 表五!E8).
func displayName(name string) string {
	if name == "" {
		return "标准输入"
	}
	return filepath.Base(name)
}

// UnsupportedError says that a kind of input is recognised but not read by
// this command (or this build).
type UnsupportedError struct {
	Kind Kind
	Why  string // for Unknown: what is wrong with it ("文件是空的"), if known
}

func (e *UnsupportedError) Error() string {
	switch e.Kind {
	case Text, PDF, HTML, DOCX:
		return "这是已公开的文件（" + string(e.Kind) + "），请先用 gongkai parse 或 gongkai convert 读取"
	case Unknown:
		if e.Why != "" {
			return e.Why + "。应为 JSON 公开数据、预算明细（.csv/.xlsx）、公开表工作簿（.xlsx）或公开文件（文本、PDF、网页、Word）"
		}
		return "无法识别的输入：应为 JSON 公开数据、预算明细（.csv/.xlsx）、公开表工作簿（.xlsx）或公开文件"
	}
	return "暂不支持读取这类输入（" + string(e.Kind) + "）"
}

// Sniff tells the kind of data by its first bytes; the name's extension is
// used only where the content leaves a choice (CSV ledger versus text).
func Sniff(name string, data []byte) Kind {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	trim := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		if encryptedOOXML(data) {
			return Workbook // an .xlsx with an open password: its reader refuses it clearly
		}
		return XLS
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return sniffZip(data)
	case len(trim) > 0 && (trim[0] == '{' || trim[0] == '['):
		return JSON
	case ext == ".yaml" || ext == ".yml":
		return JSON
	case len(trim) > 0 && trim[0] == '<' && looksHTML(trim):
		return HTML
	case looksLedgerCSV(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")):
		// The whole data: IsLedger looks at its first 4 KB itself, cut at
		// a line end (a cut here could split a character).
		return Ledger
	case looksBinary(head):
		return Unknown
	case len(trim) > 0 || len(bytes.TrimSpace(data)) > 0:
		return Text
	}
	return Unknown
}

// loadLedger builds the disclosure of a ledger of budget lines. A printed
// total that controlled rounding could not bring within 0.01 of its exact
// value is a warning.
func loadLedger(name string, data []byte, o Options) (*Result, error) {
	d, rep, err := ledger.Load(name, data, o.Ledger, o.Build)
	if err != nil {
		return nil, err
	}
	r := &Result{Kind: Ledger, Disclosure: d, Report: rep}
	for _, off := range rep.Off {
		r.Findings = append(r.Findings, model.Finding{Severity: model.SeverityWarning, Rule: "ROUND",
			Message: "舍入后与精确值相差超过 0.01：" + off})
	}
	for _, w := range rep.Warnings {
		r.Findings = append(r.Findings, model.Finding{Severity: model.SeverityWarning, Rule: "PRIOR", Message: w})
	}
	return r, nil
}
