# shipshape's container image: `docker build -t shipshape .`, then
# `docker run --rm -i shipshape < Dockerfile` (README.md, "Install").
#
# Every image is pinned by the digest of its multi-platform index; the tag beside it says what
# it is. To refresh one: `docker buildx imagetools inspect IMAGE:TAG` prints the current digest
# (the Digest line at the top); change it here and run `make test` (own-dockerfile checks this
# file). The Debian packages of the build stage are pinned to the versions of Debian 12's
# archive the CI machine uses (`apt-cache policy PACKAGE` there); when a point release
# replaces one, `apt-get install` says which, and its new version goes here.

# build compiles the static binary with the Debian 12 toolchain and libraries `make test` uses
FROM debian:bookworm-slim@sha256:d5d3f9c23164ea16f31852f95bd5959aad1c5e854332fe00f7b3a20fcc9f635c AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      cmake=3.25.1-1 \
      g++=4:12.2.0-3 \
      libcli11-dev=2.1.2+ds-1 \
      libfmt-dev=9.1.0+ds1-2 \
      libjemalloc-dev=5.3.0-1 \
      libyaml-cpp-dev=0.7.0+dfsg-8+b1 \
      ninja-build=1.11.1-2~deb12u1 \
      nlohmann-json3-dev=3.11.2-2 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# .git stays out of the context, so the commit comes as a build argument:
# `docker build --build-arg SHIPSHAPE_COMMIT="$(git rev-parse --short=12 HEAD)" ...`
# SHIPSHAPE_COMMIT is the commit `shipshape --version` names
ARG SHIPSHAPE_COMMIT=unknown
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_LINK=static \
      -DBUILD_TESTING=OFF "-DSHIPSHAPE_GIT_COMMIT=${SHIPSHAPE_COMMIT}" \
 && cmake --build /build --target shipshape \
 && strip /build/shipshape

# shellcheck is ShellCheck's own image, whose binary is static; shipshape runs it on RUN scripts
FROM koalaman/shellcheck:v0.11.0@sha256:61862eba1fcf09a484ebcc6feea46f1782532571a34ed51fedf90dd25f925a8d AS shellcheck

# The image: no shell, no package manager, a non-root user (distroless's nonroot, 65532).
# Without ShellCheck (shipshape then notes that RUN scripts are not checked), drop the
# COPY --from=shellcheck line.
FROM gcr.io/distroless/static-debian12:nonroot@sha256:d093aa3e30dbadd3efe1310db061a14da60299baff8450a17fe0ccc514a16639
COPY --from=build /build/shipshape /usr/bin/shipshape
COPY --from=shellcheck /bin/shellcheck /usr/bin/shellcheck
USER 65532:65532
WORKDIR /work
# A command-line tool, not a service: nothing to check.
HEALTHCHECK NONE
ENTRYPOINT ["/usr/bin/shipshape"]
# As hadolint's image: `docker run --rm -i shipshape < Dockerfile` lints standard input.
CMD ["lint", "-"]
