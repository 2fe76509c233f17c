FROM debian:12
# Only the user part matters.
USER 10001:app
