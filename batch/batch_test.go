package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/examples"
)

// corpus writes n copies of the 2023 example as dir/in/dNNN.json, each with
// its own department name, and returns their paths.
func corpus(t testing.TB, dir string, n int) []string {
	t.Helper()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range n {
		p := filepath.Join(in, fmt.Sprintf("d%03d.json", i))
		b := bytes.ReplaceAll(examples.Sample(), []byte("天门市12345公共服务热线中心"), []byte(fmt.Sprintf("测试部门%03d", i)))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// broken returns the example with 表一's 收入总计 changed: it loads, but the
// checks find errors.
func broken() []byte {
	return bytes.Replace(examples.Sample(), []byte(`"income_grand_total": "231.79"`), []byte(`"income_grand_total": "999.99"`), 1)
}

func TestShardsCoverEveryInputOnce(t *testing.T) {
	var paths []string
	for i := range 1000 {
		paths = append(paths, fmt.Sprintf("region/county%02d/dept-%04d.json", i%37, i))
	}
	seen := map[string]int{}
	for i := range 4 {
		share := Select(paths, Shard{Index: i, Count: 4})
		if len(share) < 200 || len(share) > 300 {
			t.Errorf("share %d/4 has %d of 1000 inputs; want a fair share", i, len(share))
		}
		for _, p := range share {
			seen[p]++
		}
	}
	for _, p := range paths {
		if seen[p] != 1 {
			t.Errorf("%s is in %d shares, want 1", p, seen[p])
		}
	}
	// ./a and a are the same input and go to the same share.
	s := Shard{Index: 1, Count: 3}
	if s.Has("in/x.json") != s.Has("./in/x.json") || s.Has("in/x.json") != s.Has("in//x.json") {
		t.Error("the same path spelt two ways goes to different shares")
	}
}

func TestParseShard(t *testing.T) {
	for _, ok := range []string{"0/1", "0/4", "3/4", " 2 / 5 "} {
		if _, err := ParseShard(ok); err != nil {
			t.Errorf("ParseShard(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "4/4", "-1/4", "1/0", "a/b", "1", "1/2/3"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

// Four shares run as four batches, each into its own folder; the merged
// reports name every department exactly once and every file is written once.
func TestFourShardsRunAndMerge(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir, 16)
	all, err := Expand([]string{filepath.Join(dir, "in")})
	if err != nil {
		t.Fatal(err)
	}
	if !equal(all, paths) {
		t.Fatalf("Expand = %v, want %v", all, paths)
	}
	var reports []string
	written := map[string]int{}
	for i := range 4 {
		out := filepath.Join(dir, "out", fmt.Sprint(i))
		rep, _, err := runAll(t, context.Background(), Select(all, Shard{i, 4}), Options{Out: out, Formats: []string{"xlsx"}, Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteReports(out, rep, time.Time{}); err != nil {
			t.Fatal(err)
		}
		reports = append(reports, filepath.Join(out, ReportName))
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".xlsx") && e.Name() != SummaryName {
				written[e.Name()]++
			}
		}
	}
	merged, err := ReadReports(reports...)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	var got []string
	for _, r := range merged.Results {
		got = append(got, r.Input)
		if r.Status != StatusOK || len(r.Outputs) != 1 {
			t.Errorf("%s: status %s, outputs %v", r.Input, r.Status, r.Outputs)
		}
	}
	if !equal(got, paths) {
		t.Errorf("merged reports name %v, want every input once: %v", got, paths)
	}
	if len(written) != len(paths) {
		t.Errorf("%d workbooks written, want %d", len(written), len(paths))
	}
	for name, n := range written {
		if n != 1 {
			t.Errorf("%s written by %d shares", name, n)
		}
	}
	// The same report twice is a mistake the merge names.
	if _, err := ReadReports(reports[0], reports[0]); err == nil || !strings.Contains(err.Error(), "两份报告") {
		t.Errorf("merging a report with itself: err = %v", err)
	}
}

func equal(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// A department that cannot be read, one whose checks find errors and one
// whose output name repeats another's do not stop the others, and each is
// reported with what went wrong.
func TestBadDepartmentsDoNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir, 3)
	bad := filepath.Join(dir, "in", "bad.json")
	os.WriteFile(bad, []byte(`{"department": 5`), 0o644)
	wrong := filepath.Join(dir, "in", "wrong.json")
	os.WriteFile(wrong, broken(), 0o644)
	os.MkdirAll(filepath.Join(dir, "in", "other"), 0o755)
	dup := filepath.Join(dir, "in", "other", "d000.json")
	os.WriteFile(dup, examples.Sample(), 0o644)
	all, _ := Expand([]string{filepath.Join(dir, "in")})
	out := filepath.Join(dir, "out")
	_, rs, err := runAll(t, context.Background(), all, Options{Out: out, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Result{}
	for _, r := range rs {
		by[r.Input] = r
	}
	for _, p := range paths {
		r := by[p]
		if r.Status != StatusOK || len(r.Outputs) != 2 || r.Income.String() != "231.79" || r.Expenditure.String() != "231.79" {
			t.Errorf("%s: %+v", p, r)
		}
		for _, o := range r.Outputs {
			if st, err := os.Stat(o); err != nil || st.Size() == 0 {
				t.Errorf("%s: output %s: %v", p, o, err)
			}
		}
	}
	if r := by[bad]; r.Status != StatusFailed || !strings.Contains(r.Error, "bad.json:1:17") || len(r.Outputs) != 0 {
		t.Errorf("unreadable input: %+v", r)
	}
	if r := by[wrong]; r.Status != StatusErrors || r.Errors == 0 || len(r.Outputs) != 0 {
		t.Errorf("input with check errors: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(out, "wrong.xlsx")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("wrong.xlsx written for a department with errors (err %v)", err)
	}
	// Inputs are sorted, so in/d000.json comes before in/other/d000.json.
	if r := by[dup]; r.Status != StatusFailed || !strings.Contains(r.Error, "相同") {
		t.Errorf("input with a repeated output name: %+v", r)
	}
	// With Force the department with errors gets its files.
	_, rs, _ = runAll(t, context.Background(), []string{wrong}, Options{Out: out, Force: true, Formats: []string{"xlsx"}})
	if len(rs) != 1 || rs[0].Status != StatusErrors || len(rs[0].Outputs) != 1 {
		t.Errorf("--force: %+v", rs)
	}
	noTemps(t, out)

	// The summary workbook: a row per department, totals as numbers, a blank
	// total (no 表一) left empty, and every finding on the second sheet.
	if err := WriteReports(out, rs0(all, out, t), time.Time{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(out, SummaryName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("部门汇总")
	var header []string
	cells := map[string][]string{}
	for _, row := range rows {
		if len(row) > 1 && row[0] == "序号" {
			header = row
		}
		if len(row) > 1 {
			cells[filepath.Base(row[1])] = row
		}
	}
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, header)
		return 0
	}
	get := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	if r := cells["d001.json"]; get(r, col("状态")) != "通过" || get(r, col("收入总计")) != "231.79" || get(r, col("部门")) != "测试部门001" {
		t.Errorf("summary row of d001: %q", r)
	}
	if r := cells["bad.json"]; get(r, col("状态")) != "失败" || get(r, col("收入总计")) != "" || !strings.Contains(get(r, col("说明")), "bad.json") {
		t.Errorf("summary row of bad.json: %q", r)
	}
	if r := cells["wrong.json"]; get(r, col("状态")) != "有错误" || get(r, col("错误")) == "0" {
		t.Errorf("summary row of wrong.json: %q", r)
	}
	frows, _ := f.GetRows("全部发现")
	var wrongErrors int
	for _, row := range frows {
		if len(row) > 2 && filepath.Base(row[0]) == "wrong.json" && row[2] == "错误" {
			wrongErrors++
		}
	}
	if wrongErrors != by[wrong].Errors {
		t.Errorf("全部发现 lists %d errors of wrong.json, want %d", wrongErrors, by[wrong].Errors)
	}
}

// rs0 runs the whole folder again (without Force) for the summary test.
func rs0(all []string, out string, t *testing.T) *Report {
	rep, _, err := runAll(t, context.Background(), all, Options{Out: out, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// runAll is Run with the report closed at the end of the test.
func runAll(t testing.TB, ctx context.Context, paths []string, o Options) (*Report, []Result, error) {
	rep, err := Run(ctx, paths, o)
	if rep == nil {
		return nil, nil, err
	}
	t.Cleanup(func() { rep.Close() })
	return rep, rep.Results, err
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestResume(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir, 4)
	out := filepath.Join(dir, "out")
	o := Options{Out: out, Formats: []string{"xlsx"}, Version: "v1", Resume: true}
	rep, rs, err := runAll(t, context.Background(), paths, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.UpToDate {
			t.Errorf("%s: up to date on the first run", r.Input)
		}
	}
	if err := WriteReports(out, rep, time.Time{}); err != nil {
		t.Fatal(err)
	}
	// Make the outputs clearly newer than the inputs, then change one input.
	past := time.Now().Add(-time.Hour)
	for _, p := range paths {
		os.Chtimes(p, past, past)
	}
	future := time.Now().Add(time.Hour)
	os.Chtimes(paths[2], future, future)
	_, rs, err = runAll(t, context.Background(), paths, o)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if want := i != 2; r.UpToDate != want {
			t.Errorf("%s: UpToDate = %v, want %v", r.Input, r.UpToDate, want)
		}
		if r.Status != StatusOK || r.Warnings == 0 {
			t.Errorf("%s: a resumed department is still checked: %+v", r.Input, r)
		}
	}
	// A new version of gongkai redoes everything.
	o.Version = "v2"
	_, rs, _ = runAll(t, context.Background(), paths, o)
	for _, r := range rs {
		if r.UpToDate {
			t.Errorf("%s: kept after a version change", r.Input)
		}
	}
	// So does a gongkai built after the files were written.
	o.Version, o.VersionTime = "v1", future.Add(time.Hour)
	_, rs, _ = runAll(t, context.Background(), paths, o)
	for _, r := range rs {
		if r.UpToDate {
			t.Errorf("%s: kept although gongkai is newer than its files", r.Input)
		}
	}
}

// Cancelling (Ctrl-C) stops the run after the departments being written:
// fewer results, ErrInterrupted, no temporary or half-written files.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir, 12)
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, rs, err := runAll(t, ctx, paths, Options{Out: out, Jobs: 2, Progress: func(done, total int, r *Result) {
		if done == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	if len(rs) < 2 || len(rs) >= len(paths) {
		t.Errorf("%d results after cancelling at 2 of %d", len(rs), len(paths))
	}
	noTemps(t, out)
	ents, _ := os.ReadDir(out)
	if len(ents) != 2*len(rs) {
		t.Errorf("%d files for %d finished departments", len(ents), len(rs))
	}
	for _, e := range ents {
		if _, err := excelize.OpenFile(filepath.Join(out, e.Name())); strings.HasSuffix(e.Name(), ".xlsx") && err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
	}
}

func TestReportsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir, 2)
	os.WriteFile(filepath.Join(dir, "in", "wrong.json"), broken(), 0o644)
	paths = append(paths, filepath.Join(dir, "in", "wrong.json"))
	rep, _, err := runAll(t, context.Background(), paths, Options{Out: filepath.Join(dir, "out"), Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteReports(dir, rep, time.Time{}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadReports(filepath.Join(dir, ReportName))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	var a, b bytes.Buffer
	for i := range rep.Results {
		r1, err1 := rep.Result(i)
		r2, err2 := back.Result(i)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		WriteJSONL(&a, []Result{r1})
		WriteJSONL(&b, []Result{r2})
	}
	if a.String() != b.String() || !strings.Contains(a.String(), `"findings":[`) {
		t.Errorf("report.jsonl does not read back:\n%s\n%s", a.String(), b.String())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ReportName)); string(got) != a.String() {
		t.Errorf("report.jsonl is not the results in input order:\n%s", got)
	}
	// The same results give the same bytes.
	first, _ := os.ReadFile(filepath.Join(dir, SummaryName))
	WriteReports(dir, back, time.Time{})
	second, _ := os.ReadFile(filepath.Join(dir, SummaryName))
	if !bytes.Equal(first, second) {
		t.Error("核对汇总.xlsx differs between two writes of the same results")
	}
	// A line that is not a result names the file and line.
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(a.String()+"{\"foo\": 1}\n"), 0o644)
	if _, err := ReadReports(bad); err == nil || !strings.Contains(err.Error(), "bad.jsonl:4") {
		t.Errorf("err = %v, want one naming bad.jsonl:4", err)
	}
}

// A workbook input exported into its own directory would be overwritten by
// its output: the department fails with the reason and the input is kept.
func TestOutputThatIsTheInputRefused(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "budget.json")
	if err := os.WriteFile(src, examples.Clean(), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := Run(context.Background(), []string{src}, Options{Out: dir, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	os.Remove(src)
	wb := filepath.Join(dir, "budget.xlsx")
	before, _ := os.ReadFile(wb)
	rep, err := Run(context.Background(), []string{wb}, Options{Out: dir, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	after, _ := os.ReadFile(wb)
	if !bytes.Equal(before, after) {
		t.Error("the input workbook was overwritten")
	}
	if len(rep.Results) != 1 || rep.Results[0].Status != StatusFailed || !strings.Contains(rep.Results[0].Error, "输入文件") {
		t.Errorf("results: %+v", rep.Results)
	}
}

// An input named ".json" does not give hidden outputs.
func TestNoHiddenOutputs(t *testing.T) {
	for in, want := range map[string]string{".json": "disclosure", "d/.budget.json": "budget", "a.b.json": "a.b"} {
		if got := baseName(in); got != want {
			t.Errorf("baseName(%q) = %q, want %q", in, got, want)
		}
	}
}
