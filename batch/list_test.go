package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/importer/ledger"
	"gongkai/model"
)

const bareLedger = "单位编码,单位名称,单位类型,功能科目编码,功能科目名称,经济科目编码,支出类别,资金性质,金额\n" +
	"901001,测试单位,行政,2010101,行政运行,30101,人员类,一般公共预算,12345.67\n"

// TestListInputs: the list's ledgers are the run's, its companion files
// and itself are not; a ledger outside the input folder is added.
func TestListInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for name, data := range map[string]string{
		"in/a.csv": bareLedger, "in/a-收入.csv": "单位编码,资金性质,上年结转\n901001,一般公共预算,10\n",
		"in/b.csv": bareLedger, "other/c.csv": bareLedger,
		"in/清单.csv": "文件,部门名称,年度,收入文件\na.csv,甲局,2027,a-收入.csv\n../other/c.csv,丙局,2027,\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	listPath := filepath.Join(in, "清单.csv")
	data, _ := os.ReadFile(listPath)
	l, err := ReadList(listPath, data, in)
	if err != nil {
		t.Fatal(err)
	}
	all, err := Expand([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	paths := l.Inputs(all)
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	if got := strings.Join(names, " "); got != "a.csv b.csv c.csv" {
		t.Errorf("inputs: %s; want a.csv, b.csv and c.csv only", got)
	}
	rep, err := Run(context.Background(), paths, Options{Out: filepath.Join(dir, "out"), Formats: []string{"xlsx"}, List: l})
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	by := map[string]Result{}
	for _, r := range rep.Results {
		by[r.Name] = r
	}
	if r := by["a"]; r.Status != StatusOK || r.Department != "甲局" || r.Year != 2027 {
		t.Errorf("a: %+v", r)
	}
	if r := by["c"]; r.Status != StatusOK || r.Department != "丙局" {
		t.Errorf("c: %+v", r)
	}
	// b is not in the list and lacks its details: batch's advice, and the
	// importer's errors still seen by errors.Is.
	if r := by["b"]; r.Status != StatusFailed || r.Errors != 2 || !strings.Contains(r.Error, "--list") {
		t.Errorf("b: %+v", r)
	}
	// --resume: a listed ledger is up to date until its list or a
	// companion file changes.
	resume := func() bool {
		rep, err := Run(context.Background(), paths, Options{Out: filepath.Join(dir, "out"), Formats: []string{"xlsx"}, List: l, Resume: true})
		if err != nil {
			t.Fatal(err)
		}
		defer rep.Close()
		for _, r := range rep.Results {
			if r.Name == "a" {
				return r.UpToDate
			}
		}
		t.Fatal("no result of a")
		return false
	}
	if !resume() {
		t.Error("resume: a is not up to date right after it was written")
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(in, "a-收入.csv"), later, later); err != nil {
		t.Fatal(err)
	}
	if resume() {
		t.Error("resume: a is up to date although its 收入 file changed")
	}
	_, err = (&runner{o: Options{List: l}}).load(filepath.Join(in, "b.csv"))
	var pes model.ParseErrors
	if !errors.Is(err, ledger.ErrNoDepartment) || !errors.Is(err, ledger.ErrNoYear) || !errors.As(err, &pes) || len(pes) != 2 {
		t.Errorf("b's error %v: want ParseErrors that are ErrNoDepartment and ErrNoYear", err)
	}
}
