FROM debian:12
# Different flags: different RUNs on purpose.
RUN --mount=type=secret,id=foo /foo.sh
RUN /bar.sh
RUN --mount=type=secret,id=foo /foo.sh
RUN --mount=type=secret,id=bar /bar.sh
# Same flags, in any order.
RUN --network=none --mount=type=cache,target=/root/.cache pip install -r a.txt
# expect: DL3059 @1
RUN --mount=type=cache,target=/root/.cache --network=none pip install -r b.txt
