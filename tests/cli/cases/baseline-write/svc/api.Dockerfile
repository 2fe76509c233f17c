FROM debian:12
RUN apt-get install -y curl
RUN apt-get install -y curl
