# No USER: the base image's user, which the linter does not know.
FROM debian:12
RUN true
# ONBUILD USER is for downstream images.
ONBUILD USER app
