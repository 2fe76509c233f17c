ARG BASE=alpine
ARG TAGGED=alpine:3.20
ARG REGISTRY
ARG IMAGE
# expect: DL3006 @6 "Image `ubuntu` has no tag"
FROM ubuntu AS base
FROM ubuntu:24.04
FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM scratch
# An earlier stage, not an image.
FROM base
# expect: DL3006 @6 "`ghcr.io/org/app`"
FROM ghcr.io/org/app AS app
# Expanded with the global ARGs.
# expect: DL3006 @6 "Image `alpine` (from `${BASE}`)"
FROM ${BASE}
FROM ${TAGGED}
# Whatever REGISTRY holds, nothing after it adds a tag.
# expect: DL3006 @6 "`${REGISTRY}/app`"
FROM ${REGISTRY}/app
FROM ${REGISTRY}/app:1.0
# Only the build knows these.
FROM ${IMAGE}
FROM app${IMAGE}
FROM alpine:${IMAGE}
# Platform args have BuildKit's values.
# expect: DL3006 @6 "`tools-amd64` (from `tools-$TARGETARCH`)"
FROM tools-$TARGETARCH
# Stage names match as BuildKit matches them.
FROM alpine:3.20 AS Builder
FROM builder
# A later stage is not a stage yet: this is an image.
# expect: DL3006 @6
FROM final
FROM alpine:3.20 AS final
FROM \
# expect: DL3006 @5
    debian AS split
