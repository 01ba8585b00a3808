#!/bin/sh
# bench/batch.sh — the batch figures of the README: a generated corpus of N
# departments (copies of the bundled 2023 example under their own names)
# through one 'gongkai batch -j JOBS' process, full packages (ten-sheet
# workbook and ten-table PDF). Prints departments a second (wall), CPU
# milliseconds a department (user + system, GC included: the figure that does
# not depend on what else the machine runs) and the peak RSS.
#
#   bench/batch.sh            # N=2000, JOBS=2
#   N=300 bench/batch.sh      # memory per department: compare the peak RSS of
#   N=10000 bench/batch.sh    #   a small and a large batch
#
# Needs GNU time (/usr/bin/time, Debian package time) for the peak RSS.
set -eu
N=${N:-2000}
JOBS=${JOBS:-2}
GO=${GO:-go}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
$GO build -o "$work/gongkai" ./cmd/gongkai
$GO run ./bench/gencorpus -n "$N" -o "$work/corpus"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$work/gongkai" batch "$work/corpus" -o "$work/out" -j "$JOBS" -q >"$work/stdout" 2>"$work/time" || true
else
  echo "no /usr/bin/time (Debian package time): no CPU and RSS figures" >&2
  "$work/gongkai" batch "$work/corpus" -o "$work/out" -j "$JOBS" -q >"$work/stdout" || true
fi
cat "$work/stdout"
awk -v n="$N" -v jobs="$JOBS" -F': ' '
  /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {rss=$2}
  /Elapsed/ {split($2, t, ":"); wall = (length(t) == 3) ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2]}
  END {
    if (wall > 0) printf "departments: %d  jobs: %d  wall: %.1f s  %.0f departments/s\n", n, jobs, wall, n/wall
    if (u+s > 0) printf "CPU: %.1f s user+system, %.2f ms a department (at most %.0f departments/s on %d busy cores)\n", u+s, (u+s)*1000/n, jobs*n/(u+s), jobs
    if (rss > 0) printf "peak RSS: %.0f MB\n", rss/1024
  }' "$work/time" 2>/dev/null || true
