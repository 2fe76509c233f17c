# A global `ARG TARGETPLATFORM` without a value: the flag still asks for the default platform.
ARG TARGETPLATFORM
# expect: DL3065 @6 fix=safe
FROM --platform=$TARGETPLATFORM alpine:3.20
