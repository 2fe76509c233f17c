# A health check set in a stage the image is built FROM is inherited.
FROM alpine:3.20 AS base
HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
FROM base
RUN true
