// Command genledger writes a generated ledger of budget lines (a
// department of many units, every fund source and category) for the build
// benchmark (bench/ledger.sh):
//
//	go run ./bench/genledger -n 100000 -o 预算明细.xlsx   # or .csv
//	go run ./bench/genledger -bomb 348 -o bomb.xlsx      # a 明细 sheet unpacking to 348 MB (a 1 MB file)
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"gongkai/internal/ledgergen"
)

func main() {
	n := flag.Int("n", 100_000, "budget lines")
	units := flag.Int("units", 50, "units of the department")
	seed := flag.Uint64("seed", 42, "random seed")
	out := flag.String("o", "预算明细.xlsx", "output file: .xlsx or .csv")
	bomb := flag.Int64("bomb", 0, "write instead a hostile workbook whose 明细 sheet unpacks to this many MB")
	flag.Parse()
	if err := run(*out, ledgergen.Options{Lines: *n, Units: *units, Seed: *seed}, *bomb); err != nil {
		fmt.Fprintln(os.Stderr, "genledger:", err)
		os.Exit(1)
	}
}

func run(out string, o ledgergen.Options, bomb int64) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	switch {
	case bomb > 0:
		err = ledgergen.Bomb(w, bomb<<20)
	case strings.HasSuffix(strings.ToLower(out), ".csv"):
		err = ledgergen.WriteCSV(w, ledgergen.Rows(o))
	default:
		err = ledgergen.WriteXLSX(w, ledgergen.Rows(o))
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
