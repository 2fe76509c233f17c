FROM debian:12
# expect: DL3014 @23 fix=safe "`apt-get install` without `-y`"
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
# These answer the prompt.
RUN apt-get install -y curl && apt-get install --yes curl && apt-get install --assume-yes curl
RUN apt-get -qy install curl && apt-get -y -q install curl
# A quiet level of 2 or more implies -y.
RUN apt-get -qq install curl && apt-get -q -q install curl && apt-get -q=2 install curl
RUN apt-get --quiet --quiet install curl && apt-get --quiet=2 install curl && apt-get -qqq install curl
RUN apt-get -o APT::Get::Assume-Yes=true install curl && apt-get -o apt::get::assume-yes=1 install curl
# A quiet level below 2 does not.
# expect: DL3014 @5
RUN apt-get -q install -y curl
# expect: DL3014 @5
RUN apt-get -q=1 install -y curl
# Other commands that prompt.
# expect: DL3014 @5 "`apt-get upgrade`"
RUN apt-get upgrade -y
# expect: DL3014 @5
RUN apt-get dist-upgrade -y
# expect: DL3014 @5 "`apt-get remove`"
RUN apt-get remove -y curl
# expect: DL3014 @5
RUN apt-get purge -y curl
# expect: DL3014 @5
RUN apt-get autoremove -y
# expect: DL3014 @5
RUN apt-get build-dep -y python3
# Removing nothing asks nothing; update, clean and download never ask.
RUN apt-get purge && apt-get update && apt-get clean && apt-get download curl && apt-get source curl
# `apt` is DL3027's business.
RUN apt install curl
# Multi-line.
RUN apt-get update \
# expect: DL3014 @5
 && apt-get \
      install -y \
      curl
# Wrappers, exec form, heredocs, ONBUILD.
# expect: DL3014 @10
RUN sudo apt-get install -y curl
# expect: DL3014 @12
RUN sh -c "apt-get install -y curl"
# expect: DL3014 @6 fix=safe
RUN ["apt-get", "install", "-y", "curl"]
RUN <<EOF
# expect: DL3014 @1
apt-get install -y curl
EOF
# expect: DL3014 @13
ONBUILD RUN apt-get install -y curl
