package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed *.json
var files embed.FS

//go:embed clean/starter.json
var clean []byte

// Clean returns a clean starter: the 2023 example with its published flaws
// corrected (old names, rounding residues, amounts with five places), so
// that check finds nothing in it, not even with Exact, and validate --strict
// passes. 'gongkai sample --clean' prints it.
func Clean() []byte { return clean }

// SampleName is the file name of the example Sample returns.
const SampleName = "tianmen-12345-2023.json"

// Sample returns the 2023 example: a complete, valid input to start from.
func Sample() []byte {
	b, err := files.ReadFile(SampleName)
	if err != nil {
		panic("examples: " + err.Error()) // embedded at build time; cannot happen
	}
	return b
}

// Get returns the example with the given file name, e.g.
// "tianmen-12345-2026.json". The name may be given without ".json".
func Get(name string) ([]byte, error) {
	if b, err := files.ReadFile(name); err == nil {
		return b, nil
	}
	if b, err := files.ReadFile(name + ".json"); err == nil {
		return b, nil
	}
	return nil, fmt.Errorf("examples: no example %q (have %v)", name, Names())
}

// Names lists the bundled examples' file names in sorted order.
func Names() []string {
	ents, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// Profile names the layout profile an example is laid out with: shanghai
// for the Shanghai examples (shanghai-*.json), hubei for the others.
func Profile(name string) string {
	if len(name) >= len("shanghai-") && name[:len("shanghai-")] == "shanghai-" {
		return "shanghai"
	}
	return "hubei"
}

//go:embed tianmen-12345-2023-ledger.csv
var ledgerCSV []byte

// LedgerName is the file name of the example ledger SampleLedger returns.
const LedgerName = "tianmen-12345-2023-ledger.csv"

// SampleLedger returns the 2023 example as a ledger of budget lines (CSV
// with the department details above the header): building it gives the
// tables of Sample.
func SampleLedger() []byte { return append([]byte(nil), ledgerCSV...) }

//go:embed tianmen-12345-2023-texts.csv
var textsCSV []byte

// TextsName is the file name of the example texts SampleTexts returns.
const TextsName = "tianmen-12345-2023-texts.csv"

// SampleTexts returns an example of the written texts of a ledger (the
// two columns 项目,内容 of a 说明 sheet, or of the file of
// 'gongkai build --texts'), in our own wording for the 2023 example.
func SampleTexts() []byte { return append([]byte(nil), textsCSV...) }
