#!/bin/sh
# bench/batchledger.sh — the batch-over-ledgers figures of the README and
# docs/batch.md: N generated ledgers (bench/genledger, each its own seed) of
# LINES budget lines each, as CSV, through one 'gongkai batch -j JOBS'
# process (each ledger read, built with controlled rounding, checked, and
# written as a ten-sheet workbook and a ten-table PDF). Prints wall time,
# departments a second, CPU milliseconds a department (user + system) and
# the peak RSS.
#
#   bench/batchledger.sh                 # N=200, LINES=300, JOBS=2
#   LINES=3000 bench/batchledger.sh
#
# Needs GNU time (/usr/bin/time, Debian package time).
set -eu
N=${N:-200}
LINES=${LINES:-300}
JOBS=${JOBS:-2}
GO=${GO:-go}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
$GO build -o "$work/gongkai" ./cmd/gongkai
$GO build -o "$work/genledger" ./bench/genledger
mkdir "$work/in"
i=0
while [ "$i" -lt "$N" ]; do
  "$work/genledger" -n "$LINES" -units 10 -seed "$i" -o "$work/in/d$(printf %04d "$i").csv"
  i=$((i + 1))
done
load0=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
/usr/bin/time -v "$work/gongkai" batch "$work/in" -o "$work/out" -j "$JOBS" -q >"$work/stdout" 2>"$work/time" || true
load1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
cat "$work/stdout"
grep -v '^\s' "$work/time" | grep -v 'Command being timed' | head -5 || true
echo "load (1-minute average) before/after: $load0 / $load1"
awk -v n="$N" -v lines="$LINES" -v jobs="$JOBS" -F': ' '
  /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {rss=$2}
  /Elapsed/ {split($2, t, ":"); wall = (length(t) == 3) ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2]}
  END {
    printf "ledgers: %d of %d lines  jobs: %d  wall: %.1f s  %.1f departments/s\n", n, lines, jobs, wall, n/wall
    printf "CPU: %.1f s user+system, %.1f ms a department\n", u+s, (u+s)*1000/n
    printf "peak RSS: %.0f MB\n", rss/1024
  }' "$work/time"
