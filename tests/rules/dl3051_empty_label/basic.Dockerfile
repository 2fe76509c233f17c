# shipshape-test: --require-label=version:semver --require-label=maintainer
FROM alpine:3.20
# expect: DL3051 @7 "Label `version` is empty"
LABEL version=""
# expect: DL3051 @7 "Label `maintainer` is empty"
LABEL maintainer= other=
# Not in the schema: not this rule's business.
LABEL description=""
# Values are expanded: an empty default is empty; a value only the build knows is not judged.
ARG EMPTY=""
ARG UNSET
# expect: DL3051 @7 "Label `version` is empty"
LABEL version=${EMPTY} maintainer=$UNSET
LABEL version=1.0.0 maintainer="team@example.com"
# Over continuation lines, at the assignment.
LABEL version=1.0.0 \
# expect: DL3051 @7
      "maintainer"='' \
      other=1
# ONBUILD labels are for downstream images.
ONBUILD LABEL version=""
