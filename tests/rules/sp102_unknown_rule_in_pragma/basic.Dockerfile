FROM debian:12
# expect: SP102 @20 "Unknown rule `DL3800` in pragma (did you mean `DL3000`?)"
# shipshape ignore=DL3800
RUN true
# Known: codes in any case, prefixes, ALL, names, BuildKit names, ShellCheck codes.
# shipshape ignore=dl3008,DL30,SP1,ALL,apt-get-unpinned-package,MaintainerDeprecated,SC2086
RUN true
# expect: SP102 @27 "(did you mean `MaintainerDeprecated`?)"
# shipshape global ignore=MaintainerDeprecatd
# hadolint's form too.
# expect: SP102 @19 "`DL9999`"
# hadolint ignore=DL9999
RUN true
# No suggestion when nothing is close; the reason is not a code.
# expect: SP102 @26 "Unknown rule `nonsense` in pragma"
# shipshape stage ignore=nonsense -- not a rule
RUN true
# Each unknown code of a list.
# expect: SP102 @20 "`SP999`"
# expect: SP102 @33 "`XY1`"
# shipshape ignore=SP999,DL3008,XY1
RUN true
# Not a pragma for hadolint's grammar, so nothing to judge.
# hadolint ignore=dl9999
RUN true
# Codes of rules hadolint deleted are SP101's (unused), not unknown.
# hadolint ignore=DL3005,DL3017,DL3031,DL3039
RUN apt-get update && apt-get dist-upgrade -y
