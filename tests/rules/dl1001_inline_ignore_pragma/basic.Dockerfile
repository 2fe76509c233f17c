FROM debian:12
# expect: DL1001 @1 "`# hadolint ignore=DL3008,DL3015`"
# hadolint ignore=DL3008,DL3015
RUN apt-get update && apt-get install -y curl
# Blanks around `=` and `,`, no space after `#`, a trailing reason (not part of the pragma).
# expect: DL1001 @1 "`#hadolint ignore = DL3008 , DL3009`:"
#hadolint ignore = DL3008 , DL3009 # pinned by the base image
RUN apt-get install -y wget
# Indented comments are comments too.
# expect: DL1001 @3
  # hadolint ignore=DL3059
RUN true
# Our own syntax, whose codes may be SP codes or any name.
# expect: DL1001 @1 "`# shipshape ignore=SP401,DL3059`"
# shipshape ignore=SP401,DL3059
RUN true
# Not inline ignore pragmas: global and stage pragmas, the shell pragma.
# hadolint global ignore=DL3008
# hadolint stage ignore=DL3008
# hadolint shell=bash
# shipshape global ignore=DL3008
# Not pragmas at all for hadolint's grammar: lower-case codes, a space-separated list, a
# trailing comma, a reason without `#`, `Hadolint`, no space after the tool name, other words.
# hadolint ignore=dl3008
# hadolint ignore=DL3008 DL3009
# hadolint ignore=DL3008,
# hadolint ignore=DL3008 because we must
# Hadolint ignore=DL3008
# hadolintignore=DL3008
# hadolint ignore=
# hadolint disable=DL3008
# please do not add hadolint ignore=DL3008 here
RUN true
# Inside a RUN continuation a comment is dropped by the parser: no pragma there.
RUN apt-get update \
# hadolint ignore=DL3008
 && apt-get install -y curl
