// Package server is gongkai's web page and JSON API, for finance staff who
// never use a terminal: upload one input file, see every finding of the
// checks with its table, row and column, preview the tables in their official
// layout, and download the workbook, the table PDF and the JSON.
//
// Its place in gongkai's flow: it drives the same packages as the CLI.
//
//	upload → inputs.Load → check → templates → layout → exporter/xlsx, pdf, html
//
// Routes (docs/api.md describes the API in full):
//
//	GET  /                     the upload page
//	POST /upload               load and check one file, then redirect to its result
//	GET  /r/{id}               findings grouped by severity, downloads, table list
//	GET  /r/{id}/tables        every table previewed in its official layout
//	GET  /r/{id}/tables/{t}    one table
//	GET  /r/{id}/download/{f}  f = xlsx, pdf, doc (the whole document as PDF), html (as a web page), json (the data) or findings.json
//	GET  /template.xlsx        the blank official workbook to fill (?profile=&year=&department=&unit=)
//	GET  /example.json         the bundled example input
//	POST /api/validate         multipart field "file" → findings as JSON
//	POST /api/export?format=xlsx|pdf|doc|html|json  multipart field "file" → the file
//	GET  /api/template         as /template.xlsx, errors as JSON
//	GET  /static/style.css     the page's stylesheet
//	GET  /healthz              "ok"
//
// A ledger of budget lines takes the settings of the command line's ledger
// flags as form fields of the same names (department, year, department-code,
// region, unit; files prior, income and texts), read through inputs.LedgerInput so
// that they mean and check the same. A ledger that lacks its department name
// or year is answered 400: the page with a form asking for them (the upload
// is held in memory, at most PendingTTL, and the form names it in "pending"),
// the API with the missing fields. The result page and the findings JSON show
// what the ledger's build reports: moved cells, totals off, notes.
//
// Nothing is written to disk. An upload is read into memory (at most
// Options.MaxUpload bytes; a multipart form is parsed part by part, never
// spilled to temporary files) and its loaded result is held in a small
// in-memory cache (Options.CacheSize entries, each for Options.CacheTTL), so
// the download buttons work without uploading again; a result that has left
// the cache asks for the file again. The uploaded file name is used only,
// cleaned, as the name of downloads, never as a path.
//
// Safety: at most Options.MaxConversions loads and exports run at once
// (503 with Retry-After beyond, after waiting Options.QueueWait); each is
// limited to Options.ConversionTimeout; every response carries a strict
// Content-Security-Policy (no script, no inline style), X-Content-Type-Options:
// nosniff, X-Frame-Options: DENY and Referrer-Policy: no-referrer. Malformed
// input gives the importer's located error (JSON path, line) as a 422, never a
// 500. ListenAndServe binds where it is told (the CLI defaults to 127.0.0.1)
// and shuts down cleanly, finishing running requests, when its context ends.
package server
