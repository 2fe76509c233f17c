# gosu is installed, but the image starts a binary directly: it runs as root.
# expect: SP701 @1 fix=display "containers run as root"
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu=1.14-1+b6 \
 && rm -rf /var/lib/apt/lists/*
COPY app /app
ENTRYPOINT ["/app"]
