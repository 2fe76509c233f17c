#!/bin/bash
# End-to-end tests of `shipshape image` on real images built here, offline, at test time:
# deterministic layouts from mkoci.sh (gzip, zstd and plain layers), docker save archives of
# both vintages from oci2dockersave.sh, and images made by buildah (from scratch, copy, config,
# commit; files deleted through `buildah mount` give real whiteouts) converted with skopeo.
# Usage: tests/image/run.sh path/to/shipshape   (needs root for buildah; jq, zstd, skopeo)
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
failed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }

# Findings of an image as "CODE image_path" lines (json format), exit code in $rc.
audit() { rc=0; "$bin" image -f json "$@" > "$w/out.json" 2> "$w/err.txt" || rc=$?; }
codes() { jq -r '[.[].code] | unique | join(" ")' "$w/out.json"; }
expect_codes() { # NAME "CODES" -- args
  local name=$1 want=$2; shift 3
  audit "$@"
  local got; got=$(codes)
  [[ $got == "$want" ]] || fail "$name: codes '$got', expected '$want' ($(cat "$w/err.txt"))"
}
expect_finding() { # NAME CODE IMAGE_PATH [MESSAGE_SUBSTRING]
  jq -e --arg c "$2" --arg p "$3" --arg m "${4:-}" \
    'any(.[]; .code == $c and (.image_path // "") == $p and (.message | contains($m)))' \
    "$w/out.json" > /dev/null || fail "$1: no $2 at '$3' ${4:+containing '$4'}"
}
expect_error() { # NAME MESSAGE_SUBSTRING -- args
  local name=$1 msg=$2; shift 3
  audit "$@"
  [[ $rc == 2 ]] || fail "$name: exit $rc, expected 2"
  grep -qF -- "$msg" "$w/err.txt" || fail "$name: stderr lacks '$msg': $(cat "$w/err.txt")"
}

# --- deterministic layouts (mkoci.sh) -------------------------------------------------------
G=$w/gen
mkdir -p $G/a/etc $G/a/data/old $G/a/usr/bin $G/b/data $G/c/usr/bin $G/c/app
printf 'root:x:0:0:root:/root:/bin/sh\n' > $G/a/etc/passwd
head -c 200000 /dev/zero > $G/a/data/old/big; echo keep > $G/a/data/old/small
printf '#!/bin/sh\n' > $G/a/usr/bin/tool; chmod 4755 $G/a/usr/bin/tool
: > $G/b/data/.wh..wh..opq; echo new > $G/b/data/new
: > $G/c/usr/bin/.wh.tool; echo 'TOKEN=x' > $G/c/app/.env
cat > $G/cfg.json <<'JSON'
{"created":"1970-01-01T00:00:00Z","architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/bin:/bin"],"Cmd":["/bin/sh"],
   "Healthcheck":{"Test":["CMD-SHELL","true"],"Interval":30000000000}},
 "history":[
  {"created_by":"COPY rootfs/ / # buildkit","comment":"buildkit.dockerfile.v0"},
  {"created_by":"ARG NPM_TOKEN=npm_FAKEtoken123","comment":"buildkit.dockerfile.v0","empty_layer":true},
  {"created_by":"RUN |1 NPM_TOKEN=npm_FAKEtoken123 /bin/sh -c rm -rf /data/* && echo new > /data/new # buildkit","comment":"buildkit.dockerfile.v0"},
  {"created_by":"RUN /bin/sh -c rm /usr/bin/tool # buildkit","comment":"buildkit.dockerfile.v0"}]}
