#!/usr/bin/env bash
# `shipshape lint .` on a repository of 10,000 Dockerfiles, discovery included, against the
# target of issue #21 (under a second of wall time on 2 cores), with discovery measured alone.
#
#   bash bench/repo.sh [path/to/shipshape] [runs]
#
# The repository is made from the corpus by copying: every corpus Dockerfile at its manifest
# path under <project>/ (owner/name as folders), a second copy under copy-2/ until there are
# 10,000, the corpus's .dockerignore files beside them, a `.git` folder at the root and a
# .gitignore (build output, node_modules, a negated pattern) that the walk must read. Wall
# times are hyperfine medians with the spread over the runs (min-max).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/shipshape}")
runs=${2:-10}
shared=${SHIPSHAPE_SHARED_DIR:-$root/../shared}
corpus=$(realpath "$shared/corpus")
want=10000

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
python3 - "$corpus" "$repo" "$want" <<'EOF'
import os, shutil, sys
corpus, repo, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "manifest.tsv"))][1:]
made = 0
for copy in ("", "copy-2/"):
    for sha, kind, project, path, *_ in rows:
        if kind == "dockerfile" and made >= want:
            continue
        name = sha + (".Dockerfile" if kind == "dockerfile" else ".dockerignore")
        src = os.path.join(corpus, "files" if kind == "dockerfile" else "dockerignore", sha[:2], name)
        if not os.path.exists(src):
            continue
        dst = os.path.join(repo, copy + project, path)
        if os.path.exists(dst):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
        made += kind == "dockerfile"
os.makedirs(os.path.join(repo, ".git"))
with open(os.path.join(repo, ".gitignore"), "w") as f:
    f.write("node_modules/\n/build/\n*.tmp\n!keep.tmp\n")
EOF
n=$(cd "$repo" && "$bin" lint --shellcheck never -f json . | python3 -c 'import json,sys; print(len({f["file"] for f in json.load(sys.stdin)}))' || true)
files=$(cd "$repo" && find . -name .git -prune -o -type f -print | wc -l)
echo "repository: $files files, $(find "$repo" -name '*ockerfile*' -o -name '*.containerfile' | wc -l) named like Dockerfiles, $n with findings"

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f s (%.3f-%.3f)" % (r["median"], r["min"], r["max"]))' "$1"; }
cd "$repo"
hyperfine --style none --shell none --ignore-failure --warmup 2 --runs "$runs" \
  --export-json "$tmp/lint.json" "$bin lint --shellcheck never -f json -o /dev/null ." >/dev/null
hyperfine --style none --shell none --ignore-failure --warmup 2 --runs "$runs" \
  --export-json "$tmp/list.json" "$bin lint --list-files ." >/dev/null
echo "| measure | median (min-max over $runs runs) | target |"
echo "|---|---|---|"
echo "| \`shipshape lint .\`, 10,000 Dockerfiles, -j $(nproc) | $(median "$tmp/lint.json") | under 1 s |"
echo "| discovery alone (\`lint --list-files .\`) | $(median "$tmp/list.json") | |"
