FROM debian:12
# A code of a rule hadolint deleted (DL3005, apt-get dist-upgrade) is stale: nothing can
# match it any more. The other code of the pragma is used.
# expect: SP101 @19 fix=safe "Suppression of `DL3005` matches no finding: hadolint retired"
# hadolint ignore=DL3005,DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
