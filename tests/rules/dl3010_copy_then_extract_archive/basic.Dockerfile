FROM debian:12 AS build
# expect: DL3010 @6 "`app.tar.gz` is copied, then extracted by `tar` on line 4"
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
# Old-style options.
# expect: DL3010 @6 "`tools.tgz`"
COPY tools.tgz /tmp/
RUN tar xzf /tmp/tools.tgz
# Long options, through sudo.
# expect: DL3010 @6 "`db.tar.xz`"
COPY data/db.tar.xz /tmp/
RUN sudo tar --extract --file=/tmp/db.tar.xz
# The destination names the archive.
# expect: DL3010 @14 "`pkg.tar`"
COPY src.bin /tmp/pkg.tar
RUN tar -C /opt -xf /tmp/pkg.tar
# Decompressed into a pipe.
# expect: DL3010 @6 "by `zcat`"
COPY pkg2.tar.gz /tmp/
RUN zcat /tmp/pkg2.tar.gz | tar -x -C /opt
# On a continuation line; extracted in a heredoc.
COPY \
# expect: DL3010 @5
    h.tar /tmp/
RUN <<EOF
set -e
tar -xf /tmp/h.tar -C /opt
EOF
# ADD cannot strip leading directories.
COPY node.tar.xz /tmp/
RUN tar -xJf /tmp/node.tar.xz --strip-components=1 -C /usr/local
# Members picked: ADD unpacks everything.
COPY big.tar /tmp/
RUN tar -xf /tmp/big.tar etc/config
# A plain .gz is no tar: ADD would copy it as is.
COPY dump.sql.gz /tmp/
RUN gunzip /tmp/dump.sql.gz
# Created, not extracted (hadolint takes `--exclude` for `-x`).
COPY out.tar /tmp/
RUN tar -cf /tmp/out.tar --exclude=.git /etc
# Copied from another stage: ADD cannot do that.
COPY --from=build /x/lib.tar.gz /tmp/
RUN tar -xzf /tmp/lib.tar.gz
# Extracted before it is copied.
RUN tar -xf /tmp/late.tar
COPY late.tar /tmp/
# Exec form.
# expect: DL3010 @6 "`exec.tar`"
COPY exec.tar /tmp/
RUN ["tar", "-xf", "/tmp/exec.tar", "-C", "/opt"]
# Variables are expanded.
ARG ARCHIVE=cfg.tar.gz
# expect: DL3010 @6 "`cfg.tar.gz`"
COPY $ARCHIVE /tmp/
RUN tar -xzf "/tmp/${ARCHIVE}"

FROM alpine:3.20
# Every stage is checked, not only the last; the first stage's archives stay there.
RUN tar -xzf /tmp/app.tar.gz
# expect: DL3010 @6 "`site.tar`"
COPY site.tar /srv/
RUN sh -c 'tar -xf /srv/site.tar -C /srv'
