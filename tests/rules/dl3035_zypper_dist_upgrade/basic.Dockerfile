FROM opensuse/tumbleweed
# expect: DL3035 @15 "`zypper dist-upgrade` upgrades the base image's distribution"
RUN zypper -n dist-upgrade && zypper clean --all
# expect: DL3035 @30 "`zypper dup`"
RUN zypper --non-interactive dup --no-recommends && zypper clean --all
# Global options with values before the subcommand.
# expect: DL3035 @30 "`zypper dup`"
RUN zypper --root /target -n dup
# Near misses: other subcommands, `dup` as a package name or an argument.
RUN zypper -n update && zypper -n patch && zypper clean --all
RUN zypper -n install dup && zypper clean --all
RUN echo zypper dup
RUN dnf distro-sync -y && dnf clean all
# Multi-line, sudo, sh -c.
RUN zypper -n refresh \
# expect: DL3035 @18
    && zypper -n dup
# expect: DL3035 @20
RUN sudo zypper -n dup
# expect: DL3035 @22
RUN sh -c 'zypper -n dup'
# ONBUILD.
# expect: DL3035 @23
ONBUILD RUN zypper -n dup
