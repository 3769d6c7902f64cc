#!/usr/bin/env bash
# Build corpus with profile-guided optimization (PGO).
#
#   bench/pgo.sh          builds target/pgo/release/corpus and prints its path
#
# An instrumented build analyzes a training set (the seed articles, each
# copied 200 times, and the test fixtures: NFD, legacy encodings, a
# binary file); llvm-profdata merges what it counted; a second release
# build uses the counts to lay out hot paths and choose what to inline.
# The output is the same as a plain `cargo build --release` binary's
# (the code is the same; .ci/run compares them); only its speed differs.
#
# Needs an llvm-profdata that reads the raw profiles of rustc's LLVM:
# rustup's llvm-tools component, or Debian's llvm-19 (apt-get install
# llvm-19) for rustc 1.95 (LLVM 22). LLVM_PROFDATA=/path overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/target/pgo-data
mkdir -p "$DATA"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# the llvm-profdata to use: the first that reads rustc's raw profiles
# (an older one warns "unsupported instrumentation profile format")
profdata_merge() {
  local candidates=() tool
  [ -n "${LLVM_PROFDATA:-}" ] && candidates+=("$LLVM_PROFDATA")
  candidates+=("$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-profdata)
  candidates+=($(ls -d /usr/lib/llvm-*/bin/llvm-profdata 2>/dev/null | sort -t- -k2 -n -r))
  candidates+=(llvm-profdata)
  for tool in "${candidates[@]}"; do
    command -v "$tool" > /dev/null 2>&1 || continue
    if "$tool" merge --failure-mode=all -o "$1" "$DATA"/raw/*.profraw 2> "$WORK/merge.log" \
        && ! grep -q . "$WORK/merge.log"; then
      return 0
    fi
  done
  echo "bench/pgo.sh: no llvm-profdata reads rustc's profiles ($(rustc -vV | grep LLVM));" \
    "install one (apt-get install llvm-19) or set LLVM_PROFDATA" >&2
  return 1
}

# the instrumented build
RUSTFLAGS="-Cprofile-generate=$DATA/raw" CARGO_TARGET_DIR="$ROOT/target/pgo-gen" \
  cargo build --release --locked --quiet

# the profile, made again only when the instrumented binary changed:
# rustc tracks the profile file, and a new one (its counts vary a little
# from run to run, with hash-map seeds) would rebuild everything
if [ ! "$DATA/merged.profdata" -nt "$ROOT/target/pgo-gen/release/corpus" ]; then
  mkdir -p "$WORK/train"
  for f in seeds/*.txt; do
    for i in $(seq 200); do cp "$f" "$WORK/train/$i-$(basename "$f")"; done
  done
  rm -rf "$DATA/raw"
  # some fixtures are bad input on purpose: the exit code says so
  "$ROOT/target/pgo-gen/release/corpus" analyze --quiet --jobs 1 "$WORK/train" tests/fixtures \
    > /dev/null || true
  profdata_merge "$WORK/merged.profdata"
  cp "$WORK/merged.profdata" "$DATA/merged.profdata"
fi

# the optimized build
RUSTFLAGS="-Cprofile-use=$DATA/merged.profdata" CARGO_TARGET_DIR="$ROOT/target/pgo" \
  cargo build --release --locked --quiet
echo "$ROOT/target/pgo/release/corpus"
