FROM debian:12
# expect: DL3047 @5 fix=unsafe "`wget` without a progress option prints a line of dots"
RUN wget --progress=dot:giga https://example.com/app.tar.gz
RUN wget --progress=dot:giga https://example.com/app.tar.gz
RUN wget --progress bar:force https://example.com/app.tar.gz
RUN wget -q https://example.com/app.tar.gz && wget --quiet https://example.com/b.tar.gz
RUN wget -qO- https://example.com/install.sh > /tmp/install.sh
RUN wget -nv https://example.com/app.tar.gz && wget --no-verbose https://example.com/b.tar.gz
RUN wget -o /tmp/wget.log https://example.com/app.tar.gz && wget -a /tmp/wget.log https://example.com/b
RUN wget --spider https://example.com/app.tar.gz
# `-O` is the output document, not the log.
# expect: DL3047 @5
RUN wget --progress=dot:giga -O /tmp/app.tar.gz https://example.com/app.tar.gz
# Near misses.
RUN echo wget && curl -fsSLO https://example.com/app.tar.gz
# Multi-line, sudo, sh -c, paths.
RUN cd /tmp \
# expect: DL3047 @8
    && wget --progress=dot:giga https://example.com/app.tar.gz
# expect: DL3047 @10
RUN sudo wget --progress=dot:giga https://example.com/app.tar.gz
# expect: DL3047 @12
RUN sh -c 'wget --progress=dot:giga https://example.com/app.tar.gz'
# expect: DL3047 @5
RUN /usr/bin/wget --progress=dot:giga https://example.com/app.tar.gz
# ONBUILD.
# expect: DL3047 @13
ONBUILD RUN wget --progress=dot:giga https://example.com/app.tar.gz
# Exec form: reported, without a fix.
# expect: DL3047 fix=none
RUN ["wget", "https://example.com/app.tar.gz"]

# On Alpine and BusyBox, wget is BusyBox's: one progress line a second, and no `--progress`.
FROM alpine:3.20 AS alpine
RUN wget https://example.com/app.tar.gz
FROM python:3.12-alpine
RUN wget https://example.com/app.tar.gz
FROM alpine AS derived
RUN wget https://example.com/app.tar.gz
# Until GNU wget is installed, here or in the stage built on.
RUN apk add --no-cache wget
# expect: DL3047 @5
RUN wget --progress=dot:giga https://example.com/app.tar.gz
FROM derived
# expect: DL3047 @5
RUN wget --progress=dot:giga https://example.com/app.tar.gz
FROM busybox:1.36
RUN wget https://example.com/app.tar.gz
