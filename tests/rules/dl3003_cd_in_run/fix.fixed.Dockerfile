FROM golang:1.22
# A leading `cd DIR &&` becomes a WORKDIR before the RUN (unsafe: it lasts).
# expect: DL3003 @5 fix=unsafe "`cd /src`"
WORKDIR /src
RUN go build -o /app .
# Flags stay on the RUN; continuation lines are kept.
# expect: DL3003 @37 fix=unsafe
WORKDIR build
RUN --mount=type=cache,target=/root make \
    && make install
  # Indented: the WORKDIR gets the same indentation.
  # expect: DL3003 @7 fix=unsafe
  WORKDIR /opt
  RUN ls
# No fix: quoted or variable directories, options, `cd` not first, `||`, `;`, pipelines.
# expect: DL3003 @5 fix=none
RUN cd "/my dir" && ls
# expect: DL3003 @5 fix=none
RUN cd $HOME && ls
# expect: DL3003 @5 fix=none
RUN cd -P /src && ls
# expect: DL3003 @15 fix=none
RUN echo a && cd /src && ls
# expect: DL3003 @5 fix=none
RUN cd /src || exit 1
# expect: DL3003 @5 fix=none
RUN cd /src; make
# expect: DL3003 @5 fix=none
RUN cd /src && { make; }
# expect: DL3003 @5 fix=none
RUN cd /src
# expect: DL3003 @5 fix=none
RUN cd - && ls
# expect: DL3003 @13 fix=none
ONBUILD RUN cd /src && make
FROM debian:12
RUN echo first
WORKDIR /tmp
# An ignore pragma above the RUN stays with it: the WORKDIR goes above the pragma.
# hadolint ignore=DL3008
# expect: DL3003 @5 fix=unsafe
RUN apt-get install -y curl
