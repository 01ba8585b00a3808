#!/bin/sh
# bench/compare.sh — what finance staff do today (open the workbook in an
# office suite, save as PDF) beside gongkai: N departments' workbooks, which
# gongkai writes, converted to PDF by LibreOffice headless in one soffice
# process, and the same departments' PDFs written by one 'gongkai batch'.
# Prints both times and the ratio. `make compare` installs LibreOffice first.
#
#   bench/compare.sh          # N=20
#   N=50 bench/compare.sh
set -eu
N=${N:-20}
GO=${GO:-go}
cd "$(dirname "$0")/.."
command -v soffice >/dev/null 2>&1 || { echo "compare: soffice (LibreOffice) is not installed; run make compare" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
$GO build -o "$work/gongkai" ./cmd/gongkai
$GO run ./bench/gencorpus -n "$N" -o "$work/corpus"
"$work/gongkai" batch "$work/corpus" -o "$work/xlsx" --format xlsx -q >/dev/null

now() { date +%s.%N; }
# gongkai: the PDFs of the same departments, from their inputs.
t0=$(now)
"$work/gongkai" batch "$work/corpus" -o "$work/gk" --format pdf -j 2 -q >/dev/null
t1=$(now)
# LibreOffice: every workbook to PDF in one process (its own profile, so a
# running office suite or an earlier run does not interfere).
set -- "$work"/xlsx/dept*.xlsx
t2=$(now)
HOME="$work/home" soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
  --convert-to pdf --outdir "$work/lo" "$@" >"$work/lo.log" 2>&1
t3=$(now)
n_lo=$(ls "$work"/lo/*.pdf 2>/dev/null | wc -l)
n_gk=$(ls "$work"/gk/*.pdf 2>/dev/null | wc -l)
pages_lo=$(pdfinfo "$work"/lo/dept0000.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
pages_gk=$(pdfinfo "$work"/gk/dept0000.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
awk -v n="$N" -v gk="$(echo "$t1 - $t0" | bc)" -v lo="$(echo "$t3 - $t2" | bc)" \
    -v nlo="$n_lo" -v ngk="$n_gk" -v plo="${pages_lo:-?}" -v pgk="${pages_gk:-?}" 'BEGIN {
  printf "%d departments, ten tables each\n", n
  printf "gongkai batch (-j 2), from the inputs:     %6.2f s  %7.1f ms a PDF  (%d PDFs, %s pages each)\n", gk, gk*1000/n, ngk, pgk
  printf "LibreOffice headless, from the workbooks: %6.2f s  %7.1f ms a PDF  (%d PDFs, %s pages each)\n", lo, lo*1000/n, nlo, plo
  if (gk > 0) printf "ratio: LibreOffice takes %.0f times as long\n", lo/gk
}'
