# shipshape-test: --trusted-registry=hub.docker.com
FROM ubuntu:24.04
FROM library/alpine:3.20
FROM docker.io/library/debian:12
# expect: DL3026 @6
FROM gcr.io/distroless/static:nonroot
