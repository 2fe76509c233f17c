#!/usr/bin/env bash
# The Debian package `make deb` makes, built here from this build directory: its name, its
# files, Depends (exactly the packages of the libraries the binary links) and Recommends, its
# changelog's version, no lintian error or warning, and the packaged binary run from a root
# extracted with dpkg-deb: same version and commit, same report as the build's binary.
# usage: package_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$(realpath "${1:?usage: package_test.sh BUILD_DIR SOURCE_DIR}")
src=$(realpath "${2:?usage: package_test.sh BUILD_DIR SOURCE_DIR}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

version=$("$build/shipshape" --version | awk '{ print $2 }')
arch=$(dpkg --print-architecture)
deb=$work/out/shipshape_${version}_${arch}.deb
if ! (cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || [[ ! -f $deb ]]; then
  cat "$work/cpack.log"
  ls "$work/out" 2>/dev/null
  echo "FAIL: cpack made no $(basename "$deb")"
  exit 1
fi

# The files, exactly.
expected="./usr/
./usr/bin/
./usr/bin/shipshape
./usr/share/
./usr/share/bash-completion/
./usr/share/bash-completion/completions/
./usr/share/bash-completion/completions/shipshape
./usr/share/doc/
./usr/share/doc/shipshape/
./usr/share/doc/shipshape/README.md.gz
./usr/share/doc/shipshape/changelog.gz
./usr/share/doc/shipshape/copyright
./usr/share/fish/
./usr/share/fish/vendor_completions.d/
./usr/share/fish/vendor_completions.d/shipshape.fish
./usr/share/man/
./usr/share/man/man1/
./usr/share/man/man1/shipshape.1.gz
./usr/share/zsh/
./usr/share/zsh/vendor-completions/
./usr/share/zsh/vendor-completions/_shipshape"
files=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sort)
[[ $files == "$expected" ]] || fail "package contents differ:
$(diff <(echo "$expected") <(echo "$files"))"

# Depends: the packages that hold the libraries the binary needs (its own DT_NEEDED entries,
# not what those pull in) and libssl3 (libcrypto, loaded with dlopen), nothing else.
direct=$(readelf -d "$build/shipshape" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | paste -sd' ')
needed=$(ldd "$build/shipshape" |
  awk -v direct=" $direct " '$2 == "=>" && index(direct, " " $1 " ") { print $3 }')
owners=$(for lib in $needed; do
  dpkg -S "$lib" 2>/dev/null || dpkg -S "$(realpath "$lib")"
done | cut -d: -f1; echo libssl3)
owners=$(sort -u <<<"$owners" | paste -sd' ')
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/ //g' | sort -u | paste -sd' ')
[[ -n $owners && $depends_names == "$owners" ]] ||
  fail "Depends: $depends; the binary links $needed, from $owners"
[[ $(dpkg-deb -f "$deb" Recommends) == "shellcheck, libcurl4" ]] ||
  fail "Recommends is not shellcheck, libcurl4"
changelog_version=$(dpkg-deb --fsys-tarfile "$deb" |
  tar -xO ./usr/share/doc/shipshape/changelog.gz | zcat | sed -n '1s/^shipshape (\(.*\)).*/\1/p')
[[ $changelog_version == "$version" ]] ||
  fail "packaging/debian/changelog's top entry is $changelog_version, the project $version"

# lintian: no error, no warning (info and pedantic tags are printed, not failed on).
lintian --fail-on error,warning --display-info "$deb" >"$work/lintian.log" 2>"$work/lintian.err"
rc=$?
grep -v 'running with root privileges' "$work/lintian.err" >>"$work/lintian.log"
if ((rc != 0)); then
  fail "lintian (exit $rc): $(cat "$work/lintian.log")"
elif [[ -s $work/lintian.log ]]; then
  echo "lintian notes:"
  sed 's/^/  /' "$work/lintian.log"
fi

# The packaged binary, from an extracted root.
dpkg-deb -x "$deb" "$work/root"
packaged=$work/root/usr/bin/shipshape
if [[ ! -x $packaged ]]; then
  fail "no executable usr/bin/shipshape in the package"
else
  [[ $("$packaged" --version) == "$("$build/shipshape" --version)" ]] ||
    fail "packaged --version: $("$packaged" --version)"
  grep -qE '^shipshape [0-9.]+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)$' <<<"$("$packaged" --version)" ||
    fail "--version does not name the commit: $("$packaged" --version)"
  cd "$src" || exit 1
  "$packaged" lint --shellcheck never -f json examples/Dockerfile >"$work/packaged.json"
  rc=$?
  "$build/shipshape" lint --shellcheck never -f json examples/Dockerfile >"$work/built.json"
  [[ $rc == 1 ]] || fail "packaged shipshape lint examples/Dockerfile: exit $rc, want 1"
  cmp -s "$work/packaged.json" "$work/built.json" || fail "the packaged binary reports otherwise"
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$work/root/usr/share/man/man1/shipshape.1.gz" 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "man page: $warnings"
fi

((failed == 0)) && echo "package: $(basename "$deb"), Depends: $depends, lintian clean"
((failed == 0))
