#!/usr/bin/env bash
# Benchmark corpus against the cost of reading the files.
#
#   bench/run.sh [SIZES_MB...]        default: 10 100 400
#   RUNS=5 bench/run.sh 100
#   PGO=1 bench/run.sh                 the binary of bench/pgo.sh instead
#                                      of a plain `cargo build --release`
#
# For each size, makes a corpus with ../shared/bench/make_corpus.py (kept
# under bench/out/), then runs, interleaved and RUNS times each:
#   cat of all files (the floor: reading them), corpus --format jsonl,
#   corpus --format json, corpus --jobs 1 and --jobs 2 (jsonl),
# all to /dev/null, and reports the median wall time, MB/s, the ratio to
# cat and the peak RSS (from /usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100 400)
MAKE=../shared/bench/make_corpus.py
[ -f "$MAKE" ] || { echo "missing $MAKE" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
if [ "${PGO:-0}" = 1 ]; then
  BIN=$(bench/pgo.sh)
  echo "binary: $BIN (profile-guided, bench/pgo.sh)"
else
  cargo build --release --quiet
  BIN=$PWD/target/release/corpus
  echo "binary: $BIN (cargo build --release)"
fi
mkdir -p bench/out

# time_cmd LABEL CMD... -> appends "label seconds rss_kb" to $RESULTS
time_cmd() {
  local label=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -v -o "$t" "$@" > /dev/null 2>>bench/out/stderr.log || true
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$t" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")
  echo "$label $secs $rss" >> "$RESULTS"
  rm -f "$t"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

printf '| corpus | files | cat s | jsonl s | jsonl MB/s | jsonl/cat | json s | json/cat | --jobs 1 s | --jobs 2 s | 2 vs 1 thread | peak RSS jsonl | peak RSS json |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for mb in "${SIZES[@]}"; do
  dir=bench/out/c$mb
  if [ ! -d "$dir" ]; then
    python3 "$MAKE" --mb "$mb" --out "$dir" > /dev/null
  fi
  files=$(find "$dir" -name '*.txt' | wc -l)
  bytes=$(find "$dir" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  RESULTS=$(mktemp)
  find "$dir" -name '*.txt' -print0 | xargs -0 cat > /dev/null   # warm the page cache
  for _ in $(seq "$RUNS"); do
    time_cmd cat sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 cat"
    time_cmd jsonl "$BIN" analyze --format jsonl "$dir"
    time_cmd json "$BIN" analyze --format json "$dir"
    time_cmd jobs1 "$BIN" analyze --format jsonl --jobs 1 "$dir"
    time_cmd jobs2 "$BIN" analyze --format jsonl --jobs 2 "$dir"
  done
  m() { awk -v l="$1" '$1==l {print $2}' "$RESULTS" | median; }
  r() { awk -v l="$1" '$1==l {print $3}' "$RESULTS" | sort -n | tail -1; }
  cat_s=$(m cat); jsonl_s=$(m jsonl); json_s=$(m json); j1=$(m jobs1); j2=$(m jobs2)
  awk -v mb="$mb" -v files="$files" -v bytes="$bytes" -v c="$cat_s" -v l="$jsonl_s" -v j="$json_s" \
      -v j1="$j1" -v j2="$j2" -v rl="$(r jsonl)" -v rj="$(r json)" 'BEGIN {
    printf "| %d MB | %d | %.2f | %.2f | %.1f | %.1fx | %.2f | %.1fx | %.2f | %.2f | %.2fx | %.0f MB | %.0f MB |\n",
      mb, files, c, l, bytes/1e6/l, l/c, j, j/c, j1, j2, j1/j2, rl/1024, rj/1024 }'
  rm -f "$RESULTS"
done
