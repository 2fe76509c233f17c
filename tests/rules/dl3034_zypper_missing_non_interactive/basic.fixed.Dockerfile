FROM opensuse/leap:15.6
# expect: DL3034 @5 fix=safe "`zypper install` without `--non-interactive` waits"
RUN zypper --non-interactive install curl && zypper clean --all
RUN zypper --non-interactive install curl && zypper clean --all
RUN zypper -n install curl && zypper clean --all
RUN zypper install -y curl && zypper clean --all
RUN zypper in --no-confirm curl && zypper clean --all
RUN zypper -n --gpg-auto-import-keys in -l curl && zypper clean --all
# Global options with values before the subcommand.
RUN zypper --root /target -n install curl && zypper clean --all
# expect: DL3034 @5 "`zypper in`"
RUN zypper --non-interactive -R /target in curl && zypper clean --all
# Answers piped in.
RUN yes | zypper install curl && zypper clean --all
# Every subcommand that changes packages asks.
# expect: DL3034 @5 fix=unsafe "`zypper remove`"
RUN zypper --non-interactive remove curl
# expect: DL3034 @5 fix=safe "`zypper update`"
RUN zypper --non-interactive update && zypper clean --all
# expect: DL3034 @5 fix=safe "`zypper dup`"
RUN zypper --non-interactive dup && zypper clean --all
# expect: DL3034 @5 fix=safe "`zypper patch`"
RUN zypper --non-interactive patch && zypper clean --all
# expect: DL3034 @5 fix=safe "`zypper si`"
RUN zypper --non-interactive si curl && zypper clean --all
# Subcommands that do not ask.
RUN zypper refresh && zypper search curl && zypper info curl && zypper clean --all
# Near misses.
RUN echo zypper install curl
# Multi-line: the finding is on the continuation line.
RUN zypper -n refresh \
# expect: DL3034 @8
    && zypper --non-interactive install \
        curl \
    && zypper clean --all
# Seen through sudo and sh -c.
# expect: DL3034 @10
RUN sudo zypper --non-interactive install curl && sudo zypper clean --all
# expect: DL3034 @12
RUN sh -c "zypper --non-interactive install curl && zypper clean --all"
# ONBUILD.
# expect: DL3034 @13
ONBUILD RUN zypper --non-interactive install curl && zypper clean --all
# Exec form: reported, without a fix.
# expect: DL3034 fix=none
RUN ["zypper", "install", "curl"]
