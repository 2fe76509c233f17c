# shipshape-test: --default-set
# A CLI tool image: nothing to probe, so the default set says nothing. A builder stage that
# exposes a port does not ship.
FROM golang:1.22 AS build
EXPOSE 9999
RUN go build -o /out/tool .
FROM alpine:3.20
COPY --from=build /out/tool /usr/local/bin/tool
ENTRYPOINT ["tool"]
