FROM alpine:3.20
# expect: DL3018 @24 "Pin the version of `curl` (`apk add curl=<version>`)"
# expect: DL3018 @29 "`git`"
RUN apk add --no-cache curl git
# Pinned: =, ~, <, > constraints, local .apk files.
RUN apk add --no-cache curl=8.9.1-r1 git~2.45 "bash>5.2" "zlib<2" /tmp/pkgs/x.apk
# Option values are not packages: --virtual/-t, --repository/-X, --root/-p, --arch, --cache-dir.
RUN apk add --no-cache --virtual .build-deps -t .more-deps gcc=13.2.1_git20240309-r0
RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing --repository http://x/y -p /sysroot --arch aarch64 --cache-dir /tmp/c musl=1.2.5-r0
# `add` may follow global options.
# expect: DL3018 @33
RUN apk --no-cache --update add curl
# Other subcommands are not installs.
RUN apk update && apk upgrade && apk del curl && apk info curl
# Multi-line.
RUN apk add --no-cache \
# expect: DL3018 @7
      ca-certificates \
      tzdata=2024a-r1
# Wrappers, exec form, heredocs, ONBUILD.
# expect: DL3018 @29
RUN sudo apk add --no-cache curl
# expect: DL3018 @31
RUN sh -c "apk add --no-cache curl"
# expect: DL3018 @34
RUN ["apk", "add", "--no-cache", "curl"]
RUN <<EOF
# expect: DL3018 @20
apk add --no-cache curl
EOF
# expect: DL3018 @32
ONBUILD RUN apk add --no-cache curl
