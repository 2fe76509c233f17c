#!/usr/bin/env bash
# Audits a 1 GB image and compares the speed with sha256sum of the same file (the issue's
# target: at least half of sha256sum's MB/s) and reports the peak memory. Not run by CI.
# Usage: bench/image_bench.sh build/shipshape [SIZE_MB]   (default 1024 MB, 4 layers)
set -euo pipefail
bin=$(realpath "$1")
size_mb=${2:-1024}
here=$(cd "$(dirname "$0")/.." && pwd)
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
layers=4
per=$((size_mb / layers))
for i in $(seq 1 $layers); do
  mkdir -p "$w/l$i/opt/data$i"
  # Random bytes do not compress: the layers are as large as the image.
  head -c $((per * 1024 * 1024)) /dev/urandom > "$w/l$i/opt/data$i/blob.bin"
done
echo '{"architecture":"amd64","os":"linux","config":{"User":"1000"},"history":[]}' > "$w/cfg.json"
"$here/tests/image/mkoci.sh" "$w/big.oci" "$w/cfg.json" $(for i in $(seq 1 $layers); do echo "$w/l$i:none"; done) > /dev/null
rm -rf "$w"/l*
"$here/tests/image/oci2dockersave.sh" docker25 "$w/big.oci" "$w/big.tar" big:latest > /dev/null
rm -rf "$w/big.oci"
bytes=$(stat -c %s "$w/big.tar")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
cat "$w/big.tar" > /dev/null  # warm the page cache for both
t0=$(date +%s.%N); sha256sum "$w/big.tar" > /dev/null; t1=$(date +%s.%N)
/usr/bin/time -v "$bin" image -f json --no-fail "$w/big.tar" > /dev/null 2> "$w/time.txt"
t2=$(date +%s.%N)
rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$w/time.txt")
awk -v mb="$mb" -v a="$t0" -v b="$t1" -v c="$t2" -v rss="$rss" 'BEGIN {
  s = b - a; i = c - b;
  printf "image: %s MB docker save (4 plain layers, Docker 25+ layout)\n", mb;
  printf "sha256sum:       %.2f s, %.0f MB/s\n", s, mb / s;
  printf "shipshape image: %.2f s, %.0f MB/s (%.2fx sha256sum), peak RSS %.1f MB\n", i, mb / i, s / i, rss / 1024 }'
