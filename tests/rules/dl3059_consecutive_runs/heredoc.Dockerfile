FROM debian:12
# Heredoc RUNs are already one script per RUN: not flagged (hadolint's false positive).
RUN <<EOF
apt-get update
EOF
RUN <<EOF
apt-get install -y curl
EOF
RUN true
# Exec form counts as one command.
# expect: DL3059 @1 "line 9"
RUN ["echo", "hi"]
# expect: DL3059 @1
RUN ["echo", "there"]
# ONBUILD RUN is not a RUN of this image, and separates RUNs.
ONBUILD RUN true
ONBUILD RUN true
RUN true
# Commands are counted through `sh -c`.
RUN sh -c 'a && b && c'
RUN true
