FROM debian:12-slim
ARG SHA=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
RUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && echo "$SHA  /tmp/t.tgz" | sha256sum -c - && tar -xzf /tmp/t.tgz
RUN curl -fsSLO https://example.com/t.tgz.asc -O https://example.com/t.tgz && gpg --verify t.tgz.asc t.tgz && tar -xzf t.tgz
# Downloaded but not used here, or used by name through a variable.
RUN curl -fsSLo /tmp/data.json https://example.com/data.json
RUN curl -fsSLo "/tmp/$NAME" https://example.com/x && sh "/tmp/$NAME"
