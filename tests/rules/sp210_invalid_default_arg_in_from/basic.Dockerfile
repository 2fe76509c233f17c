ARG VERSION
ARG IMAGE
ARG SFX="box:"
ARG GOOD="latest"
ARG VARIANT=""
# expect: SP210 @6 "Default values of the ARGs in `busybox:$VERSION` give `busybox:`, not a valid base image name"
FROM busybox:$VERSION
# expect: SP210 @6 "give an empty name"
FROM $IMAGE
# expect: SP210 @6
FROM busy${SFX}
FROM busybox:${GOOD}
FROM busybox:stable${VARIANT}
FROM busybox:stable${VERSION}
FROM ${IMAGE:-alpine}
FROM alpine:3.20
