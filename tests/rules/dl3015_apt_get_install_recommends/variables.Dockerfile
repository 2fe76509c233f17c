FROM debian:12
ARG APT_FLAGS="-y --no-install-recommends"
ARG UNSET
RUN apt-get install $APT_FLAGS curl
# expect: DL3015 @5
RUN apt-get install -y $UNSET curl
