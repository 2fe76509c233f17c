FROM debian:12
# expect: DL3009 @5 fix=unsafe "`apt-get update` leaves the package lists"
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Removing the directory, a parent, or the list files counts; so do find -delete and dist-clean.
RUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt
RUN apt-get update && apt-get install -y curl && rm /var/lib/apt/lists/*_*
RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete
RUN apt-get update && apt-get install -y curl && apt-get dist-clean
# Any other `rm -rf` does not (hadolint accepts it).
# expect: DL3009 @5
RUN apt-get update && apt-get install -y curl && rm -rf /tmp/* && rm -rf /var/lib/apt/lists/*
# Nor does a removal before the update, nor a `find` from a parent with a filter.
# expect: DL3009 @36
RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
# expect: DL3009 @5
RUN apt-get update && apt-get install -y curl && find /var -name '*.log' -delete && rm -rf /var/lib/apt/lists/*
# `/bin/sh` does not expand braces: this removes nothing under /var/lib/apt.
# expect: DL3009 @5
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/{apt,dpkg}/ && rm -rf /var/lib/apt/lists/*
# One finding per RUN: the first update not cleaned up after.
RUN apt-get update \
 && apt-get install -y curl \
 && rm -rf /var/lib/apt/lists/* \
# expect: DL3009 @5 "`apt-get update`"
 && apt-get -qq update \
 && apt-get install -y git \
 && apt-get update && rm -rf /var/lib/apt/lists/*
# `apt update` and `aptitude update` download the lists too.
# expect: DL3009 @5 "`apt update`"
RUN apt update && rm -rf /var/lib/apt/lists/*
# expect: DL3009 @5 "`aptitude update`"
RUN aptitude update && rm -rf /var/lib/apt/lists/*
# Seen behind sudo and sh -c; no fix when another user runs the update.
# expect: DL3009 @10 fix=none
RUN sudo apt-get update
# expect: DL3009 @12
RUN sh -c 'apt-get update && apt-get install -y curl' && rm -rf /var/lib/apt/lists/*
# Exec form and heredocs get no fix.
# expect: DL3009 @6 fix=none
RUN ["apt-get", "update"]
RUN <<EOF
# expect: DL3009 @1 fix=none
apt-get update
apt-get install -y curl
EOF
# Multi-line RUN: the finding is on the line of the update.
RUN set -eux; \
    echo start; \
# expect: DL3009 @5
    apt-get update; \
    apt-get install -y curl && rm -rf /var/lib/apt/lists/*
# Lists written to a cache, tmpfs or bind mount never reach the image.
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update
RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update
# A mount elsewhere does not help.
# expect: DL3009 @46
RUN --mount=type=cache,target=/var/cache/apt apt-get update && rm -rf /var/lib/apt/lists/*
# Not an update.
RUN apt-get install -y curl && apt-get upgrade -y
# ONBUILD RUN runs in the image built from this one.
# expect: DL3009 @13
ONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
