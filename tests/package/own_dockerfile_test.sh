#!/usr/bin/env bash
# shipshape's own Dockerfile (the container image, which cannot be built here): BuildKit's
# parser accepts it, and shipshape finds no warning or error in it with the default rules,
# with every rule (--select ALL), and with Docker's build checks selected by their BuildKit
# names (so they report what `docker build --check` would), ShellCheck included. Its
# .dockerignore keeps VCS data and build folders out of the context.
# usage: own_dockerfile_test.sh path/to/shipshape SOURCE_DIR
set -u
bin=$(realpath "${1:?usage: own_dockerfile_test.sh SHIPSHAPE SOURCE_DIR}")
cd "${2:?usage: own_dockerfile_test.sh SHIPSHAPE SOURCE_DIR}" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }

"$bin" parse --dump Dockerfile >/dev/null || fail "BuildKit's parser rejects Dockerfile"

# Docker's build checks, by the names `shipshape rule` gives them.
checks=$("$bin" rules | awk '{ print $1 }' | while read -r code; do
  "$bin" rule "$code" | grep -o "build check name \`[A-Za-z]*\`" | tr -d '`' | awk '{ print $4 }'
done | sort -u | paste -sd, -)
[[ -n $checks ]] || fail "no BuildKit check names in \`shipshape rules\`"

# No configuration of the machine running the tests leaks in.
export HOME=$(mktemp -d)
trap 'rm -rf "$HOME"' EXIT
unset "${!HADOLINT_@}"
for selection in "" "--select ALL" "--select $checks"; do
  # shellcheck disable=SC2086 # the selection is two words or none
  report=$("$bin" lint --shellcheck always -f json $selection Dockerfile)
  rc=$?
  ((rc <= 1)) || fail "shipshape lint $selection Dockerfile: exit $rc"
  serious=$(grep -oE '"code":"[^"]*"[^}]*"level":"(error|warning)"' <<<"$report")
  [[ -z $serious ]] || fail "shipshape lint ${selection:-(default rules)} Dockerfile: $serious"
  # What the rest says (info, style), for the log.
  [[ $report == "[]" ]] || echo "note: shipshape lint ${selection:0:60} Dockerfile: $report"
done
# The default rule set: no finding at all (exit 0), as CI requires.
"$bin" lint --shellcheck always Dockerfile >/dev/null || fail "shipshape lint Dockerfile is not clean"

for entry in .git 'build*'; do
  grep -qxF "$entry" .dockerignore || fail ".dockerignore does not exclude $entry"
done

((failed == 0)) && echo "own Dockerfile: no warning or error (default rules, ALL, BuildKit's checks)"
((failed == 0))
