# Declared without a default: BuildKit's value.
ARG BUILDPLATFORM
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
