# shipshape-test: --require-label=version:semver --target=dev
FROM alpine:3.20 AS prod
LABEL version=1.0.0
# The target stage is `dev`: its image lacks the label; `prod` is not built.
# expect: DL3049 @1 "Label `version` is missing from the image of stage `dev`"
FROM alpine:3.20 AS dev
RUN true
FROM prod AS other
