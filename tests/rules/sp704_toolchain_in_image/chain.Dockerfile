FROM debian:12 AS base
RUN apt-get update && apt-get install -y --no-install-recommends gcc make
COPY . /src
# The image is built FROM `base`: its build ships too.
# expect: SP704 @5 "a C/C++ toolchain"
RUN make -C /src
FROM base
CMD ["/src/app"]
