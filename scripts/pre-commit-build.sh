#!/usr/bin/env bash
# The `shipshape-source` pre-commit hook (.pre-commit-hooks.yaml): builds shipshape from the
# hook's checkout on first use (Release, no tests: CMake, Ninja and the -dev packages
# scripts/setup-deps.sh lists), then runs it with the hook's arguments and files.
# SHIPSHAPE_BUILD_DIR: where to build (default: build-pre-commit in the checkout).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SHIPSHAPE_BUILD_DIR:-$here/build-pre-commit}
if [[ ! -f $build/build.ninja ]]; then
  echo "shipshape: building from source in $build (first run only)" >&2
  if ! out=$(cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DBUILD_TESTING=OFF 2>&1); then
    printf '%s\n' "$out" >&2
    echo "shipshape: error: cannot configure the build (scripts/setup-deps.sh installs what it needs)" >&2
    exit 2
  fi
fi
# Up to date after the first run: ninja only checks.
if ! out=$(cmake --build "$build" --target shipshape 2>&1); then
  printf '%s\n' "$out" >&2
  echo "shipshape: error: the build failed" >&2
  exit 2
fi
exec "$build/shipshape" "$@"
