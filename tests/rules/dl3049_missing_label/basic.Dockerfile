# shipshape-test: --require-label=org.opencontainers.image.source:url --require-label=maintainer --require-label=version:semver
# A builder stage without labels is not reported: its labels never reach the image.
FROM golang:1.22 AS build
RUN go build -o /out/app .
# The image's stage sets one of the three labels: the other two are missing.
# expect: DL3049 @1 "Label `org.opencontainers.image.source` is missing from the image of stage `runtime`"
# expect: DL3049 @1 "Label `version` is missing"
FROM alpine:3.20 AS runtime
LABEL maintainer="team@example.com"
# ONBUILD labels are for downstream images, not this one.
ONBUILD LABEL version=1.0.0
COPY --from=build /out/app /app
