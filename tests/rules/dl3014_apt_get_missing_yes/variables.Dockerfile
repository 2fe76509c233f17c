FROM debian:12
ARG APT_FLAGS="-y --no-install-recommends"
ARG UNSET
# A known variable is read: it holds -y.
RUN apt-get install $APT_FLAGS curl
# An unknown one is not assumed to hold it.
# expect: DL3014 @5
RUN apt-get install $UNSET curl
