# A builder stage only feeds COPY --from.
FROM golang:1.23 AS build
COPY . /src
RUN cd /src && go build -o /app .
# The official images' way: build dependencies removed in the same RUN.
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends gcc make \
    && make -C /usr/src/tool install \
    && apt-get purge -y --auto-remove gcc make && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
RUN javac --version && rustc -V
