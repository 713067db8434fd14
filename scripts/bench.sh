#!/usr/bin/env bash
# make bench: writes a data set with 'outcome-eval sample-data', times 'wc -l' over the same
# files (the machine's floor for reading them), then 'outcome-eval run' with all sixteen
# indicators (each the median of BENCH_RUNS runs), with one, and with one rank draw, and prints input MB, rows,
# seconds, MB/s, rows/s, peak RSS and the run/wc ratio. BENCH_PROJECTS (100) and BENCH_SCALE
# (230: about 1 GB, 20 M attendance rows) size the set; it is kept in .build-bench/ and reused.
# Beside the run: its floor (`outcome-eval read-floor`: every input read, SHA-256 hashed and
# split into records, nothing else) and a peer, the sixteen indicators in DuckDB
# (bench/duckdb_indicators.py), on clean sets of about 180 MB and 1 GB (BENCH_PEER_SETS,
# projects:scale pairs, "40:96 100:230"; BENCH_PEER=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${BENCH_PROJECTS:-100}
scale=${BENCH_SCALE:-230}
bin=.build/release/outcome-eval
work=.build-bench
data=$work/data-p$projects-s$scale
mkdir -p "$work"

if [ ! -f "$data/projects.csv" ]; then
  rm -rf "$data"
  echo "writing the data set ($projects projects, scale $scale)..." >&2
  "$bin" sample-data --seed 7 --projects "$projects" --scale "$scale" --out "$data"
fi

