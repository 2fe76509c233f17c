# shipshape-test: --target=build
FROM golang:1.23 AS build
# The target is this stage: it is the image.
# expect: DL3002 @6
USER root

FROM debian:12
USER app
