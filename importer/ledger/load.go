package ledger

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"

	"gongkai/model"
)

// Load reads a ledger and builds its disclosure (Read, then Build).
func Load(name string, data []byte, ro ReadOptions, o Options) (*model.Disclosure, *Report, error) {
	l, err := Read(name, data, ro)
	if err != nil {
		return nil, nil, err
	}
	return Build(l, o)
}

// ReadCatalog reads a function catalog: one code<TAB>name a line (UTF-8 or
// GB18030; lines starting with # and blank lines are skipped; a header line
// 编码<TAB>名称 is allowed). Codes are 3, 5 or 7 digits starting with 2.
func ReadCatalog(name string, data []byte) (map[string]string, error) {
	text, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	var errs model.ParseErrors
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, nm, ok := strings.Cut(line, "\t")
		code, _ = parseCode(code) // a code with a point is refused below
		nm = strings.TrimSpace(nm)
		if n == 1 && !digits(code) {
			continue // header
		}
		if !ok || nm == "" || !digits(code) || code[0] != '2' || (len(code) != 3 && len(code) != 5 && len(code) != 7) {
			errs = append(errs, &model.ParseError{File: name, Line: n, Err: bad(ErrBadCode, "目录行应为“编码<TAB>名称”，编码为以 2 开头的 3、5 或 7 位数字："+strconv.Quote(line))})
			continue
		}
		out[code] = nm
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out) == 0 && len(bytes.TrimSpace(data)) > 0 {
		return nil, &model.ParseError{File: name, Err: bad(ErrBadCode, "目录中没有科目：每行应为“编码<TAB>名称”，编码与名称之间用制表符（Tab）分开")}
	}
	return out, nil
}
