FROM centos:7
# expect: DL3033 @20 "Pin the version of `httpd` (`yum install httpd-<version>`)"
RUN yum install -y httpd && yum clean all
# One finding per package, at the package.
# expect: DL3033 @20 "`httpd`"
# expect: DL3033 @40 "`php`"
RUN yum install -y httpd mod_ssl-2.4.6 php && yum clean all
# Versions: name-version, name-version-release(.arch), epochs, relational specs, .rpm files.
RUN yum install -y httpd-2.4.6 httpd-tools-2.4.6-99.el7.centos.1 && yum clean all
RUN yum install -y mariadb-1:5.5.68-1.el7.x86_64 'httpd >= 2.4' && yum clean all
RUN yum install -y /tmp/nss.rpm https://example.com/epel-release-latest-7.noarch.rpm && yum clean all
# Names with digits are not versions: the part after the last `-` must start with one.
# expect: DL3033 @20 "`java-11-openjdk`"
# expect: DL3033 @36 "`python3-devel`"
# expect: DL3033 @50 "`compat-openssl10`"
RUN yum install -y java-11-openjdk python3-devel compat-openssl10 && yum clean all
RUN yum install -y java-11-openjdk-11.0.20.0.8 && yum clean all
# Groups and file provides have no version.
RUN yum install -y @development /usr/bin/python3 && yum clean all
RUN yum group install -y "Development Tools" && yum groupinstall -y Base && yum clean all
# Modules need a stream.
# expect: DL3033 @27 "Pin the stream of module `nodejs` (`yum module install nodejs:<stream>`)"
RUN yum module install -y nodejs && yum clean all
RUN yum module install -y nodejs:20 php:8.1/minimal && yum clean all
# Option values are not packages.
RUN yum install -y --setopt tsflags=nodocs -x kernel --enablerepo epel httpd-2.4.6 && yum clean all
# Not installs.
RUN yum remove -y httpd && yum update -y httpd && yum info php && yum clean all
RUN dnf install -y httpd-2.4.62 && dnf clean all
# Values from ARG and ENV are judged.
ARG HTTPD_VERSION=2.4.6
ENV PHP_PACKAGE=php
# expect: DL3033 @43 "`php`"
RUN yum install -y httpd-${HTTPD_VERSION} $PHP_PACKAGE && yum clean all
# expect: DL3033 @40 "`httpd`"
# expect: DL3033 @40 "`php`"
RUN PKGS="httpd php" && yum install -y $PKGS && yum clean all
# A value the Dockerfile does not fix is judged by its text: a version expansion after the
# last `-` passes; a word that is only an expansion cannot be judged.
ARG PG_MAJOR
ARG PKG_VERSION
ARG EXTRA_PACKAGES
# expect: DL3033 @20 "`postgresql${PG_MAJOR}-server`"
RUN yum install -y postgresql${PG_MAJOR}-server && yum clean all
RUN yum install -y httpd-$PKG_VERSION $EXTRA_PACKAGES $(cat /tmp/packages) && yum clean all
# Multi-line: findings on continuation lines.
RUN yum install -y \
# expect: DL3033 @9
        httpd \
        php-7.4.33 \
# expect: DL3033 @9
        git \
    && yum clean all
# Seen through sudo and sh -c.
# expect: DL3033 @25
RUN sudo yum install -y httpd && sudo yum clean all
# expect: DL3033 @27
RUN sh -c 'yum install -y httpd && yum clean all'
# ONBUILD.
# expect: DL3033 @28
ONBUILD RUN yum install -y httpd && yum clean all
# Exec form.
# expect: DL3033 @30
RUN ["yum", "install", "-y", "httpd"]
