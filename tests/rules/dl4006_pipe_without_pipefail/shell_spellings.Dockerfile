# bash takes `-o pipefail` after `-c` and inside a cluster (checked with bash 5.2:
# `bash -clo pipefail 'false | true'` and `bash -c -o pipefail 'false | true'` exit 1).
FROM debian:12 AS a
SHELL ["bash", "-clo", "pipefail"]
RUN curl -fsSL https://example.com/a.tar.gz | tar -xz
FROM debian:12 AS b
SHELL ["bash", "-c", "-o", "pipefail"]
RUN curl -fsSL https://example.com/b.tar.gz | tar -xz
FROM debian:12 AS c
SHELL ["bash", "-c"]
# expect: DL4006 @45
RUN curl -fsSL https://example.com/c.tar.gz | tar -xz
