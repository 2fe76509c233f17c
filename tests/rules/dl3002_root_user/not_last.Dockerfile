FROM debian:12
USER root
RUN apt-get update
# Root for the installation, then an unprivileged user: fine.
USER app
