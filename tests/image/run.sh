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
expect_codes bad-large "" -- --select SP812 $w/bad.oci  # under 1 GB, no base image known

# --- images made by buildah, converted by skopeo ---------------------------------------------
B="buildah --storage-driver vfs --root $w/bstore --runroot $w/brun"
X=$w/ctx; mkdir -p $X
printf 'root:x:0:0:root:/root:/sbin/nologin\n' > $X/passwd
printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nFAKE\n-----END OPENSSH PRIVATE KEY-----\n' > $X/id_rsa
c1=$($B from -q scratch)
$B copy -q $c1 $X/passwd /etc/passwd > /dev/null
$B copy -q $c1 $X/id_rsa /root/.ssh/id_rsa > /dev/null
$B config --created-by "COPY id_rsa /root/.ssh/id_rsa # buildkit" $c1
$B commit -q --format docker $c1 fx-base > /dev/null
c2=$($B from -q fx-base)
mnt=$($B mount $c2); rm "$mnt/root/.ssh/id_rsa"; $B umount $c2 > /dev/null
$B config --user 1000 --env GH_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB --port 8080 \
  --created-by "RUN /bin/sh -c rm /root/.ssh/id_rsa # buildkit" $c2
$B commit -q --format docker $c2 fx-app > /dev/null
$B push -q fx-app oci-archive:$w/bh.oci.tar
$B push -q --compression-format zstd fx-app oci-archive:$w/bh-zstd.oci.tar
$B push -q fx-app docker-archive:$w/bh.docker.tar:fx/app:latest
skopeo copy -q oci-archive:$w/bh.oci.tar docker-archive:$w/bh-skopeo.docker.tar:fx/app:latest
skopeo copy -q oci-archive:$w/bh.oci.tar oci:$w/bh-layout:latest
# The OCI conversions drop the health check and keep the rest: no USER root, the token in Env,
# the port without a health check, the deleted key still in layer 0, dive's efficiency.
for input in $w/bh.oci.tar $w/bh-zstd.oci.tar $w/bh.docker.tar $w/bh-skopeo.docker.tar $w/bh-layout; do
  expect_codes "$(basename $input)" "SP802 SP803 SP806 SP810" -- "$input"
  expect_finding "$input" SP806 /root/.ssh/id_rsa "still ships it"
done
rc=0; "$bin" image -f json - < $w/bh.docker.tar > $w/out.json 2> $w/err.txt || rc=$?
[[ $(codes) == "SP802 SP803 SP806 SP810" ]] || fail "buildah stdin: $(codes) $(cat $w/err.txt)"
# --dockerfile: the layer's finding points at the instruction that made the layer.
printf 'FROM scratch\nCOPY passwd /etc/passwd\nCOPY id_rsa /root/.ssh/id_rsa\nRUN rm /root/.ssh/id_rsa\nUSER 1000\n' > $w/Dockerfile
rc=0; "$bin" image -f sarif --dockerfile $w/Dockerfile $w/bh.oci.tar > $w/out.sarif || rc=$?
jq -e '.runs[0].results | any(.ruleId == "SP806" and .locations[0].physicalLocation.artifactLocation.uri == "'"${w#/}"'/Dockerfile" or (.ruleId == "SP806" and (.locations[0].physicalLocation.artifactLocation.uri | endswith("/Dockerfile")) and .locations[0].physicalLocation.region.startLine == 3))' \
  $w/out.sarif > /dev/null || fail "--dockerfile: SP806 does not point at line 3 of the Dockerfile"
# Every format carries the image findings.
for f in tty json sarif checkstyle codeclimate gitlab_codeclimate gnu junit github sonarqube codacy; do
  rc=0; "$bin" image -f $f $w/bh.oci.tar > $w/out.$f 2> $w/err.txt || rc=$?
  [[ $rc == 1 ]] || fail "format $f: exit $rc $(cat $w/err.txt)"
  grep -q "root/.ssh/id_rsa" $w/out.$f || fail "format $f: no image path"
  grep -q "SP806" $w/out.$f || fail "format $f: no SP806"
done
grep -q "efficiency" $w/out.tty || fail "tty: no layer table"

# --- multi-platform index and --platform ------------------------------------------------------
M=$w/multi; mkdir -p $M/l; echo hello > $M/l/hello.txt
for arch in amd64 arm64; do
  jq -n --arg a $arch '{architecture:$a,os:"linux",config:{User:"1000"},history:[{created_by:"COPY hello.txt /"}]}' > $M/$arch.json
  "$here/mkoci.sh" $M/$arch $M/$arch.json $M/l:gzip > /dev/null
