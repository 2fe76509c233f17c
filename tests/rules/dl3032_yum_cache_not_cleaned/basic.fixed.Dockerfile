FROM centos:7
# expect: DL3032 @5 fix=unsafe "`yum install` leaves its cache in the layer; run `yum clean all`"
RUN yum install -y httpd && yum clean all
RUN yum install -y httpd && yum clean all
RUN yum -y install httpd && yum -y clean all --enablerepo='*'
# On EL8 and later yum is dnf: either's clean-up and either cache directory counts.
RUN yum install -y httpd && dnf clean all
RUN yum install -y httpd && rm -rf /var/cache/yum
RUN yum install -y httpd && rm -rf /var/cache/yum/*
RUN yum install -y httpd && rm -fr /var/cache/dnf
RUN yum install -y httpd && rm -Rf /var/cache
# A cache or tmpfs mount keeps the cache out of the layer.
RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd
RUN --mount=type=tmpfs,target=/var/cache/dnf yum install -y httpd
# Clean-ups that do not empty the cache.
# expect: DL3032 @5
RUN yum install -y httpd && yum clean expire-cache && yum clean all
# expect: DL3032 @5
RUN yum install -y httpd && rm -rf /tmp/* && yum clean all
# expect: DL3032 @5
RUN yum install -y httpd && rm /var/cache/yum && yum clean all
# expect: DL3032 @5
RUN yum install -y httpd && microdnf clean all && yum clean all
# A clean-up before the install does not count; one finding per RUN, at the first install no
# clean-up follows.
# expect: DL3032 @22 "`yum install`"
RUN yum clean all && yum install -y httpd && yum install -y php && yum clean all
# expect: DL3032 @46
RUN yum install -y httpd && yum clean all && yum install -y php && yum clean all
# Upgrades fill the cache too.
# expect: DL3032 @5 "`yum update`"
RUN yum update -y && yum clean all
# expect: DL3032 @5 "`yum group install`"
RUN yum group install -y "Development Tools" && yum clean all
# Commands that install nothing.
RUN yum info httpd && yum remove -y httpd
RUN dnf install -y httpd && dnf clean all
# Multi-line: the finding is on the continuation line; the fix ends the list.
RUN set -e \
# expect: DL3032 @8 fix=unsafe
    && yum install -y \
        httpd \
    && echo done && yum clean all
# A clean-up in a later RUN is too late.
# expect: DL3032 @5
RUN yum install -y httpd && yum clean all
RUN yum clean all
# Seen through sudo (no fix: the clean-up would need sudo too) and sh -c (no fix inside).
# expect: DL3032 @10 fix=none
RUN sudo yum install -y httpd
# expect: DL3032 @12 fix=none
RUN sh -c 'yum install -y httpd'
RUN sh -c 'yum install -y httpd && yum clean all'
# Inside a condition: reported, no fix.
# expect: DL3032 @19 fix=none
RUN if true; then yum install -y httpd; fi
# ONBUILD.
# expect: DL3032 @13
ONBUILD RUN yum install -y httpd && yum clean all
# Exec form: reported, without a fix.
# expect: DL3032 fix=none
RUN ["yum", "install", "-y", "httpd"]
# Heredoc.
RUN <<EOF
set -e
# expect: DL3032 @1
yum install -y httpd && yum clean all
echo done
EOF
