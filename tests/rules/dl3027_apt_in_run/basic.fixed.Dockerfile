FROM debian:12
# expect: DL3027 @5 fix=unsafe "`apt update` is meant for interactive use; use `apt-get update`"
# expect: DL3027 @19 fix=unsafe "`apt-get install`"
RUN apt-get update && apt-get install -y curl
# Query commands map to apt-cache.
# expect: DL3027 @5 fix=unsafe "`apt-cache search`"
RUN apt-cache search curl
# No script-stable equivalent: no fix.
# expect: DL3027 @5 fix=none "`apt list` is meant for interactive use"
RUN apt list --installed
# expect: DL3027 @5 fix=none "`apt` is meant for interactive use"
RUN apt --version
# A path is kept.
# expect: DL3027 @5 fix=unsafe
RUN /usr/bin/apt-get install -y curl
# apt-get, apt-cache, apt-key, apt-mark are fine.
RUN apt-get update && apt-cache policy curl && apt-mark hold curl && apt-key list
# Not commands: arguments and strings.
RUN echo apt && dpkg -L apt
# Multi-line, wrappers, exec form, heredocs, ONBUILD.
RUN apt-get update \
# expect: DL3027 @5
 && apt-get install -y curl
# expect: DL3027 @10
RUN sudo apt-get install -y curl
# expect: DL3027 @12
RUN sh -c 'apt-get install -y curl'
# The quoted exec-form word is not rewritten.
# expect: DL3027 @6 fix=none
RUN ["apt", "install", "-y", "curl"]
RUN <<EOF
# expect: DL3027 @1
apt-get install -y curl
EOF
# expect: DL3027 @13
ONBUILD RUN apt-get install -y curl