done
mkdir -p $w/multi.oci/blobs/sha256; cp $M/amd64/blobs/sha256/* $w/multi.oci/blobs/sha256/; cp -n $M/arm64/blobs/sha256/* $w/multi.oci/blobs/sha256/
cp $M/amd64/oci-layout $w/multi.oci/
inner=$(jq -c -n --argjson a "$(jq '.manifests[0]' $M/amd64/index.json)" --argjson b "$(jq '.manifests[0]' $M/arm64/index.json)" \
  '{schemaVersion:2,mediaType:"application/vnd.oci.image.index.v1+json",manifests:[
    ($a | del(.annotations) | .platform = {os:"linux",architecture:"amd64"}),
    ($b | del(.annotations) | .platform = {os:"linux",architecture:"arm64"}),
    {mediaType:"application/vnd.oci.image.manifest.v1+json",digest:$a.digest,size:$a.size,platform:{os:"unknown",architecture:"unknown"}}]}' | tr -d '\n')
printf '%s' "$inner" > $w/inner.json
d=$(sha256sum $w/inner.json | cut -c1-64); cp $w/inner.json $w/multi.oci/blobs/sha256/$d
jq -n -c --arg d sha256:$d --argjson s $(stat -c %s $w/inner.json) \
  '{schemaVersion:2,manifests:[{mediaType:"application/vnd.oci.image.index.v1+json",digest:$d,size:$s}]}' > $w/multi.oci/index.json
"$bin" image $w/multi.oci > $w/out.tty 2>&1 || true
grep -q "linux/amd64" $w/out.tty && grep -q "linux/arm64" $w/out.tty || fail "multi: both platforms: $(cat $w/out.tty)"
"$bin" image --platform linux/arm64 $w/multi.oci > $w/out.tty 2>&1 || true
grep -q "linux/arm64" $w/out.tty && ! grep -q "linux/amd64" $w/out.tty || fail "--platform: $(cat $w/out.tty)"
expect_error platform-missing "no image for platform linux/s390x" -- --platform linux/s390x $w/multi.oci

# --- hostile and broken inputs: a clear error, exit 2 ----------------------------------------
cp -r $w/mixed.oci $w/tampered.oci
blob=$(jq -r '.manifests[0].digest' $w/mixed.oci/index.json | cut -d: -f2)
layer=$(jq -r '.layers[2].digest' $w/mixed.oci/blobs/sha256/$blob | cut -d: -f2)  # the plain tar
chmod u+w $w/tampered.oci/blobs/sha256/$layer; printf 'x' >> $w/tampered.oci/blobs/sha256/$layer
expect_error tampered "blob sha256:$layer does not match its digest" -- $w/tampered.oci
expect_error not-image "not a readable tar" -- $w/Dockerfile
tar -C $w -cf $w/no-manifest.tar Dockerfile
expect_error no-manifest "not an image archive (no manifest.json" -- $w/no-manifest.tar
expect_error missing "No such file" -- $w/nothing.tar
head -c 3000 $w/legacy.tar > $w/truncated.tar
expect_error truncated "" -- $w/truncated.tar
# A zstd bomb: 200 MB of zeros in a few kB.
H=$w/bomb; mkdir -p $H/l; head -c 200000000 /dev/zero > $H/l/zeros
echo '{"architecture":"amd64","os":"linux","config":{}}' > $H/cfg.json
"$here/mkoci.sh" $w/bomb.oci $H/cfg.json $H/l:zstd > /dev/null; rm -rf $H
expect_error bomb "decompresses more than 1000 times" -- $w/bomb.oci
# Traversal names and escaping links are data: read, reported, never followed.
T=$w/trav; mkdir -p $T; (cd $T && mkdir -p x && ln -s ../../../../etc/shadow x/link && echo s > x/f)
tar -P -C $T -cf $w/trav-layer.tar --transform 's,^x/f$,../../escape,' x/link x/f
gzip -n -c $w/trav-layer.tar > $w/trav-layer.tar.gz
mkdir -p $w/trav.oci/blobs/sha256; cp $w/clean.oci/oci-layout $w/trav.oci/
ld=$(sha256sum $w/trav-layer.tar.gz | cut -c1-64); cp $w/trav-layer.tar.gz $w/trav.oci/blobs/sha256/$ld
di=$(sha256sum $w/trav-layer.tar | cut -c1-64)
printf '{"architecture":"amd64","os":"linux","config":{"User":"1"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' $di > $w/c.json
cd_=$(sha256sum $w/c.json | cut -c1-64); cp $w/c.json $w/trav.oci/blobs/sha256/$cd_
printf '{"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%d}]}' \
  $cd_ $(stat -c %s $w/c.json) $ld $(stat -c %s $w/trav-layer.tar.gz) > $w/m.json
md=$(sha256sum $w/m.json | cut -c1-64); cp $w/m.json $w/trav.oci/blobs/sha256/$md
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d}]}' $md $(stat -c %s $w/m.json) > $w/trav.oci/index.json
audit $w/trav.oci
[[ $rc == 0 || $rc == 1 ]] || fail "traversal: exit $rc $(cat $w/err.txt)"

if ((failed)); then echo "image: $failed failure(s)" >&2; exit 1; fi
echo "image: all checks passed"
