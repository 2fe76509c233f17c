# Builder stages need no health check; the image (the last stage) has none.
FROM golang:1.22 AS build
RUN go build -o /out/app .
# expect: DL3057 @1 "The image of stage `runtime` has no `HEALTHCHECK`"
FROM alpine:3.20 AS runtime
COPY --from=build /out/app /app
# ONBUILD HEALTHCHECK is for downstream images.
ONBUILD HEALTHCHECK CMD /app --health
