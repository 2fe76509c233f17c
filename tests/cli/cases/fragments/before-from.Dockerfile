ARG BASE=debian:12-slim
LABEL team=core
RUN echo early
FROM ${BASE}
RUN apt-get install -y curl
