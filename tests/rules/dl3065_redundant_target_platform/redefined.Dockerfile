# A global ARG with a value replaces the automatic one: the flag then means something.
ARG TARGETPLATFORM=linux/arm64
FROM --platform=$TARGETPLATFORM alpine:3.20
