FROM golang:1.22 AS build
# A builder stage's user is not the image's.
USER builder
FROM debian:12
# Temporary users during the build do not matter: only the last USER sets the image's user.
USER root
RUN useradd --uid 10001 app
# expect: DL3066 @6 "The image runs as user `app`, not a numeric UID"
USER app:app
