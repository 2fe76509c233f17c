#!/usr/bin/env bash
# `shipshape pin` against a real registry: Debian's docker-registry (the CNCF distribution
# server) started on 127.0.0.1 with its storage in a temporary folder, images made offline with
# umoci (two single-platform images and a multi-platform index) and pushed with skopeo, and a
# bearer-token front (token_proxy.py) for the WWW-Authenticate flow and Docker config
# credentials. Every process started here is stopped on exit, failure included.
# Usage: registry_test.sh path/to/shipshape
set -uo pipefail

shipshape=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
for tool in docker-registry skopeo umoci python3; do
  command -v "$tool" >/dev/null || {
    echo "registry: $tool is missing (scripts/setup-deps.sh installs it)" >&2
    exit 1
  }
done

tmp=$(mktemp -d)
registry_pid=
proxy_pid=
stop() {
  [[ -n $registry_pid ]] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null
  registry_pid=
}
cleanup() {
  stop
  [[ -n $proxy_pid ]] && kill "$proxy_pid" 2>/dev/null && wait "$proxy_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP  # the EXIT trap then stops the servers too

failed=0
passed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port=$(free_port)
reg=127.0.0.1:$port
cat >"$tmp/registry.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $tmp/storage
http:
  addr: $reg
YAML
start() {
  docker-registry serve "$tmp/registry.yml" >>"$tmp/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 100); do
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
      "http://$reg/v2/" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "registry: the registry did not start:" >&2
  cat "$tmp/registry.log" >&2
  exit 1
}
start

# The images: amd64 and arm64 (an index of both), and `other`, a different image.
oci=$tmp/oci
umoci init --layout "$oci"
for name in amd64 arm64 other; do
  umoci new --image "$oci:$name"
done
umoci config --image "$oci:amd64" --os linux --architecture amd64
umoci config --image "$oci:arm64" --os linux --architecture arm64
umoci config --image "$oci:other" --os linux --architecture amd64 --config.label version=2
# umoci makes no index: write one into the layout and name it `multi`.
python3 - "$oci" <<'PY'
import hashlib, json, os, sys
layout = sys.argv[1]
index_path = os.path.join(layout, "index.json")
index = json.load(open(index_path))
by_name = {m["annotations"]["org.opencontainers.image.ref.name"]: m for m in index["manifests"]}
entries = []
for arch in ("amd64", "arm64"):
    m = dict(by_name[arch])
    del m["annotations"]
    m["platform"] = {"os": "linux", "architecture": arch}
    entries.append(m)
blob = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                   "manifests": entries}).encode()
digest = hashlib.sha256(blob).hexdigest()
open(os.path.join(layout, "blobs", "sha256", digest), "wb").write(blob)
index["manifests"].append({"mediaType": "application/vnd.oci.image.index.v1+json",
                           "digest": "sha256:" + digest, "size": len(blob),
                           "annotations": {"org.opencontainers.image.ref.name": "multi"}})
json.dump(index, open(index_path, "w"))
PY
layout_digest() {
  python3 -c 'import json, sys
for m in json.load(open(sys.argv[1]))["manifests"]:
    if m["annotations"]["org.opencontainers.image.ref.name"] == sys.argv[2]:
        print(m["digest"])' "$oci/index.json" "$1"
}
d_amd64=$(layout_digest amd64)
d_other=$(layout_digest other)
d_multi=$(layout_digest multi)
push() {  # push OCI-NAME REPO:TAG [--all]
  skopeo copy -q ${3:-} --dest-tls-verify=false "oci:$oci:$1" "docker://$reg/$2" >/dev/null \
    || { echo "registry: skopeo could not push $1" >&2; exit 1; }
}
push amd64 single:1
push multi multi:1 --all
# The registry serves exactly the bytes made here.
[[ $(skopeo inspect --raw --tls-verify=false "docker://$reg/multi:1" | sha256sum | cut -d' ' -f1) \
  == "${d_multi#sha256:}" ]] || { echo "registry: the pushed index is not the one made" >&2; exit 1; }

