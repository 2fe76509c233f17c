FROM alpine:3.20
# expect: DL4000 @1 fix=unsafe "`MAINTAINER` is deprecated"
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
# expect: DL4000 @1
LABEL org.opencontainers.image.authors="\"quoted\" \$name"
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
# Inside ONBUILD MAINTAINER is a syntax error (BuildKit rejects it), not DL4000.
