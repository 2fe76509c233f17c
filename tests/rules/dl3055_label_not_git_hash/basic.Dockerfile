# shipshape-test: --require-label=revision:hash
FROM alpine:3.20
# Abbreviated (7 to 40 digits), full SHA-1 and SHA-256 object names.
LABEL revision="4f1c2a9"
LABEL revision="4f1c2a9b3e7d"
LABEL revision="4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c"
LABEL revision="4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c"
# expect: DL3055 @16 "Label `revision` is not a git commit hash: `main`"
LABEL revision="main"
# expect: DL3055 @16 "`4f1c2a`"
LABEL revision="4f1c2a"
# expect: DL3055 @16 "`4F1C2A9`"
LABEL revision="4F1C2A9"
# expect: DL3055 @16 "`4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c2`"
LABEL revision="4f1c2a9b3e7d4f1c2a9b3e7d4f1c2a9b3e7d4f1c2"
# expect: DL3055 @16 "`v1.2.3`"
LABEL revision="v1.2.3"
ARG GIT_SHA
ARG DEFAULT_SHA=deadbee
LABEL revision=$GIT_SHA
LABEL revision=$DEFAULT_SHA
