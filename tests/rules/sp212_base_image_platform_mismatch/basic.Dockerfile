# A global ARG default fixes the platform as well as a constant does.
ARG PLATFORM=linux/arm64
# expect: SP212 @29 "`arm64v8/alpine:3.20` is published for linux/arm64/v8 only, but the stage asks for `linux/amd64` with `--platform`: its programs would run emulated, or not at all; use the multi-platform image `alpine:3.20`"
FROM --platform=linux/amd64 arm64v8/alpine:3.20
# Through a global ARG default, and with containerd's spellings (x86_64 is amd64).
# expect: SP212 @27 "`amd64/debian:12-slim` is published for linux/amd64 only"
FROM --platform=$PLATFORM amd64/debian:12-slim AS a
# expect: SP212 @25 "use the multi-platform image `mcr.microsoft.com/dotnet/runtime:8.0-alpine`"
FROM --platform=aarch64 mcr.microsoft.com/dotnet/runtime:8.0-alpine-amd64 AS b
# expect: SP212 @29 "is published for windows only"
FROM --platform=linux/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS c
# The platform the image is for, in any spelling, and the variant is not compared.
FROM --platform=linux/x86_64 amd64/alpine:3.20 AS d
FROM --platform=linux/arm64 arm64v8/alpine:3.20 AS e
FROM --platform=linux/arm/v6 arm32v7/alpine:3.20 AS e2
FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022 AS f
# Unknown: the build's platform, no --platform, a multi-platform image, a user namespace.
FROM --platform=$TARGETPLATFORM arm64v8/alpine:3.20 AS g
FROM --platform=$BUILDPLATFORM amd64/alpine:3.20 AS h
FROM arm64v8/alpine:3.20 AS i
FROM --platform=linux/amd64 alpine:3.20 AS j
FROM --platform=linux/amd64 myorg/arm64-tools:1 AS k
FROM --platform=linux/amd64 ghcr.io/arm64v8/alpine:3.20 AS l
