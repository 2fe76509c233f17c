FROM alpine:3.20
# expect: SP504 @5 "`ADD https://example.com/tini` downloads without checking"
ADD https://example.com/tini /sbin/tini
ARG URL=http://example.com/app.tar.gz
# expect: SP504 @17 "(`http://example.com/app.tar.gz`)"
ADD --chmod=755 $URL /opt/
# With a checksum, a Git repository, local files: no finding.
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tini /sbin/tini2
ADD https://github.com/moby/buildkit.git#v0.14.1 /src
ADD app.tar.gz /opt/
# expect: SP504 @13
ONBUILD ADD https://example.com/x /x
