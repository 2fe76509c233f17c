# A fragment is not an image: no health check is asked of it, even when asked for.
EXPOSE 8080
CMD ["/server"]
