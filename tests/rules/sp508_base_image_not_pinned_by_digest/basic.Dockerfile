ARG IMAGE=alpine:3.20
ARG UNSET
# expect: SP508 @6 "`python:3.12-slim` is not pinned by digest"
FROM python:3.12-slim AS base
# expect: SP508 @6 "`alpine:3.20`"
FROM ${IMAGE}
# Pinned, a stage, scratch, or a value only the build knows: no finding.
FROM python:3.12-slim@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743
FROM base
FROM scratch
FROM ${UNSET}
