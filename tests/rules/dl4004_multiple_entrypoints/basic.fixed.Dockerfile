FROM alpine:3.20 AS base
# expect: DL4004 @1 fix=safe "This `ENTRYPOINT` has no effect: the `ENTRYPOINT` on line 8, the last of the stage, replaces it"
COPY run.sh /run.sh
CMD ["--help"]
# expect: DL4004 @1 fix=safe "line 8"
ENTRYPOINT ["/run.sh"]
# Each stage has its own ENTRYPOINT.
FROM base
ENTRYPOINT ["/run.sh", "--debug"]
# ONBUILD ENTRYPOINT is for downstream images.
FROM base AS other
ONBUILD ENTRYPOINT ["a"]
ENTRYPOINT ["b"]
