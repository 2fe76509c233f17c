FROM debian:12
# One finding per unpinned package, at the package.
# expect: DL3008 @42 "`curl`"
# expect: DL3008 @47 "`wget`"
RUN apt-get update && apt-get install -y curl wget && rm -rf /var/lib/apt/lists/*
# Pinned: a version, a release, a local .deb, a path.
RUN apt-get install -y curl=7.88.1-10+deb12u5 git/bookworm-backports ./local.deb /tmp/x.deb
# The value of -t / --target-release is not a package; nor are the values of -o and -c.
RUN apt-get install -y -t bookworm-backports --target-release bookworm -o Dpkg::Options::=--force-confold -c /etc/apt.conf vim=2:9.0
# Multi-line: findings on the continuation lines.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
# expect: DL3008 @8 "`ca-certificates`"
       ca-certificates \
# expect: DL3008 @19 "`jq`"
       jq=1.6-2.1 jq \
 && rm -rf /var/lib/apt/lists/*
# Not an install.
RUN apt-get update && apt-get upgrade -y && apt-get remove -y curl && apt-cache show curl
# Near misses: `apt` (DL3027's business), an install option without packages.
RUN apt install -y curl && apt-get install -y -f
