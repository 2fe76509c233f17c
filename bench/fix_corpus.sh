#!/usr/bin/env bash
# Checks the fix loop over a copy of the corpus, for safe fixes and for unsafe ones too:
# every file converges, no fixed file gains a syntax error (DL1000), a second `--fix` changes
# nothing, and per rule how many findings remain after fixing and how many of those still
# offer a fix. Prints the numbers; exits 1 when a property fails.
#   bash bench/fix_corpus.sh [shipshape binary] [corpus folder]
set -euo pipefail
bin=$(realpath "${1:-build/shipshape}")
corpus=$(realpath "${2:-../shared/corpus/files}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() {  # count FILE.json -> "code total with_fix" lines
  python3 - "$1" <<'PY'
import json, sys, collections
total, fixable = collections.Counter(), collections.Counter()
for d in json.load(open(sys.argv[1])):
    total[d["code"]] += 1
    if d.get("fix") and d["fix"]["applicability"] in ("safe", "unsafe"):
        fixable[(d["code"], d["fix"]["applicability"])] += 1
for c in sorted(total):
    print(c, total[c], fixable[(c, "safe")], fixable[(c, "unsafe")])
PY
}
status=0
for level in safe unsafe; do
  flags=(--shellcheck never -j "$(nproc)")
  [[ $level == unsafe ]] && fix=(--fix --unsafe-fixes) || fix=(--fix)
  rm -rf "$work/files" && cp -r "$corpus" "$work/files"
  "$bin" lint "${flags[@]}" -f json "$work/files" >"$work/before.json" 2>/dev/null || true
  start=$(date +%s%N)
  "$bin" lint "${flags[@]}" "${fix[@]}" -f json "$work/files" >"$work/after.json" 2>"$work/fix.err" || true
  end=$(date +%s%N)
  "$bin" lint "${flags[@]}" "${fix[@]}" -f json "$work/files" >/dev/null 2>"$work/again.err" || true
  changed=$( (diff -rq "$corpus" "$work/files" || true) | wc -l)
  echo "== ${fix[*]}: $(tail -1 "$work/fix.err") ($changed files changed, $(( (end - start) / 1000000 )) ms)"
  echo "   not converged: $(grep -c 'failed to converge' "$work/fix.err" || true)," \
       "dropped for a syntax error: $(grep -c 'fixes dropped' "$work/fix.err" || true)," \
       "second run: $(tail -1 "$work/again.err")"
  count "$work/before.json" >"$work/before.txt"
  count "$work/after.json" >"$work/after.txt"
  b=$(awk '$1=="DL1000"{print $2}' "$work/before.txt"); a=$(awk '$1=="DL1000"{print $2}' "$work/after.txt")
  echo "   syntax errors (DL1000) before ${b:-0}, after ${a:-0}"
  # Ignore pragmas may only go where SP101 (unused suppression) said they were unused.
  pragma_check=$(python3 - "$corpus" "$work/files" "$work/before.json" <<'PY'
import collections, json, os, re, sys
orig, fixed, before = sys.argv[1:4]
unused = collections.Counter(d["file"] for d in json.load(open(before)) if d["code"] == "SP101")
pragma = re.compile(r"^\s*#\s*(hadolint|shipshape)\b.*ignore", re.I)
count = lambda p: sum(1 for l in open(p, errors="replace") if pragma.match(l))
removed = bad = 0
for root, _, names in os.walk(fixed):
    for n in names:
        p = os.path.join(root, n)
        d = count(os.path.join(orig, os.path.relpath(p, fixed))) - count(p)
        removed += max(d, 0)
        bad += d > unused[p]
print(removed, bad)
PY
)
  echo "   ignore-pragma lines removed: ${pragma_check% *}; files losing more than SP101 flagged: ${pragma_check#* }"
  [[ ${pragma_check#* } == 0 ]] || status=1
  grep -q 'failed to converge\|fixes dropped' "$work/fix.err" && status=1
  grep -q 'fixed 0 findings' "$work/again.err" || status=1
  [[ ${a:-0} -le ${b:-0} ]] || status=1
  echo "   code     before  after  (after, still fixable at this level)"
  join -a1 -e0 -o '0,1.2,2.2,2.3,2.4' <(sort "$work/before.txt") <(sort "$work/after.txt") |
    awk -v level="$level" '{ left = level == "safe" ? $4 : $4 + $5;
      if ($2 != $3 || left > 0) printf "   %-8s %6d %6d  (%d)\n", $1, $2, $3, left }' | sort
done
exit $status
