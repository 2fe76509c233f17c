ARG BASE=alpine:latest
ARG REGISTRY
ARG TAG
# expect: DL3007 @13 "Image `alpine:latest` uses the moving `latest` tag"
FROM alpine:latest
# A digest pins it.
FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM alpine:3.20
# No tag at all is DL3006's.
FROM alpine
# An image named `latest` is fine.
FROM latest:1.0
# expect: DL3007 @6 "`alpine:latest` (from `${BASE}`)"
FROM ${BASE} AS base
# expect: DL3007 @22 "`${REGISTRY}/app:latest`"
FROM ${REGISTRY}/app:latest
FROM alpine:${TAG}
# expect: DL3007 @39
FROM --platform=$BUILDPLATFORM golang:latest AS build
