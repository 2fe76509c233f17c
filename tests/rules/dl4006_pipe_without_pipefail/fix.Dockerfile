FROM debian:12 AS base
RUN echo no pipeline here
# The SHELL goes before the first flagged RUN of the stage, once.
# expect: DL4006 @47 fix=unsafe
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
# expect: DL4006 @38 fix=unsafe
RUN curl -fsSL https://example.com/b | sh

# BusyBox's sh knows pipefail.
FROM alpine:3.20 AS small
# expect: DL4006 @37 fix=unsafe
RUN wget -qO- https://example.com/a | sh

# A stage built on one: the image at the root of the chain decides.
FROM small AS child
# expect: DL4006 @37 fix=unsafe
RUN wget -qO- https://example.com/c | sh

# A SHELL already set: no fix.
FROM debian:12
SHELL ["/bin/bash", "-c"]
# expect: DL4006 @38 fix=none
RUN curl -fsSL https://example.com/d | sh

# Unknown or shell-less images: no fix.
ARG IMAGE
FROM $IMAGE
# expect: DL4006 @38 fix=none
RUN curl -fsSL https://example.com/e | sh
FROM gcr.io/distroless/base-debian12
# expect: DL4006 @38 fix=none
RUN curl -fsSL https://example.com/f | sh

FROM ubuntu:24.04
RUN echo first
# An ignore pragma above the RUN stays with it: the SHELL goes above the pragma.
# hadolint ignore=DL3008
# expect: DL4006 @38 fix=unsafe
RUN curl -fsSL https://example.com/g | sh && apt-get install -y curl
