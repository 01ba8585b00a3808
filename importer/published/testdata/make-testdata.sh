#!/bin/sh
# Regenerates the PDF and Word test files of importer/published the way real
# disclosures are made: LibreOffice (headless) turns a Word file and the
# official workbook into PDF; an encrypted PDF is made with qpdf. (The scanned, image-only page is made by
# the test itself with fpdf.) Needs LibreOffice (writer and calc),
# poppler-utils and qpdf (`make testdata-pdf` installs them); run from the
# repository root:  sh importer/published/testdata/make-testdata.sh
# The outputs are committed, so `make test` does not need LibreOffice
# (about 220 MB installed, 2-3 s per conversion).
set -eu
here=importer/published/testdata
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Word file: the narrative and one table, written as HTML, saved by Writer.
cp $here/disclosure.html "$tmp/disclosure.html"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/disclosure.html" >/dev/null
cp "$tmp/disclosure.docx" $here/disclosure.docx
# PDF from the Word file.
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/disclosure.docx" >/dev/null
cp "$tmp/disclosure.pdf" $here/lo-docx.pdf

# PDF of the ten tables from the official workbook gongkai writes.
go run ./cmd/gongkai export examples/tianmen-12345-2023.json --format xlsx -o "$tmp/" >/dev/null
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/tianmen-12345-2023.xlsx" >/dev/null
cp "$tmp/tianmen-12345-2023.pdf" $here/lo-xlsx.pdf

# Pages shown upright through /Rotate with their content drawn sideways
# (what a rotated scan or a "rotate page" in a viewer saves).
qpdf --rotate=+90 $here/lo-docx.pdf "$tmp/a1.pdf"
qpdf --flatten-rotation "$tmp/a1.pdf" "$tmp/a2.pdf"
qpdf --rotate=-90 "$tmp/a2.pdf" $here/rotated-270.pdf
qpdf --rotate=-90 $here/lo-docx.pdf "$tmp/b1.pdf"
qpdf --flatten-rotation "$tmp/b1.pdf" "$tmp/b2.pdf"
qpdf --rotate=+90 "$tmp/b2.pdf" $here/rotated-90.pdf

# A password-protected PDF.
qpdf --encrypt secret secret 256 -- $here/lo-docx.pdf $here/encrypted.pdf
ls -l $here
