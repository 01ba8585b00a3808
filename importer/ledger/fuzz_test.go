package ledger_test

import (
	"testing"

	"gongkai/examples"
	"gongkai/importer/ledger"
)

// Read and Build never panic: any input gives a disclosure or an error.
func FuzzReadBuild(f *testing.F) {
	f.Add(examples.SampleLedger())
	f.Add([]byte(hdr + "\n" + good + "\n"))
	f.Add([]byte("部门名称,x\n年度,2027\n" + hdr + "\n" + good + "\n,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ledger.Read("f.csv", data, ledger.ReadOptions{Info: ledger.Info{Department: "x", Year: 2027}})
		if err != nil {
			return
		}
		ledger.Build(l, ledger.Options{})
	})
}
