FROM debian:12 AS one
ENV TOOLCHAIN=/usr/local/musl

FROM debian:12 AS two
# A definition in an unrelated stage does not count (hadolint counts it).
# expect: DL3044 @34 "`$TOOLCHAIN` is empty here"
ENV TOOLCHAIN=/usr/local/musl CC=$TOOLCHAIN/bin/gcc

FROM one
# The stage built on `one` has it, with the same value.
ENV TOOLCHAIN=/usr/local/musl CC=$TOOLCHAIN/bin/gcc
