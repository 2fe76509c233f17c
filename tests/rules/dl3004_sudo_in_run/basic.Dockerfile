FROM ubuntu:24.04
# expect: DL3004 @5 "Do not use `sudo`"
RUN sudo apt-get update
# One finding per sudo.
# expect: DL3004 @5
# expect: DL3004 @28
RUN sudo apt-get update && sudo apt-get install -y curl
# With options, behind runners, alone, through a path.
# expect: DL3004 @5
RUN sudo -u app -E make install
# expect: DL3004 @13
RUN env A=1 sudo make install
# expect: DL3004 @16
RUN timeout 10 sudo make install
# expect: DL3004 @5
RUN sudo -v
# expect: DL3004 @5
RUN /usr/bin/sudo make install
# Inside substitutions, compound commands and sh -c strings.
# expect: DL3004 @13
RUN echo "$(sudo cat /etc/shadow)"
# expect: DL3004 @29
RUN if [ -x /bin/sh ]; then sudo true; fi
# expect: DL3004 @5
RUN sudo sh -c 'apt-get update && apt-get install -y curl'
# expect: DL3004 @12
RUN sh -c "sudo make install"
# Near misses: sudo as an argument or a package, other tools.
RUN echo sudo && apt-get install -y sudo && gosu app true && su-exec app true
RUN echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers
# Multi-line: the finding is on the continuation line.
RUN apt-get update \
# expect: DL3004 @8
    && sudo make install
# ONBUILD.
# expect: DL3004 @13
ONBUILD RUN sudo make install
# Exec form.
# expect: DL3004 @6
RUN ["sudo", "make", "install"]
# Heredoc.
RUN <<EOF
set -e
# expect: DL3004 @1
sudo make install
EOF
