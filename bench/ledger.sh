#!/bin/sh
# bench/ledger.sh — the build figures of the README: one 'gongkai build'
# process on a generated ledger of N budget lines (bench/genledger), as CSV,
# as a workbook written by excelize, as the same workbook saved by
# LibreOffice (when soffice is installed), and on a hostile workbook whose
# 明细 sheet unpacks to BOMB MB from a 1 MB file (refused: exit 2). Prints
# wall time, CPU (user + system) and peak RSS of each.
#
#   bench/ledger.sh            # N=100000, BOMB=348
#   N=200000 bench/ledger.sh   # at the row limit
#
# Needs GNU time (/usr/bin/time, Debian package time).
set -eu
N=${N:-100000}
BOMB=${BOMB:-348}
GO=${GO:-go}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
$GO build -o "$work/gongkai" ./cmd/gongkai
$GO run ./bench/genledger -n "$N" -o "$work/ledger.csv"
$GO run ./bench/genledger -n "$N" -o "$work/ledger.xlsx"
$GO run ./bench/genledger -bomb "$BOMB" -o "$work/bomb.xlsx"
files="ledger.csv ledger.xlsx"
if command -v soffice >/dev/null 2>&1; then
  mkdir "$work/lo"
  soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
    --convert-to xlsx --outdir "$work/lo" "$work/ledger.xlsx" >/dev/null 2>&1 &&
    mv "$work/lo/ledger.xlsx" "$work/ledger-libreoffice.xlsx" && files="$files ledger-libreoffice.xlsx"
else
  echo "no soffice (Debian package libreoffice-calc): no LibreOffice-saved workbook" >&2
fi
files="$files bomb.xlsx"
printf '%-24s %9s %6s %8s %8s %5s\n' file size wall cpu rss exit
for f in $files; do
  status=0
  /usr/bin/time -v "$work/gongkai" build "$work/$f" -o "$work/out.json" >/dev/null 2>"$work/time" || status=$?
  awk -v f="$f" -v size="$(wc -c <"$work/$f")" -v status="$status" -F': ' '
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {rss=$2}
    /Elapsed/ {split($2, t, ":"); wall = (length(t) == 3) ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2]}
    END {printf "%-24s %7.1f MB %5.2fs %7.2fs %5.0f MB %5d\n", f, size/1048576, wall, u+s, rss/1024, status}' "$work/time"
  if [ "$status" -ge 2 ]; then grep -v '^\s' "$work/time" | grep -v 'Command being timed' | head -3 | sed 's/^/    /'; fi
done
