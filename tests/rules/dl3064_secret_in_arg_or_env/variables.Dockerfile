FROM alpine:3.20
ARG NAME=GITHUB_TOKEN
ARG UNKNOWN
# ENV keys are expanded, as BuildKit does.
# expect: DL3064 @5 "`ENV GITHUB_TOKEN`"
ENV ${NAME}=x
ENV ${UNKNOWN}=x
# Over continuation lines.
ENV A=1 \
# expect: DL3064 @7
      API_SECRET=2
