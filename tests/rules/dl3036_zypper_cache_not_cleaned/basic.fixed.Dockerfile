FROM opensuse/leap:15.6
# expect: DL3036 @5 fix=unsafe "`zypper install` leaves its cache in the layer; run `zypper clean --all`"
RUN zypper -n install curl && zypper clean --all
RUN zypper -n install curl && zypper clean --all
RUN zypper -n in curl && zypper clean -a
RUN zypper -n in curl && zypper -n cc -a
RUN zypper -n in curl && zypper clean --metadata --raw-metadata
RUN zypper -n in curl && rm -rf /var/cache/zypp
RUN zypper -n in curl && rm -rf /var/cache/zypp/*
# A cache or tmpfs mount keeps the cache out of the layer.
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl
# Plain `zypper clean` empties only the package cache: the metadata stays.
# expect: DL3036 @5
RUN zypper -n install curl && zypper clean && zypper clean --all
# expect: DL3036 @5
RUN zypper -n install curl && zypper cc && zypper clean --all
# expect: DL3036 @5
RUN zypper -n install curl && rm -rf /tmp/* && zypper clean --all
# A clean-up before the install does not count.
# expect: DL3036 @27
RUN zypper clean --all && zypper -n install curl && zypper clean --all
# Updates, patches and source installs fill the cache too.
# expect: DL3036 @5 "`zypper update`"
RUN zypper -n update && zypper clean --all
# expect: DL3036 @5 "`zypper dup`"
RUN zypper -n dup && zypper clean --all
# expect: DL3036 @5 "`zypper patch`"
RUN zypper -n patch && zypper clean --all
# Commands that install nothing.
RUN zypper -n refresh && zypper -n remove curl && zypper search curl
# Multi-line: the finding is on the continuation line.
RUN zypper -n refresh \
# expect: DL3036 @8 fix=unsafe
    && zypper -n install \
        curl && zypper clean --all
# Seen through sudo and sh -c.
# expect: DL3036 @10 fix=none
RUN sudo zypper -n install curl
# expect: DL3036 @12 fix=none
RUN sh -c 'zypper -n install curl'
# ONBUILD.
# expect: DL3036 @13
ONBUILD RUN zypper -n install curl && zypper clean --all
