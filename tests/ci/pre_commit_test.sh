#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) run by pre-commit itself (`pre-commit try-repo`,
# offline: language system and script install nothing) on a throwaway repository:
#   shipshape         the binary on PATH finds the findings (exit 1), passes a clean file
#   shipshape-fix     fixes in place (pre-commit fails: files were modified), then passes
#   shipshape-source  scripts/pre-commit-build.sh configures and builds with CMake, then runs
#                     what it built. A full build takes minutes, so here the hook repository's
#                     CMakeLists.txt is a stub whose `shipshape` executable execs the real one:
#                     the script's configure, build and exec steps are what is tested.
# Usage: pre_commit_test.sh SHIPSHAPE_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/setup-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/cache HOME=$tmp/home
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t
export GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$tmp/bin"
ln -s "$bin" "$tmp/bin/shipshape"
export PATH=$tmp/bin:$PATH
fail() { echo "FAIL: $*"; exit 1; }

# The hook repository: the hook definitions and the build script, committed.
hooks=$tmp/hooks
mkdir -p "$hooks/scripts"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
cp "$src/scripts/pre-commit-build.sh" "$hooks/scripts/"
cat > "$hooks/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(shipshape_stub C)
add_executable(shipshape stub.c)
CMAKE
cat > "$hooks/stub.c" <<C
#include <unistd.h>
int main(int argc, char** argv) { (void)argc; argv[0] = "$bin"; execv(argv[0], argv); return 127; }
C
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -qm hooks

# The repository a user commits to.
repo=$tmp/repo
mkdir -p "$repo/svc"
git -C "$repo" init -q
printf 'FROM debian:12\nUSER 10001\nADD app.txt /app.txt\n' > "$repo/svc/Dockerfile"
printf 'not a Dockerfile\n' > "$repo/README.md"
git -C "$repo" add -A

run() {  # run HOOK: pre-commit's output in $tmp/out, its exit code returned
  local rc=0
  (cd "$repo" && pre-commit try-repo "$hooks" "$1" --all-files --verbose) > "$tmp/out" 2>&1 || rc=$?
  return $rc
}

rc=0; run shipshape || rc=$?
[[ $rc == 1 ]] || { cat "$tmp/out"; fail "shipshape: expected exit 1, got $rc"; }
grep -q 'DL3020' "$tmp/out" || { cat "$tmp/out"; fail "shipshape: DL3020 not reported"; }
grep -q 'README' "$tmp/out" && { cat "$tmp/out"; fail "shipshape: README.md was linted"; }

rc=0; SHIPSHAPE_BUILD_DIR=$tmp/build run shipshape-source || rc=$?
[[ $rc == 1 ]] || { cat "$tmp/out"; fail "shipshape-source: expected exit 1, got $rc"; }
grep -q 'DL3020' "$tmp/out" || { cat "$tmp/out"; fail "shipshape-source: DL3020 not reported"; }
[[ -x $tmp/build/shipshape ]] || fail "shipshape-source: nothing was built in SHIPSHAPE_BUILD_DIR"

rc=0; run shipshape-fix || rc=$?
[[ $rc == 1 ]] || { cat "$tmp/out"; fail "shipshape-fix: expected exit 1 (files modified), got $rc"; }
grep -q 'files were modified by this hook' "$tmp/out" || { cat "$tmp/out"; fail "shipshape-fix: no modification reported"; }
grep -q '^COPY app.txt /app.txt$' "$repo/svc/Dockerfile" || { cat "$repo/svc/Dockerfile"; fail "shipshape-fix: the file was not fixed"; }

rc=0; run shipshape || rc=$?
[[ $rc == 0 ]] || { cat "$tmp/out"; fail "shipshape on the fixed file: expected exit 0, got $rc"; }
echo "pre-commit hooks: shipshape, shipshape-fix and shipshape-source work"
