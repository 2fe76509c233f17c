FROM golang:1.23 AS build
# expect: DL3023 @6 "`--from=build` names the stage this `COPY` is in"
COPY --from=build /src/app /app
# Case-insensitive, as BuildKit matches names.
# expect: DL3023 @6
COPY --from=BUILD /src/app /app
# Its own index.
# expect: DL3023 @6 "`--from=0`"
COPY --from=0 /src/app /app

FROM alpine:3.20 AS final
COPY --from=build /app /app
COPY --from=0 /app /app
# expect: DL3023 @6
COPY --from=1 /app /app
# expect: DL3023 @6
COPY --from=final /app /app
ONBUILD COPY --from=final /app /app
