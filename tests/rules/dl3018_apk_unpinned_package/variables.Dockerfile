FROM alpine:3.20
ARG PACKAGES="curl git=2.45.2-r0"
ARG UNSET
# expect: DL3018 @24 "`curl`"
RUN apk add --no-cache $PACKAGES
# Unknown values are not reported (hadolint reports them).
RUN apk add --no-cache $UNSET "${UNSET}" $(cat /pkgs)
# A value pinned through a variable counts.
ARG CURL_VERSION=8.9.1-r1
RUN apk add --no-cache curl=${CURL_VERSION}
