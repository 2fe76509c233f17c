FROM debian:12
# expect: DL3044 @31 "`$APP_HOME` is empty here, not `/opt/app`"
ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin
# expect: DL3044 @20 "`${DIR}`"
ENV DIR=/srv LOGS="${DIR}/logs"
# A pair's own name is the old value on purpose.
ENV PATH=/opt/bin:$PATH
# Set before to the same value: the reference gets it.
ENV VERSION=1.2
ENV VERSION=1.2 URL=https://example.com/$VERSION
# Set before to another value: the reference keeps the old one.
# expect: DL3044 @41 "`$VERSION` is `1.2` here, not `1.3`"
ENV VERSION=1.3 URL=https://example.com/$VERSION
# An ARG without default: only the build knows.
ARG TOKEN
ENV TOKEN=x HEADER="Bearer $TOKEN"
# A default that gives the new value anyway.
ENV NAME=${NAME:-app} HOME_DIR=/srv/${NAME:-app}
# Not references: single quotes, escapes, longer names.
ENV A=1 B='$A' C=\$A D=$AB
# A later assignment of the same ENV counts too (as hadolint).
# expect: DL3044 @11 "`$SECOND` is empty here, not `2`"
ENV FIRST=$SECOND SECOND=2
# Each reference is a finding; on a continuation line too.
ENV X=1 \
# expect: DL3044 @7
    Y=$X \
# expect: DL3044 @7 "`${X}`"
# expect: DL3044 @12 "`$X`"
    Z=${X}-$X

FROM debian:12
# The base image's PATH, not the new one.
# expect: DL3044 @46 "`$PATH` is the base image's `PATH` here, not the `/usr/local/go/bin:"
ENV PATH=/usr/local/go/bin:$PATH GOROOT_PATH=$PATH
