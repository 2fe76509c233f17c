FROM debian:12
# expect: DL3046 @13 fix=safe "`useradd` with the high UID `123456` and no `-l` writes a 34 MB"
RUN useradd -l -u 123456 app
RUN useradd -l -u 123456 app
RUN useradd --no-log-init -u 123456 app
RUN useradd -lmu 123456 app
# Every way to give the UID.
# expect: DL3046 @13 "`1000000`"
RUN useradd -l --uid 1000000 app
# expect: DL3046 @13 "`1000000`"
RUN useradd -l --uid=1000000 app
# expect: DL3046 @13 "`100000`"
RUN useradd -l -u100000 app
# expect: DL3046 @13
RUN useradd -l -mu 100000 app
# Low UIDs: the log files stay small.
RUN useradd -u 1000 app && useradd -u 99999 app2
# `-U` is a flag (--user-group): it does not take `-u` for its value.
# expect: DL3046 @16
RUN useradd -l -U -u 200000 app
# Values from ARG and ENV; an unknown one is not judged.
ARG APP_UID=1001
ARG BIG_UID=4000000
ARG OTHER_UID
# expect: DL3046 @42 "`4000000`"
RUN useradd -u "$APP_UID" app && useradd -l -u ${BIG_UID} big && useradd -u $OTHER_UID other
# Near misses: other commands, the UID as another option's value.
RUN usermod -u 200000 app && groupadd -g 200000 grp && useradd -c 200000 app3
# Multi-line: the finding is on the continuation line.
RUN groupadd -g 200000 app \
# expect: DL3046 @29
    && useradd -l --gid 200000 --uid 200000 app
# Seen through sudo and sh -c.
# expect: DL3046 @18
RUN sudo useradd -l -u 200000 app
# expect: DL3046 @20
RUN sh -c 'useradd -l -u 200000 app'
# ONBUILD.
# expect: DL3046 @21
ONBUILD RUN useradd -l -u 200000 app
# Exec form: reported, without a fix.
# expect: DL3046 fix=none
RUN ["useradd", "-u", "200000", "app"]
