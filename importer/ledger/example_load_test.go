package ledger_test

import (
	"fmt"

	"gongkai/examples"
	"gongkai/importer/ledger"
)

func ExampleLoad() {
	d, rep, err := ledger.Load(examples.LedgerName, examples.SampleLedger(), ledger.ReadOptions{}, ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t3 := d.Tables.T03.Rows[0]
	fmt.Println(d.Department, d.Year, d.Unit)
	fmt.Println("表三 合计", t3.Total, "=", t3.Personnel, "+", t3.Public, "+", t3.Specific)
	fmt.Println("机关运行经费", d.Narrative.OperatingCosts.Total, "cells", rep.Cells, "moved", len(rep.Moved))
	// Output:
	// 天门市12345公共服务热线中心 2023 万元
	// 表三 合计 231.79 = 44.54 + 7.25 + 180.00
	// 机关运行经费 7.25 cells 23 moved 0
}
