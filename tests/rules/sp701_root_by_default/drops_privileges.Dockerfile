# The official images' pattern: the entrypoint script starts as root (to fix the ownership of
# volumes), then runs the server through gosu, which this Dockerfile installs.
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu=1.14-1+b6 \
 && rm -rf /var/lib/apt/lists/*
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
