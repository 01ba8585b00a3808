// Package model is the data of a department budget disclosure (部门预算公开):
// the ten standard tables as stated, the figures of the narrative, and the
// findings that checks make about them.
//
// It sits in the middle of gongkai's one-way flow
//
//	importer → model → check → templates → layout → exporter
//
// and imports none of the other packages. It does no I/O. Amounts are
// decimals (Amount), never float64, and a blank amount is distinct from 0.
package model
