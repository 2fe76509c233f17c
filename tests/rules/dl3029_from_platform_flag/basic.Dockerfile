ARG CONST=linux/arm64
ARG FOLLOWS=$BUILDPLATFORM
ARG FROM_BUILD
ARG OS=linux
ARG COMPOSED=$OS/amd64
# expect: DL3029 @6 "`--platform` pins this stage to `linux/amd64`"
FROM --platform=linux/amd64 golang:1.23 AS build
FROM --platform=$BUILDPLATFORM golang:1.23 AS cross
FROM --platform=${TARGETPLATFORM} alpine:3.20
# Any of the platform args follows the build (hadolint flags these).
FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20
FROM --platform=linux/${BUILDARCH} alpine:3.20
# Through global ARGs.
# expect: DL3029 @6 "`$CONST` (`linux/arm64`)"
FROM --platform=$CONST alpine:3.20
FROM --platform=$FOLLOWS alpine:3.20
FROM --platform=$FROM_BUILD alpine:3.20
# expect: DL3029 @6 "(`linux/amd64`)"
FROM --platform=${COMPOSED} alpine:3.20
# A stage named for its platform is pinned on purpose (as BuildKit's check).
FROM --platform=linux/arm64 alpine:3.20 AS base-arm64
FROM --platform=windows/amd64 alpine:3.20 AS windows-tools
FROM alpine:3.20
