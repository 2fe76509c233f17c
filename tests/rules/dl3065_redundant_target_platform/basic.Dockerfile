# expect: DL3065 @6 fix=safe "`--platform=$TARGETPLATFORM` is the default platform; remove it"
FROM --platform=$TARGETPLATFORM alpine:3.20 AS a
# expect: DL3065 @6 fix=safe "`--platform=${TARGETPLATFORM}`"
FROM --platform=${TARGETPLATFORM} alpine:3.20 AS b
# Quotes do not change the value.
# expect: DL3065 @6 fix=safe
FROM --platform="${TARGETPLATFORM}" alpine:3.20 AS c
# A fallback pins the platform for the legacy builder, which does not set TARGETPLATFORM.
FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20 AS d
# Not the target platform.
FROM --platform=$BUILDPLATFORM golang:1.22 AS e
FROM --platform=linux/amd64 alpine:3.20 AS f
FROM --platform=${TARGETPLATFORM}-x alpine:3.20 AS g
FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20 AS h
FROM --platform=${TARGETPLATFORM:+linux/arm64} alpine:3.20 AS i
FROM alpine:3.20
