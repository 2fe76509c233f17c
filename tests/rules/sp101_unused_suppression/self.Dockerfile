# A global ignore of SP101 is not judged by SP101, and silences it in the whole file.
# shipshape global ignore=SP101
FROM debian:12
# shipshape ignore=DL3008
RUN true
