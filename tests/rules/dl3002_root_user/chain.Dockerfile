FROM debian:12 AS base
RUN useradd app
# The image is built FROM this stage and sets no USER of its own: it runs as root.
# expect: DL3002 @6 "`USER root`"
USER root

FROM base
COPY app /usr/local/bin/app
