FROM debian:12
# A used code.
# shipshape ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
# An unused one: this RUN pins its package.
# expect: SP101 @20 fix=safe "Suppression of `DL3008` matches no finding"
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
# One used and one unused code: only the unused one is flagged.
# expect: SP101 @28 fix=safe "`DL3020`"
# shipshape ignore=DL3008
RUN apt-get install -y --no-install-recommends wget
# hadolint's form with a blank line below it covers nothing.
# expect: SP101 @19 fix=safe

RUN apt-get install -y --no-install-recommends git
# Not judged: a rule that is off (DL1001), ShellCheck codes, unknown codes (SP102's).
# shipshape ignore=DL1001,SC2086,DL9999
RUN true
# Prefixes and names count like codes.
# shipshape ignore=DL30
RUN apt-get install -y --no-install-recommends vim
# expect: SP101 @20 "`apt-get-unpinned-package`"
RUN true
# Stacked pragmas both cover the instruction; each is used by its own code.
# shipshape ignore=DL3008
# shipshape ignore=DL3015
RUN apt-get install -y nano
# A stage pragma that suppresses nothing until the next FROM.
# expect: SP101 @26
RUN true
FROM debian:latest
# A global pragma used anywhere in the file (DL3007 on the FROM above).
# shipshape global ignore=DL3007
# expect: SP101 @27 "`DL3006`"
RUN true
