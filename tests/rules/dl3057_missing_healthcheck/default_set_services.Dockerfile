# shipshape-test: --default-set
# In the default set DL3057 judges long-running services only: this image exposes a port.
FROM golang:1.22 AS build
RUN go build -o /out/server .
# expect: DL3057 @1 "although it exposes a port"
FROM alpine:3.20
COPY --from=build /out/server /server
EXPOSE 8080
ENTRYPOINT ["/server"]