mapfile -t files < <(find "$data" -name '*.csv' | LC_ALL=C sort)
bytes=$(cat "${files[@]}" | wc -c)
attendance=$(cat "$data"/*/attendance.csv | wc -l)
cat "${files[@]}" > /dev/null   # into the page cache, so both timings read from memory

# A run makes and deletes about 4,400 temporary files on the 1 GB set (libxlsxwriter writes
# each part of a workbook to one, and every workbook is written twice for its check). On ext4
# without a journal (this machine's /) a freed inode is not reused for 30 s and the kernel
# scans past each such inode when it makes a file, so a run started within 30 s of another
# pays for the other's files: up to 3 s of system time more on the 1 GB set. Each run here
# starts BENCH_SETTLE (31) s after the last one ended, as a run on its own would; 0 turns it
# off (BENCHMARKS.md, "A cost of this machine's file system").
settle=${BENCH_SETTLE:-31}
rm -f "$work/last-run"

# This machine's kernel also pages out file pages that no one read for about a minute (DAMON,
# `kdamond`), so a set left alone while others are timed, or over the waits above, may have
# to come from the disk again. Every timing here is of data in memory: the data folder among
# a command's arguments (or the files it names) is read into the page cache first.
warm() {
  local arg
  for arg in "$@"; do
    if [ -f "$arg/projects.csv" ]; then
      find "$arg" -name '*.csv' -exec cat {} + > /dev/null
    elif [ -f "$arg" ] && [[ $arg == *.csv ]]; then
      cat "$arg" > /dev/null
    fi
  done
}

# Wall seconds to the millisecond (bash's own clock) and peak RSS in KB (/usr/bin/time).
wall() {
  local start end
  if [ "${2:-}" = run ] && [ -f "$work/last-run" ]; then
    local wait=$(($(stat -c %Y "$work/last-run") + settle - $(date +%s)))
    [ "$wait" -gt 0 ] && sleep "$wait"
  fi
  warm "$@"
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss.txt" "$@" > /dev/null
  end=$(date +%s.%N)
  [ "${2:-}" = run ] && touch "$work/last-run"
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') $(cat "$work/rss.txt")"
}
# The machine is shared and single runs spread by several per cent: the headline timings are
# the median of BENCH_RUNS runs (3), with the fastest and slowest shown, and the peak RSS the
# largest of them. The output folder is removed before each run, as a fresh run would find it.
runs=${BENCH_RUNS:-3}
median() {
  local out=$1
  shift
  local times=() kb=0 seconds k
  for _ in $(seq "$runs"); do
    [ -n "$out" ] && rm -rf "$out"
    read -r seconds k < <(wall "$@")
    times+=("$seconds")
    [ "$k" -gt "$kb" ] && kb=$k
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v kb="$kb" '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)], t[1], t[NR], kb }'
}
read -r wc_seconds wc_fastest wc_slowest _ < <(median "" wc -l "${files[@]}")
read -r floor_seconds floor_fastest floor_slowest floor_kb < <(median "" "$bin" read-floor --data "$data")

rm -rf "$work/one"
read -r run_seconds run_fastest run_slowest run_kb < <(median "$work/out" "$bin" run --data "$data" --indicators Indicators --period 2026Q3 --out "$work/out" --quiet)
# Rows as the run read them (quoted line breaks make 'wc -l' count more lines than rows).
rows=$(awk -F, 'NR > 1 { n += $5 } END { print n }' "$work/out/2026Q3/data_quality.csv")

# The same run with one indicator, to show what the other fifteen cost.
mkdir -p "$work/one/indicators"
cp Indicators/schema.yaml Indicators/evaluation.yaml "$work/one/"
cp -r Indicators/reference "$work/one/"
cp Indicators/indicators/06-active_participants.yaml "$work/one/indicators/"
read -r one_seconds _ < <(wall "$bin" run --data "$data" --indicators "$work/one" --period 2026Q3 --out "$work/out-one" --quiet)

# The same run with one rank draw instead of evaluation.yaml's 1000, to show what the
# uncertainty analysis (INDICATORS.md, "Uncertainty") costs; a median too, the gap is small.
rm -rf "$work/one-draw"
cp -r Indicators "$work/one-draw"
sed -i 's/^uncertainty: .*/uncertainty: {draws: 1}/' "$work/one-draw/evaluation.yaml"
read -r one_draw_seconds _ < <(median "$work/out-one-draw" "$bin" run --data "$data" --indicators "$work/one-draw" --period 2026Q3 --out "$work/out-one-draw" --quiet)

# Memory against rows: the same participants with twice the attendance rows.
for factor in 1 2; do
  small=$work/memory-x$factor
  [ -f "$small/projects.csv" ] || "$bin" sample-data --seed 11 --projects 10 --scale 60 --attendance-factor "$factor" --out "$small" 2> /dev/null
  read -r _ kb < <(wall "$bin" run --data "$small" --indicators Indicators --period 2026Q3 --out "$work/out-memory" --quiet)
  eval "memory_kb_$factor=$kb"
  eval "attendance_$factor=$(cat "$small"/*/attendance.csv | wc -l)"
done

# One large project: its attendance file is split at record boundaries and parsed in parallel.
big=$work/one-project
[ -f "$big/projects.csv" ] || "$bin" sample-data --seed 3 --projects 1 --scale 3000 --out "$big" 2> /dev/null
big_mb=$(cat "$big"/*/*.csv | wc -c)
cat "$big"/*/*.csv > /dev/null
read -r big_serial _ < <(wall "$bin" run --data "$big" --indicators Indicators --period 2026Q3 --out "$work/out-big" --quiet --serial)
read -r big_parallel big_kb < <(wall "$bin" run --data "$big" --indicators Indicators --period 2026Q3 --out "$work/out-big" --quiet)

awk -v b="$bytes" -v r="$rows" -v a="$attendance" -v p="$projects" -v w="$wc_seconds" -v s="$run_seconds" -v k="$run_kb" -v o="$one_seconds" -v d="$one_draw_seconds" \
  -v n="$runs" -v wf="$wc_fastest" -v ws="$wc_slowest" -v sf="$run_fastest" -v ss="$run_slowest" \
  -v f="$floor_seconds" -v ff="$floor_fastest" -v fs="$floor_slowest" -v fk="$floor_kb" 'BEGIN {
  mb = b / 1e6
  printf "machine          %s, %d cores\n", ENVIRON["HOSTTYPE"] ? ENVIRON["HOSTTYPE"] : "x86_64", '"$(nproc)"'
  printf "input            %.1f MB in %d projects, %d rows (%d attendance)\n", mb, p, r, a - p
  printf "wc -l            %.3f s  %.0f MB/s  (median of %d: %.3f-%.3f s)\n", w, mb / w, n, wf, ws
  printf "outcome-eval run %.2f s  %.1f MB/s  %.0f rows/s  peak RSS %.0f MB  (median of %d: %.2f-%.2f s)\n", s, mb / s, r / s, k / 1024, n, sf, ss
  printf "read floor       %.2f s  %.1f MB/s  peak RSS %.0f MB  (median of %d: %.2f-%.2f s)\n", f, mb / f, fk / 1024, n, ff, fs
  printf "run / wc -l      %.1f\n", s / w
  printf "run / floor      %.2f\n", s / f
  printf "1 indicator      %.2f s (16 indicators cost %.2f times 1)\n", o, s / o
  printf "rank draws       %.2f s of the run (%.1f %%): %.2f s with 1 draw (median of %d)\n", s - d, (s - d) / s * 100, d, n
}'
awk -v a1="$attendance_1" -v a2="$attendance_2" -v m1="$memory_kb_1" -v m2="$memory_kb_2" 'BEGIN {
  printf "memory vs rows   %d -> %d attendance rows (x%.2f), same participants: peak RSS %.0f -> %.0f MB (%+.1f %%)\n", a1, a2, a2 / a1, m1 / 1024, m2 / 1024, (m2 / m1 - 1) * 100
}'
awk -v b="$big_mb" -v s="$big_serial" -v p="$big_parallel" -v k="$big_kb" 'BEGIN {
  printf "one project      %.0f MB: %.2f s serial, %.2f s with its large file split across cores (%.1f MB/s, peak RSS %.0f MB)\n", b / 1e6, s, p, b / 1e6 / p, k / 1024
}'

