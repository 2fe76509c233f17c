FROM debian:12
# expect: DL3015 @23 fix=unsafe "`apt-get install` without `--no-install-recommends`"
RUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u5
RUN apt-get install -y --no-install-recommends curl
RUN apt-get --no-install-recommends install -y curl
# apt's option spellings of "false", any case.
RUN apt-get install -y -o APT::Install-Recommends=false curl
RUN apt-get install -y -o apt::install-recommends=0 curl && apt-get -oAPT::Install-Recommends=no install -y curl
RUN apt-get install -y --option=APT::Install-Recommends=off curl
# Turning them on is no help (and gets no fix: the flag would be overridden).
# expect: DL3015 @5 fix=none
RUN apt-get install -y -o APT::Install-Recommends=true curl
# Only install installs.
RUN apt-get update && apt-get upgrade -y && apt-get remove -y curl && apt install -y curl
# Multi-line.
RUN apt-get update \
# expect: DL3015 @5
 && apt-get install --no-install-recommends -y \
      curl
# Wrappers, exec form, heredocs, ONBUILD.
# expect: DL3015 @10
RUN sudo apt-get install --no-install-recommends -y curl
# expect: DL3015 @12
RUN sh -c 'apt-get -y install --no-install-recommends curl'
# expect: DL3015 @6
RUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]
RUN <<EOF
# expect: DL3015 @1
apt-get install --no-install-recommends -y curl
EOF
# expect: DL3015 @13
ONBUILD RUN apt-get install --no-install-recommends -y curl
