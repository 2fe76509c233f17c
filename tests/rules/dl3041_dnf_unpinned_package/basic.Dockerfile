FROM fedora:40
# expect: DL3041 @20 "Pin the version of `httpd` (`dnf install httpd-<version>`)"
RUN dnf install -y httpd && dnf clean all
# One finding per package, at the package; microdnf, dnf5 and `in` too.
# expect: DL3041 @25 "`httpd`"
# expect: DL3041 @31 "`php`"
RUN microdnf install -y httpd php && microdnf clean all
# expect: DL3041 @21 "(`dnf5 install git-<version>`)"
RUN dnf5 install -y git && dnf5 clean all
# expect: DL3041 @15 "`git`"
RUN dnf in -y git && dnf clean all
# Versions: name-version, name-version-release(.arch), relational specs, .rpm files.
RUN dnf install -y httpd-2.4.62 httpd-tools-2.4.62-1.fc40.x86_64 'php >= 8.3' && dnf clean all
RUN dnf install -y ./local.rpm && dnf clean all
# Names with digits are not versions: the part after the last `-` must start with one.
# expect: DL3041 @20 "`gcc-toolset-12-gcc`"
# expect: DL3041 @39 "`java-17-openjdk`"
RUN dnf install -y gcc-toolset-12-gcc java-17-openjdk java-17-openjdk-17.0.12.0.7 && dnf clean all
# `--nodocs` is a flag, `--setopt` takes a value: neither hides nor invents a package.
# expect: DL3041 @29 "`httpd`"
RUN dnf install --nodocs -y httpd --setopt install_weak_deps=False && dnf clean all
# Groups, @groups and file provides have no version.
RUN dnf group install -y "Development Tools" && dnf install -y @development-tools /usr/bin/python3 && dnf clean all
# Modules need a stream.
# expect: DL3041 @27 "Pin the stream of module `nodejs`"
RUN dnf module install -y nodejs && dnf clean all
RUN dnf module install -y nodejs:20 && dnf install -y @nodejs:20 && dnf clean all
# Not installs.
RUN dnf remove -y httpd && dnf upgrade -y httpd && dnf info php && dnf clean all
RUN yum install -y httpd-2.4.6 && yum clean all
# Values from ARG and ENV are judged.
ARG PG_MAJOR=16
ARG HTTPD_VERSION=2.4.62
# expect: DL3041 @43 "`postgresql16-server`"
RUN dnf install -y httpd-${HTTPD_VERSION} postgresql${PG_MAJOR}-server && dnf clean all
# A value the Dockerfile does not fix is judged by its text.
ARG PHP_VERSION
ARG TOOLSET
ARG PACKAGES
# expect: DL3041 @37 "`gcc-toolset-${TOOLSET}-gcc`"
RUN dnf install -y php-$PHP_VERSION gcc-toolset-${TOOLSET}-gcc $PACKAGES "${PACKAGES}" && dnf clean all
# Multi-line: findings on continuation lines.
RUN dnf install -y \
# expect: DL3041 @9
        httpd \
        php-8.3.10 \
    && dnf clean all
# Seen through sudo and sh -c.
# expect: DL3041 @25
RUN sudo dnf install -y httpd && sudo dnf clean all
# expect: DL3041 @27
RUN sh -c "dnf install -y httpd && dnf clean all"
# ONBUILD.
# expect: DL3041 @28
ONBUILD RUN dnf install -y httpd && dnf clean all
# Heredoc.
RUN <<EOF
set -e
# expect: DL3041 @16
dnf install -y httpd
dnf clean all
EOF
