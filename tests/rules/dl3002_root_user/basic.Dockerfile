FROM golang:1.23 AS build
# A builder stage does not ship: root is fine there.
USER root
RUN go build -o /app .

FROM debian:12
RUN useradd app
USER app
RUN echo "setting up"
# expect: DL3002 @6 "`USER root` is the image's last USER"
USER root
