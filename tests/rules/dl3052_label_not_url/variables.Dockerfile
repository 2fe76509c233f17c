# shipshape-test: --require-label=url:url
FROM alpine:3.20
ARG REPO=example/tool
ARG HOST
# Values are expanded as BuildKit does.
LABEL url="https://github.com/${REPO}"
# expect: DL3052 @11 "`github.com/example/tool`"
LABEL url="github.com/${REPO}"
# A value only the build knows is not judged.
LABEL url="${HOST}/x"
# Over continuation lines, at the value.
LABEL version=1 \
# expect: DL3052 @11
      url=not-a-url
# ONBUILD labels are for downstream images.
ONBUILD LABEL url=not-a-url
