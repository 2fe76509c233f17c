FROM debian:12
USER app
# A trigger sets the user of downstream images, not of this one.
ONBUILD USER root
