ARG GLOBAL=x
FROM scratch
ARG foo
COPY Dockerfile${foo} .

FROM alpine AS base
ARG bar=Dockerfile

FROM base
COPY $bar .
RUN echo $PATH
