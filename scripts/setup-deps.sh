#!/usr/bin/env bash
# Installs the Debian packages shipshape needs to build and test, only those missing.
# Quiet and quick when everything is already there; run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  clang libclang-rt-14-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev
  libyaml-cpp-dev libjemalloc-dev
  libxml2-utils python3-jsonschema
  shellcheck
  # The package test (tests/package): cpack's Depends (dpkg-shlibdeps, file), lintian, the man
  # page check (man-db), and the shells whose completions it runs.
  dpkg-dev file lintian man-db zsh fish
  # `shipshape image`: tar and decompression (libarchive with gzip/zstd filters only), SHA-256
  # (OpenSSL's libcrypto); its tests make real images offline with umoci, skopeo and buildah.
  libarchive-dev libzstd-dev libssl-dev umoci skopeo buildah
  # tests/image/run.sh and its generator (mkoci.sh) read and write JSON and zstd layers.
  jq zstd
  # `shipshape pin`: HTTP (libcurl); its tests start Debian's registry on 127.0.0.1.
  libcurl4-openssl-dev docker-registry
  # The pre-commit hook definition is tested with pre-commit itself.
  pre-commit
  # tests/ci reads action.yml, the GitLab snippet and the hook definitions.
  python3-yaml
)

# `--bench`: also what bench/compare.sh measures with and against.
# node and npm count when on PATH, whichever package provides them.
if [[ ${1:-} == --bench ]]; then
  packages+=(hyperfine time)
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
((${#missing[@]} == 0)) && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/shipshape-apt.log 2>&1; then
  "${sudo[@]}" apt-get update -qq >>/tmp/shipshape-apt.log 2>&1
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/shipshape-apt.log 2>&1 \
    || { cat /tmp/shipshape-apt.log >&2; exit 1; }
fi
