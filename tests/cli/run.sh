#!/usr/bin/env bash
# End-to-end CLI cases: each folder in tests/cli/cases has `cmd` (arguments for shipshape, run
# through bash, so quoting works), optional `stdin`, optional `setup` (a bash script that
# builds what cannot be checked in, such as `.gitignore` or `.git`), optional `env` (lines of
# NAME=value exported for the run; `$PWD` is the case's copy, printed as `<case>`), and the
# expected `stdout`,
# `stderr` and `exit` (missing expected files mean: empty output, exit 0). Each case runs in a
# fresh copy of its folder.
# UPDATE=1 writes what shipshape printed as the expected files instead (review with git diff).
set -u
bin=$(realpath "${1:?usage: run.sh path/to/shipshape}")
cases=$(dirname "$(realpath "$0")")/cases
failed=0
count=0
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  count=$((count + 1))
  out=$(mktemp) err=$(mktemp)
  stdin=/dev/null
  [[ -f $dir/stdin ]] && stdin=$dir/stdin
  work=$(mktemp -d)
  cp -a "$dir/." "$work/"
  rm -f "$work/stdout" "$work/stderr" "$work/exit"
  if [[ -f $dir/setup ]]; then (cd "$work" && bash ./setup) || echo "FAIL $name: setup failed"; fi
  rm -f "$work/setup"
  # No configuration of the machine running the tests leaks in.
  (cd "$work" && unset "${!HADOLINT_@}" NO_COLOR &&
    export HOME="$work/.no-home" XDG_CONFIG_HOME="$work/.no-home/.config" &&
    { [[ ! -f env ]] || { set -a; source ./env; set +a; }; } &&
    eval "\"\$bin\" $(cat cmd)") <"$stdin" >"$out" 2>"$err"
  code=$?
  # Absolute paths into the case's copy read `<case>` in the expected files.
  sed -i "s|$work|<case>|g" "$out" "$err"
  rm -rf "$work"
  if [[ ${UPDATE:-} == 1 ]]; then
    for f in stdout stderr exit; do rm -f "$dir/$f"; done
    [[ -s $out ]] && cp "$out" "$dir/stdout"
    [[ -s $err ]] && cp "$err" "$dir/stderr"
    [[ $code != 0 ]] && echo "$code" >"$dir/exit"
  fi
  want_code=0
  [[ -f $dir/exit ]] && want_code=$(cat "$dir/exit")
  ok=1
  if [[ $code != "$want_code" ]]; then
    echo "FAIL $name: exit $code, want $want_code"; ok=0
  fi
  for stream in stdout stderr; do
    got=$out; [[ $stream == stderr ]] && got=$err
    want=/dev/null; [[ -f $dir/$stream ]] && want=$dir/$stream
    if ! diff -u "$want" "$got" >/tmp/shipshape-cli-diff.$$; then
      echo "FAIL $name: $stream differs"; sed 's/^/    /' /tmp/shipshape-cli-diff.$$; ok=0
    fi
  done
  rm -f "$out" "$err" /tmp/shipshape-cli-diff.$$
  ((ok)) || failed=$((failed + 1))
done
echo "cli: $((count - failed))/$count cases passed"
((failed == 0))
