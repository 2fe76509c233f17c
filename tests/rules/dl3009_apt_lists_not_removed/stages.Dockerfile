# A build stage only copied from is not shipped: its lists never reach the image.
FROM debian:12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc
RUN gcc --version > /version

# A stage used as a base by a build stage only is not shipped either.
FROM debian:12 AS tools
RUN apt-get update && apt-get install -y --no-install-recommends make
FROM tools AS compile
RUN make --version > /make-version

# The final image is built on `base`: both ship.
FROM debian:12 AS base
# expect: DL3009 @5
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
FROM base
COPY --from=build /version /version
COPY --from=compile /make-version /make-version
# expect: DL3009 @5
RUN apt-get update && apt-get install -y --no-install-recommends curl
