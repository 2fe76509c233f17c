FROM fedora:40
# expect: DL3040 @5 fix=unsafe "`dnf install` leaves its cache in the layer; run `dnf clean all`"
RUN dnf install -y httpd && dnf clean all
RUN dnf install -y httpd && dnf clean all
RUN dnf -y install httpd && dnf -y clean all
RUN dnf in -y httpd && dnf --disableplugin=subscription-manager clean all
# yum is dnf on EL8 and later.
RUN dnf install -y httpd && yum clean all
RUN dnf install -y httpd && rm -rf /var/cache/dnf
RUN dnf install -y httpd && rm -rf /var/cache/dnf/* /var/cache/yum/*
RUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5
RUN dnf5 install -y httpd && dnf5 clean all
# A cache or tmpfs mount keeps the cache out of the layer.
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y httpd
RUN --mount=type=tmpfs,target=/var/cache dnf install -y httpd
# Clean-ups that do not empty the cache.
# expect: DL3040 @5
RUN dnf install -y httpd && dnf clean packages && dnf clean all
# expect: DL3040 @5
RUN dnf install -y httpd && rm -rf /tmp/* && dnf clean all
# microdnf keeps its own cache: only its own clean-up (or removing /var/cache/yum) counts.
# expect: DL3040 @5 "`dnf install` leaves its cache in the layer; run `dnf clean all`"
RUN dnf install -y httpd && microdnf clean all && dnf clean all
# expect: DL3040 @5 "`microdnf install` leaves its cache in the layer; run `microdnf clean all`"
RUN microdnf install -y httpd && dnf clean all && microdnf clean all
RUN microdnf install -y httpd && microdnf clean all
RUN microdnf install -y httpd && rm -rf /var/cache/yum
# One finding per RUN and tool, at the first install no clean-up follows.
# expect: DL3040 @5 "`dnf install`"
# expect: DL3040 @29 "`microdnf install`"
RUN dnf install -y httpd && microdnf install -y php && dnf install -y git && dnf clean all && microdnf clean all
# expect: DL3040 @46 "`dnf install`"
RUN dnf install -y httpd && dnf clean all && dnf install -y git && dnf clean all
# Upgrades, group and module installs fill the cache too.
# expect: DL3040 @5 "`dnf upgrade`"
RUN dnf upgrade -y && dnf clean all
# expect: DL3040 @5 "`dnf update`"
RUN dnf update -y && dnf clean all
# expect: DL3040 @5 "`dnf module install`"
RUN dnf module install -y nodejs:20 && dnf clean all
# expect: DL3040 @5 "`dnf5 install`"
RUN dnf5 install -y httpd && dnf5 clean all
# Commands that install nothing.
RUN dnf info httpd && dnf remove -y httpd && dnf module enable -y nodejs:20
RUN yum install -y httpd
# Multi-line: the finding is on the continuation line.
RUN set -e \
# expect: DL3040 @8 fix=unsafe
    && microdnf install -y \
        httpd \
    && echo done && microdnf clean all
# Seen through sudo and sh -c.
# expect: DL3040 @10 fix=none
RUN sudo dnf install -y httpd
# expect: DL3040 @12 fix=none
RUN sh -c 'dnf install -y httpd'
# ONBUILD.
# expect: DL3040 @13
ONBUILD RUN dnf install -y httpd && dnf clean all
# Exec form: reported, without a fix.
# expect: DL3040 fix=none
RUN ["dnf", "install", "-y", "httpd"]
