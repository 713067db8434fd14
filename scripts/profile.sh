#!/usr/bin/env bash
# make profile: counts instructions with valgrind's callgrind (repeatable on a busy machine)
# over a small generated set, serially, and prints the total and the top functions.
# valgrind cannot read the debug information of Swift 6.3's release binaries here, so it runs
# on a copy with the debug information stripped (the symbols stay, which is all it needs).
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-bench/profile
data=$work/data
mkdir -p "$work"
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install valgrind" >&2; exit 1; }
[ -f "$data/projects.csv" ] || .build/release/outcome-eval sample-data --seed 5 --projects 3 --scale 20 --out "$data" 2> /dev/null
cp .build/release/outcome-eval "$work/outcome-eval" && strip -g "$work/outcome-eval"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/outcome-eval" run --data "$data" \
  --indicators Indicators --period 2026Q3 --out "$work/out" --serial --quiet 2>&1 | grep -E "Collected" || true
callgrind_annotate "$work/callgrind.out" > "$work/annotate.txt" 2> /dev/null
sed -n '/PROGRAM TOTALS/,$p' "$work/annotate.txt" | sed -n 1,20p | cut -c1-160
