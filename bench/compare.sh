#!/usr/bin/env bash
# Times `bouncelens summary` on a generated export against a plain Python csv+re baseline that
# does the same grouping (reply code and enhanced code per lead), and prints wall time and peak RSS.
# Usage: bench/compare.sh [ROWS]   (default 1000000; the export is generated once and kept in $OUT)
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
out=${OUT:-${TMPDIR:-/tmp}/bouncelens-bench}
mkdir -p "$out"
go build -o "$out/bouncelens" .
export_csv="$out/export-$rows.csv"
if [ ! -s "$export_csv" ]; then
  "$out/bouncelens" sample --rows "$rows" --seed 1 >"$export_csv"
fi
echo "input: $export_csv, $rows rows, $(du -m "$export_csv" | cut -f1) MB"

cat >"$out/baseline.py" <<'PY'
import collections, csv, re, sys
csv.field_size_limit(1 << 30)
code = re.compile(r"(?<![\d.])([245]\d\d)(?:[ -]+#?([245]\.\d{1,3}\.\d{1,3}))?(?![\d.])")
groups = collections.Counter()
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        text = row.get("Email Invalid Cause") or row.get("Email Suspended Cause") or ""
        m = code.search(text)
        groups[(m.group(1), m.group(2)) if m else ("", "")] += 1
for (basic, enhanced), n in groups.most_common():
    print(basic, enhanced, n)
PY

measure() {
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %U s user, %M KiB peak RSS" "$@" >/dev/null
}
measure "bouncelens summary" "$out/bouncelens" summary "$export_csv"
if command -v python3 >/dev/null; then
  measure "python3 csv+re   " python3 "$out/baseline.py" "$export_csv"
fi