# The peer: the same sixteen indicators in DuckDB, on clean sets (DuckDB stops at the bad rows
# that sample-data plants otherwise), checked against the run's results.json, then both timed
# in the same minutes (medians of BENCH_RUNS).
[ "${BENCH_PEER:-1}" = 0 ] && exit 0
if ! python3 -c "import duckdb, xlsxwriter" 2> /dev/null; then
  python3 -m pip install -q duckdb xlsxwriter > /dev/null 2>&1 || { echo "peer            skipped: pip cannot install duckdb"; exit 0; }
fi
# The interpreter itself, not a version manager's shim in front of it (pyenv's adds some 80 ms a run).
python=$(python3 -c 'import sys; print(sys.executable)')
for size in ${BENCH_PEER_SETS:-40:96 100:230}; do
  peer_projects=${size%:*} peer_scale=${size#*:}
  clean=$work/clean-p$peer_projects-s$peer_scale
  if [ ! -f "$clean/projects.csv" ]; then
    rm -rf "$clean"
    "$bin" sample-data --clean --seed 7 --projects "$peer_projects" --scale "$peer_scale" --out "$clean" 2> /dev/null
  fi
  clean_mb=$(find "$clean" -name '*.csv' -print0 | xargs -0 cat | wc -c)
  find "$clean" -name '*.csv' -print0 | xargs -0 cat > /dev/null
  peer=("$python" bench/duckdb_indicators.py "$clean" Indicators/reference/seoul_population.csv 2026Q3 "$work/peer.xlsx")
  rm -rf "$work/out-clean"
  "$bin" run --data "$clean" --indicators Indicators --period 2026Q3 --out "$work/out-clean" --quiet > /dev/null
  agreement=$("${peer[@]}" --check "$work/out-clean/2026Q3/results.json" | tail -n 1)
  read -r clean_run _ _ clean_kb < <(median "$work/out-clean" "$bin" run --data "$clean" --indicators Indicators --period 2026Q3 --out "$work/out-clean" --quiet)
  read -r clean_floor _ < <(median "" "$bin" read-floor --data "$clean")
  read -r duck _ _ duck_kb < <(median "" "${peer[@]}")
  awk -v b="$clean_mb" -v r="$clean_run" -v f="$clean_floor" -v d="$duck" -v k="$clean_kb" -v dk="$duck_kb" -v a="$agreement" 'BEGIN {
    printf "peer %6.0f MB   outcome-eval %.2f s (RSS %.0f MB), floor %.2f s, DuckDB %.2f s (RSS %.0f MB): DuckDB / run %.2f, run / floor %.2f; values %s\n", b / 1e6, r, k / 1024, f, d, dk / 1024, d / r, r / f, a
  }'
done
