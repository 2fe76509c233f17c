#!/usr/bin/env bash
# What ShellCheck costs inside shipshape, against ShellCheck alone on the same scripts.
#
#   bash bench/shellcheck.sh [path/to/shipshape] [corpus folder] [runs]
#
# 1. shipshape writes the scripts it gives ShellCheck to a folder (SHIPSHAPE_SHELLCHECK_SCRIPTS),
#    one sub-folder per dialect.
# 2. Alternating, `runs` times each: shipshape on every file with --shellcheck never, shipshape
#    with --shellcheck always, and ShellCheck alone on the extracted scripts, batched the way
#    one would by hand (xargs, 200 files per process, one process per core, same flags).
# Prints the median wall time of each and the ratio shipshape-with-ShellCheck / ShellCheck alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/shipshape}")
corpus=${2:-$root/../shared/corpus/files}
runs=${3:-3}
jobs=$(nproc)
command -v shellcheck >/dev/null || { echo "shellcheck is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(find "$corpus" -type f | sort)

SHIPSHAPE_SHELLCHECK_SCRIPTS=$tmp/scripts "$bin" lint --shellcheck always -f json -j "$jobs" \
  "${files[@]}" >/dev/null || [[ $? == 1 ]]
scripts=$(find "$tmp/scripts" -name '*.sh' | wc -l)
bytes=$(find "$tmp/scripts" -name '*.sh' -exec cat {} + | wc -c)

now() { date +%s.%N; }
shipshape_never() { "$bin" lint --shellcheck never -f json -j "$jobs" "${files[@]}" >/dev/null || [[ $? == 1 ]]; }
shipshape_always() { "$bin" lint --shellcheck always -f json -j "$jobs" "${files[@]}" >/dev/null || [[ $? == 1 ]]; }
shellcheck_alone() {
  local d
  for d in "$tmp"/scripts/*/; do
    find "$d" -name '*.sh' -print0 |
      LC_ALL=C.UTF-8 xargs -0 -P "$jobs" -n 200 shellcheck --norc --format=json1 \
        --severity=style --shell="$(basename "$d")" >/dev/null || true
  done
}
declare -A times
for ((i = 0; i < runs; i++)); do
  for t in shipshape_never shipshape_always shellcheck_alone; do
    start=$(now)
    "$t"
    times[$t]+="$(awk -v a="$start" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}') "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_never=$(echo "${times[shipshape_never]}" | median)
m_always=$(echo "${times[shipshape_always]}" | median)
m_alone=$(echo "${times[shellcheck_alone]}" | median)
echo "machine: $jobs cores; $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"
echo "corpus: ${#files[@]} Dockerfiles, $scripts RUN scripts ($bytes bytes) given to ShellCheck"
echo "runs: $runs each, alternating; median wall seconds"
printf '%-40s %8.2f s   (all runs: %s)\n' "shipshape --shellcheck never" "$m_never" "${times[shipshape_never]}"
printf '%-40s %8.2f s   (all runs: %s)\n' "shipshape --shellcheck always" "$m_always" "${times[shipshape_always]}"
printf '%-40s %8.2f s   (all runs: %s)\n' "shellcheck alone, same scripts" "$m_alone" "${times[shellcheck_alone]}"
awk -v a="$m_always" -v b="$m_alone" 'BEGIN {printf "ratio shipshape-with-ShellCheck / ShellCheck alone: %.3f\n", a / b}'
