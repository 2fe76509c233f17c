FROM alpine:3.20 AS build
FROM alpine:3.20
ARG ROOT=/
ARG UNKNOWN
# Paths are expanded with ARG and ENV values, as BuildKit does.
# expect: DL3067 @19
COPY --from=build ${ROOT} $ROOT
# A path only the build knows is not judged.
COPY --from=build ${UNKNOWN} /
COPY --from=build / ${UNKNOWN}
