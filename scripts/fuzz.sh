#!/usr/bin/env bash
# Runs the libFuzzer targets one after another (one process each: the machine is shared).
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]
# Corpus: build-fuzz/corpus/<target> (seeded on first use; FUZZ_CORPUS, FUZZ_FRESH=1 to
# start again from the seeds); crashes, leaks, timeouts and property violations:
# build-fuzz/crashes/<target>/; logs: build-fuzz/logs/<target>.log.
# Exits 1 when a target found something, after printing the reproducers.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?build dir}
seconds=${2:?seconds}
shift 2
targets=("$@")
((${#targets[@]})) || targets=(parse expand shell config baseline dockerignore lint fix image pin lsp)
out=build-fuzz
shared=${SHIPSHAPE_SHARED_DIR:-../shared}
[[ -d $shared/corpus ]] || shared=/work/shared
# Seed files bigger than this are cut (the pipeline is linear, so more size buys little).
max_len=${FUZZ_MAX_LEN:-8192}
seed_cap=${FUZZ_SEED_CAP:-500}
# `make fuzz-ci` uses a corpus of its own, rebuilt from the seeds on every run.
corpus=${FUZZ_CORPUS:-$out/corpus}
[[ ${FUZZ_FRESH:-0} == 1 ]] && rm -rf "$corpus"

dockerfiles() {
  { find "$shared/corpus/files" -type f -name '*Dockerfile*' 2>/dev/null | sort | head -n "$seed_cap"
    find "$shared/conformance" -type f -name 'Dockerfile*' 2>/dev/null | sort
    find tests/rules -type f -name '*.Dockerfile' | sort | awk 'NR % 4 == 0'; }
}

# Fills build-fuzz/corpus/<target> when it is empty.
seed() {
  local t=$1 dir=$corpus/$1 n=0 f
  mkdir -p "$dir"
  [[ -n $(ls -A "$dir") ]] && return
  case $t in
    parse | lint | fix | shell | pin)
      while read -r f; do cp "$f" "$dir/seed-$((n++))"; done < <(dockerfiles) ;;
    expand)
      # BuildKit's envVarTest words (`A|word|result`), with and without an environment.
      while IFS='|' read -r _ word _; do
        word=${word%"${word##*[![:space:]]}"}
        printf '\x00%s' "$word" > "$dir/seed-$((n++))"
        printf '\x01PWD=/home\nA=a b\nEMPTY=\x00%s' "$word" > "$dir/seed-$((n++))"
      done < "$shared/conformance/buildkit/shell/envVarTest" ;;
    dockerignore)
      # Each corpus .dockerignore, then after a NUL byte paths to match (one per line).
      for f in "$shared"/corpus/dockerignore/*/*; do
        [[ -f $f ]] || continue
        { cat "$f"; printf '\0.git\nnode_modules/a/b\nsrc/./x.go\n/.env\nREADME.md\n../x\n'; } \
          > "$dir/seed-$((n++))"
      done ;;
    config)
      while read -r f; do cp "$f" "$dir/seed-$((n++))"; done < <(
        find tests/cli/cases -type f \( -name '*.yaml' -o -name '*.yml' \) | sort) ;;
    baseline)
      while read -r f; do cp "$f" "$dir/seed-$((n++))"; done < <(
        find tests/cli/cases -type f -name '*.json' | sort) ;;
    image)
      # Small image archives (tests/regressions/image holds the seeds).
      : ;;
    lsp)
      # A session (open, diagnostics, code actions, hover, change, shutdown) around each of a
      # tenth of the Dockerfiles.
      while read -r f; do python3 fuzz/lsp_seed.py "$f" "$dir/seed-$((n++))"; done < <(
        dockerfiles | awk 'NR % 10 == 0') ;;
  esac
  for f in tests/regressions/"$t"/*; do [[ -f $f ]] && cp "$f" "$dir/regression-$((n++))"; done
}

failed=()
for t in "${targets[@]}"; do
  bin=$build/${t}_fuzz
  [[ -x $bin ]] || { echo "fuzz: $bin is missing (build the fuzzers target)" >&2; exit 2; }
  case $t in
    parse | lint | fix | pin) dict=fuzz/dockerfile.dict ;;
    expand | shell) dict=fuzz/shell.dict ;;
    config) dict=fuzz/yaml.dict ;;
    baseline | image) dict=fuzz/json.dict ;;
    lsp) dict=fuzz/lsp.dict ;;
    dockerignore) dict=fuzz/dockerignore.dict ;;
  esac
  seed "$t"
  mkdir -p "$out/crashes/$t" "$out/logs"
  before=$(ls "$out/crashes/$t" | wc -l)
  echo "fuzz: $t for ${seconds}s ($(ls "$corpus/$t" | wc -l) corpus files)"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len="$max_len" \
    -dict="$dict" -artifact_prefix="$out/crashes/$t/" -print_final_stats=1 \
    "$corpus/$t" > "$out/logs/$t.log" 2>&1
  rc=$?
  grep -E '^#[0-9]+.*(DONE|INITED)|^stat::number_of_executed_units|^stat::peak_rss' \
    "$out/logs/$t.log" | sed "s/^/fuzz: $t: /"
  if ((rc != 0)) || (($(ls "$out/crashes/$t" | wc -l) > before)); then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $rc); log: $out/logs/$t.log; reproducers:" >&2
    ls -t "$out/crashes/$t" | head -n 5 | sed "s|^|  $out/crashes/$t/|" >&2
    grep -m 3 -E 'ERROR: |runtime error|property violated' "$out/logs/$t.log" | sed 's/^/  /' >&2
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: found problems in: ${failed[*]} (replay one: $build/<target>_fuzz FILE)" >&2
  exit 1
fi
