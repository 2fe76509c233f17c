FROM centos:7
# expect: DL3030 @5 fix=safe "`yum install` without `-y` waits for a confirmation"
RUN yum install -y httpd && yum clean all
RUN yum install -y httpd && yum clean all
RUN yum -y install httpd && yum clean all
RUN yum install --assumeyes httpd && yum clean all
RUN yum -qy install httpd && yum clean all
RUN yum --setopt=assumeyes=1 install httpd && yum clean all
# Answers piped in.
RUN yes | yum install httpd && yum clean all
# Every subcommand that changes packages asks.
# expect: DL3030 @5 fix=safe "`yum update`"
RUN yum update -y && yum clean all
# expect: DL3030 @5 fix=safe "`yum groupinstall`"
RUN yum groupinstall -y "Development Tools" && yum clean all
# expect: DL3030 @5 fix=safe "`yum module install`"
RUN yum module install -y nodejs:20 && yum clean all
# expect: DL3030 @5 fix=safe "`yum group install`"
RUN yum group install -y "Development Tools" && yum clean all
# Removals: yes may remove dependents too, so the fix is unsafe.
# expect: DL3030 @5 fix=unsafe "`yum remove`"
RUN yum remove -y httpd
# Subcommands that do not ask.
RUN yum info httpd && yum list installed && yum makecache && yum clean all
RUN yum module list && yum group list
# Near misses: other tools, yum as an argument.
RUN dnf install httpd-2.4.62 -y && dnf clean all
RUN echo yum install httpd
# Options before the subcommand, with values (`-c FILE`, `--setopt X`).
# expect: DL3030 @5 "`yum install`"
RUN yum -c /etc/yum.conf --setopt tsflags=nodocs install -y httpd && yum clean all
# Flags from ENV and ARG values.
ENV YUM_FLAGS="-y -q"
RUN yum $YUM_FLAGS install httpd && yum clean all
ARG YUM_YES=--assumeyes
RUN yum install ${YUM_YES} httpd && yum clean all
ARG YUM_OPTS
# An unknown value in place of the subcommand: nothing to judge.
RUN yum $YUM_OPTS install httpd && yum clean all
# Multi-line: the finding is on the continuation line.
RUN yum makecache \
# expect: DL3030 @8 fix=safe
    && yum install -y \
        httpd \
    && yum clean all
# Seen through sudo, sh -c and a path.
# expect: DL3030 @10
RUN sudo yum install -y httpd && sudo yum clean all
# expect: DL3030 @14
RUN bash -c 'yum install -y httpd && yum clean all'
# expect: DL3030 @5
RUN /usr/bin/yum install -y httpd && yum clean all
# ONBUILD.
# expect: DL3030 @13
ONBUILD RUN yum install -y httpd && yum clean all
# Exec form: reported, without a fix.
# expect: DL3030 fix=none
RUN ["yum", "install", "httpd"]
# Heredoc.
RUN <<EOF
set -e
# expect: DL3030 @1
yum install -y httpd
yum clean all
EOF
