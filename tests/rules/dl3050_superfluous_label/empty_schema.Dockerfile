# shipshape-test: --strict-labels
# Strict labels and no schema: every label is superfluous.
FROM alpine:3.20
# expect: DL3050 @7 "`maintainer`"
LABEL maintainer=team
