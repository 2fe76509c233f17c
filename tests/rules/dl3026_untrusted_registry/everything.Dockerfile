# shipshape-test: --trusted-registry=*
FROM gcr.io/distroless/static:nonroot
FROM ubuntu:24.04
