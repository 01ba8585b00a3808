// Package jsonin reads a department's disclosure in gongkai's JSON input
// format (docs/input-format.md, schema docs/disclosure.schema.json) into a
// model.Disclosure.
//
// It is one of the importers at the start of gongkai's one-way flow
//
//	importer/jsonin → model → check → templates → layout → exporter
//
// and imports only model. The rules come from the model types themselves:
// the reader walks the input against their json tags by reflection, so a
// field added to the model is accepted here at once, and anything else is an
// unknown field.
//
// Reading is strict and reports every problem at once: unknown or repeated
// fields, missing required fields (department, year, unit; level of every
// row; …), amounts that are not plain decimals ("1,234.00", "12,3x"), values
// outside their list (unit 万元 or 元; row levels; income keys), and JSON
// syntax errors with line and column. Amounts keep their stated precision
// and are never converted through float64; "" and null are blank cells,
// distinct from "0.00".
package jsonin
