FROM debian:12
ARG LISTS=/var/lib/apt/lists
ARG UNSET
# The removed path is resolved.
RUN apt-get update && apt-get install -y curl && rm -rf $LISTS/*
# An unknown path may be anything: it does not count as the lists.
# expect: DL3009 @5
RUN apt-get update && apt-get install -y curl && rm -rf $UNSET/*
