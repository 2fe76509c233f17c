#!/usr/bin/env bash
# shipshape side by side with the Dockerfile linters people run, on this machine (`make bench`).
#
#   bash bench/compare.sh [path/to/shipshape]
#
# Installs what it compares against into a cache folder outside the source tree
# ($SHIPSHAPE_BENCH_CACHE, default ~/.cache/shipshape-bench): the npm linters dockerfile-utils and
# dockerfilelint (`npm install --ignore-scripts`); hyperfine, GNU time, node and ShellCheck come
# from Debian (scripts/setup-deps.sh --bench). Then measures, with hyperfine (warm-up runs, many
# runs, medians; the tools alternate within each comparison):
#   (a) one process per file, on a 30-line and a 300-line Dockerfile of the corpus;
#   (b) the whole corpus in one shipshape process (-j cores and -j 1) against each peer's best
#       way to lint many files (dockerfilelint takes them all; dockerfile-utils' library in one
#       node process), and the peak memory of each (GNU time, maximum resident set);
#   (c) ShellCheck's share: shipshape with --shellcheck always against ShellCheck alone on the
#       same scripts, per file (the whole corpus: bench/shellcheck.sh);
#   (d) growth: Dockerfiles of about 300, 3,000 and 30,000 lines made of corpus files one after
#       another (each one's FROM starts a stage).
# Prints Markdown tables (docs/performance.md keeps the latest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/shipshape}")
shared=${SHIPSHAPE_SHARED_DIR:-$root/../shared}
corpus=$(realpath "$shared/corpus/files")
cache=${SHIPSHAPE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shipshape-bench}
cores=$(nproc)

bash "$root/scripts/setup-deps.sh" --bench
mkdir -p "$cache/npm"
if [[ ! -x $cache/npm/node_modules/.bin/dockerfilelint || ! -x $cache/npm/node_modules/.bin/dockerfile-utils ]]; then
  echo "bench: installing dockerfile-utils and dockerfilelint into $cache/npm" >&2
  npm install --ignore-scripts --no-audit --no-fund --prefix "$cache/npm" \
    dockerfile-utils@0.16.3 dockerfilelint@1.8.0 >/dev/null
fi
export NODE_PATH=$cache/npm/node_modules
dutils=$cache/npm/node_modules/.bin/dockerfile-utils
dlint=$cache/npm/node_modules/.bin/dockerfilelint

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -type f -name '*.Dockerfile' | sort >"$tmp/all.txt"
nfiles=$(wc -l <"$tmp/all.txt")

# The inputs: the first corpus file (in path order) with exactly 30 lines, and the one whose
# line count is closest to 300; documents of ~300, ~3,000 and ~30,000 lines for growth.
xargs -d '\n' wc -l <"$tmp/all.txt" | grep -v ' total$' >"$tmp/lines.txt"
f30=$(awk '$1 == 30 {print $2; exit}' "$tmp/lines.txt")
f300=$(awk '{d = $1 - 300; if (d < 0) d = -d; if (best == "" || d < bd) {best = $2; bd = d}} END {print best}' "$tmp/lines.txt")
for n in 300 3000 30000; do
  awk -v want="$n" '{print $2; total += $1; if (total >= want) exit}' "$tmp/lines.txt" |
    xargs -d '\n' cat >"$tmp/grow-$n.Dockerfile"
done

hf() { hyperfine --style none --shell none --ignore-failure "$@" >/dev/null; }
sl() { echo "$bin lint --shellcheck never --no-color -f json $*"; }

echo "bench: (a) one process per file" >&2
for f in "$f30" "$f300"; do
  n=$(wc -l <"$f")
  hf --warmup 5 --min-runs 40 --export-json "$tmp/a-$n.json" \
    -n "shipshape" "$(sl "$f")" \
    -n "dockerfile-utils" "$dutils lint $f" \
    -n "dockerfilelint" "$dlint -j $f"
done