JSON
"$here/mkoci.sh" $w/mixed.oci $G/cfg.json $G/a:zstd $G/b:gzip $G/c:none > /dev/null
"$here/mkoci.sh" $G/plain $G/cfg.json $G/a:none $G/b:none $G/c:none > /dev/null
"$here/mkoci.sh" $G/gz $G/cfg.json $G/a:gzip $G/b:gzip $G/c:gzip > /dev/null
"$here/oci2dockersave.sh" docker25 $G/plain $w/docker25-graphdriver.tar fx/10:latest > /dev/null
"$here/oci2dockersave.sh" docker25 $G/gz $w/docker25-containerd.tar fx/11:latest > /dev/null
"$here/oci2dockersave.sh" legacy $G/gz $w/legacy.tar fx/12:latest > /dev/null
tar -C $w/mixed.oci -cf $w/mixed.oci.tar .
# Every input format gives the same findings: root, the build arg in history (ARG and RUN),
# .env, the 200 kB hidden by the opaque folder; the setuid tool is deleted, so no SP808.
for input in $w/mixed.oci $w/mixed.oci.tar $w/docker25-graphdriver.tar $w/docker25-containerd.tar $w/legacy.tar; do
  expect_codes "$(basename $input)" "SP801 SP804 SP806 SP810" -- "$input"
  [[ $rc == 1 ]] || fail "$input: exit $rc, expected 1"
  expect_finding "$input" SP806 /app/.env
  expect_finding "$input" SP810 /data/old/big "deleted by layer 1"
  [[ $(jq '[.[] | select(.code == "SP804")] | length' $w/out.json) == 2 ]] || fail "$input: SP804 twice"
  jq -e 'all(.[]; .file != null and has("layer") and has("image_path"))' $w/out.json > /dev/null ||
    fail "$input: findings lack file/layer/image_path"
done
audit $w/docker25-containerd.tar
expect_finding docker25 SP804 "" "NPM_TOKEN"
jq -e 'any(.[]; .code == "SP804" and .layer.index == 1 and (.layer.created_by | startswith("RUN |1")))' $w/out.json > /dev/null ||
  fail "SP804 does not name layer 1 and its created_by"
# Standard input.
rc=0; "$bin" image -f json - < $w/legacy.tar > $w/out.json 2> $w/err.txt || rc=$?
[[ $(codes) == "SP801 SP804 SP806 SP810" ]] || fail "stdin: $(codes) $(cat $w/err.txt)"
cat $w/docker25-graphdriver.tar | gzip -c | "$bin" image -f json - > $w/out.json 2> $w/err.txt || true
[[ $(codes) == "SP801 SP804 SP806 SP810" ]] || fail "gzip stdin: $(codes) $(cat $w/err.txt)"
# Selection, severity, exit codes.
expect_codes select "SP806" -- --select SP806 $w/mixed.oci
expect_codes ignore "SP801 SP804 SP810" -- --ignore SP806 $w/mixed.oci
audit --no-fail $w/mixed.oci; [[ $rc == 0 ]] || fail "--no-fail: exit $rc"
audit -t error --ignore SP804,SP806 $w/mixed.oci; [[ $rc == 0 ]] || fail "-t error: exit $rc"

# A clean image: non-root user from /etc/passwd, health check, nothing to say.
C=$w/clean; mkdir -p $C/l/etc $C/l/app $C/l/tmp
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/app:/sbin/nologin\n' > $C/l/etc/passwd
echo 'app:x:10001:' > $C/l/etc/group; printf 'binary' > $C/l/app/server; chmod 755 $C/l/app/server; chmod 1777 $C/l/tmp
cat > $C/cfg.json <<'JSON'
{"architecture":"amd64","os":"linux","config":{"User":"app","ExposedPorts":{"8080/tcp":{}},
 "Entrypoint":["/app/server"],"Healthcheck":{"Test":["CMD","/app/server","-health"]},
 "Labels":{"org.opencontainers.image.source":"https://example.invalid/app"}},
 "history":[{"created_by":"COPY rootfs/ / # buildkit"}]}
JSON
"$here/mkoci.sh" $w/clean.oci $C/cfg.json $C/l:gzip > /dev/null
expect_codes clean "" -- $w/clean.oci
[[ $rc == 0 ]] || fail "clean: exit $rc"
expect_codes clean-all "" -- --select ALL $w/clean.oci

# Everything wrong at once.
B=$w/bad; mkdir -p $B/l1/root/.ssh $B/l1/bin $B/l1/var/lib/apt/lists $B/l1/var/cache/apt/archives \
  $B/l1/root/.cache/pip $B/l1/var/cache/apk $B/l1/app/.git $B/l1/app/.aws $B/l1/usr/bin $B/l1/data $B/l1/tmp $B/l1/etc \
  $B/l2/root/.ssh $B/l2/etc
printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nFAKE\n-----END OPENSSH PRIVATE KEY-----\n' > $B/l1/root/.ssh/id_rsa
: > $B/l2/root/.ssh/.wh.id_rsa
printf '#!/bin/sh\n' > $B/l1/bin/sh
echo 'Package: curl' > $B/l1/var/lib/apt/lists/deb.example.invalid_dists_stable_main_binary-amd64_Packages
: > $B/l1/var/lib/apt/lists/lock
head -c 65536 /dev/zero > $B/l1/var/cache/apt/archives/curl_8.0_amd64.deb
echo x > $B/l1/root/.cache/pip/wheel; echo x > $B/l1/var/cache/apk/APKINDEX.tar.gz
echo '//npm.example.invalid/:_authToken=npm_FAKE' > $B/l1/app/.npmrc
echo 'ref: refs/heads/main' > $B/l1/app/.git/HEAD
printf '[default]\naws_secret_access_key = FAKE\n' > $B/l1/app/.aws/credentials
printf '#!/bin/sh\n' > $B/l1/usr/bin/suid-tool; chmod 4755 $B/l1/usr/bin/suid-tool
printf '#!/bin/sh\n' > $B/l1/usr/bin/sgid-tool; chmod 2755 $B/l1/usr/bin/sgid-tool
echo data > $B/l1/data/shared; chmod 666 $B/l1/data/shared; chmod 777 $B/l1/data; chmod 1777 $B/l1/tmp
head -c 300000 /dev/zero > $B/l1/etc/blob.bin; head -c 300001 /dev/zero > $B/l2/etc/blob.bin
cat > $B/cfg.json <<'JSON'
{"architecture":"amd64","os":"linux","config":{"User":"0:0",
 "Env":["PATH=/bin","DB_PASSWORD=hunter2","GH=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB","GPG_KEY=0123456789ABCDEF"],
 "ExposedPorts":{"8080/tcp":{}},"Labels":{"com.example.deploy-token":"s3cr3tvalue"}},
 "history":[{"created_by":"|1 NPM_TOKEN=npm_FAKEtoken123 /bin/sh -c echo hi > /x"},
            {"created_by":"/bin/sh -c rm /root/.ssh/id_rsa"}]}
JSON
"$here/mkoci.sh" $w/bad.oci $B/cfg.json $B/l1:gzip $B/l2:zstd > /dev/null
expect_codes bad "SP801 SP802 SP803 SP804 SP805 SP806 SP807 SP808 SP809 SP810 SP811" -- $w/bad.oci
for p in /root/.ssh/id_rsa /app/.npmrc /app/.git /app/.aws/credentials; do expect_finding bad SP806 $p; done
expect_finding bad SP806 /root/.ssh/id_rsa "still ships it"
for p in /var/lib/apt/lists /var/cache/apt /root/.cache/pip /var/cache/apk; do expect_finding bad SP807 $p; done
expect_finding bad SP808 /usr/bin/suid-tool setuid; expect_finding bad SP808 /usr/bin/sgid-tool setgid
expect_finding bad SP809 /data/shared; expect_finding bad SP809 /data
jq -e 'all(.[]; .image_path != "/tmp")' $w/out.json > /dev/null || fail "bad: /tmp (1777) reported"
expect_finding bad SP810 /etc/blob.bin overwritten; expect_finding bad SP811 /bin/sh
jq -e 'any(.[]; .code == "SP802" and .level == "warning")' $w/out.json > /dev/null || fail "SP802 not a warning with ports"
[[ $(jq '[.[] | select(.code == "SP803")] | length' $w/out.json) == 2 ]] || fail "SP803: DB_PASSWORD and GH only"
jq -e 'all(.[]; (.message | contains("hunter2") | not) and (.message | contains("ghp_0123") | not))' $w/out.json > /dev/null ||
  fail "a secret value is printed"
expect_codes bad-large "SP812" -- --select SP812 $w/bad.oci  # no: < 1 GB and no base known
