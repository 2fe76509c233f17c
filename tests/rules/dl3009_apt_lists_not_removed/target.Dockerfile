# shipshape-test: --target=build
# With --target=build the build stage is the image; the last stage is not built.
FROM debian:12 AS build
# expect: DL3009 @5
RUN apt-get update && apt-get install -y --no-install-recommends gcc
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
