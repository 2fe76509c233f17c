# A builder stage without USER does not ship.
FROM golang:1.23 AS build
RUN go build -o /app .
# A base image that already runs as non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
ENTRYPOINT ["/app"]