# expect NAME WANT_EXIT COMMAND...: runs it in $work, keeping stdout and stderr.
expect() {
  local name=$1 want=$2
  shift 2
  (cd "$work" && "$@" >"$tmp/out" 2>"$tmp/err")
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "$name: exit $got, want $want"
    sed 's/^/  stdout: /' "$tmp/out" >&2
    sed 's/^/  stderr: /' "$tmp/err" >&2
    return 1
  fi
  ok
}
has() {  # has NAME FILE PATTERN: a fixed string in the file
  grep -qF -- "$3" "$2" && ok || { fail "$1: no \`$3\` in $(basename "$2"):"; sed 's/^/  /' "$2" >&2; }
}
hasnt() {
  grep -qF -- "$3" "$2" && { fail "$1: \`$3\` in $(basename "$2")"; sed 's/^/  /' "$2" >&2; } || ok
}
same() {  # same NAME FILE COPY: unchanged
  cmp -s "$2" "$3" && ok || { fail "$1: $2 changed"; diff "$3" "$2" >&2; }
}

new_work() { work=$tmp/work-$1; mkdir -p "$work"; }

# --- pin: FROM (single platform and index), ARG default, COPY --from, RUN --mount from= ---
new_work pin
cat >"$work/Dockerfile" <<DF
ARG BASE=$reg/single:1
FROM \${BASE} AS base
RUN true

FROM $reg/multi:1 AS m
COPY --from=$reg/single:1 /etc/os-release /tmp/a
COPY --from=base /etc/hostname /tmp/b
RUN --mount=type=bind,from=$reg/multi:1,target=/m true
DF
cp "$work/Dockerfile" "$tmp/original"
expect "pin --diff" 0 "$shipshape" pin --diff Dockerfile
has "pin --diff" "$tmp/out" "+ARG BASE=$reg/single:1@$d_amd64"
has "pin --diff" "$tmp/out" "+++ b/shipshape.lock"
same "pin --diff writes nothing" "$work/Dockerfile" "$tmp/original"
[[ ! -e $work/shipshape.lock ]] && ok || fail "pin --diff created the lock file"

expect "pin --check, unpinned" 1 "$shipshape" pin --check Dockerfile
has "pin --check, unpinned" "$tmp/out" "Dockerfile:2:6: \`$reg/single:1\` is not pinned by digest"
has "pin --check, unpinned" "$tmp/out" "Dockerfile:5:6: \`$reg/multi:1\` is not pinned"
has "pin --check, unpinned" "$tmp/out" "Dockerfile:6:6: \`$reg/single:1\`"
has "pin --check, unpinned" "$tmp/out" "Dockerfile:8:5: \`$reg/multi:1\`"

expect "pin" 0 "$shipshape" pin Dockerfile
cat >"$tmp/want" <<DF
ARG BASE=$reg/single:1@$d_amd64
FROM \${BASE} AS base
RUN true

FROM $reg/multi:1@$d_multi AS m
COPY --from=$reg/single:1@$d_amd64 /etc/os-release /tmp/a
COPY --from=base /etc/hostname /tmp/b
RUN --mount=type=bind,from=$reg/multi:1@$d_multi,target=/m true
DF
same "pin: the index digest for multi:1, the ARG default, COPY and mount" "$work/Dockerfile" "$tmp/want"
has "pin: lock" "$work/shipshape.lock" "\"$reg/single:1\": \"$d_amd64\""
has "pin: lock" "$work/shipshape.lock" "\"$reg/multi:1\": \"$d_multi\""
has "pin: lock" "$work/shipshape.lock" '"version": 1'
has "pin: report" "$tmp/out" "Dockerfile:5:6: pinned \`$reg/multi:1\` to $d_multi"
expect "pin --check, pinned" 0 "$shipshape" pin --check Dockerfile
expect "pin again: nothing to do" 0 "$shipshape" pin --diff Dockerfile
[[ ! -s $tmp/out ]] && ok || fail "pin again: a diff: $(cat "$tmp/out")"

