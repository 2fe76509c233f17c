FROM alpine:3.20
# expect: DL3019 @5 fix=unsafe "`apk add` without `--no-cache`"
RUN apk add --no-cache curl=8.9.1-r1
# expect: DL3019 @5
RUN apk --update add --no-cache curl=8.9.1-r1
RUN apk add --no-cache curl=8.9.1-r1 && apk --no-cache add git=2.45.2-r0
# --no-network downloads nothing.
RUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1
# Removing the cache in the same RUN leaves nothing behind (hadolint still reports it).
RUN apk add --update curl=8.9.1-r1 && rm -rf /var/cache/apk/*
# A removal before the add does not.
# expect: DL3019 @32
RUN rm -rf /var/cache/apk/* && apk add --no-cache curl=8.9.1-r1
# Cache, tmpfs and bind mounts keep the cache out of the image.
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r1
RUN --mount=type=cache,target=/etc/apk/cache apk add curl=8.9.1-r1
RUN --mount=type=tmpfs,target=/var/cache apk add curl=8.9.1-r1
# Other subcommands do not fetch for installing.
RUN apk update && apk del curl && apk info
# Multi-line, wrappers, exec form, heredocs, ONBUILD.
RUN set -eux; \
# expect: DL3019 @5
    apk add --no-cache \
      curl=8.9.1-r1
# expect: DL3019 @10
RUN sudo apk add --no-cache curl=8.9.1-r1
# expect: DL3019 @12
RUN sh -c 'apk add --no-cache curl=8.9.1-r1'
# expect: DL3019 @6
RUN ["apk", "add", "--no-cache", "curl=8.9.1-r1"]
RUN <<EOF
# expect: DL3019 @1
apk add --no-cache curl=8.9.1-r1
EOF
# expect: DL3019 @13
ONBUILD RUN apk add --no-cache curl=8.9.1-r1
