# A fragment without USER is not an image either.
RUN apt-get update
CMD ["/app"]
