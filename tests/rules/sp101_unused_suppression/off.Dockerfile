# shipshape-test: --ignore=DL3008
# A pragma for a rule turned off by the configuration is not unused.
FROM debian:12
# shipshape ignore=DL3008
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
# hadolint global ignore=DL3008
RUN true
