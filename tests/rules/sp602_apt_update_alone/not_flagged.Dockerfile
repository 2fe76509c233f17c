FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update && apt-get upgrade -y
RUN apk update && apk add --no-cache curl
# Something else might install.
RUN apt-get update && /usr/local/bin/install-deps.sh
RUN apt-get update && install_packages curl
