FROM alpine:3.20
# The base image decides where a relative path lands: no fix.
# expect: DL3000 @9 fix=none "`WORKDIR` path `app` is relative"
WORKDIR app
WORKDIR /srv
# After an absolute WORKDIR the result is known: the fix writes it.
# expect: DL3000 @9 fix=safe "`data`"
WORKDIR /srv/data
# expect: DL3000 @9 fix=safe
WORKDIR /srv/logs
# A one-letter path (hadolint crashes on it).
# expect: DL3000 @9 fix=safe
WORKDIR /srv/logs/a
# Quoted: flagged, no fix.
# expect: DL3000 @9 fix=none
WORKDIR "b c"
# Only the build knows these.
WORKDIR $HOME
WORKDIR ${UNSET}/x
ARG REL=build
ARG ABS=/opt
# expect: DL3000 @9 fix=none "`$REL` (`build`)"
WORKDIR $REL
WORKDIR ${ABS}/app
# The start is written out: relative whatever X holds.
# expect: DL3000 @9 fix=none
WORKDIR sub/${X}
WORKDIR c:/tools
# expect: DL3000 @17 fix=none
ONBUILD WORKDIR app
ONBUILD WORKDIR $APP_DIR
ONBUILD WORKDIR /app

FROM scratch
# A scratch stage starts in `/`.
# expect: DL3000 @9 fix=safe
WORKDIR /app

FROM alpine:3.20 AS base
WORKDIR /base
ENV SUB=src
WORKDIR /opt/${UNSET}
# The directory depends on UNSET: no fix.
# expect: DL3000 @9 fix=none
WORKDIR build
WORKDIR /base

FROM base
# The stage built on `base` starts in `/base`.
# expect: DL3000 @9 fix=none "`$SUB` (`src`)"
WORKDIR $SUB
# expect: DL3000 @9 fix=safe
workdir /base/src/lib
WORKDIR \
# expect: DL3000 @5 fix=safe "`tmp`"
    /base/src/lib/tmp
