FROM debian:12
ARG user
# Only the build knows the user.
USER $user
