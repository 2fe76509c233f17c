# shipshape-test: --require-label=org.opencontainers.image.version:semver --require-label=maintainer --strict-labels
# A builder stage's labels never reach the image: not reported.
FROM golang:1.22 AS build
LABEL stage=builder
FROM alpine:3.20 AS base
# expect: DL3050 @48 "Label `build-host` is not in the label schema"
LABEL org.opencontainers.image.version="1.4.0" build-host="ci-7"
FROM base
# Keys are compared with quotes removed and values expanded.
ARG KEY=maintainer
LABEL "${KEY}"="team@example.com" "maintainer"=x
# expect: DL3050 @7 "`org.example.a`"
LABEL org.example.a=1 \
# expect: DL3050 @7 "`org.example.b`"
      org.example.b=2 \
# expect: DL3050 @7 "`org.example.a`"
      org.example.a=3
# A key only the build knows cannot be judged.
ARG OTHER
LABEL ${OTHER}=1
# ONBUILD labels are for downstream images.
ONBUILD LABEL extra=1
