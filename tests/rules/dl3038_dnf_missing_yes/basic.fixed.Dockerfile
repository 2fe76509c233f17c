FROM fedora:40
# expect: DL3038 @5 fix=safe "`dnf install` without `-y` waits for a confirmation"
RUN dnf install -y httpd && dnf clean all
RUN dnf install -y httpd && dnf clean all
RUN dnf -y install httpd && dnf clean all
RUN dnf install --assumeyes httpd && dnf clean all
RUN dnf --setopt=assumeyes=True install httpd && dnf clean all
RUN dnf5 install -y httpd && dnf5 clean all
# `--nodocs` is a flag: it does not take `-y` for its value.
RUN dnf install --nodocs -y httpd && dnf clean all
# Answers piped in.
RUN yes | dnf install httpd && dnf clean all
# Every dnf subcommand that changes packages asks.
# expect: DL3038 @5 fix=safe "`dnf in`"
RUN dnf in -y httpd && dnf clean all
# expect: DL3038 @5 fix=safe "`dnf upgrade`"
RUN dnf upgrade -y && dnf clean all
# expect: DL3038 @5 fix=safe "`dnf5 install`"
RUN dnf5 install -y httpd && dnf5 clean all
# expect: DL3038 @5 fix=safe "`dnf module install`"
RUN dnf module install -y nodejs:20 && dnf clean all
# expect: DL3038 @5 fix=unsafe "`dnf module enable`"
RUN dnf module enable -y nodejs:20
# expect: DL3038 @5 fix=unsafe "`dnf autoremove`"
RUN dnf autoremove -y
# Subcommands that do not ask.
RUN dnf info httpd && dnf repoquery httpd && dnf makecache && dnf clean all
# microdnf: only installs are checked, and the fix is unsafe (the oldest microdnf has no -y).
# expect: DL3038 @5 fix=unsafe "`microdnf install`"
RUN microdnf install -y httpd && microdnf clean all
RUN microdnf install -y httpd && microdnf clean all
RUN microdnf update && microdnf clean all
# Near misses.
RUN yum install -y httpd && yum clean all
RUN echo dnf install httpd
# Flags from ENV values.
ENV DNF_FLAGS="-y --nodocs"
RUN dnf $DNF_FLAGS install httpd && dnf clean all
# Multi-line: the finding is on the continuation line.
RUN dnf makecache \
# expect: DL3038 @8
    && dnf --setopt=install_weak_deps=False install -y \
        httpd \
    && dnf clean all
# Seen through sudo and sh -c.
# expect: DL3038 @10
RUN sudo dnf install -y httpd && sudo dnf clean all
# expect: DL3038 @12
RUN sh -c 'dnf install -y httpd && dnf clean all'
# ONBUILD.
# expect: DL3038 @13
ONBUILD RUN dnf install -y httpd && dnf clean all
# Exec form: reported, without a fix.
# expect: DL3038 fix=none
RUN ["dnf", "install", "httpd"]