# --- the tag moves: --check fails, --update repins and refreshes the lock ---
push other single:1
expect "pin --check, retagged" 1 "$shipshape" pin --check Dockerfile
has "pin --check, retagged" "$tmp/out" \
  "Dockerfile:2:6: \`$reg/single:1\` is pinned to $d_amd64, but its tag now serves $d_other"
has "pin --check, retagged" "$tmp/out" "Dockerfile:6:6:"
hasnt "pin --check, retagged: multi:1 did not move" "$tmp/out" "Dockerfile:5:6:"
expect "pin --check --offline, lock not updated yet" 0 "$shipshape" pin --check --offline Dockerfile
expect "pin --update" 0 "$shipshape" pin --update Dockerfile
has "pin --update" "$work/Dockerfile" "ARG BASE=$reg/single:1@$d_other"
has "pin --update" "$work/Dockerfile" "COPY --from=$reg/single:1@$d_other /etc"
has "pin --update" "$work/Dockerfile" "FROM $reg/multi:1@$d_multi AS m"
has "pin --update: lock" "$work/shipshape.lock" "\"$reg/single:1\": \"$d_other\""
expect "pin --check after --update" 0 "$shipshape" pin --check Dockerfile
expect "pin --check --offline after --update" 0 "$shipshape" pin --check --offline Dockerfile
push amd64 single:1  # back as it was for what follows

# --- errors leave every file unchanged ---
new_work errors
printf 'FROM %s/single:1\n' "$reg" >"$work/Dockerfile"
printf 'FROM %s/single:nope\n' "$reg" >"$work/Dockerfile.bad"
cp "$work/Dockerfile" "$tmp/good"
cp "$work/Dockerfile.bad" "$tmp/bad"
expect "unknown tag" 2 "$shipshape" pin Dockerfile Dockerfile.bad
has "unknown tag" "$tmp/err" "shipshape: error: Dockerfile.bad:1:6: $reg/single:nope: unknown tag \`nope\`"
has "unknown tag" "$tmp/err" "nothing was written"
same "unknown tag: the good file is not written either" "$work/Dockerfile" "$tmp/good"
same "unknown tag: the bad file" "$work/Dockerfile.bad" "$tmp/bad"
[[ ! -e $work/shipshape.lock ]] && ok || fail "unknown tag: a lock file was written"
printf 'FROM %s/nosuchrepo:1\n' "$reg" >"$work/Dockerfile.repo"
expect "unknown repository" 2 "$shipshape" pin Dockerfile.repo
# distribution 2.8 answers MANIFEST_UNKNOWN for a repository it does not have.
has "unknown repository" "$tmp/err" "$reg/nosuchrepo:1: unknown tag \`1\` ($reg answered HTTP 404"

# --- offline: the lock file only ---
new_work offline
cp "$tmp/work-pin/shipshape.lock" "$work/deps.lock"
printf 'FROM %s/single:1\nFROM %s/multi:1\n' "$reg" "$reg" >"$work/Dockerfile"
printf 'FROM %s/single:2\n' "$reg" >"$work/Dockerfile.unlocked"
cp "$work/Dockerfile.unlocked" "$tmp/unlocked"
stop  # the registry is down from here on
expect "registry down" 2 "$shipshape" pin --lock nowhere.lock Dockerfile
has "registry down" "$tmp/err" "registry unreachable at http://$reg/v2/single/manifests/1 after 4 tries"
has "registry down: file unchanged" "$work/Dockerfile" "FROM $reg/single:1"$'\n'
[[ ! -e $work/nowhere.lock ]] && ok || fail "registry down: a lock file was written"
expect "pin --offline" 0 "$shipshape" pin --offline --lock deps.lock Dockerfile
has "pin --offline" "$work/Dockerfile" "FROM $reg/single:1@$d_other"
has "pin --offline" "$work/Dockerfile" "FROM $reg/multi:1@$d_multi"
expect "pin --check --offline" 0 "$shipshape" pin --check --offline --lock deps.lock Dockerfile
expect "pin --offline, not in the lock" 2 "$shipshape" pin --offline --lock deps.lock Dockerfile.unlocked
has "pin --offline, not in the lock" "$tmp/err" "\`$reg/single:2\` is not in the lock file deps.lock"
same "pin --offline, not in the lock: unchanged" "$work/Dockerfile.unlocked" "$tmp/unlocked"
expect "pin --update --offline" 2 "$shipshape" pin --update --offline Dockerfile
start

