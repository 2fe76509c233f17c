#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), one per argument:
#   binary  the shipshape to run: $INPUT_SHIPSHAPE, else the one on PATH, else built from the
#           action's source (Debian/Ubuntu packages, CMake; no prebuilt download)
#   lint    shipshape lint $INPUT_PATHS $INPUT_ARGS: log and annotations on stdout, SARIF to
#           $INPUT_SARIF_FILE; never fails itself, so the report is uploaded either way
#   check   fails on an error (exit 2), and on findings when $FAIL_ON_FINDINGS is true
# Outputs go to $GITHUB_OUTPUT as GitHub defines it.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${GITHUB_OUTPUT:-/dev/null}

case ${1:-} in
  binary)
    bin=${INPUT_SHIPSHAPE:-}
    if [[ -z $bin ]]; then bin=$(command -v shipshape || true); fi
    if [[ -z $bin ]]; then
      echo "shipshape is not on PATH: building it from the action's source"
      if command -v apt-get >/dev/null; then
        sudo=(); [[ $(id -u) == 0 ]] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends cmake ninja-build g++ \
          libcli11-dev libfmt-dev libjemalloc-dev libyaml-cpp-dev nlohmann-json3-dev shellcheck \
          || exit 2
      fi
      cmake -S "$here" -B "$here/build-action" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DBUILD_TESTING=OFF || exit 2
      cmake --build "$here/build-action" --target shipshape || exit 2
      bin=$here/build-action/shipshape
    fi
    "$bin" --version || exit 2
    echo "path=$bin" >> "$out"
    ;;
  lint)
    read -r -a paths <<< "${INPUT_PATHS:-.}"
    read -r -a args <<< "${INPUT_ARGS:-}"
    sarif=${INPUT_SARIF_FILE:-shipshape.sarif}
    # Formats pair with outputs by position: SARIF to the file, the rest to the log.
    "${SHIPSHAPE:-shipshape}" lint -f sarif -o "$sarif" -f tty -f github "${args[@]}" \
      "${paths[@]}"
    code=$?
    echo "exit-code=$code" >> "$out"
    [[ -s $sarif ]] && echo "sarif-file=$sarif" >> "$out"
    exit 0
    ;;
  check)
    case ${EXIT_CODE:-2} in
      0) exit 0 ;;
      1) [[ ${FAIL_ON_FINDINGS:-true} == true ]] && { echo "shipshape reported findings"; exit 1; }
         exit 0 ;;
      *) echo "shipshape failed (exit ${EXIT_CODE:-none})"; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: github-action.sh binary|lint|check" >&2
    exit 2
    ;;
esac
