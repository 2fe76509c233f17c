# syntax=docker/dockerfile:1
# Parser directives and comments are not instructions; ARG may come first.
ARG BASE=alpine:3.20
# expect: DL3061 @1 "`LABEL` comes before the first `FROM`; only `ARG` may precede it"
LABEL org.example.team=platform
# Each one is reported.
# expect: DL3061 @1 "`env`"
env A=1
# expect: DL3061 @3 "`RUN`"
  RUN echo \
      hello
ARG OTHER
FROM ${BASE}
RUN true
LABEL org.example.team=platform
