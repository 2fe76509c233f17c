FROM debian:12
RUN apt-get update \
      -qq
# expect: DL3059 @1 "line 2"
RUN rm -rf \
# a comment inside the continuation
      /var/lib/apt/lists/*
