#!/usr/bin/env bash
# The man page and shell completions the build generates (src/cli/generate.h): they are what
# the binary generates now, every command and flag `--help` lists is in each, the man page
# renders without a groff warning, and bash, zsh and fish complete with them.
# usage: generated_docs_test.sh path/to/shipshape path/to/build/share
set -u
bin=$(realpath "${1:?usage: generated_docs_test.sh SHIPSHAPE SHARE_DIR}")
share=$(realpath "${2:?usage: generated_docs_test.sh SHIPSHAPE SHARE_DIR}")
failed=0
fail() { echo "FAIL: $*"; failed=1; }

man_page=$share/man/man1/shipshape.1
bash_file=$share/bash-completion/completions/shipshape
zsh_file=$share/zsh/vendor-completions/_shipshape
fish_file=$share/fish/vendor_completions.d/shipshape.fish

for pair in "man:$man_page" "bash:$bash_file" "zsh:$zsh_file" "fish:$fish_file"; do
  kind=${pair%%:*} file=${pair#*:}
  if [[ ! -f $file ]]; then
    fail "$file is missing"
  elif ! cmp -s <("$bin" generate "$kind") "$file"; then
    fail "$file differs from \`shipshape generate $kind\`"
  fi
done
[[ -f ${man_page}.gz ]] && ! cmp -s <(zcat "${man_page}.gz") "$man_page" && fail "${man_page}.gz is stale"

# The man page as lintian checks it: no warning from man or groff.
warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
  "$man_page" 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "man --warnings: $warnings"
rendered=$(MANWIDTH=200 man -P cat -l "$man_page" 2>/dev/null | col -bx)

# Every command of --help, and every flag each command's --help lists.
commands=$("$bin" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[[ -n $commands ]] || fail "no commands in --help"
for command in "" $commands; do
  if [[ -n $command ]]; then
    grep -qE "shipshape $command\b" <<<"$rendered" || fail "man page: no command $command"
    grep -qE "\b$command\b" "$zsh_file" || fail "zsh: no command $command"
  fi
  # shellcheck disable=SC2086 # no command: the program's own --help
  flags=$("$bin" $command --help | awk '/^  -/ { print $1 }' | tr ',' '\n')
  [[ -n $flags ]] || fail "no flags in \`shipshape $command --help\`"

  # bash: `shipshape COMMAND -<TAB>` offers every flag.
  # shellcheck disable=SC2086,SC1090
  offered=$(bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
                     _shipshape; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" shipshape $command -)
  # fish: the same.
  fish_offered=$(fish -c "source '$fish_file'; complete -C 'shipshape $command -'" | cut -f1)
  for flag in $flags; do
    grep -qE -- "(^|[ ,])$flag([ ,=]|\$)" <<<"$rendered" || fail "man page: no $command $flag"
    grep -qxF -- "$flag" <<<"$offered" || fail "bash: \`shipshape $command -\` does not offer $flag"
    grep -qxF -- "$flag" <<<"$fish_offered" || fail "fish: \`shipshape $command -\` does not offer $flag"
    # zsh: a spec names each flag ({-c,--config} or '--fix[...]').
    grep -qE -- "[{,')*]$flag[],}[]" "$zsh_file" || fail "zsh: no $command $flag"
  done
done

# Values: rule codes after a code option (also after a comma and after `=`) and for `rule`;
# commands by prefix.
complete_bash() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
           _shipshape; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$@"
}
grep -qx DL3008 <<<"$(complete_bash shipshape lint --select DL300)" || fail "bash: --select DL300"
grep -qx DL3007,DL3008 <<<"$(complete_bash shipshape lint --ignore DL3007,DL300)" ||
  fail "bash: --ignore DL3007,DL300"
grep -qx DL3008 <<<"$(complete_bash shipshape lint --select = DL300)" || fail "bash: --select=DL300"
grep -qx SP401 <<<"$(complete_bash shipshape rule SP40)" || fail "bash: rule SP40"
[[ $(complete_bash shipshape li) == lint ]] || fail "bash: li does not complete to lint"
grep -q '^DL3008' <<<"$(fish -c "source '$fish_file'; complete -C 'shipshape rule DL300'")" ||
  fail "fish: rule DL300"
grep -q '^lint' <<<"$(fish -c "source '$fish_file'; complete -C 'shipshape li'")" ||
  fail "fish: li"

# zsh: the function parses, and loading it through compinit defines _shipshape.
zsh -n "$zsh_file" || fail "zsh -n $zsh_file"
zsh -f -c "fpath=('$(dirname "$zsh_file")' \$fpath); autoload -Uz compinit; compinit -u -D;
           autoload -Uz _shipshape; whence -w _shipshape" >/dev/null 2>&1 ||
  fail "zsh: compinit cannot load _shipshape"
bash -n "$bash_file" || fail "bash -n $bash_file"
fish --no-execute "$fish_file" || fail "fish --no-execute $fish_file"

((failed == 0)) && echo "generated docs: man page and bash, zsh, fish completions list every flag"
((failed == 0))
