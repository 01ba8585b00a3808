// Command gencorpus writes a corpus of N department inputs for the batch
// benchmark (bench/batch.sh): copies of the bundled 2023 example, each with
// its own department name and code, spread over folders of 100 as a region
// would keep them (county/department.json). With -rows it writes instead
// one input whose 表五 has that many function rows, for the large-input
// figures.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"

	"gongkai/examples"
)

func main() {
	n := flag.Int("n", 2000, "number of departments")
	dir := flag.String("o", "corpus", "output folder")
	rows := flag.Int("rows", 0, "write one input with this many 表五 rows instead")
	flag.Parse()
	if *rows > 0 {
		if err := large(*dir, *rows); err != nil {
			log.Fatal(err)
		}
		return
	}
	sample := examples.Sample()
	for i := range *n {
		sub := filepath.Join(*dir, fmt.Sprintf("county%02d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			log.Fatal(err)
		}
		b := bytes.ReplaceAll(sample, []byte("天门市12345公共服务热线中心"), []byte(fmt.Sprintf("示例市第%04d号预算单位", i)))
		b = bytes.ReplaceAll(b, []byte(`"526003"`), []byte(strconv.Quote(fmt.Sprintf("%06d", 600000+i))))
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("dept%04d.json", i)), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// large writes dir/large-ROWS.json: the example with 表五's detail rows
// repeated until the table has the given number of rows. The totals no
// longer add up, which the checks report; the export is what is measured
// (batch --force, export --force).
func large(dir string, rows int) error {
	var d map[string]any
	if err := json.Unmarshal(examples.Sample(), &d); err != nil {
		return err
	}
	t05 := d["tables"].(map[string]any)["t05"].(map[string]any)
	base := t05["rows"].([]any)
	var detail []any
	for _, r := range base {
		if r.(map[string]any)["level"] == "detail" {
			detail = append(detail, r)
		}
	}
	out := append([]any(nil), base...)
	for i := 0; len(out) < rows; i++ {
		out = append(out, detail[i%len(detail)])
	}
	t05["rows"] = out
	b, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "large-"+strconv.Itoa(rows)+".json"), b, 0o644)
}
