#!/usr/bin/env bash
# The performance targets of issue #21, each measured on this machine and printed beside its
# target (`make bench` runs it after the microbenchmarks and bench/compare.sh).
#
#   bash bench/targets.sh [build folder with shipshape and shipshape_bench] [runs]
#
# 1. Start-up: `shipshape lint` on one 30-line corpus file, one process per run, against an
#    empty statically linked C++ program built here (the floor), and `shipshape --version`.
# 2. The whole corpus in one process, -j (cores): files/s, peak memory (GNU time), and the
#    report byte for byte that of -j 1.
# 3. Rules against parsing, per file: shipshape_bench's BM_RulesCorpus (every default rule on
#    parsed, modelled files, the shell model included) over BM_ParseCorpus.
# 4. Growth: documents of ~300, ~3,000 and ~30,000 lines made of corpus files, and a hostile
#    one, a single RUN of 1,000 / 10,000 / 100,000 commands joined by `&&`.
# 5. ShellCheck on, the whole corpus, against ShellCheck alone on the same scripts
#    (bench/shellcheck.sh, one run; skipped with SHIPSHAPE_BENCH_SHELLCHECK=0).
# 6. `shipshape lint .` on a repository of 10,000 Dockerfiles (bench/repo.sh).
# Every time is a hyperfine median over `runs` (default 10; start-up: 300) with the spread
# (min-max).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath "${1:-$root/build-bench}")
runs=${2:-10}
bin=$dir/shipshape
micro=$dir/shipshape_bench
shared=${SHIPSHAPE_SHARED_DIR:-$root/../shared}
corpus=$(realpath "$shared/corpus/files")
cores=$(nproc)
[[ -x $bin ]] || { echo "targets: no $bin (make bench builds it)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -type f -name '*.Dockerfile' | sort >"$tmp/all.txt"
nfiles=$(wc -l <"$tmp/all.txt")
xargs -d '\n' wc -l <"$tmp/all.txt" | grep -v ' total$' >"$tmp/lines.txt"
f30=$(awk '$1 == 30 {print $2; exit}' "$tmp/lines.txt")
for n in 300 3000 30000; do
  awk -v want="$n" '{print $2; total += $1; if (total >= want) exit}' "$tmp/lines.txt" |
    xargs -d '\n' cat >"$tmp/grow-$n.Dockerfile"
done
python3 - "$tmp" <<'EOF'
import sys
for n in (1000, 10000, 100000):
    with open(f"{sys.argv[1]}/hostile-{n}.Dockerfile", "w") as f:
        f.write("FROM debian:12\nRUN " + " && \\\n    ".join(f"echo {i}" for i in range(n)) + "\n")
EOF
printf 'int main() { return 0; }\n' >"$tmp/empty.cc"
g++ -O2 -static -o "$tmp/empty" "$tmp/empty.cc"

hf() { hyperfine --style none --shell none --ignore-failure "$@" >/dev/null; }
lint() { echo "$bin lint --shellcheck never --no-color -f json -o /dev/null $*"; }

echo "targets: start-up" >&2
hf --warmup 20 --runs 300 --export-json "$tmp/start.json" -n empty "$tmp/empty" \
  -n lint "$(lint "$f30")" -n version "$bin --version"
echo "targets: corpus" >&2
hf --warmup 2 --runs "$runs" --export-json "$tmp/corpus.json" -n j "$(lint -j "$cores" "$corpus")"
/usr/bin/time -f '%M' -o "$tmp/rss" "$bin" lint --shellcheck never -f json -j "$cores" \
  "$corpus" >"$tmp/jn.json" || [[ $? == 1 ]]
"$bin" lint --shellcheck never -f json -j 1 "$corpus" >"$tmp/j1.json" || [[ $? == 1 ]]
same=no
cmp -s "$tmp/jn.json" "$tmp/j1.json" && same=yes
echo "targets: growth" >&2
hf --warmup 2 --runs "$runs" --export-json "$tmp/grow.json" \
  -n g300 "$(lint "$tmp/grow-300.Dockerfile")" -n g3000 "$(lint "$tmp/grow-3000.Dockerfile")" \
  -n g30000 "$(lint "$tmp/grow-30000.Dockerfile")" \
  -n h1000 "$(lint "$tmp/hostile-1000.Dockerfile")" \
  -n h10000 "$(lint "$tmp/hostile-10000.Dockerfile")" \
  -n h100000 "$(lint "$tmp/hostile-100000.Dockerfile")"
if [[ -x $micro ]]; then
  echo "targets: stages (shipshape_bench)" >&2
  "$micro" --benchmark_filter='^BM_(ParseCorpus|ShellCorpus|RulesCorpus)' \
    --benchmark_format=json >"$tmp/stages.json" 2>/dev/null
fi
if [[ ${SHIPSHAPE_BENCH_SHELLCHECK:-1} != 0 ]] && command -v shellcheck >/dev/null; then
  echo "targets: ShellCheck (bench/shellcheck.sh, a few minutes)" >&2
  bash "$root/bench/shellcheck.sh" "$bin" "$corpus" 1 >"$tmp/shellcheck.txt"
fi
echo "targets: repository of 10,000 Dockerfiles" >&2
bash "$root/bench/repo.sh" "$bin" "$runs" >"$tmp/repo.txt"

python3 - "$tmp" "$nfiles" "$cores" "$same" <<'EOF'
import json, os, re, sys
tmp, nfiles, cores, same = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def load(name):
    return {r["command"]: r for r in json.load(open(os.path.join(tmp, name)))["results"]}
def spread(r, scale=1000, unit="ms", digits=2):
    return (f"{r['median']*scale:.{digits}f} {unit} "
            f"({r['min']*scale:.{digits}f}-{r['max']*scale:.{digits}f})")
def met(ok): return "met" if ok else "not met"
rows = []
s = load("start.json")
lint, empty, version = s["lint"], s["empty"], s["version"]
rows.append(("one 30-line file per process: median <= 1.5 ms", spread(lint),
             met(lint["median"] <= 0.0015)))
rows.append(("  the floor: an empty static C++ program", spread(empty),
             f"shipshape / empty = {lint['median']/empty['median']:.1f}x"))
rows.append(("  `shipshape --version`", spread(version), ""))
c = load("corpus.json")["j"]
rate = nfiles / c["median"]
rows.append((f"corpus ({nfiles:,} files), one process, -j {cores}: >= 20,000 files/s",
             f"{rate:,.0f} files/s ({nfiles/c['max']:,.0f}-{nfiles/c['min']:,.0f}); "
             f"{spread(c, 1, 's', 3)}", met(rate >= 20000)))
rss = int(open(os.path.join(tmp, "rss")).read().split()[-1]) / 1024
rows.append(("  peak memory <= 50 MB", f"{rss:.0f} MB", met(rss <= 50)))
rows.append((f"  report of -j {cores} identical to -j 1", same, met(same == "yes")))
if os.path.exists(os.path.join(tmp, "stages.json")):
    b = {x["run_name"]: x["real_time"] for x in json.load(open(os.path.join(tmp, "stages.json")))["benchmarks"]
         if x.get("aggregate_name") == "median"}
    parse = next(v for k, v in b.items() if "BM_ParseCorpus" in k)
    rules = next(v for k, v in b.items() if "BM_RulesCorpus" in k)
    shell = next(v for k, v in b.items() if "BM_ShellCorpus" in k)
    rows.append(("all rules <= 4x parse (one core, whole corpus)",
                 f"rules {rules:.0f} ms (shell model alone {shell:.0f} ms) / parse {parse:.1f} ms "
                 f"= {rules/parse:.1f}x", met(rules / parse <= 4)))
g = load("grow.json")
for kind, names in (("corpus documents", ("g300", "g3000", "g30000")),
                    ("hostile RUN of `&&` commands", ("h1000", "h10000", "h100000"))):
    base = g[names[0]]["median"]
    for factor, name in ((10, names[1]), (100, names[2])):
        t = g[name]["median"]
        rows.append((f"growth, {kind}: {factor}x larger <= {factor}x time",
                     f"{t/base:.1f}x ({base*1000:.2f} ms -> {t*1000:.2f} ms)", met(t / base <= factor)))
sc = os.path.join(tmp, "shellcheck.txt")
if os.path.exists(sc):
    text = open(sc).read()
    m = re.search(r"ratio[^:]*: ([0-9.]+)", text)
    always = re.search(r"shellcheck always\s+([0-9.]+) s", text)
    alone = re.search(r"shellcheck alone, same scripts\s+([0-9.]+) s", text)
    if m and always and alone:
        rows.append(("ShellCheck on, whole corpus: <= 1.0x ShellCheck alone",
                     f"{always.group(1)} s / {alone.group(1)} s = {float(m.group(1)):.3f}x (one run)",
                     met(float(m.group(1)) <= 1.0)))
for line in open(os.path.join(tmp, "repo.txt")):
    cells = [x.strip() for x in line.strip().strip("|").split("|")]
    if len(cells) == 3 and cells[0].startswith("`shipshape lint .`"):
        secs = float(cells[1].split()[0])
        rows.append((f"{cells[0]}: under 1 s", cells[1], met(secs < 1.0)))
    elif len(cells) == 3 and cells[0].startswith("discovery"):
        rows.append((f"  {cells[0]}", cells[1], ""))
print("| target | measured: median (min-max) | |")
print("|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} |")
EOF
