#!/bin/bash
# oci2dockersave.sh MODE OCI_LAYOUT_DIR OUT.tar NAME:TAG
#   MODE=docker25 : what `docker save` writes since Docker 25: the OCI layout itself plus manifest.json
#                   and repositories (layers are whatever the layout holds: uncompressed = graphdriver
#                   store, gzip = containerd image store).
#   MODE=legacy   : pre-25 layout: <id>/layer.tar (uncompressed), <id>/json, <id>/VERSION, <config>.json,
#                   manifest.json, repositories.
set -euo pipefail
mode=$1; src=$2; out=$3; ref=$4; name=${ref%:*}; tag=${ref##*:}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
mf=$(jq -r '.manifests[0].digest' "$src/index.json" | cut -d: -f2)
cfg=$(jq -r '.config.digest' "$src/blobs/sha256/$mf" | cut -d: -f2)
mapfile -t layers < <(jq -r '.layers[].digest' "$src/blobs/sha256/$mf" | cut -d: -f2)
if [[ $mode == docker25 ]]; then
  cp -r "$src/." "$w/"
  jq -c --arg n "docker.io/library/$ref" --arg t "$tag" \
     '.manifests[0].annotations = {"io.containerd.image.name":$n,"org.opencontainers.image.ref.name":$t}' \
     "$src/index.json" > "$w/index.json"
  printf '%s\n' "${layers[@]}" | jq -R '"blobs/sha256/" + .' | jq -s -c --arg c "blobs/sha256/$cfg" --arg r "$ref" \
     '[{Config:$c,RepoTags:[$r],Layers:.}]' > "$w/manifest.json"
  top=$(jq -r '.rootfs.diff_ids[-1]' "$src/blobs/sha256/$cfg" | cut -d: -f2)
  parent=""   # moby also drops one unreferenced legacy v1 JSON per layer into blobs/sha256
  for l in "${layers[@]}"; do
    id=$(printf '%s %s' "$parent" "$l" | sha256sum | cut -c1-64)
    j=$(jq -n -c --arg id "$id" --arg p "$parent" '{id:$id,created:"1970-01-01T00:00:00Z",os:"linux"} + (if $p == "" then {} else {parent:$p} end)')
    printf '%s' "$j" > "$w/blobs/sha256/$(printf '%s' "$j" | sha256sum | cut -c1-64)"; parent=$id
  done
else
  cp "$src/blobs/sha256/$cfg" "$w/$cfg.json"; paths=(); parent=""
  for i in "${!layers[@]}"; do
    id=$(printf '%s %s' "$parent" "${layers[$i]}" | sha256sum | cut -c1-64)   # any unique hex id works
    mkdir "$w/$id"; printf '1.0' > "$w/$id/VERSION"
    jq -n -c --arg id "$id" --arg p "$parent" '{id:$id} + (if $p == "" then {} else {parent:$p} end)' > "$w/$id/json"
    zcat -f "$src/blobs/sha256/${layers[$i]}" > "$w/$id/layer.tar"   # zcat -f passes plain tar through
    paths+=("$id/layer.tar"); parent=$id
  done
  printf '%s\n' "${paths[@]}" | jq -R . | jq -s -c --arg c "$cfg.json" --arg r "$ref" \
     '[{Config:$c,RepoTags:[$r],Layers:.}]' > "$w/manifest.json"
  top=$parent
fi
jq -n -c --arg n "$name" --arg t "$tag" --arg id "$top" '{($n):{($t):$id}}' > "$w/repositories"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 --format=gnu -C "$w" -cf "$out" $(cd "$w" && ls -A | LC_ALL=C sort)
echo "$out ($mode)"
