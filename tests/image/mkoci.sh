#!/bin/bash
# mkoci.sh OUT_LAYOUT_DIR CONFIG_TEMPLATE.json LAYERDIR[:gzip|zstd|none] ...
# Builds a deterministic OCI image layout from plain directories (one per layer).
# Whiteouts are ordinary empty files named .wh.<name> / .wh..wh..opq inside a layer dir.
# CONFIG_TEMPLATE.json: an image config without rootfs (config/history/architecture/os); rootfs is filled in.
set -euo pipefail
out=$1; tmpl=$2; shift 2
rm -rf "$out"; mkdir -p "$out/blobs/sha256"
put_blob() { # stdin -> blob; prints "digest size"
  local t; t=$(mktemp "$out/blobs/tmp.XXXX"); cat > "$t"
  local d; d=$(sha256sum "$t" | cut -c1-64); chmod 644 "$t"; mv "$t" "$out/blobs/sha256/$d"
  echo "sha256:$d $(stat -c %s "$out/blobs/sha256/$d")"
}
diff_ids=(); layers_json='[]'
for spec in "$@"; do
  dir=${spec%%:*}; comp=gzip; [[ $spec == *:* ]] && comp=${spec##*:}
  raw=$(mktemp)
  ( cd "$dir" && find . -mindepth 1 | sed 's,^\./,,' | LC_ALL=C sort |
    tar --no-recursion --numeric-owner --mtime=@0 --format=gnu -cf - -T - ) > "$raw"
  diff_ids+=("sha256:$(sha256sum "$raw" | cut -c1-64)")
  case $comp in
    gzip) mt=application/vnd.oci.image.layer.v1.tar+gzip; read -r dg sz < <(gzip -n -c "$raw" | put_blob) ;;
    zstd) mt=application/vnd.oci.image.layer.v1.tar+zstd; read -r dg sz < <(zstd -q -c "$raw" | put_blob) ;;
    none) mt=application/vnd.oci.image.layer.v1.tar;      read -r dg sz < <(put_blob < "$raw") ;;
  esac
  rm -f "$raw"
  layers_json=$(jq -c --arg m "$mt" --arg d "$dg" --argjson s "$sz" '. + [{mediaType:$m,digest:$d,size:$s}]' <<<"$layers_json")
done
ids_json=$(printf '%s\n' "${diff_ids[@]}" | jq -R . | jq -s -c .)
read -r cdg csz < <(jq -c --argjson ids "$ids_json" '. + {rootfs:{type:"layers",diff_ids:$ids}}' "$tmpl" | tr -d '\n' | put_blob)
read -r mdg msz < <(jq -n -c --arg cd "$cdg" --argjson cs "$csz" --argjson l "$layers_json" \
  '{schemaVersion:2,mediaType:"application/vnd.oci.image.manifest.v1+json",
    config:{mediaType:"application/vnd.oci.image.config.v1+json",digest:$cd,size:$cs},layers:$l}' | tr -d '\n' | put_blob)
printf '{"imageLayoutVersion":"1.0.0"}' > "$out/oci-layout"
jq -n -c --arg d "$mdg" --argjson s "$msz" \
  '{schemaVersion:2,mediaType:"application/vnd.oci.image.index.v1+json",
    manifests:[{mediaType:"application/vnd.oci.image.manifest.v1+json",digest:$d,size:$s,
                annotations:{"org.opencontainers.image.ref.name":"latest"}}]}' > "$out/index.json"
echo "$out: manifest $mdg config $cdg"
