FROM golang:1.23 AS build
RUN go build -o /app .
# The image's base is what counts, not the builder's.
# expect: SP705 @6 "The image is built on `python:3.12` (about 400 MB with its tools); unless the application needs them, use `python:<version>-slim`"
FROM python:3.12
COPY --from=build /app /app
