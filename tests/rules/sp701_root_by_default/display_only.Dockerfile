FROM debian:12 AS base
RUN apt-get update
# The target is built on `base`: the chain's root image decides; no user known.
# expect: SP701 @1 fix=display
FROM base
CMD ["bash"]
