# shipshape-test: --require-label=version:semver
# A key that only the build decides could be the required label: nothing is reported.
FROM alpine:3.20
ARG KEY
LABEL ${KEY}=1.0.0
