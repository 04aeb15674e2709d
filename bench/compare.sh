#!/usr/bin/env bash
# Times `bouncelens summary` on a generated export against a plain Go baseline (encoding/csv and
# one precompiled regexp, counting the (reply code, enhanced code) pairs of the leads' reasons;
# source in bench/baseline), in the same run, and prints wall time and peak RSS of each.
# Usage: bench/compare.sh [ROWS [RUNS]]   (default 1000000 rows, 3 runs; the export is generated
# once and kept in $OUT, by default $TMPDIR/bouncelens-bench)
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
runs=${2:-3}
out=${OUT:-${TMPDIR:-/tmp}/bouncelens-bench}
mkdir -p "$out"
go build -o "$out/bouncelens" .
go build -o "$out/baseline" ./bench/baseline
export_csv="$out/export-$rows.csv"
if [ ! -s "$export_csv" ]; then
  "$out/bouncelens" sample --rows "$rows" --seed 1 >"$export_csv"
fi
echo "input: $export_csv, $rows rows, $(du -m "$export_csv" | cut -f1) MB"

measure() {
  local name=$1; shift
  printf '%-20s ' "$name"
  /usr/bin/time -f '%e s %M KB  (%U s user, %S s sys)' "$@" 2>&1 >/dev/null | tail -n 1
}
for run in $(seq "$runs"); do
  echo "run $run:"
  measure "bouncelens summary" "$out/bouncelens" summary "$export_csv"
  measure "go csv+regexp" "$out/baseline" "$export_csv"
done
