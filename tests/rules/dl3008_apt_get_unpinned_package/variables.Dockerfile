FROM debian:12
ARG PACKAGES="curl git=1:2.39.5-0+deb12u1"
ENV TOOLS=vim
ARG UNSET
# A known value is split into its packages; each is judged (the finding points at the word).
# expect: DL3008 @24 "`curl`"
RUN apt-get install -y $PACKAGES
# expect: DL3008 @24 "`vim`"
RUN apt-get install -y ${TOOLS} ${UNSET}
# Unknown values (an ARG without a default, a command substitution) are not reported.
RUN apt-get install -y $UNSET "$(cat /pkgs)" "${UNSET}=1.0"
# Shell variables set earlier in the RUN are known too.
# expect: DL3008 @50 "`build-essential`"
RUN deps="build-essential" && apt-get install -y $deps
