# shipshape-test: --require-label=version:semver
FROM alpine:3.20
# semver.org 2.0.0.
LABEL version="1.4.0"
LABEL version="0.0.0"
LABEL version="10.20.30-rc.1+build.7"
LABEL version="1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay"
LABEL version="1.0.0-0A.is.legal"
LABEL version="1.0.0+0.build.1-rc.10000aaa-kk-0.1"
# expect: DL3056 @15 "Label `version` is not a semantic version: `v1.4.0`"
LABEL version="v1.4.0"
# expect: DL3056 @15 "`1.4`"
LABEL version="1.4"
# expect: DL3056 @15 "`01.4.0`"
LABEL version="01.4.0"
# expect: DL3056 @15 "`1.4.0-01`"
LABEL version="1.4.0-01"
# expect: DL3056 @15 "`1.4.0-`"
LABEL version="1.4.0-"
# expect: DL3056 @15 "`1.4.0+`"
LABEL version="1.4.0+"
# expect: DL3056 @15 "`1.4.0-rc..1`"
LABEL version="1.4.0-rc..1"
# expect: DL3056 @15 "`1.4.0.1`"
LABEL version="1.4.0.1"
# expect: DL3056 @15 "`latest`"
LABEL version="latest"
# expect: DL3056 @15 "`1.4.0_1`"
LABEL version="1.4.0_1"
# Values are expanded.
ARG VERSION=2.0.0
ARG BAD=2.0
LABEL version=${VERSION}
# expect: DL3056 @15 "`2.0`"
LABEL version=${BAD}