echo "bench: (c) ShellCheck per file" >&2
for f in "$f30" "$f300"; do
  n=$(wc -l <"$f")
  rm -rf "$tmp/sc"
  SHIPSHAPE_SHELLCHECK_SCRIPTS=$tmp/sc "$bin" lint --shellcheck always -f json "$f" >/dev/null || true
  # One ShellCheck process per dialect, with the flags shipshape passes.
  dirs=("$tmp"/sc/*/)
  echo "set -e" >"$tmp/sc-$n.sh"
  for d in "${dirs[@]}"; do
    echo "shellcheck --norc --format=json1 --severity=style --shell=$(basename "$d") $(find "$d" -name '*.sh' | sort | tr '\n' ' ') >/dev/null || [ \$? = 1 ]" >>"$tmp/sc-$n.sh"
  done
  sc_cmd="bash $tmp/sc-$n.sh"
  if ((${#dirs[@]} == 1)); then
    sc_cmd="shellcheck --norc --format=json1 --severity=style --shell=$(basename "${dirs[0]}") $(find "${dirs[0]}" -name '*.sh' | sort | tr '\n' ' ')"
  fi
  hf --warmup 3 --min-runs 20 --export-json "$tmp/c-$n.json" \
    -n "shipshape --shellcheck always" "$bin lint --shellcheck always -f json $f" \
    -n "shellcheck alone (same scripts)" "$sc_cmd"
done

echo "bench: (b) the whole corpus" >&2
cat >"$tmp/dockerfilelint-all.sh" <<EOF
xargs -d '\n' "$dlint" -j <"$tmp/all.txt" >/dev/null
EOF
hf --warmup 1 --runs 5 --export-json "$tmp/b-shipshape.json" \
  -n "shipshape -j $cores" "$bin lint --shellcheck never -f json -j $cores $corpus" \
  -n "shipshape -j 1" "$bin lint --shellcheck never -f json -j 1 $corpus"
hf --warmup 1 --runs 3 --export-json "$tmp/b-peers.json" \
  -n "dockerfile-utils (library, one node process)" "node $root/bench/peers/lint-many.js dockerfile-utils $tmp/all.txt" \
  -n "dockerfilelint (all files, one process)" "bash $tmp/dockerfilelint-all.sh"
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
{
  echo "shipshape -j $cores	$(peak "$bin" lint --shellcheck never -f json -j "$cores" "$corpus")"
  echo "shipshape -j 1	$(peak "$bin" lint --shellcheck never -f json -j 1 "$corpus")"
  echo "dockerfile-utils (library, one node process)	$(peak node "$root/bench/peers/lint-many.js" dockerfile-utils "$tmp/all.txt")"
  echo "dockerfilelint (all files, one process)	$(peak bash "$tmp/dockerfilelint-all.sh")"
} >"$tmp/memory.tsv"
"$bin" lint --shellcheck never -f json -j "$cores" "$corpus" >"$tmp/out-n.json" || true
"$bin" lint --shellcheck never -f json -j 1 "$corpus" >"$tmp/out-1.json" || true
same=no
cmp -s "$tmp/out-n.json" "$tmp/out-1.json" && same=yes

echo "bench: (d) growth" >&2
hf --warmup 2 --min-runs 10 --export-json "$tmp/d.json" \
  -n "300" "$(sl "$tmp/grow-300.Dockerfile")" \
  -n "3000" "$(sl "$tmp/grow-3000.Dockerfile")" \
  -n "30000" "$(sl "$tmp/grow-30000.Dockerfile")"

python3 - "$tmp" "$cores" "$nfiles" "$same" "$f30" "$f300" <<'EOF'
import json, os, sys
tmp, cores, nfiles, same, f30, f300 = sys.argv[1:]
nfiles = int(nfiles)
def load(name):
    return {r["command"]: r for r in json.load(open(os.path.join(tmp, name)))["results"]}
def ms(r): return r["median"] * 1000
def lines(p): return sum(1 for _ in open(p, "rb"))
print(f"Machine: {cores} cores, {os.uname().machine}, {os.popen('uname -sr').read().strip()}; "
      f"{open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
print()
print("(a) One process per file (hyperfine median, ShellCheck off)")
print()
print("| file | shipshape | dockerfile-utils | dockerfilelint | dockerfile-utils / shipshape | dockerfilelint / shipshape |")
print("|---|---|---|---|---|---|")
for f in (f30, f300):
    n = lines(f)
    r = load(f"a-{n}.json")
    s, u, l = ms(r["shipshape"]), ms(r["dockerfile-utils"]), ms(r["dockerfilelint"])
    print(f"| {n} lines ({os.path.basename(f)[:12]}) | {s:.2f} ms | {u:.1f} ms | {l:.1f} ms | {u/s:.0f}x | {l/s:.0f}x |")
print()
print("(b) The whole corpus in one process")
print()
mem = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(tmp, "memory.tsv")))
print("| tool | median wall | files/s | peak memory |")
print("|---|---|---|---|")
rows = list(load("b-shipshape.json").values()) + list(load("b-peers.json").values())
base = rows[0]["median"]
for r in rows:
    name = r["command"]
    print(f"| {name} | {r['median']:.3f} s ({r['median']/base:.1f}x) | {nfiles / r['median']:,.0f} | {int(mem[name]) / 1024:.0f} MB |")
print()
print(f"Output of -j {cores} identical to -j 1: {same}")
print()
print("(c) ShellCheck on (hyperfine median)")
print()
print("| file | shipshape --shellcheck always | ShellCheck alone, same scripts | ratio |")
print("|---|---|---|---|")
for f in (f30, f300):
    n = lines(f)
    r = list(load(f"c-{n}.json").values())
    print(f"| {n} lines | {ms(r[0]):.1f} ms | {ms(r[1]):.1f} ms | {r[0]['median']/r[1]['median']:.2f} |")
print()
print("(d) Growth (ShellCheck off, hyperfine median)")
print()
print("| document | lines | time | time / time of the smallest | lines / lines of the smallest |")
print("|---|---|---|---|---|")
r = load("d.json")
first = None
for n in ("300", "3000", "30000"):
    p = os.path.join(tmp, f"grow-{n}.Dockerfile")
    ln = lines(p)
    t = ms(r[n])
    if first is None: first = (t, ln)
    print(f"| ~{int(n):,} | {ln:,} | {t:.2f} ms | {t/first[0]:.1f}x | {ln/first[1]:.1f}x |")
EOF
