# The start command itself drops root: su-exec, behind tini.
FROM alpine:3.20
RUN apk add --no-cache su-exec=0.2-r3 tini=0.19.0-r3
COPY app /app
ENTRYPOINT ["/sbin/tini", "--", "su-exec", "nobody", "/app"]
