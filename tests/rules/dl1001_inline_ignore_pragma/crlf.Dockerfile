FROM debian:12
# Windows line ends: the carriage return is not part of the pragma.
# expect: DL1001 @1 "`# hadolint ignore=DL3008`:"
# hadolint ignore=DL3008
RUN apt-get install -y curl
