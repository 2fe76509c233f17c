FROM debian:12 AS base
# expect: DL4006 @47 "The exit status of `curl` is lost at this `|`; set `-o pipefail` first"
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
# One finding per pipeline, at the `|` after the first command whose status matters.
# expect: DL4006 @39 "`grep`"
RUN echo "$PATH" | grep -q /usr/local | cat
# expect: DL4006 @10 "`make`"
RUN make |& tee build.log
# expect: DL4006 @38 "`curl`"
# expect: DL4006 @78 "`wget`"
RUN curl -fsSL https://example.com/a | sh && wget -qO- https://example.com/b | sh
# Writers whose status never matters: echo, printf, true, yes, cat copying a here-document.
RUN echo "$SHA256  /tmp/app.tar.gz" | sha256sum -c - && printf '%s\n' a b | sort
RUN yes | apt-get install -y --no-install-recommends curl
RUN true | cat && cat <<EOF | tee /etc/app.conf
key=value
EOF
# A group or subshell of such writers only is such a writer too; one command that can fail is not.
RUN { echo '[global]'; echo; printf '%s\n' 'daemonize = no'; } | tee /etc/app.conf
RUN (echo a; { echo b; }) | sort
# expect: DL4006 @42 "the `{ ... }` group"
RUN { echo '[global]'; cat /etc/extra; } | tee /etc/app.conf
# `cat FILE` can fail.
# expect: DL4006 @23 "`cat`"
RUN cat /etc/app.conf | grep key
# `set -o pipefail` earlier in the script counts, not later or in a subshell that has ended.
RUN set -o pipefail && curl -fsSL https://example.com/a | sh
RUN set -euxo pipefail; curl -fsSL https://example.com/a | sh
# expect: DL4006 @38
RUN curl -fsSL https://example.com/a | sh; set -o pipefail
# expect: DL4006 @98
RUN (set -o pipefail; curl -fsSL https://example.com/a | sh) && curl -fsSL https://example.com/b | sh
# expect: DL4006 @76
RUN set -o pipefail && set +o pipefail && curl -fsSL https://example.com/a | sh
# Pipelines in substitutions and conditions count too.
# expect: DL4006 @54
RUN VERSION="$(curl -fsSL https://example.com/latest | jq -r .tag)" && echo "$VERSION"
# expect: DL4006 @60 "the `while` loop"
RUN while read -r line; do echo "$line"; done < /etc/hosts | sort
# Multi-line: the finding is at the `|` on its continuation line.
RUN apt-get update \
    && curl -fsSL https://example.com/key.asc \
# expect: DL4006 @9 "`curl`"
        | gpg --dearmor -o /usr/share/keyrings/example.gpg
# Pipelines inside `sh -c` strings are judged with that shell's own options.
# expect: DL4006 @47 "of the `bash -c` script"
RUN bash -c 'curl -fsSL https://example.com/a | sh'
RUN bash -o pipefail -c 'curl -fsSL https://example.com/a | sh'
# expect: DL4006 @52 "The exit status of `curl` is lost at this `|` of the `bash -c` script"
RUN bash -c 'sudo curl -fsSL https://example.com/a | sh'
# Subshells in an `sh -c` pipeline: reported at the `|` before the next simple command.
# expect: DL4006 @58 "The exit status of a command is lost"
RUN sh -c '(curl -fsSL https://example.com/a) | (tar -x) | cat'
RUN bash -c 'set -o pipefail; curl -fsSL https://example.com/a | sh'
# Heredoc.
RUN <<EOF
set -e
# expect: DL4006 @34
curl -fsSL https://example.com/a | sh
EOF
# ONBUILD triggers are not checked: their shell is the child image's.
ONBUILD RUN curl -fsSL https://example.com/a | sh
# Exec form runs no shell: `|` is an argument.
RUN ["echo", "a", "|", "cat"]

# A SHELL with -o pipefail, and the stages built on it.
FROM debian:12 AS bash
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/a | sh
FROM bash AS derived
RUN curl -fsSL https://example.com/a | sh
SHELL ["/bin/bash", "-c"]
# expect: DL4006 @38
RUN curl -fsSL https://example.com/a | sh

# BusyBox sh knows -o pipefail.
FROM alpine:3.20
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
RUN wget -qO- https://example.com/a | sh

# Non-POSIX shells are not checked.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Get-ChildItem | Select-Object Name
