# shipshape-test: --disable-ignore-pragma
# Under --disable-ignore-pragma no pragma suppresses anything, so none is judged.
FROM debian:12
# shipshape ignore=DL3008
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
