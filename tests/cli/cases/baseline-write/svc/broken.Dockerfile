FROM debian:12
CMD ["a", 1]
RUN apt-get install -y curl
