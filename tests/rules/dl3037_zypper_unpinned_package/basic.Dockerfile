FROM opensuse/leap:15.6
# expect: DL3037 @23 "Pin the version of `curl` (`zypper install curl=<version>`)"
RUN zypper -n install curl && zypper clean --all
# One finding per package; `-n` is the global --non-interactive, not an option with a value.
# expect: DL3037 @18 "`curl`"
# expect: DL3037 @23 "`git`"
RUN zypper -n in curl git && zypper clean --all
# Versions: =, <, <=, >, >=, .rpm files.
RUN zypper -n install curl=8.6.0 'git>=2.43' 'vim<10' ./local.rpm && zypper clean --all
# Option values are not packages.
RUN zypper -n install --from repo-oss -r repo-update curl=8.6.0 && zypper clean --all
# Patterns, patches and products have no version to pin; a package type does.
RUN zypper -n install -t pattern devel_basis && zypper clean --all
# expect: DL3037 @38 "`curl`"
RUN zypper -n install --type package curl && zypper clean --all
# Packages marked for removal are not installed; file provides have no version.
RUN zypper -n install curl=8.6.0 -- -vim '!emacs' /usr/bin/python3 && zypper clean --all
# Not installs.
RUN zypper -n remove curl && zypper -n update curl && zypper search curl && zypper clean --all
# Values from ARG and ENV are judged; an unknown value by its text.
ARG CURL_VERSION=8.6.0
ENV GIT_PACKAGE=git
ARG VIM_VERSION
ARG PACKAGES
# expect: DL3037 @42 "`git`"
RUN zypper -n install curl=$CURL_VERSION $GIT_PACKAGE vim=${VIM_VERSION} $PACKAGES && zypper clean --all
# Multi-line: the finding is on the continuation line.
RUN zypper -n install \
        curl=8.6.0 \
# expect: DL3037 @9
        git \
    && zypper clean --all
# Seen through sudo and sh -c.
# expect: DL3037 @28
RUN sudo zypper -n install curl && sudo zypper clean --all
# expect: DL3037 @30
RUN sh -c 'zypper -n install curl && zypper clean --all'
# ONBUILD.
# expect: DL3037 @31
ONBUILD RUN zypper -n install curl && zypper clean --all
