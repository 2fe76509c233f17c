# shipshape-test: --require-label=org.opencontainers.image.source:url --require-label=version:semver
# Labels set in a stage the image is built FROM count, with quotes removed and values expanded.
FROM alpine:3.20 AS base
ARG SOURCE_KEY=org.opencontainers.image.source
LABEL "${SOURCE_KEY}"="https://github.com/example/app"
FROM base AS middle
LABEL version=""
FROM middle
RUN true
