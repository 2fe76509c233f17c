FROM alpine:3.20
# expect: DL4000 @1 fix=unsafe "`MAINTAINER` is deprecated"
MAINTAINER Jane Doe <jane@example.com>
# expect: DL4000 @1
maintainer "quoted" $name
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
# Inside ONBUILD MAINTAINER is a syntax error (BuildKit rejects it), not DL4000.
