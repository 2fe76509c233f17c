FROM debian:12
ARG user=root
USER app
# Expanded with the ARG's value (hadolint issue #341).
# expect: DL3002 @6 "`USER ${user}` (`root`)"
USER ${user}
