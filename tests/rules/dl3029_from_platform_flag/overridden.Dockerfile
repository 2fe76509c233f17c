# A default for an automatic platform arg replaces BuildKit's value.
ARG BUILDPLATFORM=linux/amd64
# expect: DL3029 @6 "the default of the global `ARG BUILDPLATFORM` replaces the value BuildKit sets"
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
