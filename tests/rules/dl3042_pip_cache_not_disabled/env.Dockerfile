# PIP_NO_CACHE_DIR from an ENV or ARG, inherited by the stages built on it. pip reads any
# boolean word as "no cache", `off` and `0` included.
FROM python:3.12-slim AS base
ENV PIP_NO_CACHE_DIR=off
RUN pip install flask==3.0.3
FROM base
RUN pip install requests==2.32.3

FROM python:3.12-slim AS other
ARG PIP_NO_CACHE_DIR=1
RUN pip install flask==3.0.3
