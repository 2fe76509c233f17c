# shipshape-test: --target=dev
FROM alpine:3.20 AS prod
HEALTHCHECK CMD true
# expect: DL3057 @1 "`dev`"
FROM alpine:3.20 AS dev
RUN true
# A stage after the target is not built.
FROM prod
