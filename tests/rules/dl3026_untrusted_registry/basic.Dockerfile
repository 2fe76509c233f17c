# shipshape-test: --trusted-registry=registry.example.com --trusted-registry=*.corp.example --trusted-registry=quay*
ARG BASE=ghcr.io/org/base:1.0
ARG UNSET
# expect: DL3026 @6 "Image `ubuntu:24.04` comes from registry `docker.io`, which is not trusted"
FROM ubuntu:24.04 AS build
FROM registry.example.com/library/ubuntu:24.04
FROM mirror.corp.example/library/alpine:3.20
FROM quay.io/org/app:1.0
FROM scratch
# An earlier stage is no image.
FROM build
# expect: DL3026 @6 "`localhost:5000/app:1.0` comes from registry `localhost:5000`"
FROM localhost:5000/app:1.0
# Expanded with the global ARGs; values only the build knows are not judged.
# expect: DL3026 @6 "registry `ghcr.io`"
FROM ${BASE}
FROM ${UNSET}
FROM registry.example.com/app:1.0
# Images pulled by COPY --from and RUN --mount from= count too.
# expect: DL3026 @6 "Image `busybox` comes from registry `docker.io`"
COPY --from=busybox /bin/busybox /bin/
COPY --from=build /a /a
COPY --from=0 /a /a
COPY --from=registry.example.com/tools:1 /bin/tool /bin/
# expect: DL3026 @5 "`ghcr.io/org/cache:1`"
RUN --mount=type=bind,from=ghcr.io/org/cache:1,target=/cache ls /cache
RUN --mount=type=bind,from=build,target=/b ls /b
