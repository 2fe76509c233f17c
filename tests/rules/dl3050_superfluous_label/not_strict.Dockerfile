# shipshape-test: --require-label=maintainer
# Without --strict-labels, other labels are allowed.
FROM alpine:3.20
LABEL maintainer=team build-host=ci-7