# --- plain HTTP only for loopback registries and --insecure-registry ones ---
new_work http
printf 'FROM localhost:%s/single:1\n' "$port" >"$work/Dockerfile"
expect "localhost is loopback" 0 "$shipshape" pin Dockerfile
has "localhost is loopback" "$work/Dockerfile" "FROM localhost:$port/single:1@$d_amd64"
printf 'FROM registry.invalid:%s/single:1\n' "$port" >"$work/Dockerfile.remote"
expect "a remote registry is https" 2 "$shipshape" pin --timeout 5 Dockerfile.remote
has "a remote registry is https" "$tmp/err" "at https://registry.invalid:$port/v2/single/manifests/1"
expect "--insecure-registry" 2 "$shipshape" pin --timeout 5 \
  --insecure-registry "registry.invalid:$port" Dockerfile.remote
has "--insecure-registry" "$tmp/err" "at http://registry.invalid:$port/v2/single/manifests/1"

# --- bearer tokens from the WWW-Authenticate challenge, Docker config credentials, retries ---
coproc proxy { exec python3 "$here/token_proxy.py" "$port"; }
proxy_pid=$proxy_PID
read -r -t 10 proxy_port <&"${proxy[0]}" || { echo "registry: the token server did not start" >&2; exit 1; }
auth=127.0.0.1:$proxy_port
new_work auth
printf 'FROM %s/single:1\nFROM %s/single:flaky\n' "$auth" "$auth" >"$work/Dockerfile"
printf 'FROM %s/private:1\n' "$auth" >"$work/Dockerfile.private"
cp "$work/Dockerfile.private" "$tmp/private"
mkdir -p "$work/empty-config" "$work/config"
echo '{}' >"$work/empty-config/config.json"
expect "anonymous bearer token; a 503 retried" 0 env DOCKER_CONFIG="$work/empty-config" \
  "$shipshape" pin Dockerfile
has "anonymous bearer token" "$work/Dockerfile" "FROM $auth/single:1@$d_amd64"
has "a 503 retried" "$work/Dockerfile" "FROM $auth/single:flaky@$d_amd64"
expect "unauthorized" 2 env DOCKER_CONFIG="$work/empty-config" "$shipshape" pin Dockerfile.private
has "unauthorized" "$tmp/err" "unauthorized"
same "unauthorized: unchanged" "$work/Dockerfile.private" "$tmp/private"
printf '{"auths": {"http://%s": {"auth": "%s"}}}\n' "$auth" "$(printf user:secret | base64)" \
  >"$work/config/config.json"
expect "Docker config credentials" 0 env DOCKER_CONFIG="$work/config" \
  "$shipshape" pin Dockerfile.private
has "Docker config credentials" "$work/Dockerfile.private" "FROM $auth/private:1@$d_amd64"
printf '{"auths": {"%s": {"username": "user", "password": "wrong"}}}\n' "$auth" \
  >"$work/config/config.json"
cp "$tmp/private" "$work/Dockerfile.private"
rm "$work/shipshape.lock"  # else pin takes the digest from it
expect "wrong credentials" 2 env DOCKER_CONFIG="$work/config" "$shipshape" pin Dockerfile.private
has "wrong credentials" "$tmp/err" "refused the Docker config's credentials"
same "wrong credentials: unchanged" "$work/Dockerfile.private" "$tmp/private"

echo "registry: $passed passed, $failed failed"
((failed == 0))
