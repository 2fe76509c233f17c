# expect: DL3063 @21 "Stage name `scratch` is reserved by BuildKit; choose another name"
FROM golang:1.22 AS scratch
# expect: DL3063 @21 "`context`"
FROM alpine:3.20 as context
# BuildKit lower-cases stage names: `Scratch` is `scratch`.
# expect: DL3063 @21 "`Scratch`"
FROM alpine:3.20 AS Scratch
FROM alpine:3.20 AS build
FROM scratch
FROM alpine:3.20 AS scratchpad
FROM alpine:3.20 AS my-context
FROM --platform=$BUILDPLATFORM alpine:3.20 \
# expect: DL3063 @10
     AS  scratch
