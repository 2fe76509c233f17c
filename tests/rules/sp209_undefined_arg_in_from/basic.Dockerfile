ARG NODE_VERSION=22
ARG BASE
ARG MY_ARCH=amd64
# expect: SP209 @11 "FROM argument `NODE_VERISON` is not declared (did you mean `NODE_VERSION`?)"
FROM node:${NODE_VERISON}
# expect: SP209 @17 "FROM argument `BULIDPLATFORM` is not declared (did you mean `BUILDPLATFORM`?)"
FROM --platform=$BULIDPLATFORM alpine:3.20
# expect: SP209 @21 "FROM argument `version` is not declared"
FROM busybox:${BASE}${version} AS b
# expect: SP209 @23 "FROM argument `MYARCH` is not declared (did you mean `MY_ARCH`?)"
FROM --platform=linux/${MYARCH} busybox
# Declared global ARGs, with or without a default, and platform args are fine.
FROM ${BASE:-alpine}:${NODE_VERSION}
FROM --platform=$BUILDPLATFORM alpine:3.20
ARG IN_STAGE=1
# expect: SP209 @13 "`IN_STAGE`"
FROM alpine:${IN_STAGE}
# A word BuildKit cannot expand is an error of its own.
FROM alpine:${templateOption:imageVariant}
