# A file without FROM is a fragment (a Dockerfile.tail, a snippet), not a misordered file:
# `lint` reports BuildKit's "no build stage in current context" once and lints the rest.
ARG A=1
RUN true
ONBUILD RUN true
