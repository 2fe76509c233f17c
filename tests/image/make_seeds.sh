#!/bin/bash
# Writes the fuzz seeds of the `image` target, tests/regressions/image/seed-*.tar: a small image
# (root user, a secret env, a build arg in history, a setuid file, a .env whited out by a zstd
# layer) as Docker 25+ and legacy docker save archives and as an oci-archive.
# Usage: tests/image/make_seeds.sh   (deterministic: mkoci.sh and oci2dockersave.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../regressions/image
s=$(mktemp -d); trap 'rm -rf "$s"' EXIT
mkdir -p $s/a/etc $s/a/app $s/b/app
printf 'root:x:0:0::/root:/bin/sh\n' > $s/a/etc/passwd; chmod 4755 $s/a/etc/passwd
echo 'A=1' > $s/a/app/.env; : > $s/b/app/.wh..env
echo '{"architecture":"amd64","os":"linux","config":{"User":"0","Env":["DB_PASSWORD=x1"]},"history":[{"created_by":"|1 TOKEN=abc /bin/sh -c x"},{"created_by":"RUN /bin/sh -c rm /app/.env # buildkit"}]}' > $s/cfg.json
"$here/mkoci.sh" $s/gz $s/cfg.json $s/a:gzip $s/b:zstd > /dev/null
"$here/mkoci.sh" $s/pl $s/cfg.json $s/a:none $s/b:none > /dev/null
mkdir -p "$out"
"$here/oci2dockersave.sh" docker25 $s/gz "$out/seed-docker25.tar" fx/s:1 > /dev/null
"$here/oci2dockersave.sh" legacy $s/pl "$out/seed-legacy.tar" fx/s:1 > /dev/null
(cd $s/gz && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$out/seed-oci-archive.tar" .)
